package dev.hindsight.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;

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
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds >= YEAR_10000) {
      return isoWithFormatter(instant);
    }
    // the common case, written by hand: a formatter and String.format cost ten times as much, and
    // the stream list writes two times per stream
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(30);
    pad(sb, t.getYear(), 4).append('-');
    pad(sb, t.getMonthValue(), 2).append('-');
    pad(sb, t.getDayOfMonth(), 2).append('T');
    pad(sb, t.getHour(), 2).append(':');
    pad(sb, t.getMinute(), 2).append(':');
    pad(sb, t.getSecond(), 2);
    fraction(sb, instant.getNano());
    return sb.append('Z').toString();
  }

  /** 10000-01-01T00:00:00Z: from here on (and before 1970) the formatter writes the year. */
  private static final long YEAR_10000 = 253_402_300_800L;

  private static String isoWithFormatter(Instant instant) {
    String text = DateTimeFormatter.ISO_INSTANT.format(instant.with(ChronoField.NANO_OF_SECOND, 0));
    StringBuilder sb = new StringBuilder(text.length() + 10).append(text, 0, text.length() - 1);
    fraction(sb, instant.getNano());
    return sb.append('Z').toString();
  }

  /** {@code .120}, {@code .1234567}: the digits there are, at least three; nothing for none. */
  private static void fraction(StringBuilder sb, int nanos) {
    if (nanos == 0) {
      return;
    }
    int digits = 9;
    int value = nanos;
    while (digits > 3 && value % 10 == 0) {
      value /= 10;
      digits--;
    }
    sb.append('.');
    pad(sb, value, digits);
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits);
  }
}
