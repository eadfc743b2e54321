package dev.hindsight.store;

/**
 * Which events to read: one stream in version order (with an optional version range), or every
 * event in global order; either narrowed by a filter.
 *
 * @param stream a stream id, or null for all events in global order
 * @param fromVersion the lowest version to read (inclusive), or null
 * @param toVersion the highest version to read (inclusive), or null
 * @param limit the most events to read; 0 or less for no limit
 * @param metadata whether to read and decode the events' metadata (a fold that never looks at it
 *     reads faster without; the events then have null metadata, unless the filter needs it)
 * @param filter which of those events to keep ({@link EventFilter#NONE}: all); the limit counts the
 *     events kept
 */
public record EventQuery(
    String stream,
    Long fromVersion,
    Long toVersion,
    long limit,
    boolean metadata,
    EventFilter filter) {

  public EventQuery {
    filter = filter == null ? EventFilter.NONE : filter;
  }

  public EventQuery(String stream, Long fromVersion, Long toVersion, long limit, boolean metadata) {
    this(stream, fromVersion, toVersion, limit, metadata, EventFilter.NONE);
  }

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
    return new EventQuery(stream, fromVersion, toVersion, limit, metadata, filter);
  }

  public EventQuery withVersions(Long from, Long to) {
    return new EventQuery(stream, from, to, limit, metadata, filter);
  }

  /** The same events without their metadata. */
  public EventQuery withoutMetadata() {
    return new EventQuery(stream, fromVersion, toVersion, limit, false, filter);
  }

  /** Only the events {@code filter} keeps. */
  public EventQuery withFilter(EventFilter filter) {
    return new EventQuery(stream, fromVersion, toVersion, limit, metadata, filter);
  }
}
