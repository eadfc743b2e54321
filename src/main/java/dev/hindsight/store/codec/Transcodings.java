package dev.hindsight.store.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Values a library wrote as tagged objects, read back as the plain values they stand for. Python
 * eventsourcing's {@code JSONTranscoder} writes a value JSON has no type for as {@code {"_type_":
 * NAME, "_data_": DATA}}, where the data may hold further tagged values (its encoder calls itself
 * on them) and tuples are plain arrays; its decoder undoes that from the innermost object out, for
 * an object of exactly those two keys. A decoded value keeps the type it was written as, so that it
 * compares as that type: a UUID in 32 hex digits and the same UUID with dashes are one value.
 */
public final class Transcodings {

  /** The layout setting that reads Python eventsourcing's transcodings. */
  public static final String EVENTSOURCING = "eventsourcing";

  /** The transcodings a layout can name. */
  public static final List<String> KNOWN = List.of(EVENTSOURCING);

  private static final Pattern HEX_UUID = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern DASHED_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Transcodings() {}

  /** The built-in transcodings of Python eventsourcing, by the name it writes in {@code _type_}. */
  public enum Type {
    /**
     * {@code UUIDAsHex}: {@code uuid.hex}. Read as Python's {@code str(uuid)} (dashed, lower case);
     * equal to the same UUID written either way.
     */
    UUID_HEX("uuid_hex"),
    /**
     * {@code DecimalAsStr}: {@code str(decimal)}. Read as that text; equal to a number or a numeric
     * text of the same value, as Python's {@code Decimal("74.5") == Decimal("74.50")}.
     */
    DECIMAL_STR("decimal_str"),
    /**
     * {@code DatetimeAsISO}: {@code datetime.isoformat()}. Read as that text, which is what the
     * events hold too; equal to any ISO text of the same instant ({@code Z} or {@code +00:00}, any
     * number of fraction digits).
     */
    DATETIME_ISO("datetime_iso");

    private final String id;

    Type(String id) {
      this.id = id;
    }

    /** The name the library writes in {@code _type_}. */
    public String id() {
      return id;
    }

    static Type of(String id) {
      for (Type t : values()) {
        if (t.id.equals(id)) {
          return t;
        }
      }
      return null;
    }

    /** The plain value of {@code data}, or null when it is not what this type writes. */
    JsonNode decode(JsonNode data) {
      if (!data.isTextual()) {
        return null;
      }
      String text = data.asText();
      return switch (this) {
        case UUID_HEX -> {
          UUID uuid = uuid(text);
          yield uuid == null ? null : TextNode.valueOf(uuid.toString());
        }
        case DECIMAL_STR, DATETIME_ISO -> data;
      };
    }

    /** Whether two values are one value of this type (each may be written either way). */
    public boolean same(JsonNode a, JsonNode b) {
      if (a == null || b == null) {
        return false;
      }
      return switch (this) {
        case UUID_HEX ->
            a.isTextual() && b.isTextual() && sameNonNull(uuid(a.asText()), uuid(b.asText()));
        case DECIMAL_STR -> sameNonNull(decimal(a), decimal(b), (x, y) -> x.compareTo(y) == 0);
        case DATETIME_ISO -> a.isTextual() && b.isTextual() && sameNonNull(instant(a), instant(b));
      };
    }
  }

  /**
   * A value with its tagged values decoded.
   *
   * @param value the plain value
   * @param types the JSON pointer of each value that was tagged, to its type
   */
  public record Plain(JsonNode value, Map<String, Type> types) {

    /** Whether {@code a} and {@code b} are one value of the type written at {@code path}. */
    public boolean same(String path, JsonNode a, JsonNode b) {
      Type type = types.get(path);
      return type != null && type.same(a, b);
    }
  }

  /**
   * Decodes the tagged values of {@code transcoding} in {@code node}; the node is not changed.
   *
   * @param transcoding one of {@link #KNOWN}, or null for none (the value is returned as it is)
   * @throws IllegalArgumentException for a transcoding that is not known
   */
  public static Plain decode(String transcoding, JsonNode node) {
    if (transcoding == null || node == null) {
      return new Plain(node, Map.of());
    }
    if (!EVENTSOURCING.equals(transcoding)) {
      throw new IllegalArgumentException(
          "unknown transcoding '" + transcoding + "' (known: " + String.join(", ", KNOWN) + ")");
    }
    Map<String, Type> types = new HashMap<>();
    return new Plain(eventsourcing("", node, types), Map.copyOf(types));
  }

  private static JsonNode eventsourcing(String path, JsonNode node, Map<String, Type> types) {
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
      for (int i = 0; i < node.size(); i++) {
        out.add(eventsourcing(path + "/" + i, node.get(i), types));
      }
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey().replace("~", "~0").replace("/", "~1");
      out.set(e.getKey(), eventsourcing(path + "/" + key, e.getValue(), types));
    }
    // the library's decoder: an object of exactly these two keys, decoded after what it holds
    if (out.size() == 2 && out.path("_type_").isTextual() && out.has("_data_")) {
      Type type = Type.of(out.get("_type_").asText());
      JsonNode plain = type == null ? null : type.decode(out.get("_data_"));
      if (plain != null) {
        types.put(path, type);
        return plain;
      }
    }
    return out; // a transcoding of the application's own: nothing to read it as
  }

  private static UUID uuid(String text) {
    String t = text.strip();
    if (HEX_UUID.matcher(t).matches()) {
      t =
          t.substring(0, 8)
              + "-"
              + t.substring(8, 12)
              + "-"
              + t.substring(12, 16)
              + "-"
              + t.substring(16, 20)
              + "-"
              + t.substring(20);
    } else if (!DASHED_UUID.matcher(t).matches()) {
      return null;
    }
    return UUID.fromString(t.toLowerCase(Locale.ROOT));
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        return null; // NaN, Infinity: Python's Decimal has them, and they equal nothing
      }
    }
    return null;
  }

  private static Instant instant(JsonNode node) {
    if (node.asText().indexOf(':') < 0) {
      return null; // a bare number would be read as epoch seconds
    }
    try {
      return Timestamps.parse(node.asText(), "iso");
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static <T> boolean sameNonNull(T a, T b) {
    return a != null && Objects.equals(a, b);
  }

  private static <T> boolean sameNonNull(T a, T b, BiPredicate<T, T> same) {
    return a != null && b != null && same.test(a, b);
  }
}
