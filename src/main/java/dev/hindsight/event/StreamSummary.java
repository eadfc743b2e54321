package dev.hindsight.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What the stream list shows of one stream, without reading its events.
 *
 * @param stream the stream id as the layout presents it
 * @param type the aggregate type, or null when the layout cannot tell
 * @param events how many events the stream holds
 * @param firstVersion the lowest version, as stored
 * @param lastVersion the highest version, as stored
 * @param firstTimestamp the time of the first event, or null
 * @param lastTimestamp the time of the last event, or null
 */
public record StreamSummary(
    String stream,
    String type,
    long events,
    long firstVersion,
    long lastVersion,
    Instant firstTimestamp,
    Instant lastTimestamp) {

  public StreamSummary {
    Objects.requireNonNull(stream, "stream");
  }
}
