package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.tour.Tour;
import dev.hindsight.ui.timeline.TimelineBar;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The demo tour and presentation mode on Monocle, as a trainer drives them. */
@ExtendWith(ApplicationExtension.class)
class TourFxTest {

  private ExplorerViewModel model;
  private MainWindow window;

  @Start
  void start(Stage stage) throws Exception {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    window = TestWindows.window();
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    Path demo = DemoStore.copy();
    model.loadReducers(DemoStore.reducersOf(demo));
    model.streams().open(demo);
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  private String at() throws Exception {
    return fx(
        () -> {
          StreamViewModel vm = model.streamProperty().get();
          StreamViewModelPoint p = StreamViewModelPoint.of(vm);
          return p == null ? "" : p.toString();
        });
  }

  /** Where the window stands: "stream vN", once the stream is folded. */
  private record StreamViewModelPoint(String stream, long version) {
    static StreamViewModelPoint of(StreamViewModel vm) {
      if (vm == null
          || vm.pointProperty().get() == null
          || vm.pointProperty().get().event() == null) {
        return null;
      }
      return new StreamViewModelPoint(
          vm.stream().stream(), vm.pointProperty().get().event().version());
    }

    @Override
    public String toString() {
      return stream + " v" + version;
    }
  }

  /** The state's rows shown with the tour's highlight (the :tour pseudo-class); FX thread. */
  private static List<javafx.scene.control.TreeCell<?>> highlightCells(FxRobot robot) {
    List<javafx.scene.control.TreeCell<?>> cells = new java.util.ArrayList<>();
    for (javafx.scene.Node n : robot.lookup("#state .tree-cell").queryAll()) {
      if (n instanceof javafx.scene.control.TreeCell<?> c
          && c.isVisible()
          && c.getItem() != null
          && c.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("tour"))) {
        cells.add(c);
      }
    }
    return cells;
  }

  /** The paths of the state rows shown with the tour's highlight. */
  private static List<String> highlighted(FxRobot robot) throws Exception {
    return fx(
        () ->
            highlightCells(robot).stream()
                .map(c -> ((dev.hindsight.ui.state.StateRow) c.getItem()).path())
                .toList());
  }

  private String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @BeforeEach
  void startTheDemoTour() throws Exception {
    until(() -> model.streams().statusProperty().get().startsWith("50 streams"));
    until(() -> model.reducerName() != null && !model.reducerName().startsWith("generic"));
    fx(
        () -> {
          window.model().commands().startTour(DemoStore::tour);
          return null;
        });
    until(() -> at().equals("cart-301 v1"));
  }

  @Test
  void nextAndPreviousGoFromStepToStepAcrossStreamsWithCaptionAndHighlight(FxRobot robot)
      throws Exception {
    Tour tour = DemoStore.tour();
    assertThat(text(robot, "#tour-step")).isEqualTo("Step 1 of " + tour.steps().size());
    assertThat(text(robot, "#tour-caption")).isEqualTo(tour.steps().get(0).caption());
    until(() -> highlighted(robot).equals(List.of("/customerId")));

    robot.clickOn("#tour-next");
    until(() -> at().equals("cart-301 v2"));
    assertThat(text(robot, "#tour-step")).isEqualTo("Step 2 of " + tour.steps().size());
    until(() -> highlighted(robot).equals(List.of("/items")));

    // a presenter's clicker: Page Down and Page Up
    fx(
        () -> {
          robot.lookup("#events").query().requestFocus();
          return null;
        });
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> at().equals("cart-301 v5"));
    robot.type(KeyCode.PAGE_DOWN, 2);
    until(() -> at().equals("order-1001 v1")); // another stream: opened and chosen in the list
    assertThat(
            fx(
                () ->
                    robot.lookup("#streams").queryListView().getSelectionModel().getSelectedItem()))
        .hasFieldOrPropertyWithValue("stream", "order-1001");
    assertThat(text(robot, "#tour-caption")).startsWith("Order 1001 was placed before");
    robot.type(KeyCode.PAGE_UP);
    until(() -> at().equals("cart-301 v6"));

