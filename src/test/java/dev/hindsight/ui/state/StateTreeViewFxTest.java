package dev.hindsight.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.store.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The state view on Monocle: stepping through states, the toggles and the row menu. */
@ExtendWith(ApplicationExtension.class)
class StateTreeViewFxTest {

  private static final String FIRST =
      "{\"id\":\"o-1\",\"status\":\"placed\",\"customer\":{\"name\":\"Ada\",\"tier\":\"silver\"},"
          + "\"lines\":[{\"sku\":\"A\",\"qty\":1}],\"total\":24.00}";
  private static final String SECOND =
      "{\"id\":\"o-1\",\"status\":\"paid\",\"customer\":{\"name\":\"Ada\",\"tier\":\"silver\"},"
          + "\"lines\":[{\"sku\":\"A\",\"qty\":2}],\"total\":48.00}";

  private StateView view;

  @Start
  void start(Stage stage) {
    view = new StateView();
    stage.setScene(new Scene(view, 600, 500));
    stage.show();
  }

  @Test
  void expansionSurvivesTheNextStateAndTheChangedCellIsMarked(FxRobot robot) throws Exception {
    fx(() -> view.show(parse(FIRST), List.of()));
    assertThat(cell(robot, "/customer/name")).isNull();

    robot.clickOn(cell(robot, "/customer").lookup(".tree-disclosure-node"));
    assertThat(cell(robot, "/customer/name")).isNotNull();

    fx(() -> view.show(parse(SECOND), JsonDiff.diff(parse(FIRST), parse(SECOND))));

    assertThat(cell(robot, "/customer/name")).as("still expanded").isNotNull();
    assertThat(pseudo(cell(robot, "/status"))).contains("changed");
    assertThat(pseudo(cell(robot, "/customer/name"))).doesNotContain("changed");
    // the change inside the array is brought into sight, its parents marked
    assertThat(pseudo(cell(robot, "/lines/0/qty"))).contains("changed");
    assertThat(pseudo(cell(robot, "/lines"))).contains("contains-change");
    assertThat(texts(cell(robot, "/status")))
        .containsSubsequence("status:", "\"placed\"", "→", "\"paid\"");
    assertThat(texts(cell(robot, "/total"))).contains("48.00", "24.00");
  }

  @Test
  void theNextStateUpdatesTheItemsInPlaceAndFollowsRowsThatComeAndGo(FxRobot robot)
      throws Exception {
    String third =
        "{\"id\":\"o-1\",\"status\":\"paid\",\"customer\":{\"name\":\"Ada\"},"
            + "\"lines\":[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\",\"qty\":1}],\"note\":\"gift\"}";
    fx(() -> view.show(parse(FIRST), List.of()));
    TreeView<?> tree = robot.lookup(".state-tree").queryAs(TreeView.class);
    Object root = tree.getRoot();
    Object idItem = tree.getRoot().getChildren().get(0);

    fx(() -> view.show(parse(SECOND), JsonDiff.diff(parse(FIRST), parse(SECOND))));
    assertThat(tree.getRoot()).as("same root item").isSameAs(root);
    assertThat(tree.getRoot().getChildren().get(0)).as("same /id item").isSameAs(idItem);
    assertThat(texts(cell(robot, "/total"))).contains("48.00", "24.00");

    fx(() -> view.show(parse(third), JsonDiff.diff(parse(SECOND), parse(third))));
    // /total went (shown as removed), /note came, /lines grew, /customer/tier went
    assertThat(shownPaths(robot))
        .contains("/note", "/lines/1", "/customer/tier")
        .containsSubsequence("/id", "/status", "/customer", "/lines");
    assertThat(pseudo(cell(robot, "/note"))).contains("added");
    assertThat(pseudo(cell(robot, "/total"))).contains("removed");
    assertThat(pseudo(cell(robot, "/customer/tier"))).contains("removed");
    assertThat(texts(cell(robot, "/lines"))).contains("[2]");

    // and back: a state with fewer rows than the items made so far
    fx(() -> view.show(parse(FIRST), JsonDiff.diff(parse(third), parse(FIRST))));
    assertThat(texts(cell(robot, "/status"))).contains("\"placed\"");
    assertThat(texts(cell(robot, "/lines"))).contains("[1]");
    assertThat(tree.getRoot()).isSameAs(root);
  }

