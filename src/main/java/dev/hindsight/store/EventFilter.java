package dev.hindsight.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamGlob;
import dev.hindsight.event.TypeNames;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which events to keep, every part combined with AND; a null (or empty) part keeps every event.
 * {@link #test} is the definition: a source may narrow the rows it reads first (in SQL), but what
 * it hands on is exactly what {@code test} keeps from a plain scan.
 *
 * @param types event types: the stored type, or a short name reducers look handlers up by ({@link
 *     TypeNames#candidates}); any of them
 * @param streams a glob on the stream id ({@code order-*}; {@code *} any run, {@code ?} one
 *     character), case-sensitive
 * @param fromTime the earliest time (inclusive); events with no time never match a time bound
 * @param toTime the latest time (inclusive)
 * @param text text in the data or the metadata, case-insensitive: in their compact JSON, or in
 *     their text when they are not JSON
 * @param correlation the correlation id the event must carry (its {@link
 *     dev.hindsight.event.EventLinks#correlation()}), exactly
 * @param ids event ids, one of which the event's id must be (finds causes by id)
 * @param positions global positions, one of which the event's must be
 */
public record EventFilter(
    List<String> types,
    String streams,
    Instant fromTime,
    Instant toTime,
    String text,
    String correlation,
    Set<String> ids,
    Set<Long> positions) {

  /** Keeps every event. */
  public static final EventFilter NONE =
      new EventFilter(null, null, null, null, null, null, null, null);

  public EventFilter {
    types = types == null || types.isEmpty() ? null : List.copyOf(types);
    streams = streams == null || streams.isEmpty() ? null : streams;
    text = text == null || text.isEmpty() ? null : text;
    ids = ids == null ? null : Set.copyOf(ids);
    positions = positions == null ? null : Set.copyOf(positions);
  }

  /** Events of one correlation (flow). */
  public static EventFilter correlation(String correlation) {
    return NONE.withCorrelation(correlation);
  }

  public EventFilter withTypes(List<String> types) {
    return new EventFilter(types, streams, fromTime, toTime, text, correlation, ids, positions);
  }

  public EventFilter withStreams(String glob) {
    return new EventFilter(types, glob, fromTime, toTime, text, correlation, ids, positions);
  }

  public EventFilter withTimes(Instant from, Instant to) {
    return new EventFilter(types, streams, from, to, text, correlation, ids, positions);
  }

  public EventFilter withText(String text) {
    return new EventFilter(types, streams, fromTime, toTime, text, correlation, ids, positions);
  }

  public EventFilter withCorrelation(String correlation) {
    return new EventFilter(types, streams, fromTime, toTime, text, correlation, ids, positions);
  }

  public EventFilter withIds(Set<String> ids) {
    return new EventFilter(types, streams, fromTime, toTime, text, correlation, ids, positions);
  }

  public EventFilter withPositions(Set<Long> positions) {
    return new EventFilter(types, streams, fromTime, toTime, text, correlation, ids, positions);
  }

  /** Whether this keeps every event. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * Whether testing an event needs its metadata: for the text, or for a correlation or id the
   * layout reads from the metadata.
   */
  public boolean needsMetadata(LinkRules links) {
    return text != null
        || (correlation != null && links.correlationFromMetadata())
        || (ids != null && links.readsMetadata());
  }

  /** Whether the filter keeps this event. */
  public boolean test(StoredEvent e) {
    if (positions != null && !positions.contains(e.position())) {
      return false;
    }
    if (types != null && types.stream().noneMatch(t -> TypeNames.matches(e.type(), t))) {
      return false;
    }
    if (streams != null && !glob().matcher(e.stream()).matches()) {
      return false;
    }
    if ((fromTime != null || toTime != null)
        && (e.timestamp() == null
            || (fromTime != null && e.timestamp().isBefore(fromTime))
            || (toTime != null && e.timestamp().isAfter(toTime)))) {
      return false;
    }
    if (correlation != null && !correlation.equals(e.links().correlation())) {
      return false;
    }
    if (ids != null && (e.links().id() == null || !ids.contains(e.links().id()))) {
      return false;
    }
    if (text != null) {
      String needle = text.toLowerCase(Locale.ROOT);
      return contains(e.data(), needle) || contains(e.metadata(), needle);
    }
    return true;
  }

  /** Compiled globs, shared: a filter tests every event of a store against the same one. */
  private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

  private Pattern glob() {
    return GLOBS.computeIfAbsent(streams, g -> StreamGlob.compile(g, false));
  }

  /** Whether a decoded document holds the (lower-case) needle: its text, or its compact JSON. */
  private static boolean contains(JsonNode node, String needle) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    String hay = node.isTextual() ? node.asText() : node.toString();
    return hay.toLowerCase(Locale.ROOT).contains(needle);
  }
}
