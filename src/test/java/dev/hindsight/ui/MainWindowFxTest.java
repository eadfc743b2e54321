package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on Monocle: opens the demo store in the background and filters by typing. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {

  private StreamListViewModel model;
  private Path demo;

  @Start
  void start(Stage stage) throws Exception {
    demo = DemoStore.copy();
    model = new StreamListViewModel(TaskRunner.fx(), p -> SqliteEventSource.open(p, (Path) null));
    Preferences prefs = Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
    MainWindow window = new MainWindow(model, new RecentFiles(prefs), () -> {});
    stage.setScene(new Scene(window, 1000, 600));
    stage.show();
    model.open(demo);
  }

  @Test
  void listsTheDemoStreamsAndFiltersThemAsTheUserTypes(FxRobot robot) throws Exception {
    // the model changes on the FX thread: ask there, so a half-applied update is never seen
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(() -> model.statusProperty().get().startsWith("50 streams"))
                .get());
    TableView<?> table = robot.lookup("#streams").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(50);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .isEqualTo("50 streams · 3,000 events");

    robot.clickOn("#stream-filter").write("order-hot");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(table.getItems()).hasSize(1);
    StreamSummary hot = (StreamSummary) table.getItems().get(0);
    assertThat(hot.stream()).isEqualTo("order-hot");
    assertThat(hot.events()).isEqualTo(400);
    assertThat(Files.exists(demo)).isTrue();
  }
}
