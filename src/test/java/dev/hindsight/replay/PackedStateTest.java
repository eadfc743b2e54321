package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.store.codec.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedStateTest {

  @Test
  void aStateUnpacksEqualNodeForNodeWithEveryNumberKindAndScaleKept() throws Exception {
    JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    ObjectNode state = nodes.objectNode();
    state.put("price", new BigDecimal("24.00"));
    state.put("tiny", new BigDecimal("1E-30"));
    state.put("double", 1.5d);
    state.put("int", 7);
    state.put("long", 1L << 40);
    state.put("big", new BigInteger("123456789012345678901234567890"));
    state.put("text", "käse — 🧀");
    state.put("yes", true);
    state.putNull("nothing");
    state.putArray("empty");
    state.putObject("none");
    state.putArray("items").add(nodes.objectNode().put("sku", "A").put("qty", 2)).add(3);
    state.set("parsed", Json.parse("{\"amount\": 10.50, \"n\": [1, 2.0, \"x\"]}"));

    JsonNode back = PackedState.pack(state).unpack();

    assertThat(back).isEqualTo(state);
    assertThat(Json.write(back)).isEqualTo(Json.write(state));
    assertThat(kinds(back)).isEqualTo(kinds(state));
  }

  @Test
  void aPackedStateIsSmallerThanItsText() throws Exception {
    JsonNode state =
        Json.parse(
            "{\"lines\":{"
                + "\"sku-1\":{\"qty\":2,\"price\":10.00},\"sku-2\":{\"qty\":1,\"price\":3.50}},"
                + "\"status\":\"open\"}");
    assertThat(PackedState.pack(state).size()).isLessThan(Json.write(state).length());
  }

  /** Every node's class, depth first: equality alone would not tell a double from a decimal. */
  private static List<String> kinds(JsonNode node) {
    List<String> out = new ArrayList<>();
    out.add(node.getClass().getSimpleName());
    Iterator<JsonNode> children = node.elements();
    children.forEachRemaining(child -> out.addAll(kinds(child)));
    return out;
  }
}
