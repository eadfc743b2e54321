package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
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

/**
 * The explorer on Monocle, as a user drives it: choose a stream, step, play, compare, find, search.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerFxTest {

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
    model.streams().open(DemoStore.copy());
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private int ordinal() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> model.streamProperty().get().ordinalProperty().get())
        .get();
  }

  /** Clicks a tab's header in the analysis' strip (a button may carry the same text). */
  private static void tab(FxRobot robot, String title) {
    robot.clickOn(
        (javafx.scene.Node)
            robot
                .lookup(".tab-strip .toggle-button")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(title))
                .query());
  }

  private String position(FxRobot robot) {
    return robot.lookup("#position").queryAs(Label.class).getText();
  }

  @BeforeEach
  void openTheLongestStream(FxRobot robot) throws Exception {
    until(() -> model.streams().statusProperty().get().startsWith("50 streams"));
    robot.clickOn("#stream-filter").write("account-operating");
    until(() -> model.streams().visibleStreams().size() == 1);
    robot.clickOn(
        (javafx.scene.Node)
            robot
                .lookup("#streams .label")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("account-operating"))
                .query());
    until(
        () ->
            model.streamProperty().get() != null
                && model.streamProperty().get().pointProperty().get() != null);
  }

  @Test
  void choosingAStreamShowsItsLastEventAndKeysStepThroughIt(FxRobot robot) throws Exception {
    assertThat(position(robot)).isEqualTo("v888 · 888 / 888");
    robot.clickOn("#events");
    robot.type(KeyCode.HOME);
    until(() -> position(robot).equals("v1 · 1 / 888"));
    robot.type(KeyCode.RIGHT);
    until(() -> position(robot).equals("v2 · 2 / 888"));
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> position(robot).equals("v12 · 12 / 888"));
    robot.type(KeyCode.LEFT);
    until(() -> position(robot).equals("v11 · 11 / 888"));
    TableView<?> events = robot.lookup("#events").queryAs(TableView.class);
    assertThat(events.getSelectionModel().getSelectedIndex()).isEqualTo(10);
    assertThat(robot.lookup("#events .type-cell").queryAll()).as("short type names").isNotEmpty();
    robot.clickOn("#step-forward");
    until(() -> position(robot).equals("v12 · 12 / 888"));
  }

  /** Loads a reducer that throws on every MoneyWithdrawn, and waits for the refold's errors. */
  private java.nio.file.Path loadReducerThatFailsOnWithdrawals() throws Exception {
    java.nio.file.Path js = java.nio.file.Files.createTempFile("broken", ".js");
    java.nio.file.Files.writeString(
        js, "({ MoneyWithdrawn: (s, e) => { throw new Error('no money'); }, $any: (s) => s })");
    WaitForAsyncUtils.asyncFx(() -> model.loadReducers(js)).get();
    until(
        () ->
            model.streamProperty().get().replayProperty().get() != null
                && !model.streamProperty().get().replayProperty().get().errors().isEmpty());
    return js;
  }

  @Test
  void aReducerErrorShowsInItsRowAndOnTheTimeline(FxRobot robot) throws Exception {
    java.nio.file.Path js = loadReducerThatFailsOnWithdrawals();

    StreamViewModel s = model.streamProperty().get();
    EventRow withdrawn = s.rows().get(7); // the rent: the account's first withdrawal
    assertThat(withdrawn.type()).isEqualTo("MoneyWithdrawn");
    assertThat(withdrawn.error()).isEqualTo("threw Error: no money (" + js.getFileName() + ":1)");
    dev.hindsight.ui.timeline.TimelineBar bar =
        robot.lookup("#timeline").queryAs(dev.hindsight.ui.timeline.TimelineBar.class);
    assertThat(bar.getMarkers())
        .contains(
            new dev.hindsight.ui.timeline.Marker(7, dev.hindsight.ui.timeline.Marker.Kind.ERROR));
    WaitForAsyncUtils.asyncFx(() -> s.goToVersion(8)).get();
    // a lookup does not match pseudo-classes: ask each row whether it has :error
    until(
        () ->
            robot.lookup(".events-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getPseudoClassStates().contains(EventsTable.ERROR))
                .map(r -> ((EventRow) r.getItem()).ordinal())
                .toList()
                .contains(7));
  }

  @Test
  void onlyEventsWithFindingsListsTheReducerErrorsAndFollowsTheCurrentOne(FxRobot robot)
      throws Exception {
    java.nio.file.Path js = loadReducerThatFailsOnWithdrawals();
    StreamViewModel s = model.streamProperty().get();
    int errors = s.replayProperty().get().errors().size();
    TableView<?> table = robot.lookup("#events").queryAs(TableView.class);

    WaitForAsyncUtils.asyncFx(() -> table.requestFocus()).get();
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.E)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(table.getItems()).hasSize(errors);
    assertThat(table.getItems()).allMatch(r -> ((EventRow) r).error() != null);
    WaitForAsyncUtils.asyncFx(() -> s.goToVersion(8)).get();
    until(() -> table.getSelectionModel().getSelectedItem() != null);
    assertThat(((EventRow) table.getSelectionModel().getSelectedItem()).ordinal()).isEqualTo(7);
    WaitForAsyncUtils.asyncFx(() -> s.goToVersion(1)).get();
    until(() -> table.getSelectionModel().getSelectedItem() == null);

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.E)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table.getItems()).hasSize(888);
  }

  @Test
  void ctrlDBookmarksTheEventWhichShowsInTheListAndOnTheTimeline(FxRobot robot) throws Exception {
    // the keys go to the window (a click into the table would also choose the row under it)
    WaitForAsyncUtils.asyncFx(() -> robot.lookup("#events").query().requestFocus()).get();
    WaitForAsyncUtils.waitForFxEvents();
    int at = ordinal();
    robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#bookmark-title").write("the double charge");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(model.audit().bookmarks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.stream()).isEqualTo("account-operating");
              assertThat(b.version()).isEqualTo(at + 1); // the account's versions are 1..888
              assertThat(b.title()).isEqualTo("the double charge");
            });
    dev.hindsight.ui.timeline.TimelineBar bar =
        robot.lookup("#timeline").queryAs(dev.hindsight.ui.timeline.TimelineBar.class);
    assertThat(bar.getMarkers())
        .contains(
            new dev.hindsight.ui.timeline.Marker(
                887, dev.hindsight.ui.timeline.Marker.Kind.BOOKMARK));
    assertThat(robot.lookup("#bookmarks").queryListView().getItems()).hasSize(1);
    // kept beside Hindsight's data, not in the store: remove it, so the next test starts clean
    WaitForAsyncUtils.asyncFx(() -> model.audit().remove(model.audit().bookmarks().get(0))).get();
  }

  @Test
  void theHistoryOfAStateValueListsTheEventsThatChangedIt(FxRobot robot) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> window.showHistory("/counterparty")).get();
    ListView<?> history = robot.lookup("#history").queryAs(ListView.class);
    until(() -> history.getItems().size() > 5);
    robot.clickOn((javafx.scene.Node) robot.lookup("#history .list-cell").nth(1).query());
    until(() -> ordinal() == 7); // the rent: the first counterparty after the card terminal
  }

  @Test
  void aDroppedJsFileLoadsReducersAndAnythingElseOpensAsAStore() throws Exception {
    java.nio.file.Path js = java.nio.file.Files.createTempFile("count", ".js");
    java.nio.file.Files.writeString(
        js, "({ name: 'Counter', $init: () => ({ n: 0 }), $any: (s) => ({ n: s.n + 1 }) })");
    WaitForAsyncUtils.asyncFx(() -> window.model().commands().open(js)).get();
    until(() -> model.reducerName().equals("Counter"));

    java.nio.file.Path text = java.nio.file.Files.createTempFile("notes", ".txt");
    java.nio.file.Files.writeString(text, "not a store");
    WaitForAsyncUtils.asyncFx(() -> window.model().commands().open(text)).get();
    until(() -> model.streams().errorProperty().get() != null);
    assertThat(model.streams().errorProperty().get()).endsWith("is not a SQLite database");
    assertThat(model.streams().allStreams()).hasSize(50); // the open store stays open
  }

  @Test
  void draggingTheTimelineMovesThroughTheStreamAndTheViewsFollow(FxRobot robot) throws Exception {
    javafx.scene.Node bar = robot.lookup("#timeline").query();
    javafx.geometry.Bounds b = bar.localToScreen(bar.getBoundsInLocal());
    double y = b.getMinY() + b.getHeight() / 2;
    robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.8, y));
    robot.press(javafx.scene.input.MouseButton.PRIMARY);
    robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5, y));
    robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.25, y));
    robot.release(javafx.scene.input.MouseButton.PRIMARY);

    until(() -> ordinal() > 150 && ordinal() < 300);
    int at = ordinal();
    until(() -> position(robot).startsWith("v" + (at + 1) + " "));
    TableView<?> events = robot.lookup("#events").queryAs(TableView.class);
    until(() -> events.getSelectionModel().getSelectedIndex() == at);
  }

  @Test
  void playStepsForwardUntilPaused(FxRobot robot) throws Exception {
    robot.clickOn("#events");
    robot.type(KeyCode.HOME);
    until(() -> ordinal() == 0);
    WaitForAsyncUtils.asyncFx(() -> model.streamProperty().get().speedProperty().set(50)).get();
    robot.type(KeyCode.SPACE);
    until(() -> ordinal() >= 5);
    robot.type(KeyCode.SPACE);
    until(() -> !window.model().playingProperty().get());
    int paused = ordinal();
    WaitForAsyncUtils.waitForFxEvents(20); // frames go by: the stopped timer steps no further
    assertThat(ordinal()).isEqualTo(paused);
  }

  @Test
  void compareFindAndSearch(FxRobot robot) throws Exception {
    robot.clickOn("#events");
    robot.type(KeyCode.HOME);
    until(() -> ordinal() == 0);
    tab(robot, "Compare");
    robot.clickOn("#mark-a");
    robot.type(KeyCode.END);
    until(() -> ordinal() == 887);
    robot.clickOn("#mark-b");
    ListView<?> comparison = robot.lookup("#comparison").queryAs(ListView.class);
    until(() -> !comparison.getItems().isEmpty());

    tab(robot, "Find");
    robot.clickOn("#find-condition").write("state.counterparty === 'Adyen'");
    robot.clickOn("#find-first");
    until(() -> ordinal() == 36); // the first card fees

    tab(robot, "Search");
    robot.clickOn("#search-text").write("Adyen");
    robot.clickOn("#search");
    ListView<?> hits = robot.lookup("#search-hits").queryAs(ListView.class);
    until(() -> !hits.getItems().isEmpty());
    assertThat(robot.lookup("#search-message").queryAs(Label.class).getText())
        .endsWith("events match");
  }
}
