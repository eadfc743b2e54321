package dev.hindsight.ui;

import dev.hindsight.tour.Tour;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A guided tour in the window: which tour, which step is current, and going from step to step. A
 * step is reached by Next and Previous, and also by stepping or playing onto its event ({@link
 * #arrivedAt}); playback pauses there so the caption can be read.
 */
final class TourViewModel {

  private final ExplorerViewModel explorer;
  private final ReadOnlyObjectWrapper<Tour> tour = new ReadOnlyObjectWrapper<>(this, "tour");
  private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
  private final ReadOnlyStringWrapper highlight = new ReadOnlyStringWrapper(this, "highlight");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
  private final ReadOnlyBooleanWrapper away = new ReadOnlyBooleanWrapper(this, "away");
  private String store;
  private java.util.function.BiConsumer<String, Long> onFlow = (stream, version) -> {};

  TourViewModel(ExplorerViewModel explorer) {
    this.explorer = explorer;
  }

  /** What a step with {@code "flow": true} does besides: show that event's flow. */
  void setOnFlow(java.util.function.BiConsumer<String, Long> action) {
    this.onFlow = action;
  }

  /** The tour being taken; null when none is. */
  ReadOnlyObjectProperty<Tour> tourProperty() {
    return tour.getReadOnlyProperty();
  }

  /** The current step's index; -1 before the first. */
  ReadOnlyIntegerProperty indexProperty() {
    return index.getReadOnlyProperty();
  }

  /** The state path to highlight: the current step's, while its event is shown; else null. */
  ReadOnlyStringProperty highlightProperty() {
    return highlight.getReadOnlyProperty();
  }

  /** Why the last step could not be shown (a stream the store does not have); null when it was. */
  ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /**
   * The caption to show: the current step's, while the position is on that step's stream; empty
   * with no tour, and once the position left the tour for a stream the step is not on.
   */
  ReadOnlyStringProperty captionProperty() {
    return caption.getReadOnlyProperty();
  }

  /** True while a tour is on but the position left it for another stream (or none). */
  ReadOnlyBooleanProperty awayProperty() {
    return away.getReadOnlyProperty();
  }

  boolean active() {
    return tour.get() != null;
  }

  /** Starts {@code t} at its first step, on the store open now: the tour belongs to it. */
  void start(Tour t) {
    store = explorer.streams().locationProperty().get();
    tour.set(t);
    index.set(-1);
    go(0);
  }

  /** Whether the tour being taken was started on the store at {@code location}. */
  boolean belongsTo(String location) {
    return active() && store != null && store.equals(location);
  }

  void close() {
    store = null;
    caption.set("");
    away.set(false);
    tour.set(null);
    index.set(-1);
    highlight.set(null);
    problem.set(null);
  }

  void next() {
    if (active() && index.get() < tour.get().steps().size() - 1) {
      go(index.get() + 1);
    }
  }

  void previous() {
    if (active() && index.get() > 0) {
      go(index.get() - 1);
    }
  }

  /** Shows step {@code i}: its stream at its version. */
  void go(int i) {
    Tour t = tour.get();
    if (t == null || i < 0 || i >= t.steps().size()) {
      return;
    }
    Tour.Step step = t.steps().get(i);
    caption.set(step.caption());
    away.set(false);
    index.set(i);
    highlight.set(step.path());
    problem.set(null);
    StreamViewModel open = explorer.streamProperty().get();
    if (open != null) {
      open.playingProperty().set(false);
    }
    if (open != null
        && open.stream().stream().equals(step.stream())
        && open.replayProperty().get() != null) {
      open.goToVersion(step.version());
    } else if (!explorer.openStream(step.stream(), step.version())) {
      problem.set(
          "Step "
              + (i + 1)
              + " is on stream "
              + step.stream()
              + ", which this store does not have. Is this the tour for another store?");
    }
    if (step.flow() && problem.get() == null) {
      onFlow.accept(step.stream(), step.version());
    }
  }

  /**
   * The position moved to {@code stream} (null: none) at {@code version}: a step there becomes
   * current (and playback pauses on it). Elsewhere on the current step's stream its caption stays,
   * without its highlight; on another stream the tour was left, and its caption goes (Next and
   * Previous still go on from the last step).
   *
   * @return whether a step is there
   */
  boolean arrivedAt(String stream, long version) {
    Tour t = tour.get();
    if (t == null) {
      return false;
    }
    int at = stream == null ? -1 : t.stepAt(stream, version);
    if (at < 0) {
      highlight.set(null);
      int i = index.get();
      if (i >= 0 && !t.steps().get(i).stream().equals(stream)) {
        away.set(true);
        caption.set("");
      }
      return false;
    }
    caption.set(t.steps().get(at).caption());
    away.set(false);
    index.set(at);
    highlight.set(t.steps().get(at).path());
    return true;
  }
}
