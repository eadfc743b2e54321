package dev.hindsight.store;

/**
 * One event's columns exactly as stored, nothing decoded: what a content fingerprint covers. A
 * field the layout keeps in no column (a type inside the payload, say) is {@link StoredValue#NULL}
 * here; it is covered by the payload it lives in.
 *
 * @param position the global position
 * @param stablePosition whether the position is a column of its own; false when it is SQLite's
 *     implicit rowid, which a {@code VACUUM} may renumber and a fingerprint therefore leaves out
 * @param stream the stream id, as {@link dev.hindsight.event.StoredEvent#stream()} has it
 * @param version the version within the stream
 * @param type the event-type column
 * @param revision the revision column
 * @param time the time column
 * @param payload the payload column
 * @param metadata the metadata column
 */
public record RawEvent(
    long position,
    boolean stablePosition,
    String stream,
    long version,
    StoredValue type,
    StoredValue revision,
    StoredValue time,
    StoredValue payload,
    StoredValue metadata) {}
