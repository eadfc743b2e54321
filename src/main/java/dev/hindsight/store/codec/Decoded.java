package dev.hindsight.store.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decoded payload: the value to show, and what went wrong when it could not be decoded as its
 * layout says (the value is then the raw text, or hex for bytes).
 *
 * @param value a JSON value, or a text node holding raw text or hex
 * @param problem null when the payload decoded cleanly
 */
public record Decoded(JsonNode value, String problem) {

  public static Decoded ok(JsonNode value) {
    return new Decoded(value, null);
  }

  public boolean isJson() {
    return problem == null && value != null && !value.isTextual();
  }
}
