package dev.hindsight.ui;

import dev.hindsight.audit.OutputPaths;
import dev.hindsight.event.StreamGlob;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.ReducerException;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
 * The open store: which store it is (and the mapping it was read with), its source, its streams and
 * the stream list's filter, and what to tell the user about it. It owns the source: the previous
 * one is closed when another store opens, the last one when the window closes. It never sees a
 * control; opening and reading run through the {@link TaskRunner}.
 */
public final class StoreViewModel {

  private final TaskRunner tasks;
  private final Function<StoreTarget, EventSource> opener;
  private final ObservableList<StreamSummary> streams = FXCollections.observableArrayList();
  private final FilteredList<StreamSummary> visible = new FilteredList<>(streams, s -> true);
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyObjectWrapper<StoreTarget> target =
      new ReadOnlyObjectWrapper<>(this, "target");
  private final ReadOnlyObjectWrapper<EventSource> source =
      new ReadOnlyObjectWrapper<>(this, "source");
  private final ReadOnlyStringWrapper layoutName =
      new ReadOnlyStringWrapper(this, "layoutName", "");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(this, "status", "No store open");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private long generation;

  public StoreViewModel(TaskRunner tasks, Function<StoreTarget, EventSource> opener) {
    this.tasks = tasks;
    this.opener = opener;
    filter.addListener((obs, old, text) -> applyFilter(text));
  }

  /** Opens {@code path}, its layout detected, in the background. */
  public void open(Path path) {
    open(StoreTarget.of(path), list -> {});
  }

  /** Opens {@code target} in the background. */
  public void open(StoreTarget target) {
    open(target, list -> {});
  }

  /**
   * Opens {@code target} in the background; the previous store stays shown until this one is read.
   * Then {@code after} runs with its streams, or with none when it failed or another store was
   * opened meanwhile: it always runs.
   */
  public void open(StoreTarget target, Consumer<List<StreamSummary>> after) {
    long mine = ++generation;
    Path path = target.file();
    busy.set(true);
    error.set(null);
    status.set("Opening " + path.getFileName() + "…");
    tasks.run(
        () -> {
          EventSource opened = opener.apply(target);
          try {
            return new Opened(opened, opened.layout().name(), opened.streams());
          } catch (RuntimeException e) {
            opened.close();
            throw e;
          }
        },
        opened -> {
          if (mine != generation) {
            closeLater(opened.source());
            after.accept(List.of());
            return;
          }
          EventSource previous = this.source.get();
          this.source.set(opened.source());
          closeLater(previous);
          layoutName.set(opened.layout());
          streams.setAll(opened.streams());
          this.target.set(target);
          file.set(path); // last: whoever listens to it finds the store's streams in place
          busy.set(false);
          updateStatus();
          after.accept(opened.streams());
        },
        failure -> {
          if (mine == generation) {
            busy.set(false);
            error.set(message(failure));
            if (file.get() == null) {
              status.set("Could not open " + path.getFileName());
            } else {
              updateStatus(); // the store that was open stays open, and the status says so
            }
          }
          after.accept(List.of());
        });
  }

  /** Closes a source in the background: closing waits for a read in progress on it. */
  private void closeLater(EventSource old) {
    if (old != null) {
      tasks.run(
          () -> {
            old.close();
            return null;
          },
          done -> {},
          failure -> {});
    }
  }

  private record Opened(EventSource source, String layout, List<StreamSummary> streams) {}

  /**
   * Opens the same store again (one that had to be: see {@code EventSource.Change}), then runs
   * {@code after} with its streams.
   */
  public void reopen(Consumer<List<StreamSummary>> after) {
    StoreTarget t = target.get();
    if (t == null) {
      after.accept(List.of());
    } else {
      open(t, after);
    }
  }

  /**
   * Reads the open store's streams again (it was written to) and shows them; then runs {@code
   * after} on the UI thread with the new list. The filter stays as it is.
   */
  public void refresh(Consumer<List<StreamSummary>> after) {
    EventSource open = source.get();
    if (open == null) {
      after.accept(List.of());
      return;
    }
    long mine = generation;
    tasks.run(
        open::streams,
        list -> {
          if (mine != generation || source.get() != open) {
            after.accept(List.of()); // another store was opened meanwhile: nothing to show
            return;
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
        || failure instanceof ReducerException
        || failure instanceof OutputPaths.Refused) {
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
      Pattern glob = StreamGlob.compile(t, true);
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

  /** The open store and its mapping; null before one is open. */
  public ReadOnlyObjectProperty<StoreTarget> targetProperty() {
    return target.getReadOnlyProperty();
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
