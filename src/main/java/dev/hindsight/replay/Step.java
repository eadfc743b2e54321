package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one event did to the state.
 *
 * @param outcome handled, unhandled (no handler: state unchanged) or an error (state unchanged)
 * @param upcast the event as the handlers saw it, when an upcaster changed it; else null
 * @param error the reducer error's message, when {@code outcome} is {@link Outcome#ERROR}
 */
public record Step(Outcome outcome, JsonNode upcast, String error) {

  public enum Outcome {
    HANDLED,
    UNHANDLED,
    ERROR
  }

  public static final Step HANDLED = new Step(Outcome.HANDLED, null, null);
  public static final Step UNHANDLED = new Step(Outcome.UNHANDLED, null, null);

  public static Step error(String message, JsonNode upcast) {
    return new Step(Outcome.ERROR, upcast, message);
  }
}
