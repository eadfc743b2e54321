package dev.hindsight.ui;

import dev.hindsight.audit.Masking;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.Words;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.codec.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

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
  private final ObjectProperty<EventFilter> filter =
      new SimpleObjectProperty<>(this, "filter", EventFilter.NONE);
  private EventSource source;
  private EventFilter indexed = EventFilter.NONE;
  private long[] positions;
  private AtomicBoolean cancel = new AtomicBoolean();
  private EventSource shownSource;

  LogViewModel(TaskRunner tasks, ExplorerViewModel explorer) {
    this.tasks = tasks;
    this.explorer = explorer;
    this.masking = explorer.maskingProperty()::get;
    // the log reads the store only once it is shown
    shown.addListener(obs -> showStore());
    filter.addListener(obs -> open(shownSource));
    explorer.streams().sourceProperty().addListener(obs -> showStore());
  }

  /** Whether the Log is shown (rather than the open stream). */
  public BooleanProperty shownProperty() {
    return shown;
  }

  private void showStore() {
    EventSource now = explorer.streams().sourceProperty().get();
    if (shown.get() && now != shownSource) {
      boolean another =
          shownSource == null || now == null || !now.file().equals(shownSource.file());
      shownSource = now;
      if (another && !filter.get().isEmpty()) {
        filter.set(EventFilter.NONE); // another store: its log unfiltered (this opens it)
      } else {
        open(now);
      }
    }
  }

  /** A row chosen (double-click, Enter): its stream at its event, shown instead of the Log. */
  public void openRow(LogRow row) {
    StoredEvent e = row == null ? null : row.event();
    if (e != null && explorer.openStream(e.stream(), e.version())) {
      shown.set(false);
    }
  }

  /**
   * The events the Log lists: all of them, or those the filter keeps (its type, stream glob, times,
   * text and correlation). A new filter reads the index again, in the background.
   */
  public ObjectProperty<EventFilter> filterProperty() {
    return filter;
  }

  /**
   * Filters the Log by what the filter bar says (empty fields keep everything): types (commas
   * between them; a stored type or its short name), a stream glob, times from and to (ISO-8601, or
   * a day), text, a correlation id.
   *
   * @return null when it is applied, or why it is not (a time that cannot be read)
   */
  public String applyFilter(
      String types, String streams, String from, String to, String text, String correlation) {
    Instant fromTime;
    Instant toTime;
    try {
      fromTime = time(from, false);
      toTime = time(to, true);
    } catch (DateTimeException e) {
      return "A time is ISO-8601, such as 2026-03-12T09:30:00Z, or a day, such as 2026-03-12.";
    }
    List<String> typeList = new ArrayList<>();
    for (String t : blankToNull(types) == null ? new String[0] : types.split(",")) {
      if (!t.isBlank()) {
        typeList.add(t.strip());
      }
    }
    filter.set(
        EventFilter.NONE
            .withTypes(typeList)
            .withStreams(blankToNull(streams))
            .withTimes(fromTime, toTime)
            .withText(blankToNull(text))
            .withCorrelation(blankToNull(correlation)));
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A time bound: an ISO-8601 time, or a day (its start, or for an upper bound its end). */
  private static Instant time(String text, boolean upper) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
      LocalDate day = LocalDate.parse(t);
      Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      return upper ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1) : start;
    }
    Instant parsed = Timestamps.parse(t, "iso");
    if (parsed == null) {
      throw new DateTimeException(t);
    }
    return parsed;
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
    EventFilter f = filter.get();
    indexed = f;
    if (next == null) {
      indexing.set(false);
      status.set("");
      return;
    }
    indexing.set(true);
    status.set(f.isEmpty() ? "Reading the store's index…" : "Filtering every event…");
    loading.set(0);
    if (f.isEmpty()) {
      tasks.run(() -> firstPage(next), first -> firstPage(mine, first), e -> failed(mine, e));
    }
    tasks.run(
        () -> f.isEmpty() ? index(next, mine) : filtered(next, f, mine),
        index -> {
          if (!mine.get()) {
            positions = index;
            size.set(index.length);
            indexing.set(false);
            status.set(
                f.isEmpty()
                    ? Words.count(index.length, "event")
                    : Words.count(index.length, "event") + " match the filter");
            // the pages asked for while the index was read
            for (int page : List.copyOf(pages.keySet())) {
              if (pages.get(page)[0].event() == null) {
                load(page);
              }
            }
          }
        },
        failure -> failed(mine, failure));
  }

  private void firstPage(AtomicBoolean mine, List<StoredEvent> first) {
    if (!mine.get()) {
      loading.clear(0);
      keep(0, rows(0, first));
      if (positions == null) {
        size.set(first.size());
      }
    }
  }

  /** The positions of the events {@code f} keeps: one read of the store, the first page shown. */
  private long[] filtered(EventSource s, EventFilter f, AtomicBoolean cancel) {
    List<StoredEvent> first = new ArrayList<>(PAGE);
    long[][] buf = {new long[1 << 12]};
    int[] n = {0};
    s.read(
        EventQuery.all().withFilter(f),
        e -> {
          if (n[0] == buf[0].length) {
            buf[0] = Arrays.copyOf(buf[0], buf[0].length * 2);
          }
          buf[0][n[0]++] = e.position();
          if (first.size() < PAGE) {
            first.add(e);
            if (first.size() == PAGE) {
              List<StoredEvent> page = List.copyOf(first);
              tasks.later(() -> firstPage(cancel, page));
            }
          }
          return !cancel.get();
        });
    if (first.size() < PAGE) {
      List<StoredEvent> page = List.copyOf(first);
      tasks.later(() -> firstPage(cancel, page));
    }
    return Arrays.copyOf(buf[0], n[0]);
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
    Set<Long> wanted = new HashSet<>();
    for (int k = from; k < from + count; k++) {
      wanted.add(index[k]);
    }
    boolean all = indexed.isEmpty();
    tasks.run(
        () -> {
          List<StoredEvent> events = new ArrayList<>(count);
          if (all) {
            s.readAfter(after, count, events::add);
          } else { // the page's events by their positions: the ones between them are filtered out
            s.read(
                EventQuery.all().withFilter(EventFilter.NONE.withPositions(wanted)), events::add);
          }
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
