package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The generic reducer's fold step: the event's data is deep-merged into the state (objects merge,
 * everything else replaces). Inputs are never modified; the result shares every subtree the patch
 * does not touch, so keeping many states (checkpoints) costs only what changed.
 */
public final class DeepMerge {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DeepMerge() {}

  public static JsonNode merge(JsonNode state, JsonNode patch) {
    if (patch == null || patch.isMissingNode()) {
      return state;
    }
    if (state == null || !state.isObject() || !patch.isObject()) {
      return patch;
    }
    ObjectNode result = NODES.objectNode(); // a shallow copy: the values are shared, not copied
    for (Map.Entry<String, JsonNode> e : state.properties()) {
      result.set(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      result.set(e.getKey(), merge(state.get(e.getKey()), e.getValue()));
    }
    return result;
  }
}
