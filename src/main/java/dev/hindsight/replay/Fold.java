package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import java.util.Map;

/**
 * One stream's running fold. Used from one thread at a time; a fold may keep its state in another
 * form (a JavaScript object) and convert it to JSON only when asked.
 */
public interface Fold {

  /** Starts over from {@code state}, or from the reducer's initial state when it is null. */
  void reset(JsonNode state);

  /**
   * Applies one event. After an error the state is as it was before the event, if {@link
   * #intact()}.
   */
  Step apply(StoredEvent event);

  /**
   * Whether the state is known to be as it was before a failed {@link #apply}. A JavaScript handler
   * may have changed the state before it threw; the replay then rebuilds it from a checkpoint.
   */
  default boolean intact() {
    return true;
  }

  /**
   * The current state as JSON, treated as immutable by everyone who gets it.
   *
   * @throws ReducerException when the state is not JSON (a function, a cycle, NaN)
   */
  JsonNode state();

  /** The value at a JSON pointer of the current state, or a missing node. */
  default JsonNode valueAt(String pointer) {
    return state().at(pointer);
  }

  /**
   * The reducer's invariants that do not hold for the state after the last applied event (and that
   * event), in the reducer's order: name to why, "returned false" or how it failed. Empty when all
   * hold, or when the reducer has none.
   */
  default Map<String, String> brokenInvariants() {
    return Map.of();
  }
}
