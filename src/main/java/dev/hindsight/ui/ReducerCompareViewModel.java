package dev.hindsight.ui;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.ReducerComparison;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File › Compare with Other Reducers…: the reducers loaded in the window (A) against another file
 * or folder of reducers (B), every stream either applies to folded with both in the background
 * ({@link ReducerComparison}). The streams that differ are listed with their first differing event;
 * choosing one shows both states there ({@link ReducerSides}). Reloading A (F5, or its file saved)
 * re-reads B from its path and compares again; another store or another comparison cancels this
 * one.
 */
public final class ReducerCompareViewModel {

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final Function<Path, ReducerSet> loader;
  private final ObservableList<ReducerComparison.Difference> rows =
      FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Path> other = new ReadOnlyObjectWrapper<>(this, "other");
  private final ReadOnlyObjectWrapper<ReducerComparison.Result> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReducerSides sides;
  private AtomicBoolean cancel = new AtomicBoolean();
  private TaskRunner.Handle running;
  private ReducerSet setA = ReducerSet.generic();
  private ReducerSet setB;
  private List<StreamSummary> comparedStreams = List.of(); // the streams the comparison read

  ReducerCompareViewModel(TaskRunner tasks, ExplorerViewModel explorer) {
    this(tasks, explorer, JsReducers::load);
  }

  ReducerCompareViewModel(
      TaskRunner tasks, ExplorerViewModel explorer, Function<Path, ReducerSet> loader) {
    this.tasks = tasks;
    this.explorer = explorer;
    this.loader = loader;
    this.sides = new ReducerSides(tasks, explorer);
    message.set("File › Compare with Other Reducers…: another file or folder of reducers.");
    explorer.streams().sourceProperty().addListener(obs -> clear());
    // the window's reducers reloaded (F5, or their file saved): B is read again and compared
    explorer
        .reducersProperty()
        .addListener(
            (obs, old, now) -> {
              if (other.get() != null) {
                reload();
              }
            });
  }

  /** Compares the window's reducers with those at {@code path} (a .js file or a folder). */
  public void compare(Path path) {
    other.set(path);
    reload();
  }

  /** Reads B again from its path and compares it with the window's reducers as they are now. */
  public void reload() {
    Path path = other.get();
    EventSource source = explorer.streams().sourceProperty().get();
    if (path == null) {
      return;
    }
    if (source == null) {
      message.set("Open a store first: the comparison folds its streams.");
      return;
    }
    stop();
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    ReducerSet a = explorer.reducersProperty().get();
    // a server store's streams are read here, in the background, not at open
    var everyStream = explorer.streams().everyStream();
    busy.set(true);
    progress.set(0);
    message.set("Reading " + path.getFileName() + "…");
    running =
        tasks.run(
            () -> {
              ReducerSet b = loader.apply(path);
              List<StreamSummary> candidates = everyStream.get();
              ReducerComparison.Result r =
                  new ReducerComparison(a, b)
                      .run(
                          source,
                          candidates,
                          d -> {},
                          (done, all) -> {
                            double p = (double) done / Math.max(1, all);
                            tasks.later(() -> progress.set(p));
                            return !mine.get();
                          });
              return new Compared(b, r, candidates);
            },
            compared -> {
              if (mine.get()) {
                return;
              }
              busy.set(false);
              setA = a;
              setB = compared.b();
              comparedStreams = compared.streams();
              String selected = sides.streamProperty().get();
              result.set(compared.result());
              rows.setAll(compared.result().differ());
              message.set(status(compared.result()));
              // the stream being looked at stays, at the event where it now differs (if it does)
              Optional<ReducerComparison.Difference> again =
                  rows.stream().filter(d -> d.stream().equals(selected)).findFirst();
              if (again.isPresent()) {
                select(again.get());
              } else {
                sides.clear();
              }
            },
            failure -> {
              if (mine.get()) {
                return;
              }
              busy.set(false);
              message.set(
                  failure instanceof CancellationException
                      ? "Cancelled."
                      : "The comparison failed: " + StoreViewModel.message(failure));
            });
  }

  private record Compared(
      ReducerSet b, ReducerComparison.Result result, List<StreamSummary> streams) {}

  /** "N streams compared: S the same, D differ, E reducer errors". */
  static String status(ReducerComparison.Result r) {
    return Words.count(r.streams(), "stream")
        + " compared: "
        + r.same()
        + " the same, "
        + r.differ().size()
        + " differ, "
        + Words.count(r.errors().size(), "reducer error");
  }

  /** Shows both states of {@code d}'s stream at the event where they first differ. */
  public void select(ReducerComparison.Difference d) {
    if (d == null || setB == null) {
      sides.clear();
      return;
    }
    EventSource source = explorer.streams().sourceProperty().get();
    StreamSummary summary =
        comparedStreams.stream()
            .filter(s -> s.stream().equals(d.stream()))
            .findFirst()
            .orElse(null);
    if (source == null || summary == null) {
      sides.clear();
      return;
    }
    sides.show(source, summary, setA, setB, d.version());
  }

  /** Stops the comparison under way: its rows stay as they were. */
  public void cancel() {
    if (busy.get()) {
      stop();
      busy.set(false);
      message.set("Cancelled.");
    }
  }

  private void stop() {
    cancel.set(true);
    if (running != null) {
      running.cancel();
      running = null;
    }
  }

  private void clear() {
    stop();
    other.set(null);
    busy.set(false);
    result.set(null);
    rows.clear();
    setB = null;
    sides.clear();
    message.set("");
  }

  /** The streams that differ, in stream-id order, each with its first differing event. */
  public ObservableList<ReducerComparison.Difference> rows() {
    return rows;
  }

  /** Both states of the chosen stream, side by side. */
  public ReducerSides sides() {
    return sides;
  }

  /** B: the file or folder compared with the window's reducers; null before one is chosen. */
  public ReadOnlyObjectProperty<Path> otherProperty() {
    return other.getReadOnlyProperty();
  }

  /** The last comparison's result; null while none is done. */
  public ReadOnlyObjectProperty<ReducerComparison.Result> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** "A: 10-orders.js", or the generic reducer's. */
  public String nameA() {
    Path a = explorer.reducerPathProperty().get();
    return "A: " + (a == null ? "the generic reducer" : a.getFileName());
  }

  /** "B: fix.js". */
  public String nameB() {
    Path b = other.get();
    return "B: " + (b == null ? "—" : b.getFileName());
  }

  /** The status line: what was compared and how many differ, or what is going on. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** How much of the comparison is done, 0 to 1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }
}
