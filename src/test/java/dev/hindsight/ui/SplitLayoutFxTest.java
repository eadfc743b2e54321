package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stream list's width comes from the user, within bounds, never from the stream ids: a saved
 * split out of bounds is brought back into them, and the events table keeps a useful width.
 */
@ExtendWith(ApplicationExtension.class)
class SplitLayoutFxTest {

  private static final String LONG_ID =
      "tenant-0042/holdout.domain.accounts.CustomerAccountAggregate-"
          + "3f2b9c1e-8d4a-4e6b-9c1f-2a7d5e8b0c3a";

  private final Preferences prefs =
      Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    // what an earlier session saved when the list had sized itself to a long id
    prefs.node("window").putDouble("divider.streams", 0.62);
    window = TestWindows.window(null, prefs);
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    Path db = Files.createTempDirectory("split").resolve("long-ids.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      for (int v = 1; v <= 3; v++) {
        TestStores.insert(
            c, v, LONG_ID, v, "Deposited", "{\"n\":" + v + "}", "{}", "2024-01-01T10:00:00Z");
      }
      TestStores.insert(c, 4, "a-1", 1, "Opened", "{}", "{}", "2024-01-01T11:00:00Z");
    }
    window.model().explorer().streams().open(db);
  }

  @AfterEach
  void removePrefs() throws Exception {
    prefs.removeNode();
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theStreamListStaysWithinBoundsAndTheEventsTableKeepsItsWidth(FxRobot robot)
      throws Exception {
    until(() -> window.model().explorer().streams().allStreams().size() == 2);
    WaitForAsyncUtils.asyncFx(() -> window.model().explorer().openStream(LONG_ID, Long.MAX_VALUE))
        .get();
    Node streams = robot.lookup("#streams").query();
    Node events = robot.lookup("#events").query();
    until(() -> events.isVisible() && events.getLayoutBounds().getWidth() > 0);
    double width = window.getWidth();
    double list = streams.getLayoutBounds().getWidth();
    assertThat(list / width).isBetween(0.14, 0.36);
    assertThat(events.getLayoutBounds().getWidth()).isGreaterThanOrEqualTo(EventsTable.MIN_WIDTH);

    WaitForAsyncUtils.asyncFx(
            () -> {
              window.saveLayout();
              return null;
            })
        .get();
    assertThat(prefs.node("window").getDouble("divider.streams", -1)).isBetween(0.15, 0.35);

    // dragged nearly shut: the list keeps its least share, and that is what is saved
    SplitPane split = robot.lookup("#main-split").queryAs(SplitPane.class);
    WaitForAsyncUtils.asyncFx(() -> split.setDividerPositions(0.05)).get();
    until(() -> streams.getLayoutBounds().getWidth() > 0);
    assertThat(streams.getLayoutBounds().getWidth() / window.getWidth()).isBetween(0.14, 0.36);
    WaitForAsyncUtils.asyncFx(
            () -> {
              window.saveLayout();
              return null;
            })
        .get();
    assertThat(prefs.node("window").getDouble("divider.streams", -1)).isBetween(0.15, 0.35);
  }
}
