package dev.hindsight.ui;

import dev.hindsight.replay.Change;
import dev.hindsight.store.codec.Json;

/**
 * A change as one line: {@code + /path = value}, {@code - /path (was …)}, {@code ~ /path: a → b}.
 */
final class DiffLines {

  private DiffLines() {}

  static String line(Change c) {
    String path = c.path().isEmpty() ? "/" : c.path();
    return switch (c.op()) {
      case ADDED -> "+ " + path + " = " + Json.write(c.newValue());
      case REMOVED -> "- " + path + " (was " + Json.write(c.oldValue()) + ")";
      case CHANGED ->
          "~ " + path + ": " + Json.write(c.oldValue()) + " → " + Json.write(c.newValue());
    };
  }
}
