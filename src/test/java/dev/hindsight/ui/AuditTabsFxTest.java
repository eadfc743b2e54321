package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit tabs keep their words at the window's first size: the Bookmarks tab's buttons and the
 * findings' message line show their whole text, never "…".
 */
@ExtendWith(ApplicationExtension.class)
class AuditTabsFxTest {

  private MainWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = TestWindows.window();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    Path db = Files.createTempDirectory("audit-tabs").resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    window.model().explorer().streams().open(db);
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** What a Labeled shows: its text as laid out, "…" and all. */
  private static String shown(Labeled l) {
    Node text = l.lookup(".text");
    return text instanceof Text t ? t.getText() : l.getText();
  }

  private void select(FxRobot robot, String title) throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              for (Node n : robot.lookup(".tab-pane").queryAll()) {
                TabPane pane = (TabPane) n;
                for (Tab t : pane.getTabs()) {
                  if (title.equals(t.getText())) {
                    pane.getSelectionModel().select(t);
                  }
                }
              }
            })
        .get();
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theBookmarkButtonsAndTheMessageLineKeepTheirWords(FxRobot robot) throws Exception {
    until(() -> window.model().explorer().streams().allStreams().size() == 50);
    WaitForAsyncUtils.asyncFx(
            () -> window.model().explorer().openStream("payment-5006", Long.MAX_VALUE))
        .get();
    select(robot, "Bookmarks");
    Node bar = robot.lookup("#bookmark-buttons").query();
    until(() -> bar.isVisible() && bar.getLayoutBounds().getWidth() > 0);

    for (Node n : robot.from(bar).lookup(".button").queryAll()) {
      Labeled b = (Labeled) n;
      assertThat(shown(b)).as("a bookmark button").isEqualTo(b.getText());
    }

    WaitForAsyncUtils.asyncFx(() -> window.model().explorer().audit().verify()).get();
    until(() -> !window.model().explorer().audit().verifyingProperty().get());
    Labeled said = robot.lookup("#bookmarks-message").queryAs(Labeled.class);
    until(() -> said.getText().endsWith("for information"));
    assertThat(said.getText()).startsWith("50 streams, 2,245 events checked:");
    assertThat(shown(said)).isEqualTo(said.getText());
  }
}
