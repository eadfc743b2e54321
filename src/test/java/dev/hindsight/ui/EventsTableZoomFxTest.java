package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At a projector's zoom only a few rows fit: the current row stays in the events table wherever the
 * position goes, and the flow is never scrolled past its last row.
 */
@ExtendWith(ApplicationExtension.class)
class EventsTableZoomFxTest {

  /** JavaFX's controls log through this logger; kept in a field, as loggers are held weakly. */
  private static final Logger CONTROLS = Logger.getLogger("javafx.scene.control");

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(String.valueOf(r.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private ExplorerViewModel model;
  private MainWindow window;

  @Start
  void start(Stage stage) throws Exception {
    CONTROLS.addHandler(handler);
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    window = TestWindows.window();
    model = window.model().explorer();
    window.model().presentation().zoomProperty().set(200);
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    model.streams().open(DemoStore.copy());
  }

  @AfterEach
  void removeHandler() {
    CONTROLS.removeHandler(handler);
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theCurrentRowStaysInViewAt200Percent(FxRobot robot) throws Exception {
    until(() -> model.streams().statusProperty().get().startsWith("50 streams"));
    WaitForAsyncUtils.asyncFx(() -> model.openStream("account-operating", Long.MAX_VALUE)).get();
    until(
        () ->
            model.streamProperty().get() != null
                && model.streamProperty().get().pointProperty().get() != null);
    until(() -> position(robot).equals("v888 · 888 / 888"));
    TableView<?> table = robot.lookup("#events").queryAs(TableView.class);
    until(() -> shownWhole(table, 887));

    for (long version : new long[] {1, 400, 886, 2, 888, 500, 501, 502, 503, 504}) {
      WaitForAsyncUtils.asyncFx(() -> model.streamProperty().get().goToVersion(version)).get();
      int index = (int) version - 1;
      until(() -> shownWhole(table, index));
    }
    assertThat(logged).noneMatch(m -> m.contains("maxCellCount"));
  }

  private static String position(FxRobot robot) {
    return robot.lookup("#position").queryAs(Label.class).getText();
  }

  /** Whether the row of {@code index} is laid out wholly inside the table's viewport. */
  private static boolean shownWhole(TableView<?> table, int index) {
    if (table.getSelectionModel().getSelectedIndex() != index
        || !(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
      return false;
    }
    for (Node n : table.lookupAll(".table-row-cell")) {
      if (n instanceof TableRow<?> row && row.isVisible() && row.getIndex() == index) {
        Bounds b = flow.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
        return b.getMinY() >= -0.5 && b.getMaxY() <= flow.getHeight() + 0.5;
      }
    }
    return false;
  }
}
