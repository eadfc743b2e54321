package dev.hindsight.ui;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.audit.Masking;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StoreStates;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.codec.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The store as of a time: every stream of one aggregate type with its state as of then (after its
 * last event at or before it), folded in the background with the window's reducers, shown as rows
 * with columns picked as JSON pointers into the state. A row opens its stream at that event.
 */
public final class AsOfViewModel {

  /** One stream as of the time: its version then, its state, and the chosen columns' values. */
  public record Row(String stream, long version, JsonNode state, List<String> values) {}

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final StringProperty type = new SimpleStringProperty(this, "type", "");
  private final StringProperty time = new SimpleStringProperty(this, "time", "");
  private final StringProperty columns = new SimpleStringProperty(this, "columns", "");
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final FilteredList<Row> shownRows = new FilteredList<>(rows, r -> true);
  private final ObservableList<String> pointers = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private AtomicBoolean cancel = new AtomicBoolean();
  private Runnable onOpen = () -> {};
  private List<StreamSummary> every; // a server store's streams, read when first needed here
  private boolean readingEvery;

  AsOfViewModel(TaskRunner tasks, ExplorerViewModel explorer) {
    this.tasks = tasks;
    this.explorer = explorer;
    filter.addListener((obs, old, text) -> refilter());
    explorer
        .streams()
        .sourceProperty()
        .addListener(
            obs -> {
              cancel();
              every = null;
              readingEvery = false;
              rows.clear();
              message.set("");
            });
  }

  /**
   * The streams known here: a file's, or a server store's once read (the first question asks for
   * them, in the background; until then, those listed).
   */
  private List<StreamSummary> known() {
    StoreViewModel store = explorer.streams();
    if (store.complete()) {
      return store.allStreams();
    }
    if (every == null && !readingEvery && store.sourceProperty().get() != null) {
      readingEvery = true;
      var source = store.sourceProperty().get();
      tasks.run(
          store.everyStream()::get,
          all -> {
            if (store.sourceProperty().get() == source) {
              every = all;
            }
            readingEvery = false;
          },
          failure -> readingEvery = false);
    }
    return every == null ? store.allStreams() : every;
  }

