package dev.hindsight.ui;

import dev.hindsight.audit.Masking;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.Words;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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

  /** The stretches of time the density strip counts events in. */
  static final int DENSITY_BUCKETS = 160;

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
  private final ReadOnlyObjectWrapper<LogIndex.Density> density =
      new ReadOnlyObjectWrapper<>(this, "density");
  private final Map<Integer, LogRow[]> pages = new HashMap<>();
  private final List<Integer> pageOrder = new ArrayList<>();
  private final BitSet loading = new BitSet();
  private final ObjectProperty<EventFilter> filter =
      new SimpleObjectProperty<>(this, "filter", EventFilter.NONE);
  private EventSource source;
  private EventFilter indexed = EventFilter.NONE;
  private LogIndex index;
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
          shownSource == null || now == null || !now.location().equals(shownSource.location());
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
    try {
      filter.set(LogFilters.parse(types, streams, from, to, text, correlation));
      return null;
    } catch (DateTimeException e) {
      return "A time is ISO-8601, such as 2026-03-12T09:30:00Z, or a day, such as 2026-03-12.";
    }
  }

  /** Shows {@code next}'s events (none when null): its first page now, the rest as indexed. */
  void open(EventSource next) {
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    source = next;
    index = null;
    density.set(null);
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
        read -> {
          if (!mine.get()) {
            index = read;
            size.set(read.size());
            if (f.isEmpty()) {
              readTimes(next, read, mine); // the strip over time comes a little later
            } else {
              density.set(read.density(DENSITY_BUCKETS));
            }
            indexing.set(false);
            status.set(
                f.isEmpty()
                    ? Words.count(read.size(), "event")
                    : Words.count(read.size(), "event")
                        + (read.size() == 1 ? " matches" : " match")
                        + " the filter");
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
      if (index == null) {
        size.set(first.size());
      }
    }
  }

  /** The positions of the events {@code f} keeps: one read of the store, the first page shown. */
  private LogIndex filtered(EventSource s, EventFilter f, AtomicBoolean cancel) {
    List<StoredEvent> first = new ArrayList<>(PAGE);
    LogIndex out = new LogIndex();
    s.read(
        EventQuery.all().withFilter(f),
        e -> {
          out.add(e.position(), e.timestamp());
          if (out.size() % 5_000 == 0) { // progress: the matches so far
            String said =
                "Filtering… "
                    + Words.count(out.size(), "event")
                    + (out.size() == 1 ? " matches" : " match")
                    + " so far";
            tasks.later(
                () -> {
                  if (!cancel.get()) {
                    status.set(said);
                  }
                });
          }
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
    return out;
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

  private static LogIndex index(EventSource s, AtomicBoolean cancel) {
    LogIndex out = new LogIndex();
    s.positions(
        position -> {
          out.add(position, null);
          return !cancel.get();
        });
    return out;
  }

  /** Reads every event's time, in the background, for the strip over time and the time slider. */
  private void readTimes(EventSource s, LogIndex read, AtomicBoolean mine) {
    tasks.run(
        () -> {
          long[] times = new long[read.size()];
          int[] n = {0};
          s.timedPositions(
              (position, time) -> {
                if (n[0] < times.length) {
                  times[n[0]++] = time == null ? LogIndex.NO_TIME : time.toEpochMilli();
                }
                return n[0] < times.length && !mine.get();
              });
          return times;
        },
        times -> {
          if (!mine.get() && index == read) {
            read.setTimes(times);
            density.set(read.density(DENSITY_BUCKETS));
          }
        },
        failure -> {}); // the strip is a help: without it the Log is still whole
  }

  /** The events over time (the strip above the Log); null until the index is read. */
  public ReadOnlyObjectProperty<LogIndex.Density> densityProperty() {
    return density.getReadOnlyProperty();
  }

  /** The row of the first event at or after {@code time} (the global time slider); -1: none. */
  public int rowAt(Instant time) {
    return index == null ? -1 : index.rowAt(time);
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
    LogIndex read = index;
    EventSource s = source;
    if (read == null || s == null || loading.get(page) || page * PAGE >= read.size()) {
      return; // the index is on its way: the page is read when it is asked for again
    }
    loading.set(page);
    int from = page * PAGE;
    int count = Math.min(PAGE, read.size() - from);
    long after = from == 0 ? Long.MIN_VALUE : read.position(from - 1);
    AtomicBoolean mine = cancel;
    Set<Long> wanted = new HashSet<>();
    for (int k = from; k < from + count; k++) {
      wanted.add(read.position(k));
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