    robot.clickOn("#tour-close");
    until(() -> !window.model().tour().active());
    assertThat(robot.lookup("#presenter-bar").query().isVisible()).isFalse();
    assertThat(highlighted(robot)).isEmpty();
    robot.type(KeyCode.PAGE_DOWN); // no tour: ten events on, as ever (this cart has six)
    until(() -> at().equals("cart-301 v6"));
  }

  /** What the state tree's visible cells show: badge, key and value, one string per row. */
  private static List<String> stateRows(FxRobot robot) throws Exception {
    return fx(
        () ->
            robot
                .lookup("#state .tree-cell")
                .queryAllAs(javafx.scene.control.TreeCell.class)
                .stream()
                .filter(c -> c.isVisible() && c.getItem() != null && c.getGraphic() != null)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.TreeCell::getIndex))
                .map(
                    c ->
                        ((javafx.scene.layout.HBox) c.getGraphic())
                            .getChildren().stream()
                                .filter(javafx.scene.Node::isVisible)
                                .map(n -> ((Label) n).getText())
                                .collect(java.util.stream.Collectors.joining(" ")))
                .toList());
  }

  @Test
  void aStepOnAnotherStreamThenTheNextStepShowsTheRightState(FxRobot robot) throws Exception {
    Tour tour = DemoStore.tour();
    for (int i = 1; i <= 10; i++) { // the tenth: order-1008 v3, after the flow of the double charge
      fx(
          () -> {
            window.model().tour().next();
            return null;
          });
      Tour.Step step = tour.steps().get(i);
      until(() -> at().equals(step.stream() + " v" + step.version()));
    }
    assertThat(at()).isEqualTo("order-1008 v3");
    fx(
        () -> {
          window.model().tour().next(); // order-1008 v4
          return null;
        });
    until(() -> at().equals("order-1008 v4"));
    // the step's path is in sight, and every row shows the state after v4 and what v4 did (the
    // state view follows the position at most every 150 ms: wait for it, not for a time)
    until(() -> highlighted(robot).equals(List.of("/paidAt")));
    until(() -> stateRows(robot).contains("+ paidAt: \"2026-03-18T19:05:04Z\""));
    assertThat(stateRows(robot))
        .contains("+ paidAt: \"2026-03-18T19:05:04Z\"", "+ paymentId: \"5010\"")
        .contains(" currency: \"EUR\"", " carrier: \"PostNL\"")
        .noneMatch(r -> r.contains("PACKED"));
    // the user scrolls up (the view keeps the step's highlight in sight until the user moves the
    // tree): the top rows are the state after v4 too
    robot.moveTo("#state .state-tree").scroll(10, javafx.geometry.VerticalDirection.UP);
    WaitForAsyncUtils.asyncFx(
            () -> {
              javafx.scene.control.TreeView<?> tree = robot.lookup("#state .state-tree").query();
              ((javafx.scene.control.skin.VirtualFlow<?>) tree.lookup(".virtual-flow"))
                  .scrollToTop(0);
              tree.layout();
              return null;
            })
        .get();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stateRows(robot))
        .contains("• state {18}", "~ paid: 0 → 75.6", " status: \"SHIPPED\"")
        .noneMatch(r -> r.contains("PACKED"));
  }

  /** Whether the row with the tour's highlight is wholly inside the state's viewport. */
  private static boolean highlightInView(FxRobot robot) throws Exception {
    return fx(
        () -> {
          javafx.scene.control.TreeView<?> tree = robot.lookup("#state .state-tree").query();
          javafx.scene.Node clip = tree.lookup(".clipped-container");
          javafx.geometry.Bounds view = clip.localToScene(clip.getLayoutBounds());
          return highlightCells(robot).stream()
              .map(c -> c.localToScene(c.getLayoutBounds()))
              .anyMatch(
                  b -> b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1);
        });
  }

  @Test
  void theNextStepOnTheSamePathBringsItsHighlightBackAfterTheUserScrolled(FxRobot robot)
      throws Exception {
    fx(
        () -> {
          window.model().presentation().zoomProperty().set(200); // more state than its pane
          window.model().tour().go(6); // payment-5006, /captured; step 8 is on the same path
          return null;
        });
    until(() -> highlighted(robot).equals(List.of("/captured")));
    until(() -> highlightInView(robot));
    robot.moveTo("#state .state-tree").scroll(30, javafx.geometry.VerticalDirection.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(highlightInView(robot)).as("the user scrolled it away, and it stays away").isFalse();
    fx(
        () -> {
          window.model().tour().next();
          return null;
        });
    until(() -> text(robot, "#tour-step").equals("Step 8 of 17"));
    until(() -> highlightInView(robot));
  }

  @Test
  void steppingOntoAStepShowsItsCaptionAndPlayingPausesThere(FxRobot robot) throws Exception {
    fx(
        () -> {
          window.model().tour().go(2); // cart-301 v5; the next step is v6
          return null;
        });
    until(() -> at().equals("cart-301 v5"));
    fx(
        () -> {
          model.streamProperty().get().goToVersion(1);
          model.streamProperty().get().speedProperty().set(50);
          return null;
        });
    until(() -> at().equals("cart-301 v1"));
    assertThat(text(robot, "#tour-step")).isEqualTo("Step 1 of 17");
    fx(
        () -> {
          model.streamProperty().get().goToVersion(3);
          return null;
        });
    until(() -> at().equals("cart-301 v3"));
    assertThat(text(robot, "#tour-step"))
        .as("no step here: the last one's caption stays")
        .isEqualTo("Step 1 of 17");
    assertThat(fx(() -> window.model().tour().highlightProperty().get())).isNull();

    fx(
        () -> {
          model.streamProperty().get().playingProperty().set(true);
          return null;
        });
    until(() -> at().equals("cart-301 v5"));
    until(() -> !model.streamProperty().get().playingProperty().get());
    WaitForAsyncUtils.waitForFxEvents(20); // frames go by: the stopped timer steps no further
    assertThat(at()).as("paused on the step").isEqualTo("cart-301 v5");
    assertThat(text(robot, "#tour-step")).isEqualTo("Step 3 of 17");
  }

  @Test
  void presentationModeZoomContrastAndHidingTheFuture(FxRobot robot) throws Exception {
    Presentation p = window.model().presentation();
    assertThat(window.getStyle()).contains("-fx-font-size: 14.0px");
    robot.press(KeyCode.CONTROL).type(KeyCode.ADD).release(KeyCode.CONTROL);
    until(() -> p.zoomProperty().get() == 110);
    assertThat(window.getStyle()).contains("-fx-font-size: 15.4px");
    for (int i = 0; i < 12; i++) {
      fx(
          () -> {
            p.zoomIn();
            return null;
          });
    }
    assertThat(p.zoomProperty().get()).isEqualTo(200);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    until(() -> p.zoomProperty().get() == 100);
    fx(
        () -> {
          p.zoomOut();
          return null;
        });
    assertThat(p.zoomProperty().get()).isEqualTo(100);

    fx(
        () -> {
          p.highContrastProperty().set(true);
          return null;
        });
    assertThat(window.getStyleClass()).contains(UiStyles.HIGH_CONTRAST);

    fx(
        () -> {
          p.presentingProperty().set(true);
          return null;
        });
    until(() -> robot.lookup("#presenter-type").queryAs(Label.class).isVisible());
    assertThat(p.zoomProperty().get()).as("presenting starts larger").isEqualTo(150);
    assertThat(text(robot, "#presenter-type")).isEqualTo("CartOpened");

    fx(
        () -> {
          robot.lookup("#events").query().requestFocus();
          return null;
        });
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.H)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    until(() -> p.hideFutureProperty().get());
    TableView<?> table = robot.lookup("#events").queryAs(TableView.class);
    TimelineBar bar = robot.lookup("#timeline").queryAs(TimelineBar.class);
    assertThat(bar.isHideFuture()).isTrue();
    until(() -> table.getItems().size() == 1);
    robot.type(KeyCode.RIGHT, 2);
    until(() -> at().equals("cart-301 v3"));
    until(() -> table.getItems().size() == 3);
    assertThat(text(robot, "#presenter-type")).isEqualTo("ItemAdded");
    assertThat(text(robot, "#position")).as("no count of the events to come").isEqualTo("v3 · 3");

    fx(
        () -> {
          p.presentingProperty().set(false);
          return null;
        });
    assertThat(p.zoomProperty().get()).isEqualTo(100);
    assertThat(p.hideFutureProperty().get()).as("a toggle of its own").isTrue();
    fx(
        () -> {
          p.hideFutureProperty().set(false);
          return null;
        });
    until(() -> table.getItems().size() == 6);
    assertThat(List.copyOf(window.getStyleClass())).doesNotContain(UiStyles.PRESENTING);
  }
}
