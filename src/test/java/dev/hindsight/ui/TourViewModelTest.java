package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.tour.Tour;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tour on the demo store, without a toolkit: steps, streams, captions' highlights, problems. */
class TourViewModelTest {

  private ExplorerViewModel explorer;
  private TourViewModel tour;
  private Path demo;

  @BeforeEach
  void openTheDemo() throws Exception {
    demo = DemoStore.copy();
    explorer = TestWindows.explorer(TaskRunner.sameThread());
    explorer.loadReducers(DemoStore.reducersOf(demo));
    explorer.streams().open(demo);
    tour = new TourViewModel(explorer);
  }

  @AfterEach
  void close() {
    explorer.close();
  }

  private String at() {
    StreamViewModel vm = explorer.streamProperty().get();
    return vm.stream().stream() + " v" + vm.pointProperty().get().event().version();
  }

  @Test
  void startingShowsTheFirstStepAndNextAndPreviousGoAcrossStreams() {
    Tour t = DemoStore.tour();
    tour.start(t);
    assertThat(tour.indexProperty().get()).isZero();
    assertThat(at()).isEqualTo(t.steps().get(0).stream() + " v" + t.steps().get(0).version());
    assertThat(tour.highlightProperty().get()).isEqualTo(t.steps().get(0).path());

    for (int i = 1; i < t.steps().size(); i++) {
      tour.next();
      Tour.Step step = t.steps().get(i);
      assertThat(at()).as("step %d", i + 1).isEqualTo(step.stream() + " v" + step.version());
      assertThat(tour.indexProperty().get()).isEqualTo(i);
    }
    tour.next(); // the last step stays
    assertThat(tour.indexProperty().get()).isEqualTo(t.steps().size() - 1);
    tour.previous();
    assertThat(tour.indexProperty().get()).isEqualTo(t.steps().size() - 2);
    assertThat(tour.problemProperty().get()).isNull();
  }

  @Test
  void arrivingOnAStepsEventMakesItCurrentAndElsewhereDropsTheHighlightButNotTheStep() {
    Tour t = DemoStore.tour();
    tour.start(t);
    Tour.Step third = t.steps().get(2);
    assertThat(tour.arrivedAt(third.stream(), third.version())).isTrue();
    assertThat(tour.indexProperty().get()).isEqualTo(2);
    assertThat(tour.highlightProperty().get()).isEqualTo(third.path());

    assertThat(tour.arrivedAt("account-operating", 999)).isFalse();
    assertThat(tour.indexProperty().get()).as("the caption stays").isEqualTo(2);
    assertThat(tour.highlightProperty().get()).isNull();
  }

  @Test
  void aStepOnAStreamTheStoreLacksSaysSoAndTheTourBelongsToItsStore() {
    tour.start(
        Tour.parse(
            "{\"title\":\"t\",\"steps\":[{\"stream\":\"cart-301\",\"version\":1,\"caption\":\"a\"},"
                + "{\"stream\":\"nowhere-1\",\"version\":1,\"caption\":\"b\"}]}"));
    assertThat(tour.belongsTo(demo.toString())).isTrue();
    assertThat(tour.belongsTo("other.db")).isFalse();
    tour.next();
    assertThat(tour.problemProperty().get())
        .isEqualTo(
            "Step 2 is on stream nowhere-1, which this store does not have."
                + " Is this the tour for another store?");
    assertThat(at()).as("the step before stays shown").isEqualTo("cart-301 v1");

    tour.close();
    assertThat(tour.active()).isFalse();
    assertThat(tour.belongsTo(demo.toString())).isFalse();
    assertThat(tour.highlightProperty().get()).isNull();
  }

  @Test
  void aStepPausesPlaybackWhenGoingThere() {
    tour.start(DemoStore.tour());
    StreamViewModel vm = explorer.streamProperty().get();
    vm.playingProperty().set(true);
    tour.next();
    assertThat(explorer.streamProperty().get().playingProperty().get()).isFalse();
  }

  @Test
  void aStepWithAFlowAsksTheWindowToShowThatEventsFlow() {
    Tour t = DemoStore.tour();
    int flowStep = -1;
    for (int i = 0; i < t.steps().size(); i++) {
      if (t.steps().get(i).flow()) {
        flowStep = i;
      }
    }
    assertThat(flowStep).as("the demo tour follows the double charge's flow").isPositive();
    java.util.List<String> asked = new java.util.ArrayList<>();
    tour.setOnFlow((stream, version) -> asked.add(stream + " v" + version));
    tour.start(t);
    tour.go(flowStep - 1);
    assertThat(asked).isEmpty();
    tour.go(flowStep);
    assertThat(asked).containsExactly("payment-5006 v3");
  }
}
