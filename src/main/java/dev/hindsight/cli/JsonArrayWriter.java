package dev.hindsight.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Writes a JSON array one element per line, as elements arrive: valid JSON for any tool, readable
 * with {@code grep}, and never held in memory whole. One generator writes every element (a mapper
 * call per element would cost more than the element).
 */
final class JsonArrayWriter {

  private final PrintWriter out;
  private final JsonGenerator json;
  private boolean first = true;

  JsonArrayWriter(PrintWriter out) {
    this.out = out;
    out.print("[");
    try {
      json = Json.mapper().getFactory().createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setRootValueSeparator(null); // elements are separated by ",\n" below, nothing else
  }

  void add(JsonNode element) {
    try {
      json.writeRaw(first ? "\n" : ",\n");
      Json.mapper().writeTree(json, element);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    first = false;
  }

  /** Writes out what was added so far (for output that a reader follows as it comes). */
  void flush() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** Closes the array: call only when every element was written. */
  void finish() {
    flush();
    out.println(first ? "]" : "\n]");
    out.flush();
  }
}
