package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Flow and the store as of a time in the real window, on the demo store. */
@ExtendWith(ApplicationExtension.class)
class StoreViewsFxTest {

  private ExplorerViewModel model;
  private MainWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = TestWindows.window();
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    java.nio.file.Path demo = DemoStore.copy();
    model.loadReducers(DemoStore.reducersOf(demo));
    model.streams().open(demo);
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  @Test
  void ctrlJShowsTheFlowOfTheCurrentEventAndAClickOnAnEventOpensIt(FxRobot robot) throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    until(() -> model.openStream("payment-5006", 3));
    until(() -> model.streamProperty().get().pointProperty().get() != null);
    robot.clickOn("#events");
    robot.press(KeyCode.CONTROL).type(KeyCode.J).release(KeyCode.CONTROL);
    FlowViewModel flow = window.model().views().flow();
    until(() -> flow.flowProperty().get() != null);
    assertThat(robot.lookup("#flow-message").queryLabeled().getText())
        .startsWith("23 events in 6 streams");
    assertThat(robot.lookup("#flow").query().isVisible()).as("its tab is shown").isTrue();

    // the first lane's first mark: cart-308 v1, where the checkout began
    FlowViewModel.Layout layout = fx(() -> flow.layoutProperty().get());
    javafx.scene.canvas.Canvas canvas =
        robot.lookup("#flow-canvas").queryAs(javafx.scene.canvas.Canvas.class);
    double x =
        fx(
            () ->
                FlowPane.LABEL
                    + FlowPane.PAD
                    + layout.marks().get(0).x()
                        * Math.max(1, canvas.getWidth() - FlowPane.LABEL - 2 * FlowPane.PAD));
    double y = FlowPane.PAD + FlowPane.LANE / 2;
    javafx.geometry.Point2D p = fx(() -> canvas.localToScreen(x, y));
    robot.clickOn(p);
    until(() -> model.streamProperty().get().stream().stream().equals("cart-308"));
    until(() -> model.streamProperty().get().pointProperty().get().event().version() == 1);
    assertThat(fx(() -> flow.flowProperty().get())).as("the flow stays").isNotNull();
  }

  @Test
  void theEventsContextMenuShowsTheFlowToo(FxRobot robot) throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    until(() -> model.openStream("order-1006", 2));
    until(() -> model.streamProperty().get().pointProperty().get() != null);
    TableView<?> events = robot.lookup("#events").queryAs(TableView.class);
    fx(
        () -> {
          events.getContextMenu().getItems().get(0).fire();
          return null;
        });
    FlowViewModel flow = window.model().views().flow();
    until(() -> flow.flowProperty().get() != null);
    assertThat(fx(() -> flow.currentProperty().get())).isEqualTo(877); // order-1006 v2
    assertThat(fx(() -> flow.flowProperty().get().events().size())).isEqualTo(23);
  }

  @Test
  void theStoreAsOfATimeListsATypesStreamsAndARowOpensItsStream(FxRobot robot) throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
        .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
    until(() -> robot.lookup("#as-of-pane").query().isVisible());
    fx(
        () -> {
          window.model().views().asOf().typeProperty().set("order");
          return null;
        });
    robot.clickOn("#as-of-time").write("2026-03-14");
    robot.clickOn("#as-of-columns").write("/status").type(KeyCode.ENTER);
    TableView<?> table = robot.lookup("#as-of").queryAs(TableView.class);
    until(() -> table.getItems().size() == 7);
    assertThat(robot.lookup("#as-of-message").queryLabeled().getText())
        .startsWith("7 streams of type order as of 2026-03-14T23:59:59Z");
    assertThat(table.getColumns()).extracting(c -> c.getText()).contains("/status");

    fx(
        () -> {
          table.getSelectionModel().select(0);
          table.requestFocus();
          return null;
        });
    robot.type(KeyCode.ENTER);
    until(() -> model.streamProperty().get() != null);
    until(() -> model.streamProperty().get().pointProperty().get() != null);
    assertThat(fx(() -> model.streamProperty().get().stream().stream())).startsWith("order-");
    assertThat(robot.lookup("#as-of-pane").query().isVisible()).as("the stream is shown").isFalse();
  }

  @Test
  void ctrlShiftFFindsInAllStreamsAndARowOpensItsStreamThere(FxRobot robot) throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F)
        .release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
    until(() -> robot.lookup("#find-all-pane").query().isVisible());
    until(() -> robot.lookup("#find-all-condition").query().isFocused());
    robot.write("state.captured > state.authorized").type(KeyCode.ENTER);
    TableView<?> table = robot.lookup("#find-all").queryAs(TableView.class);
    until(() -> !window.model().views().findAll().busyProperty().get());
    assertThat(table.getItems()).hasSize(1);
    assertThat(robot.lookup("#find-all-message").queryLabeled().getText())
        .isEqualTo("1 of 50 streams: the condition holds");

    robot.clickOn(firstRow(robot));
    until(() -> table.getSelectionModel().getSelectedIndex() == 0);
    robot.type(KeyCode.ENTER);
    until(() -> model.streamProperty().get() != null);
    until(() -> model.streamProperty().get().pointProperty().get() != null);
    assertThat(fx(() -> model.streamProperty().get().stream().stream())).isEqualTo("payment-5006");
    assertThat(fx(() -> model.streamProperty().get().pointProperty().get().event().version()))
        .isEqualTo(3);
    assertThat(robot.lookup("#find-all-pane").query().isVisible()).isFalse();
    assertThat(robot.lookup("#events").query().isVisible()).as("the stream is shown").isTrue();

    // back to the list (the key again), which stays; a double-click opens a row too
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F)
        .release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
    until(() -> robot.lookup("#find-all-pane").query().isVisible());
    assertThat(table.getItems()).as("the list stays").hasSize(1);
    fx(() -> model.openStream("order-1001", 1));
    until(() -> model.streamProperty().get().stream().stream().equals("order-1001"));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F)
        .release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
    until(() -> robot.lookup("#find-all-pane").query().isVisible());
    robot.doubleClickOn(firstRow(robot));
    until(() -> model.streamProperty().get().stream().stream().equals("payment-5006"));
  }

  /** The table's first row as shown (not the flow's hidden measuring row). */
  private static Node firstRow(FxRobot robot) {
    return robot
        .lookup("#find-all .table-row-cell")
        .match(
            (javafx.scene.control.TableRow<?> r) ->
                r.getIndex() == 0 && r.isVisible() && r.getItem() != null)
        .query();
  }
}