  @Test
  void theSelectionAndItsPathSurviveTheNextState(FxRobot robot) throws Exception {
    fx(() -> view.show(parse(FIRST), List.of()));
    robot.clickOn(cell(robot, "/total"));
    assertThat(view.getSelectedPath()).isEqualTo("/total");
    List<String> seen = new ArrayList<>();
    fx(() -> view.selectedPathProperty().addListener((o, was, is) -> seen.add(is)));

    fx(() -> view.show(parse(SECOND), JsonDiff.diff(parse(FIRST), parse(SECOND))));

    assertThat(view.getSelectedPath()).isEqualTo("/total");
    assertThat(seen).as("no flicker through null").isEmpty();
  }

  @Test
  void theScrollPositionSurvivesTheNextStateEvenWhenRowsAppearAbove(FxRobot robot)
      throws Exception {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      keys.append(",\"k").append(i).append("\":").append(i);
    }
    JsonNode before = parse("{\"a\":{\"x\":1,\"y\":1,\"z\":1}" + keys + "}");
    JsonNode after = parse("{\"a\":{\"x\":2,\"y\":1,\"z\":1}" + keys + "}");
    fx(() -> view.show(before, List.of()));
    TreeView<?> tree = robot.lookup(".state-tree").queryAs(TreeView.class);
    fx(() -> tree.scrollTo(121));
    assertThat(firstVisiblePath(robot)).isEqualTo("/k119");

    // the change expands /a, three rows above the viewport: the rows in sight stay in sight
    fx(() -> view.show(after, JsonDiff.diff(before, after)));

