package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
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
    // a shallow copy, sized once: the values are shared, not copied
    Map<String, JsonNode> fields = new LinkedHashMap<>(capacity(state.size() + patch.size()));
    for (Map.Entry<String, JsonNode> e : state.properties()) {
      fields.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      fields.put(e.getKey(), merge(state.get(e.getKey()), e.getValue()));
    }
    return new ObjectNode(NODES, fields);
  }

  /** A hash map capacity that holds {@code n} entries without growing. */
  private static int capacity(int n) {
    return (int) (n / 0.75f) + 1;
  }
}
