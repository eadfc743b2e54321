package dev.hindsight.store;

/**
 * Which events to read: one stream in version order (with an optional version range), or every
 * event in global order.
 *
 * @param stream a stream id, or null for all events in global order
 * @param fromVersion the lowest version to read (inclusive), or null
 * @param toVersion the highest version to read (inclusive), or null
 * @param limit the most events to read; 0 or less for no limit
 * @param metadata whether to read and decode the events' metadata (a fold that never looks at it
 *     reads faster without; the events then have null metadata)
 */
public record EventQuery(
    String stream, Long fromVersion, Long toVersion, long limit, boolean metadata) {

  public EventQuery(String stream, Long fromVersion, Long toVersion, long limit) {
    this(stream, fromVersion, toVersion, limit, true);
  }

  public static EventQuery all() {
    return new EventQuery(null, null, null, 0);
  }

  public static EventQuery stream(String stream) {
    return new EventQuery(stream, null, null, 0);
  }

  public EventQuery withLimit(long limit) {
    return new EventQuery(stream, fromVersion, toVersion, limit, metadata);
  }

  public EventQuery withVersions(Long from, Long to) {
    return new EventQuery(stream, from, to, limit, metadata);
  }

  /** The same events without their metadata. */
  public EventQuery withoutMetadata() {
    return new EventQuery(stream, fromVersion, toVersion, limit, false);
  }
}
