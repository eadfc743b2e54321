package dev.hindsight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;

/**
 * Writes a JSON array one element per line, as elements arrive: valid JSON for any tool, readable
 * with {@code grep}, and never held in memory whole.
 */
final class JsonArrayWriter {

  private final PrintWriter out;
  private boolean first = true;

  JsonArrayWriter(PrintWriter out) {
    this.out = out;
    out.print("[");
  }

  void add(JsonNode element) {
    out.print(first ? "\n" : ",\n");
    out.print(Json.write(element));
    first = false;
  }

  /** Closes the array: call only when every element was written. */
  void finish() {
    out.println(first ? "]" : "\n]");
    out.flush();
  }
}
