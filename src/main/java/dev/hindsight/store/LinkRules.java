package dev.hindsight.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventLinks;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a layout finds each event's id, correlation and causation ({@link EventLinks}): its {@code
 * eventId}, {@code correlation} and {@code causation} keys, or, for a key it leaves out, the first
 * of the usual metadata keys that is there ({@link #ID_KEYS}, {@link #CORRELATION_KEYS}, {@link
 * #CAUSATION_KEYS}). A column's value is read by the store (it is passed in here); pointers and the
 * usual keys are looked up in the decoded metadata or payload. Axon's XStream metadata ({@code
 * <meta-data><entry><string>key</string><string>value</string></entry>…}) is read as the map it is,
 * so Axon's default serializer has links too.
 */
public final class LinkRules {

  /** The metadata keys an event's id is looked up by when the layout names none, first hit wins. */
  public static final List<String> ID_KEYS = List.of("eventId", "messageId", "$eventId", "id");

  /** The metadata keys of the correlation when the layout names none, first hit wins. */
  public static final List<String> CORRELATION_KEYS =
      List.of("correlationId", "correlation_id", "$correlationId");

  /** The metadata keys of the causation when the layout names none, first hit wins. */
  public static final List<String> CAUSATION_KEYS =
      List.of("causationId", "causation_id", "$causationId");

  private static final Pattern XSTREAM_ENTRY =
      Pattern.compile(
          "<entry>\\s*<string>([^<]*)</string>\\s*<(?:string|uuid|long|int)>([^<]*)</(?:string|uuid|long|int)>\\s*</entry>");

  private final Layout.Field id;
  private final Layout.Field correlation;
  private final Layout.Field causation;
  private final boolean byPosition;

  private LinkRules(Layout layout) {
    this.id = layout.eventId();
    this.correlation = layout.correlation();
    this.causation = layout.causation();
    this.byPosition = causation != null && "position".equals(causation.format());
  }

  /** The rules of a layout. */
  public static LinkRules of(Layout layout) {
    return new LinkRules(layout);
  }

  /** The layout's field for the id, or null when the usual metadata keys are looked up. */
  public Layout.Field idField() {
    return id;
  }

  /** The layout's field for the correlation, or null for the usual metadata keys. */
  public Layout.Field correlationField() {
    return correlation;
  }

  /** The layout's field for the causation, or null for the usual metadata keys. */
  public Layout.Field causationField() {
    return causation;
  }

  /**
   * Whether any of the three is read from the metadata: then reading an event without its metadata
   * leaves those out.
   */
  public boolean readsMetadata() {
    return fromMetadata(id) || fromMetadata(correlation) || fromMetadata(causation);
  }

  /** Whether the correlation is read from the metadata (by a pointer, or the usual keys). */
  public boolean correlationFromMetadata() {
    return fromMetadata(correlation);
  }

  private static boolean fromMetadata(Layout.Field f) {
    return f == null || (f.pointer() != null && !f.inPayload());
  }

  /**
   * An event's links.
   *
   * @param idColumn the value of the id's column (null when it has none, or the layout names none)
   * @param correlationColumn the value of the correlation's column
   * @param causationColumn the value of the causation's column
   * @param data the decoded payload
   * @param metadata the decoded metadata, or null when it was not read
   */
  public EventLinks read(
      String idColumn,
      String correlationColumn,
      String causationColumn,
      JsonNode data,
      JsonNode metadata) {
    JsonNode meta = asMap(metadata);
    String eventId = value(id, idColumn, data, meta, ID_KEYS);
    String corr = value(correlation, correlationColumn, data, meta, CORRELATION_KEYS);
    String cause = value(causation, causationColumn, data, meta, CAUSATION_KEYS);
    if (eventId == null && corr == null && cause == null) {
      return EventLinks.NONE;
    }
    Long position = null;
    if (byPosition && cause != null) {
      try {
        position = Long.parseLong(cause.strip());
      } catch (NumberFormatException notAPosition) {
        position = null; // kept as text, with no link
      }
    }
    return new EventLinks(eventId, corr, cause, position);
  }

  private static String value(
      Layout.Field field, String column, JsonNode data, JsonNode meta, List<String> keys) {
    if (field == null) {
      if (meta == null || !meta.isObject()) {
        return null;
      }
      for (String key : keys) {
        String v = scalar(meta.get(key));
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    String value = column == null || column.isEmpty() ? null : column;
    if (value == null && field.pointer() != null) {
      JsonNode in = field.inPayload() ? data : meta;
      value = in == null || !in.isContainerNode() ? null : scalar(in.at(field.pointer()));
    }
    return Patterns.apply(field.pattern(), value);
  }

  /** A text or number as text; null for anything else, and for an empty text. */
  private static String scalar(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.asText();
      return text.isEmpty() ? null : text;
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    return null;
  }

  /** The metadata as a JSON object: itself, or the map an XStream {@code <meta-data>} holds. */
  static JsonNode asMap(JsonNode metadata) {
    if (metadata == null || !metadata.isTextual()) {
      return metadata;
    }
    String text = metadata.asText();
    if (!text.stripLeading().startsWith("<meta-data")) {
      return metadata;
    }
    ObjectNode map = JsonNodeFactory.instance.objectNode();
    Matcher m = XSTREAM_ENTRY.matcher(text);
    while (m.find()) {
      map.put(unescapeXml(m.group(1)), unescapeXml(m.group(2)));
    }
    return map;
  }

  private static String unescapeXml(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
