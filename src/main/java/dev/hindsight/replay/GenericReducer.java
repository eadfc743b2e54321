package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hindsight.event.StoredEvent;

/**
 * The reducer used when the user gives none: each event's data is deep-merged into the state. Exact
 * numbers are kept. Events whose data is not a JSON object (text, an unreadable payload) are
 * unhandled.
 */
public final class GenericReducer implements Reducer {

  public static final GenericReducer INSTANCE = new GenericReducer();
  public static final String NAME = "generic (deep merge)";

  private GenericReducer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean generic() {
    return true;
  }

  @Override
  public boolean appliesTo(String stream, String aggregateType) {
    return true;
  }

  @Override
  public Fold newFold(String stream, String aggregateType) {
    return new Fold() {
      private JsonNode state = initial();

      @Override
      public void reset(JsonNode from) {
        state = from == null ? initial() : from;
      }

      @Override
      public Step apply(StoredEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject() || event.hasProblems()) {
          return Step.UNHANDLED;
        }
        state = DeepMerge.merge(state, data);
        return Step.HANDLED;
      }

      @Override
      public JsonNode state() {
        return state;
      }
    };
  }

  static JsonNode initial() {
    return JsonNodeFactory.instance.objectNode();
  }
}
