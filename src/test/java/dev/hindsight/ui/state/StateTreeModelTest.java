package dev.hindsight.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.store.codec.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of a state, given before and after as JSON text and diffed as the replay does. */
class StateTreeModelTest {

  @Test
  void objectsAndArraysAreBranchesWithCountsAndScalarsAreJsonText() throws Exception {
    StateRow root =
        model("{}", "{\"id\":\"o-1\",\"paid\":true,\"note\":null,\"lines\":[1,2],\"a\":{}}").root();

    assertThat(root.path()).isEmpty();
    assertThat(root.key()).isNull();
    assertThat(root.valueText()).isEqualTo("{5}");
    assertThat(lines(root))
        .containsExactly(
            "ADDED /id id \"o-1\"",
            "ADDED /paid paid true",
            "ADDED /note note null",
            "ADDED /lines lines [2]",
            "ADDED /a a {0}");
    StateRow items = root.children().get(3);
    assertThat(items.isBranch()).isTrue();
    assertThat(lines(items)).containsExactly("ADDED /lines/0 0 1", "ADDED /lines/1 1 2");
    assertThat(items.children().get(0).isArrayItem()).isTrue();
    assertThat(root.children().get(4).isBranch()).isTrue();
    assertThat(root.children().get(4).children()).isEmpty();
  }

  @Test
  void numbersAreShownExactlyAsStored() throws Exception {
    StateTreeModel m =
        model("{\"total\":24.0}", "{\"total\":24.00,\"big\":12345678901234567890.10}");

    // 24.0 -> 24.00 is the same number: the diff says nothing changed, the text keeps both zeros
    assertThat(lines(m.root()))
        .containsExactly("NONE /total total 24.00", "ADDED /big big 12345678901234567890.10");
  }

  @Test
  void aChangedValueCarriesItsOldValueAndItsAncestorsAreMarked() throws Exception {
    StateTreeModel m =
        model(
            "{\"status\":\"open\",\"customer\":{\"name\":\"Ada\",\"tier\":1}}",
            "{\"status\":\"paid\",\"customer\":{\"name\":\"Ada\",\"tier\":2}}");

    assertThat(m.root().mark()).isEqualTo(Mark.CONTAINS_CHANGE);
    StateRow status = m.root().children().get(0);
    assertThat(status.mark()).isEqualTo(Mark.CHANGED);
    assertThat(status.oldValueText()).isEqualTo("\"open\"");
    assertThat(status.valueText()).isEqualTo("\"paid\"");
    StateRow customer = m.root().children().get(1);
    assertThat(customer.mark()).isEqualTo(Mark.CONTAINS_CHANGE);
    assertThat(customer.oldValueText()).isNull();
    assertThat(lines(customer))
        .containsExactly(
            "NONE /customer/name name \"Ada\"", "CHANGED /customer/tier tier 2 (was 1)");
    assertThat(m.ancestorPaths()).containsExactly("", "/customer");
    assertThat(m.changedPaths()).containsExactly("/status", "/customer/tier");
    assertThat(m.count(Change.Op.CHANGED)).isEqualTo(2);
    assertThat(m.count(Change.Op.ADDED)).isZero();
  }

  @Test
  void aRemovedPropertyIsKeptAfterThoseThatRemainWithItsOldValue() throws Exception {
    StateTreeModel m = model("{\"a\":1,\"coupon\":\"X\",\"b\":2}", "{\"a\":1,\"b\":2}");

    assertThat(lines(m.root()))
        .containsExactly("NONE /a a 1", "NONE /b b 2", "REMOVED /coupon coupon \"X\"");
    assertThat(m.count(Change.Op.REMOVED)).isEqualTo(1);
  }

  @Test
  void removedArrayItemsGoBackToTheirIndex() throws Exception {
    StateTreeModel trailing = model("{\"l\":[\"a\",\"b\",\"c\"]}", "{\"l\":[\"a\"]}");
    assertThat(lines(trailing.root().children().get(0)))
        .containsExactly("NONE /l/0 0 \"a\"", "REMOVED /l/1 1 \"b\"", "REMOVED /l/2 2 \"c\"");

    // a diff that matches items rather than indices removes /1 of [a, b, c] to leave [a, c]
    JsonNode after = Json.parse("{\"l\":[\"a\",\"c\"]}");
    List<Change> changes =
        List.of(new Change("/l/1", Change.Op.REMOVED, Json.parse("\"b\""), null));
    StateRow l = StateTreeModel.of(after, changes).root().children().get(0);
    assertThat(lines(l))
        .containsExactly("NONE /l/0 0 \"a\"", "REMOVED /l/1 1 \"b\"", "NONE /l/1 1 \"c\"");
  }