  /** The aggregate types of the open store, to choose from. */
  public List<String> types() {
    TreeSet<String> out = new TreeSet<>();
    for (StreamSummary s : known()) {
      if (s.type() != null) {
        out.add(s.type());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Folds every stream of the chosen type up to the chosen time, in the background.
   *
   * @return null when it started, or why not (no type, a time that cannot be read)
   */
  public String show() {
    EventSource source = explorer.streams().sourceProperty().get();
    String t = type.get() == null ? "" : type.get().strip();
    if (source == null || t.isEmpty()) {
      return "Choose an aggregate type.";
    }
    Instant at;
    try {
      at = time(time.get());
    } catch (DateTimeException | IllegalArgumentException e) {
      return "A time is ISO-8601, such as 2026-03-12T09:30:00Z, or a day, such as 2026-03-12"
          + " (its end).";
    }
    List<String> chosen = new ArrayList<>();
    for (String p : (columns.get() == null ? "" : columns.get()).split(",")) {
      if (!p.isBlank()) {
        String pointer = p.strip().startsWith("/") ? p.strip() : "/" + p.strip();
        JsonPointer.compile(pointer); // a mistake is said now, not in the background
        chosen.add(pointer);
      }
    }
    // a server store's streams are read here, in the background, not at open
    var everyStream = explorer.streams().everyStream();
    List<StreamSummary> streams = new ArrayList<>();
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    busy.set(true);
    progress.set(0);
    message.set(
        explorer.streams().complete()
            ? "Folding "
                + Words.count(
                    explorer.streams().allStreams().stream()
                        .filter(s -> t.equals(s.type()))
                        .count(),
                    "stream")
                + "…"
            : "Reading the streams of type " + t + "…");
    Masking mask = explorer.maskingProperty().get();
    var reducers = explorer.reducersProperty().get();
    tasks.run(
        () ->
            StoreStates.of(
                source,
                pick(everyStream.get(), t, streams),
                reducers,
                StoreStates.Point.asOf(at),
                ReplayOptions.defaults(),
                error -> {},
                (done, all) -> {
                  double p = (double) done / Math.max(1, all);
                  tasks.later(() -> progress.set(p));
                  return !mine.get();
                }),
        states -> {
          if (mine.get()) {
            return;
          }
          busy.set(false);
          pointers.setAll(chosen);
          List<Row> out = new ArrayList<>();
          for (StoreStates.StreamState s : states) {
            JsonNode state = mask.apply(s.state());
            List<String> values = new ArrayList<>();
            for (String p : chosen) {
              JsonNode v = state == null ? null : state.at(p);
              values.add(
                  v == null || v.isMissingNode() ? "" : v.isTextual() ? v.asText() : v.toString());
            }
            out.add(new Row(s.stream(), s.version(), state, values));
          }
          rows.setAll(out);
          message.set(
              Words.count(out.size(), "stream")
                  + " of type "
                  + t
                  + " as of "
                  + at.truncatedTo(ChronoUnit.SECONDS)
                  + (out.size() < streams.size()
                      ? " (" + (streams.size() - out.size()) + " had no event by then)"
                      : ""));
        },
        failure -> {
          if (!mine.get()) {
            busy.set(false);
            message.set("The states could not be folded: " + StoreViewModel.message(failure));
          }
        });
    return null;
  }

  /** The streams of type {@code t} among {@code all}, also kept in {@code into}. */
  private static List<StreamSummary> pick(
      List<StreamSummary> all, String t, List<StreamSummary> into) {
    List<StreamSummary> picked = all.stream().filter(s -> t.equals(s.type())).toList();
    synchronized (into) {
      into.addAll(picked);
    }
    return picked;
  }

  /** Stops folding. */
  public void cancel() {
    cancel.set(true);
    if (busy.get()) {
      busy.set(false);
      message.set("Cancelled.");
    }
  }

  /**
   * The time {@code fraction} of the way through the store (0 its first event's time, 1 its
   * last's), written in the time field: the global time slider. Null when no event has a time.
   */
  public String timeAt(double fraction) {
    Instant first = null;
    Instant last = null;
    for (StreamSummary s : known()) {
      if (s.firstTimestamp() != null && (first == null || s.firstTimestamp().isBefore(first))) {
        first = s.firstTimestamp();
      }
      if (s.lastTimestamp() != null && (last == null || s.lastTimestamp().isAfter(last))) {
        last = s.lastTimestamp();
      }
    }
    if (first == null || last == null) {
      return null;
    }
    long from = first.toEpochMilli();
    Instant at = Instant.ofEpochMilli(from + (long) (fraction * (last.toEpochMilli() - from)));
    String text = at.truncatedTo(ChronoUnit.SECONDS).toString();
    time.set(text);
    return text;
  }

  /** A time: ISO-8601, or a day meaning its end (the states as the day closed); empty: now. */
  static Instant time(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Instant.now();
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(t).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }
    Instant parsed = Timestamps.parse(t, "iso");
    if (parsed == null) {
      throw new DateTimeException(t);
    }
    return parsed;
  }

  private void refilter() {
    String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    shownRows.setPredicate(
        f.isEmpty()
            ? r -> true
            : r ->
                r.stream().toLowerCase(Locale.ROOT).contains(f)
                    || r.values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(f)));
  }

  /** A row chosen: its stream at the version it had then. */
  public void open(Row row) {
    if (explorer.openStream(row.stream(), row.version())) {
      onOpen.run();
    }
  }

  /** What the window does once a row's stream is open (shows it). */
  void setOnOpen(Runnable action) {
    this.onOpen = action;
  }

  public StringProperty typeProperty() {
    return type;
  }

  /** The time: ISO-8601 or a day (its end); empty is now. */
  public StringProperty timeProperty() {
    return time;
  }

  /** The columns: JSON pointers into the state, commas between them (/status, /total/amount). */
  public StringProperty columnsProperty() {
    return columns;
  }

  /** Text a row's stream or a value must contain to be listed. */
  public StringProperty filterProperty() {
    return filter;
  }

  /** The rows listed (the filter applied). */
  public ObservableList<Row> rows() {
    return shownRows;
  }

  /** The columns of the rows listed, as JSON pointers. */
  public ObservableList<String> pointers() {
    return pointers;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }
}