    assertThat(tree.getExpandedItemCount()).isEqualTo(1 + 1 + 3 + 300);
    assertThat(firstVisiblePath(robot)).isEqualTo("/k119");
  }

  @Test
  void changedOnlyHidesTheRowsThatDidNotChange(FxRobot robot) throws Exception {
    fx(() -> view.show(parse(SECOND), JsonDiff.diff(parse(FIRST), parse(SECOND))));
    assertThat(cell(robot, "/id")).isNotNull();

    robot.clickOn(".changed-only");

    assertThat(cell(robot, "/id")).isNull();
    assertThat(cell(robot, "/customer")).isNull();
    assertThat(shownPaths(robot))
        .containsExactly("", "/status", "/lines", "/lines/0", "/lines/0/qty", "/total");
  }

  @Test
  void anEmptyStateBeforeTheFirstEventDoesNotFoldTheStatesAfterIt(FxRobot robot) throws Exception {
    fx(() -> view.show(parse("{}"), List.of()));
    WaitForAsyncUtils.waitForFxEvents();
    fx(() -> view.show(parse(FIRST), List.of()));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(robot, "/status") != null);
    assertThat(cell(robot, "/status")).isNotNull();
  }

  @Test
  void rawJsonShowsTheJsonWithExactNumbers(FxRobot robot) throws Exception {
    fx(() -> view.show(parse(FIRST), List.of()));

    robot.clickOn(".raw-toggle");

    TextFlow flow = robot.lookup(".json-text").queryAs(TextFlow.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !flow.getChildren().isEmpty());
    String text =
        flow.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining());
    assertThat(text).isEqualTo(Json.pretty(parse(FIRST))).contains("\"total\" : 24.00");
    assertThat(robot.from(flow).lookup(".json-number").queryAll())
        .extracting(n -> ((Text) n).getText())
        .contains("24.00");
    assertThat(robot.lookup(".copy-json").queryAs(Node.class).isVisible()).isTrue();
    assertThat(robot.lookup(".state-tree").queryAs(Node.class).isVisible()).isFalse();
  }

  @Test
  void aHugeValueShowsItsStartInRawJsonUntilShowAll(FxRobot robot) throws Exception {
    String huge = "x".repeat(3_000_000);
    fx(
        () ->
            view.show(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("blob", huge),
                List.of()));
    robot.clickOn(".raw-toggle");

    TextFlow flow = robot.lookup(".json-text").queryAs(TextFlow.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !flow.getChildren().isEmpty());
    java.util.function.Supplier<Integer> shown =
        () -> flow.getChildren().stream().mapToInt(n -> ((Text) n).getText().length()).sum();
    assertThat(shown.get()).isEqualTo(RawJsonView.MAX_SHOWN);
    javafx.scene.control.Hyperlink all =
        robot.lookup("#show-all-json").queryAs(javafx.scene.control.Hyperlink.class);
    assertThat(all.isVisible()).isTrue();
    assertThat(all.getText()).startsWith("Shown: the first 1,000,000 of 3,000,0");

    fx(all::fire);
    assertThat(shown.get()).isGreaterThan(3_000_000);
    assertThat(all.isVisible()).isFalse();
  }

  @Test
  void historyOfThisValueCallsTheHandlerWithThePointer(FxRobot robot) throws Exception {
    List<String> asked = new ArrayList<>();
    fx(
        () -> {
          view.setOnHistoryRequested(asked::add);
          view.show(parse("{\"a/b\":{\"c~d\":1}}"), List.of());
          view.expandAll();
        });

    // a busy machine may lay the expanded rows out a pulse or two later: wait for the row
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(robot, "/a~1b/c~0d") != null);
    TreeCell<?> cell = cell(robot, "/a~1b/c~0d");
    robot.rightClickOn(cell);
    // Monocle's robot presses the button but makes no context-menu request; the OS would
    fx(() -> cell.fireEvent(contextMenuRequest(cell)));
    robot.clickOn("History of this value");

    assertThat(asked).containsExactly("/a~1b/c~0d");
    assertThat(view.getSelectedPath()).isEqualTo("/a~1b/c~0d");
  }

  @Test
  void expandAllAndCollapseAll(FxRobot robot) throws Exception {
    fx(() -> view.show(parse(FIRST), List.of()));

    robot.clickOn(".expand-all");
    assertThat(cell(robot, "/lines/0/sku")).isNotNull();

    robot.clickOn(".collapse-all");
    assertThat(shownPaths(robot))
        .containsExactly("", "/id", "/status", "/customer", "/lines", "/total");
  }

  @Test
  void noStateShowsAPlaceholder(FxRobot robot) throws Exception {
    fx(() -> view.show(parse(FIRST), List.of()));
    fx(() -> view.show(null, List.of()));

    assertThat(robot.lookup(".state-placeholder").queryAs(Node.class).isVisible()).isTrue();
    assertThat(robot.lookup("No state to show").tryQuery()).isPresent();
    assertThat(robot.lookup(".state-tree").queryAs(Node.class).isVisible()).isFalse();
    assertThat(view.getSelectedPath()).isNull();
  }

  @Test
  void aLargeStateShowsQuickly(FxRobot robot) throws Exception {
    StringBuilder json = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 400; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"sku\":\"S")
          .append(i)
          .append("\",\"qty\":")
          .append(i)
          .append(",\"price\":1.50,\"tags\":[\"a\"]}");
    }
    JsonNode state = parse(json.append("]}").toString());
    long start = System.nanoTime();
    fx(
        () -> {
          view.show(state, List.of());
          view.expandAll();
          view.show(state, List.of());
        });
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    TreeView<?> tree = robot.lookup(".state-tree").queryAs(TreeView.class);
    assertThat(tree.getExpandedItemCount()).isEqualTo(1 + 1 + 400 * 6);
  }

  private static ContextMenuEvent contextMenuRequest(Node node) {
    Point2D at = node.localToScreen(10, 5);
    return new ContextMenuEvent(
        ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 5, at.getX(), at.getY(), false, null);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.parse(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void fx(Runnable r) throws Exception {
    WaitForAsyncUtils.asyncFx(r).get();
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The visible cell showing {@code path}; null when no cell shows it. */
  private static TreeCell<?> cell(FxRobot robot, String path) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
        .filter(c -> c.isVisible() && c.getItem() instanceof StateRow r && r.path().equals(path))
        .findFirst()
        .orElse(null);
  }

  private static String firstVisiblePath(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    var flow = robot.lookup(".state-tree .virtual-flow").queryAs(VirtualFlow.class);
    return ((StateRow) ((TreeCell<?>) flow.getFirstVisibleCell()).getItem()).path();
  }

  private static List<String> shownPaths(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    TreeView<?> tree = robot.lookup(".state-tree").queryAs(TreeView.class);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tree.getExpandedItemCount(); i++) {
      out.add(((StateRow) tree.getTreeItem(i).getValue()).path());
    }
    return out;
  }

  private static Set<String> pseudo(Node node) {
    return node.getPseudoClassStates().stream().map(Object::toString).collect(Collectors.toSet());
  }

  private static List<String> texts(Node cell) {
    return cell.lookupAll(".label").stream()
        .filter(Node::isVisible)
        .map(n -> ((javafx.scene.control.Label) n).getText())
        .filter(t -> t != null && !t.isEmpty())
        .toList();
  }
}
