package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;

/**
 * One difference between two states.
 *
 * @param path a JSON pointer ({@code ""} is the whole state)
 * @param op {@code added}, {@code removed} or {@code changed}
 * @param oldValue the value before (null for {@code added})
 * @param newValue the value after (null for {@code removed})
 */
public record Change(String path, Op op, JsonNode oldValue, JsonNode newValue) {

  /**
   * The change as one line: {@code + /path = value}, {@code - /path (was value)}, {@code ~ /path:
   * old ARROW new}.
   */
  public String line(String arrow) {
    String at = path.isEmpty() ? "/" : path;
    return switch (op) {
      case ADDED -> "+ " + at + " = " + Json.write(newValue);
      case REMOVED -> "- " + at + " (was " + Json.write(oldValue) + ")";
      case CHANGED ->
          "~ " + at + ": " + Json.write(oldValue) + " " + arrow + " " + Json.write(newValue);
    };
  }

  /** What happened at a path; the names are what the CLI prints. */
  public enum Op {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("changed");

    private final String id;

    Op(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }
}
