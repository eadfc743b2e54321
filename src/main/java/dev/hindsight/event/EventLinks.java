package dev.hindsight.event;

/**
 * Where an event sits in a flow of messages: its own id, the flow it belongs to (the correlation),
 * and the message that caused it (the causation). The layout says where a store keeps each (a
 * column, or a JSON pointer into the metadata or payload); without that, the usual metadata keys
 * are looked up (see {@code store.LinkRules}). Every part may be null: most stores keep only some.
 *
 * <p>A causation names the causing message by its id, or (Message DB) by its global position; it is
 * kept as text either way, and {@link #causationPosition} is the position when the store names the
 * cause by position. A causation that names no stored event (a command, say) is normal.
 *
 * @param id the event's own id (message id), as text, or null
 * @param correlation the id of the flow the event belongs to, or null
 * @param causation the id (or position) of the message that caused it, as text, or null
 * @param causationPosition the global position of the causing event when the store names causes by
 *     position, else null
 */
public record EventLinks(String id, String correlation, String causation, Long causationPosition) {

  /** An event with no id, correlation or causation. */
  public static final EventLinks NONE = new EventLinks(null, null, null, null);

  /** Whether none of the parts is known. */
  public boolean isEmpty() {
    return id == null && correlation == null && causation == null;
  }
}
