package dev.hindsight.ui;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The state of the window's stream list: which store is open, its streams, the filter, and what to
 * tell the user. It never sees a control; opening a store runs through the {@link TaskRunner}.
 */
public final class StreamListViewModel {

  private final TaskRunner tasks;
  private final Function<Path, EventSource> opener;
  private final ObservableList<StreamSummary> streams = FXCollections.observableArrayList();
  private final FilteredList<StreamSummary> visible = new FilteredList<>(streams, s -> true);
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyObjectWrapper<EventSource> source =
      new ReadOnlyObjectWrapper<>(this, "source");
  private final ReadOnlyStringWrapper layoutName =
      new ReadOnlyStringWrapper(this, "layoutName", "");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(this, "status", "No store open");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private long generation;

  public StreamListViewModel(TaskRunner tasks, Function<Path, EventSource> opener) {
    this.tasks = tasks;
    this.opener = opener;
    filter.addListener((obs, old, text) -> applyFilter(text));
  }

  /**
   * Opens {@code path} in the background; the previous store stays shown until this one is read.
   */
  public void open(Path path) {
    long mine = ++generation;
    busy.set(true);
    error.set(null);
    status.set("Opening " + path.getFileName() + "…");
    tasks.run(
        () -> {
          EventSource source = opener.apply(path);
          try {
            return new Opened(source, source.layout().name(), source.streams());
          } catch (RuntimeException e) {
            source.close();
            throw e;
          }
        },
        opened -> {
          if (mine != generation) {
            opened.source().close();
            return;
          }
          EventSource previous = this.source.get();
          this.source.set(opened.source());
          if (previous != null) {
            // closing waits for any read in progress on it; never on the UI thread
            tasks.run(
                () -> {
                  previous.close();
                  return null;
                },
                done -> {},
                failure -> {});
          }
          layoutName.set(opened.layout());
          streams.setAll(opened.streams());
          file.set(path); // last: whoever listens to it finds the store's streams in place
          busy.set(false);
          updateStatus();
          if (afterOpen != null) {
            var after = afterOpen;
            afterOpen = null;
            after.accept(opened.streams());
          }
        },
        failure -> {
          if (mine != generation) {
            return;
          }
          busy.set(false);
          error.set(message(failure));
          if (afterOpen != null) {
            var after = afterOpen;
            afterOpen = null;
            after.accept(List.of());
          }
          if (file.get() == null) {
            status.set("Could not open " + path.getFileName());
          } else {
            updateStatus(); // the store that was open stays open, and the status says so
          }
        });
  }

  private record Opened(EventSource source, String layout, List<StreamSummary> streams) {}

  /**
   * Opens the same file again (a store that had to be: see {@code SqliteEventSource.Change}), then
   * runs {@code after} with its streams.
   */
  public void reopen(java.util.function.Consumer<List<StreamSummary>> after) {
    Path path = file.get();
    if (path != null) {
      afterOpen = after;
      open(path);
    }
  }

  private java.util.function.Consumer<List<StreamSummary>> afterOpen;

  /**
   * Reads the open store's streams again (it was written to) and shows them; then runs {@code
   * after} on the UI thread with the new list. The filter stays as it is.
   */
  public void refresh(java.util.function.Consumer<List<StreamSummary>> after) {
    EventSource open = source.get();
    if (open == null) {
      return;
    }
    long mine = generation;
    tasks.run(
        open::streams,
        list -> {
          if (mine != generation || source.get() != open) {
            return; // another store was opened meanwhile
          }
          streams.setAll(list);
          updateStatus();
          after.accept(list);
        },
        failure -> {
          error.set(message(failure));
          after.accept(List.of()); // the caller's work is done, if not well
        });
  }

  /** The open store, kept open while it is shown; the previous one is closed when another opens. */
  public ReadOnlyObjectProperty<EventSource> sourceProperty() {
    return source.getReadOnlyProperty();
  }

  /** Closes the open store (when the window closes). */
  public void close() {
    generation++; // an open still running installs nothing now: its source is closed when it ends
    EventSource s = source.get();
    source.set(null);
    if (s != null) {
      s.close();
    }
  }

  static String message(Throwable failure) {
    if (failure instanceof StoreException
        || failure instanceof dev.hindsight.replay.ReducerException) {
      return failure.getMessage();
    }
    String m = failure.getMessage();
    return failure.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private void applyFilter(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      visible.setPredicate(s -> true);
    } else if (t.contains("*") || t.contains("?")) {
      Pattern glob = dev.hindsight.event.StreamGlob.compile(t, true);
      visible.setPredicate(s -> glob.matcher(s.stream()).matches());
    } else {
      String lower = t.toLowerCase(Locale.ROOT);
      visible.setPredicate(
          s ->
              s.stream().toLowerCase(Locale.ROOT).contains(lower)
                  || (s.type() != null && s.type().toLowerCase(Locale.ROOT).equals(lower)));
    }
    updateStatus();
  }

  private void updateStatus() {
    if (file.get() == null) {
      return;
    }
    long events = streams.stream().mapToLong(StreamSummary::events).sum();
    String shown = visible.size() == streams.size() ? "" : visible.size() + " of ";
    status.set(
        String.format(Locale.ROOT, "%s%,d streams · %,d events", shown, streams.size(), events));
  }

  /** Every stream of the open store, whatever the filter. */
  public List<StreamSummary> allStreams() {
    return streams;
  }

  public ObservableList<StreamSummary> visibleStreams() {
    return visible;
  }

  public StringProperty filterProperty() {
    return filter;
  }

  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty layoutNameProperty() {
    return layoutName.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The last failure's message, or null; the view shows it in a dialog. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
