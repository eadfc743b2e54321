package dev.hindsight.flow;

import java.time.Instant;

/**
 * One event of a flow.
 *
 * @param position its global position
 * @param stream its stream
 * @param version its version in the stream
 * @param type its type as stored
 * @param timestamp when it was recorded, or null
 * @param id its own id, or null
 * @param causation what caused it, as stored (an id, or for Message DB a global position), or null
 * @param causedBy the global position of the stored event its causation names, in this flow or not;
 *     null when there is no causation or it names no stored event (a command, say)
 */
public record FlowEvent(
    long position,
    String stream,
    long version,
    String type,
    Instant timestamp,
    String id,
    String causation,
    Long causedBy) {}
