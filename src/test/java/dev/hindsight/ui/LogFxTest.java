package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Log in the real window: every event of the demo store; a chosen row opens its stream. */
@ExtendWith(ApplicationExtension.class)
class LogFxTest {

  private ExplorerViewModel model;
  private MainWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = TestWindows.window();
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    model.streams().open(DemoStore.copy());
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void ctrlShiftLShowsEveryEventAndEnterOpensTheChosenOneInItsStream(FxRobot robot)
      throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    robot.clickOn("#stream-filter");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L)
        .release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
    TableView<?> log = robot.lookup("#log").queryAs(TableView.class);
    until(() -> log.getItems().size() == 2245);
    assertThat(robot.lookup("#log-status").queryLabeled().getText()).isEqualTo("2,245 events");
    assertThat(robot.lookup("#log .type-cell").queryAll()).as("short type names").isNotEmpty();
    // the global time slider goes to the first event at or after its time
    LogViewModel logModel = window.model().views().log();
    until(() -> logModel.densityProperty().get() != null);
    WaitForAsyncUtils.asyncFx(() -> robot.lookup("#log-time").queryAs(Slider.class).setValue(0.5))
        .get();
    LogIndex.Density d = logModel.densityProperty().get();
    Instant middle = Instant.ofEpochMilli((d.from().toEpochMilli() + d.to().toEpochMilli()) / 2);
    int expected = WaitForAsyncUtils.asyncFx(() -> logModel.rowAt(middle)).get();
    assertThat(expected).isBetween(1, 2244);
    until(() -> log.getSelectionModel().getSelectedIndex() == expected);
    until(() -> robot.lookup("#log .table-row-cell").queryAll().stream().anyMatch(Node::isVisible));

    WaitForAsyncUtils.asyncFx(
            () -> {
              log.getSelectionModel().select(93); // position 94: cart-301, version 1
              log.requestFocus();
              return null;
            })
        .get();
    robot.type(KeyCode.ENTER);
    until(
        () ->
            model.streamProperty().get() != null
                && model.streamProperty().get().pointProperty().get() != null);
    StreamViewModel vm = WaitForAsyncUtils.asyncFx(() -> model.streamProperty().get()).get();
    assertThat(vm.stream().stream()).isEqualTo("cart-301");
    assertThat(WaitForAsyncUtils.asyncFx(() -> vm.pointProperty().get().event().version()).get())
        .isEqualTo(1);
    assertThat(robot.lookup("#log-pane").query().isVisible()).as("the stream is shown").isFalse();
    assertThat(robot.lookup("#show-stream").queryAs(ToggleButton.class).isSelected()).isTrue();
  }

  @Test
  void theFilterBarListsOnlyMatchingEventsAndSaysWhatItCannotRead(FxRobot robot) throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    WaitForAsyncUtils.asyncFx(() -> robot.lookup("#show-log").queryAs(ToggleButton.class).fire())
        .get();
    TableView<?> log = robot.lookup("#log").queryAs(TableView.class);
    until(() -> log.getItems().size() == 2245);

    robot.clickOn("#log-streams").write("payment-5006");
    robot.clickOn("#log-type").write("PaymentCaptured").type(KeyCode.ENTER);
    until(() -> log.getItems().size() == 2); // the double charge
    assertThat(robot.lookup("#log-status").queryLabeled().getText())
        .isEqualTo("2 events match the filter");

    robot.clickOn("#log-from").write("yesterday").type(KeyCode.ENTER);
    until(() -> !robot.lookup("#log-filter-problem").queryLabeled().getText().isEmpty());
    assertThat(log.getItems()).hasSize(2);
  }
}
