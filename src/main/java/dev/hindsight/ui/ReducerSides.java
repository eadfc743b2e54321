package dev.hindsight.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.audit.Masking;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventSource;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One stream folded with two reducer sets, both states shown at the same event: stepping moves
 * both. Each side's changes are what it has that the other has not, so both trees highlight the
 * paths where they differ, as Compare does.
 */
public final class ReducerSides {

  /**
   * Both states after the event at {@code ordinal} (-1: the initial states).
   *
   * @param changesA what A's state has that B's has not (B → A)
   * @param changesB what B's state has that A's has not (A → B)
   */
  public record At(
      String stream,
      int ordinal,
      int size,
      long version,
      String type,
      JsonNode stateA,
      JsonNode stateB,
      List<Change> changesA,
      List<Change> changesB) {

    public boolean differ() {
      return !changesB.isEmpty();
    }

    /** "payment-5006 at v3 · PaymentCaptured · 1 path differs", the pane's position line. */
    public String describe() {
      String where = ordinal < 0 ? "the initial state" : "v" + version + " · " + type;
      String differs =
          switch (changesB.size()) {
            case 0 -> "the same";
            case 1 -> "1 path differs";
            default -> changesB.size() + " paths differ";
          };
      return stream + " at " + where + " · " + differs;
    }
  }

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final ReadOnlyObjectWrapper<At> at = new ReadOnlyObjectWrapper<>(this, "at");
  private final ReadOnlyStringWrapper stream = new ReadOnlyStringWrapper(this, "stream");
  private TaskRunner.Handle folding;
  private StreamReplay a;
  private StreamReplay b;

  ReducerSides(TaskRunner tasks, ExplorerViewModel explorer) {
    this.tasks = tasks;
    this.explorer = explorer;
  }

  private record Folded(StreamReplay a, StreamReplay b) {}

  /** Folds {@code summary} with both sets in the background, then shows it at {@code version}. */
  void show(EventSource source, StreamSummary summary, ReducerSet setA, ReducerSet setB, long v) {
    stop();
    at.set(null);
    stream.set(summary.stream());
    folding =
        tasks.run(
            () -> new Folded(fold(source, summary, setA), fold(source, summary, setB)),
            folded -> {
              a = folded.a();
              b = folded.b();
              int o = a.ordinalOfVersion(v);
              go(o < 0 ? a.ordinalAtVersion(v) : o);
            },
            failure -> clear());
  }

  private static StreamReplay fold(EventSource source, StreamSummary s, ReducerSet set) {
    return StreamReplay.build(
        source, s, set.forStream(s.stream(), s.type()), ReplayOptions.defaults(), Progress.NONE);
  }

  /** The previous event (◀, Left) on both sides. */
  public void back() {
    step(-1);
  }

  /** The next event (▶, Right) on both sides. */
  public void forward() {
    step(1);
  }

  private void step(int by) {
    At now = at.get();
    if (now != null && a != null) {
      int o = now.ordinal() + by;
      if (o >= -1 && o < a.size()) {
        go(o);
      }
    }
  }

  private void go(int ordinal) {
    Masking mask = explorer.maskingProperty().get();
    JsonNode sa = mask.apply(a.stateAfter(ordinal));
    JsonNode sb = mask.apply(b.stateAfter(ordinal));
    at.set(
        new At(
            a.stream().stream(),
            ordinal,
            a.size(),
            ordinal < 0 ? 0 : a.version(ordinal),
            ordinal < 0 ? "" : a.type(ordinal),
            sa,
            sb,
            JsonDiff.diff(sb, sa),
            JsonDiff.diff(sa, sb)));
  }

  private void stop() {
    if (folding != null) {
      folding.cancel();
      folding = null;
    }
  }

  void clear() {
    stop();
    a = null;
    b = null;
    stream.set(null);
    at.set(null);
  }

  /** Both states at the event shown; null when no stream is chosen (or while it is folded). */
  public ReadOnlyObjectProperty<At> atProperty() {
    return at.getReadOnlyProperty();
  }

  /** The stream chosen; null when none is. */
  public ReadOnlyStringProperty streamProperty() {
    return stream.getReadOnlyProperty();
  }
}
