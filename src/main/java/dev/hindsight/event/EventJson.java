package dev.hindsight.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The JSON form of events and stream summaries, exactly as the CLI contract spells it. Reducers see
 * events in this form too, so there is one definition of it.
 */
public final class EventJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EventJson() {}

  /** {@code {"position","stream","version","type","revision","timestamp","data","metadata"}}. */
  public static ObjectNode toJson(StoredEvent e) {
    ObjectNode o = NODES.objectNode();
    o.put("position", e.position());
    o.put("stream", e.stream());
    o.put("version", e.version());
    o.put("type", e.type());
    o.put("revision", e.revision());
    o.put("timestamp", iso(e.timestamp()));
    o.set("data", e.data());
    o.set("metadata", e.metadata() == null ? NODES.nullNode() : e.metadata());
    return o;
  }

  /**
   * {@code
   * {"stream","type","events","firstVersion","lastVersion","firstTimestamp","lastTimestamp"}}.
   */
  public static ObjectNode toJson(StreamSummary s) {
    ObjectNode o = NODES.objectNode();
    o.put("stream", s.stream());
    o.put("type", s.type());
    o.put("events", s.events());
    o.put("firstVersion", s.firstVersion());
    o.put("lastVersion", s.lastVersion());
    o.put("firstTimestamp", iso(s.firstTimestamp()));
    o.put("lastTimestamp", iso(s.lastTimestamp()));
    return o;
  }

  /**
   * A one-line summary of an event's data: compact JSON or its text, white space folded, cut to
   * {@code width} characters with an ellipsis.
   */
  public static String summary(StoredEvent e, int width) {
    String text = e.data().isTextual() ? e.data().asText() : e.data().toString();
    text = text.replaceAll("\\s+", " ");
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  /**
   * ISO-8601 in UTC ending in {@code Z}, or null. Fractions show as many digits as they have (at
   * least milliseconds): {@code .120Z}, {@code .1234567Z} for .NET ticks, none for whole seconds.
   */
  public static String iso(Instant instant) {
    if (instant == null) {
      return null;
    }
    String text = DateTimeFormatter.ISO_INSTANT.format(instant.with(ChronoField.NANO_OF_SECOND, 0));
    int nanos = instant.getNano();
    if (nanos == 0) {
      return text;
    }
    String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceFirst("0+$", "");
    if (fraction.length() < 3) {
      fraction = (fraction + "00").substring(0, 3);
    }
    return text.substring(0, text.length() - 1) + "." + fraction + "Z";
  }
}
