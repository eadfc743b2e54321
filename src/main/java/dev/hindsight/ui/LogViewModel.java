package dev.hindsight.ui;

import dev.hindsight.audit.Masking;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.Words;
import dev.hindsight.store.EventSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Log: every event of the open store in global order, as rows that are read only when shown.
 * Opening a store reads its first page at once and, meanwhile, the index of every event's position
 * (one column, one statement); a row is then read with its page of {@link #PAGE} rows, by position,
 * in the background. A million events cost the index (8 bytes each) and the pages in sight.
 */
public final class LogViewModel {

  /** The rows read together. */
  static final int PAGE = 200;

  /** The pages kept; further ones push out the oldest (they are read again when shown again). */
  static final int PAGES_KEPT = 64;

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final Supplier<Masking> masking;
  private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
  private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
  private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper(this, "indexing");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final Map<Integer, LogRow[]> pages = new HashMap<>();
  private final List<Integer> pageOrder = new ArrayList<>();
  private final BitSet loading = new BitSet();
  private EventSource source;
  private long[] positions;
  private AtomicBoolean cancel = new AtomicBoolean();
  private EventSource shownSource;

  LogViewModel(TaskRunner tasks, ExplorerViewModel explorer) {
    this.tasks = tasks;
    this.explorer = explorer;
    this.masking = explorer.maskingProperty()::get;
    // the log reads the store only once it is shown
    shown.addListener(obs -> showStore());
    explorer.streams().sourceProperty().addListener(obs -> showStore());
  }

  /** Whether the Log is shown (rather than the open stream). */
  public BooleanProperty shownProperty() {
    return shown;
  }

  private void showStore() {
    EventSource now = explorer.streams().sourceProperty().get();
    if (shown.get() && now != shownSource) {
      shownSource = now;
      open(now);
    }
  }

  /** A row chosen (double-click, Enter): its stream at its event, shown instead of the Log. */
  public void openRow(LogRow row) {
    StoredEvent e = row == null ? null : row.event();
    if (e != null && explorer.openStream(e.stream(), e.version())) {
      shown.set(false);
    }
  }

  /** Shows {@code next}'s events (none when null): its first page now, the rest as indexed. */
  void open(EventSource next) {
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    source = next;
    positions = null;
    pages.clear();
    pageOrder.clear();
    loading.clear();
    size.set(0);
    if (next == null) {
      indexing.set(false);
      status.set("");
      return;
    }
    indexing.set(true);
    status.set("Reading the store's index…");
    loading.set(0);
    tasks.run(
        () -> firstPage(next),
        first -> {
          if (!mine.get()) {
            loading.clear(0);
            keep(0, rows(0, first));
            if (positions == null) {
              size.set(first.size());
            }
          }
        },
        failure -> failed(mine, failure));
    tasks.run(
        () -> index(next, mine),
        index -> {
          if (!mine.get()) {
            positions = index;
            size.set(index.length);
            // the pages asked for while the index was read
            for (int page : List.copyOf(pages.keySet())) {
              if (pages.get(page)[0].event() == null) {
                load(page);
              }
            }
            indexing.set(false);
            status.set(Words.count(index.length, "event"));
          }
        },
        failure -> failed(mine, failure));
  }

  private void failed(AtomicBoolean mine, Throwable failure) {
    if (!mine.get()) {
      indexing.set(false);
      status.set("The log could not be read: " + StoreViewModel.message(failure));
    }
  }

  private static List<StoredEvent> firstPage(EventSource s) {
    List<StoredEvent> first = new ArrayList<>(PAGE);
    s.readAfter(Long.MIN_VALUE, PAGE, first::add);
    return first;
  }

  private static long[] index(EventSource s, AtomicBoolean cancel) {
    long[][] buf = {new long[1 << 16]};
    int[] n = {0};
    s.positions(
        p -> {
          if (n[0] == buf[0].length) {
            buf[0] = Arrays.copyOf(buf[0], buf[0].length * 2);
          }
          buf[0][n[0]++] = p;
          return !cancel.get();
        });
    return Arrays.copyOf(buf[0], n[0]);
  }

  /**
   * Row {@code i} (0 is the oldest event); its event arrives in the background when it is not read
   * yet, so a row may be empty at first.
   */
  public LogRow row(int i) {
    int page = i / PAGE;
    LogRow[] rows = pages.get(page);
    if (rows == null) {
      rows = new LogRow[PAGE];
      for (int k = 0; k < PAGE; k++) {
        rows[k] = new LogRow(page * PAGE + k);
      }
      keep(page, rows);
      load(page);
    }
    return rows[i % PAGE];
  }

  private void keep(int page, LogRow[] rows) {
    pages.put(page, rows);
    pageOrder.remove(Integer.valueOf(page));
    pageOrder.add(page);
    while (pageOrder.size() > PAGES_KEPT) {
      pages.remove(pageOrder.remove(0));
    }
  }

  private LogRow[] rows(int page, List<StoredEvent> events) {
    LogRow[] rows = pages.getOrDefault(page, new LogRow[PAGE]);
    Masking mask = masking.get();
    for (int k = 0; k < PAGE; k++) {
      if (rows[k] == null) {
        rows[k] = new LogRow(page * PAGE + k);
      }
      if (k < events.size()) {
        rows[k].show(mask.apply(events.get(k)));
      }
    }
    return rows;
  }

  private void load(int page) {
    long[] index = positions;
    EventSource s = source;
    if (index == null || s == null || loading.get(page) || page * PAGE >= index.length) {
      return; // the index is on its way: the page is read when it is asked for again
    }
    loading.set(page);
    int from = page * PAGE;
    int count = Math.min(PAGE, index.length - from);
    long after = from == 0 ? Long.MIN_VALUE : index[from - 1];
    AtomicBoolean mine = cancel;
    tasks.run(
        () -> {
          List<StoredEvent> events = new ArrayList<>(count);
          s.readAfter(after, count, events::add);
          return events;
        },
        events -> {
          loading.clear(page);
          if (!mine.get() && pages.containsKey(page)) {
            rows(page, events);
          }
        },
        failure -> {
          loading.clear(page);
          failed(mine, failure);
        });
  }

  /** How many events the log has (the first page's until the index is read). */
  public ReadOnlyIntegerProperty sizeProperty() {
    return size.getReadOnlyProperty();
  }

  /** Whether the index is being read. */
  public ReadOnlyBooleanProperty indexingProperty() {
    return indexing.getReadOnlyProperty();
  }

  /** A line about the log: how many events, or what went wrong. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
