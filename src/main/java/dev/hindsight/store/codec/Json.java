package dev.hindsight.store.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of Hindsight. Numbers are kept exactly as stored: decimals are read as
 * {@link java.math.BigDecimal} without normalising, so {@code 24.00} is written back as {@code
 * 24.00} and never goes through a double.
 */
public final class Json {

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              // payloads key maps by ids (SKUs, line ids): millions of distinct names, which
              // the shared name table would keep and search on every field (measured: most of
              // the parse time on the 1M-event store)
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                  .build())
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    // Deeply nested or huge documents are hostile input, not data to fold: Jackson refuses them
    // with a
    // clear message instead of a stack overflow.
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(1_000)
                .maxStringLength(64 * 1024 * 1024)
                .maxNumberLength(10_000)
                .build());
  }

  private Json() {}

  /** The shared mapper; configured once, safe to share between threads. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses JSON text, keeping numbers exact. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Indented JSON text of a node, for people. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Compact JSON text of a node. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