  @Test
  void nestedRemovalsShowTheWholeRemovedSubtreeUnderTheParentThatLostIt() throws Exception {
    StateTreeModel m =
        model(
            "{\"order\":{\"lines\":[{\"sku\":\"A\",\"qty\":1}],\"gift\":{\"to\":\"Bo\",\"wrap\":true}}}",
            "{\"order\":{\"lines\":[{\"sku\":\"A\"}]}}");

    StateRow order = m.root().children().get(0);
    assertThat(order.mark()).isEqualTo(Mark.CONTAINS_CHANGE);
    assertThat(lines(order))
        .containsExactly("CONTAINS_CHANGE /order/lines lines [1]", "REMOVED /order/gift gift {2}");
    StateRow gift = order.children().get(1);
    assertThat(gift.isBranch()).isTrue();
    assertThat(lines(gift))
        .containsExactly("REMOVED /order/gift/to to \"Bo\"", "REMOVED /order/gift/wrap wrap true");
    StateRow line = order.children().get(0).children().get(0);
    assertThat(lines(line))
        .containsExactly("NONE /order/lines/0/sku sku \"A\"", "REMOVED /order/lines/0/qty qty 1");
    assertThat(m.ancestorPaths()).contains("", "/order", "/order/lines", "/order/lines/0");
  }

  @Test
  void keysWithSlashAndTildeAreEscapedInPathsAndShownAsTheyAre() throws Exception {
    StateTreeModel m =
        model("{\"a/b\":1,\"c~d\":{\"x\":1},\"gone/~\":0}", "{\"a/b\":2,\"c~d\":{\"x\":1}}");

    assertThat(lines(m.root()))
        .containsExactly(
            "CHANGED /a~1b a/b 2 (was 1)", "NONE /c~0d c~d {1}", "REMOVED /gone~1~0 gone/~ 0");
    assertThat(m.root().children().get(1).children().get(0).path()).isEqualTo("/c~0d/x");
  }

  @Test
  void aWholeStateReplacedIsOneChangeAtTheRootAndItsChildrenAreNew() throws Exception {
    StateTreeModel m = model("[1]", "{\"k\":{\"v\":1}}");

    StateRow root = m.root();
    assertThat(root.mark()).isEqualTo(Mark.CHANGED);
    assertThat(root.oldValueText()).isEqualTo("[1]");
    assertThat(root.valueText()).isEqualTo("{1}");
    assertThat(lines(root)).containsExactly("ADDED /k k {1}");
    assertThat(lines(root.children().get(0))).containsExactly("ADDED /k/v v 1");
    assertThat(m.ancestorPaths()).isEmpty();
  }

  @Test
  void theFirstStateIsAllNewAndARemovedStateIsShownStruckThrough() throws Exception {
    StateTreeModel first = StateTreeModel.of(Json.parse("{\"a\":1}"), diff(null, "{\"a\":1}"));
    assertThat(first.root().mark()).isEqualTo(Mark.ADDED);
    assertThat(lines(first.root())).containsExactly("ADDED /a a 1");

    StateTreeModel gone = StateTreeModel.of(null, diff("{\"a\":1}", null));
    assertThat(gone.root().mark()).isEqualTo(Mark.REMOVED);
    assertThat(lines(gone.root())).containsExactly("REMOVED /a a 1");
  }

  @Test
  void noStateIsNoRows() {
    assertThat(StateTreeModel.of(null, List.of()).root()).isNull();
    assertThat(StateTreeModel.of(null, null).changedPaths()).isEmpty();
  }

  @Test
  void changedChildrenAreWhatChangedOnlyShows() throws Exception {
    StateTreeModel m =
        model("{\"a\":1,\"b\":{\"c\":1,\"d\":1},\"e\":1}", "{\"a\":1,\"b\":{\"c\":2,\"d\":1}}");

    assertThat(m.root().changedChildren()).extracting(StateRow::path).containsExactly("/b", "/e");
    assertThat(m.root().children().get(1).changedChildren())
        .extracting(StateRow::path)
        .containsExactly("/b/c");
  }

  @Test
  void copyTextIsAStringsOwnTextAndJsonForEverythingElse() throws Exception {
    StateRow root = model("{}", "{\"s\":\"a \\\"q\\\"\",\"n\":24.00,\"o\":{\"x\":[1]}}").root();

    assertThat(root.children().get(0).copyText()).isEqualTo("a \"q\"");
    assertThat(root.children().get(0).valueText()).isEqualTo("\"a \\\"q\\\"\"");
    assertThat(root.children().get(1).copyText()).isEqualTo("24.00");
    assertThat(Json.parse(root.children().get(2).copyText())).isEqualTo(Json.parse("{\"x\":[1]}"));
  }

  @Test
  void childrenOfALargeStateAreMadeOnlyWhenAskedFor() throws Exception {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 2_000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("\"k")
          .append(i)
          .append("\":{\"v\":")
          .append(i)
          .append('}');
    }
    JsonNode state = Json.parse(json.append('}').toString());
    long start = System.nanoTime();
    StateTreeModel m = StateTreeModel.of(state, List.of());
    assertThat(m.root().children()).hasSize(2_000);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
  }

  private static StateTreeModel model(String before, String after) throws Exception {
    return StateTreeModel.of(Json.parse(after), diff(before, after));
  }

  private static List<Change> diff(String before, String after) throws Exception {
    return JsonDiff.diff(
        before == null ? null : Json.parse(before), after == null ? null : Json.parse(after));
  }

  /** "MARK path key value", plus "(was old)" for a changed row: one string per child. */
  private static List<String> lines(StateRow parent) {
    List<String> out = new ArrayList<>();
    for (StateRow r : parent.children()) {
      String line = r.mark() + " " + r.path() + " " + r.key() + " " + r.valueText();
      out.add(r.oldValueText() == null ? line : line + " (was " + r.oldValueText() + ")");
    }
    return out;
  }
}
