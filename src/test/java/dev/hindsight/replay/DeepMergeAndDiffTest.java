package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepMergeAndDiffTest {

  private static JsonNode json(String s) throws Exception {
    return Json.parse(s);
  }

  @Test
  void objectsMergeEverythingElseReplacesAndNumbersStayExact() throws Exception {
    JsonNode state =
        json("{\"a\":{\"x\":1,\"y\":2},\"list\":[1,2],\"n\":\"text\",\"keep\":{\"k\":1}}");
    JsonNode patch =
        json("{\"a\":{\"y\":24.00,\"z\":null},\"list\":[3],\"n\":{\"now\":\"object\"}}");

    JsonNode merged = DeepMerge.merge(state, patch);

    assertThat(Json.write(merged))
        .isEqualTo(
            "{\"a\":{\"x\":1,\"y\":24.00,\"z\":null},\"list\":[3],\"n\":{\"now\":\"object\"},\"keep\":{\"k\":1}}");
    assertThat(Json.write(state))
        .isEqualTo("{\"a\":{\"x\":1,\"y\":2},\"list\":[1,2],\"n\":\"text\",\"keep\":{\"k\":1}}");
    assertThat(merged.get("keep")).isSameAs(state.get("keep")); // untouched subtrees are shared
  }

  @Test
  void aDiffNamesEachChangedPathWithOldAndNewValues() throws Exception {
    List<Change> changes =
        JsonDiff.diff(
            json("{\"a\":1,\"b\":{\"c\":[1,2,3]},\"gone\":true,\"x/y\":1,\"same\":2.0}"),
            json("{\"a\":2,\"b\":{\"c\":[1,5]},\"new\":{\"k\":1},\"x/y\":2,\"same\":2.00}"));

    assertThat(changes)
        .extracting(c -> c.op().id() + " " + c.path() + " " + c.oldValue() + " -> " + c.newValue())
        .containsExactly(
            "changed /a 1 -> 2",
            "changed /b/c/1 2 -> 5",
            "removed /b/c/2 3 -> null",
            "removed /gone true -> null",
            "changed /x~1y 1 -> 2",
            "added /new null -> {\"k\":1}");
  }

  @Test
  void identicalStatesHaveNoDiffAndAWholeNewStateIsOneChange() throws Exception {
    assertThat(JsonDiff.diff(json("{\"a\":[1,{\"b\":2}]}"), json("{\"a\":[1,{\"b\":2}]}")))
        .isEmpty();
    assertThat(JsonDiff.diff(json("{\"a\":1}"), json("[1]")))
        .containsExactly(new Change("", Change.Op.CHANGED, json("{\"a\":1}"), json("[1]")));
  }
}
