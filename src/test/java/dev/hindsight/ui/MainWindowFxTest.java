package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StreamSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
    window = TestWindows.window();
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 700));
    stage.show();
    model.streams().open(demo);
  }

  private MainWindow window;

  /** The model changes on the FX thread: ask there, so a half-applied update is never seen. */
  private void untilTheDemoIsListed() throws Exception {
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(
                    () -> model.streams().statusProperty().get().startsWith("50 streams"))
                .get());
  }

  private static List<StreamSummary> streams(ListView<?> list) {
    return list.getItems().stream()
        .filter(StreamSummary.class::isInstance)
        .map(StreamSummary.class::cast)
        .toList();
  }

  private static long headings(ListView<?> list) {
    return list.getItems().stream().filter(StreamsPane.Group.class::isInstance).count();
  }

  @Test
  void listsTheDemoStreamsByTypeAndFiltersThemAsTheUserTypes(FxRobot robot) throws Exception {
    untilTheDemoIsListed();
    ListView<?> list = robot.lookup("#streams").queryAs(ListView.class);
    assertThat(streams(list)).hasSize(50);
    assertThat(headings(list)).isEqualTo(5);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .isEqualTo("50 streams · 2,245 events");

    robot.clickOn("#stream-filter").write("account-operating");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(streams(list)).hasSize(1);
    StreamSummary hot = streams(list).get(0);
    assertThat(hot.stream()).isEqualTo("account-operating");
    assertThat(hot.events()).isEqualTo(888);
    assertThat(Files.exists(demo)).isTrue();
  }

  @Test
  void aTypeHeadingFoldsItsStreamsAwayAndBack(FxRobot robot) throws Exception {
    untilTheDemoIsListed();
    ListView<?> list = robot.lookup("#streams").queryAs(ListView.class);
    long carts = streams(list).stream().filter(s -> "cart".equals(s.type())).count();
    assertThat(carts).isPositive();

    robot.clickOn(
        (javafx.scene.Node)
            robot
                .lookup("#streams .label")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("▾ cart"))
                .query());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(streams(list)).hasSize(50 - (int) carts).noneMatch(s -> "cart".equals(s.type()));
    assertThat(headings(list)).isEqualTo(5);
    assertThat(model.streamProperty().get()).as("a heading opens nothing").isNull();

    robot.type(javafx.scene.input.KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(streams(list)).hasSize(50);
    robot.type(javafx.scene.input.KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(streams(list)).hasSize(50 - (int) carts);
  }

  @Test
  void selectingAStreamByIdSelectsItAndBringsItIntoView(FxRobot robot) throws Exception {
    untilTheDemoIsListed();
    ListView<?> list = robot.lookup("#streams").queryAs(ListView.class);

    WaitForAsyncUtils.asyncFx(() -> window.selectStream("payment-5013")).get();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(list.getSelectionModel().getSelectedItem())
        .isInstanceOfSatisfying(
            StreamSummary.class, s -> assertThat(s.stream()).isEqualTo("payment-5013"));
    assertThat(robot.lookup("#streams .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
        .anySatisfy(
            cell -> {
              assertThat(cell.getItem()).isEqualTo(list.getSelectionModel().getSelectedItem());
              assertThat(cell.isVisible()).isTrue();
              javafx.geometry.Bounds b = cell.localToScene(cell.getBoundsInLocal());
              javafx.geometry.Bounds view = list.localToScene(list.getBoundsInLocal());
              assertThat(b.getMinY()).isGreaterThanOrEqualTo(view.getMinY());
              assertThat(b.getMaxY()).isLessThanOrEqualTo(view.getMaxY());
            });
  }
}
