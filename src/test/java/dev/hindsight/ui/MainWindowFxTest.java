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
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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

  private ExplorerViewModel model;
  private Path demo;

  @Start
  void start(Stage stage) throws Exception {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    demo = DemoStore.copy();
    model = new ExplorerViewModel(TaskRunner.fx(), p -> SqliteEventSource.open(p, (Path) null));
    Preferences prefs = Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
    MainWindow window = new MainWindow(model, new RecentFiles(prefs), () -> {});
    stage.setScene(new Scene(window, 1200, 700));
    stage.show();
    model.streams().open(demo);
  }

  private static int leaves(TreeView<?> tree) {
    int n = 0;
    for (TreeItem<?> group : tree.getRoot().getChildren()) {
      n += group.getChildren().size();
    }
    return n;
  }

  @Test
  void listsTheDemoStreamsByTypeAndFiltersThemAsTheUserTypes(FxRobot robot) throws Exception {
    // the model changes on the FX thread: ask there, so a half-applied update is never seen
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(
                    () -> model.streams().statusProperty().get().startsWith("50 streams"))
                .get());
    TreeView<?> tree = robot.lookup("#streams").queryAs(TreeView.class);
    assertThat(leaves(tree)).isEqualTo(50);
    assertThat(tree.getRoot().getChildren()).hasSize(3);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .isEqualTo("50 streams · 3,000 events");

    robot.clickOn("#stream-filter").write("order-hot");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(leaves(tree)).isEqualTo(1);
    StreamSummary hot =
        (StreamSummary) tree.getRoot().getChildren().get(0).getChildren().get(0).getValue();
    assertThat(hot.stream()).isEqualTo("order-hot");
    assertThat(hot.events()).isEqualTo(400);
    assertThat(Files.exists(demo)).isTrue();
  }
}
