package dev.hindsight.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event as it is stored, decoded only as far as the layout says.
 *
 * @param position the event's place in the global order (a column, or the table's rowid)
 * @param stream the stream id; {@code TYPE/ID} when the layout keys streams by a type and an id
 * @param version the version within its stream, exactly as stored (0- or 1-based)
 * @param type the event type exactly as stored, or null when the store has none for this event
 * @param revision the payload's schema revision when the store keeps one, else null
 * @param timestamp when the event was recorded, or null when the store has no time for it
 * @param data the payload: a JSON value when it is JSON, otherwise a text node (raw text or hex)
 * @param metadata the metadata, like {@code data}; null when the store keeps none
 * @param problems what went wrong while decoding this event (empty when it read cleanly)
 * @param links the event's id, correlation and causation, as the layout says to read them ({@link
 *     EventLinks#NONE} when the store keeps none); links read from the metadata are missing when
 *     the event was read without its metadata
 */
public record StoredEvent(
    long position,
    String stream,
    long version,
    String type,
    String revision,
    Instant timestamp,
    JsonNode data,
    JsonNode metadata,
    List<String> problems,
    EventLinks links) {

  public StoredEvent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(data, "data");
    problems = List.copyOf(problems);
    links = links == null ? EventLinks.NONE : links;
  }

  /** An event with no id, correlation or causation. */
  public StoredEvent(
      long position,
      String stream,
      long version,
      String type,
      String revision,
      Instant timestamp,
      JsonNode data,
      JsonNode metadata,
      List<String> problems) {
    this(
        position,
        stream,
        version,
        type,
        revision,
        timestamp,
        data,
        metadata,
        problems,
        EventLinks.NONE);
  }

  /** Whether this event could not be read cleanly; it is still shown, with its raw form. */
  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
