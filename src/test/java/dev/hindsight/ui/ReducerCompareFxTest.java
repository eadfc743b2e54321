package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.replay.ReducerComparison;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File › Compare with Other Reducers… in the real window, on the demo store. */
@ExtendWith(ApplicationExtension.class)
class ReducerCompareFxTest {

  @TempDir static Path dir;
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private ExplorerViewModel model;
  private MainWindow window;
  private Path fixed;

  @Start
  void start(Stage stage) throws Exception {
    window = TestWindows.window(dialogs);
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    Path demo = DemoStore.copy();
    fixed =
        ReducerCompareViewModelTest.copyOf(
            DemoStore.reducersOf(demo), dir.resolve("fixed-" + System.nanoTime()));
    ReducerCompareViewModelTest.edit(
        fixed, ReducerCompareViewModelTest.CAPTURE, ReducerCompareViewModelTest.FIXED);
    model.loadReducers(DemoStore.reducersOf(demo));
    model.streams().open(demo);
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  @Test
  void theChosenFolderIsComparedAndARowShowsBothStatesSideBySide(FxRobot robot) throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    until(() -> model.reducerPathProperty().get() != null);
    dialogs.answer(fixed);
    MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
    fx(
        () -> {
          MenuItem item =
              bar.getMenus().get(0).getItems().stream()
                  .filter(i -> "_Compare with Other Reducers…".equals(i.getText()))
                  .findFirst()
                  .orElseThrow();
          item.fire();
          return null;
        });
    assertThat(dialogs.asked).containsExactly("Compare with a folder of reducers");
    until(() -> robot.lookup("#reducers-pane").query().isVisible());
    TableView<?> table = robot.lookup("#reducers-differ").queryAs(TableView.class);
    until(() -> table.getItems().size() == 1);
    assertThat(robot.lookup("#reducers-status").queryLabeled().getText())
        .contains("compared: ")
        .endsWith("1 differ, 0 reducer errors");
    assertThat(((ReducerComparison.Difference) table.getItems().get(0)).stream())
        .isEqualTo("payment-5006");

    robot.clickOn("payment-5006");
    ReducerSides sides = window.model().views().reducers().sides();
    until(() -> sides.atProperty().get() != null);
    assertThat(robot.lookup("#reducers-a").queryLabeled().getText()).isEqualTo("A: demo-reducers");
    assertThat(robot.lookup("#reducers-b").queryLabeled().getText())
        .isEqualTo("B: " + fixed.getFileName());
    assertThat(robot.lookup("#reducers-where").queryLabeled().getText())
        .isEqualTo("payment-5006 at v3 · PaymentCaptured · 1 path differs");
    assertThat(robot.lookup("#reducers-state-a").query().isVisible()).isTrue();
    assertThat(robot.lookup("#reducers-state-b").query().isVisible()).isTrue();
    assertThat(fx(() -> sides.atProperty().get().stateB().at("/captured").asInt())).isEqualTo(42);

    robot.type(KeyCode.LEFT);
    until(() -> sides.atProperty().get().version() == 2);
    assertThat(robot.lookup("#reducers-where").queryLabeled().getText()).endsWith("· the same");
    assertThat(model.streamProperty().get()).as("the stream is not stepped").isNull();
    robot.clickOn("#reducers-forward");
    until(() -> sides.atProperty().get().version() == 3);
  }
}
