/**
 * The records everything else speaks in: a stored event and a stream's summary, as read from a
 * user's store. Plain immutable data with no behaviour beyond validation; no I/O and no UI.
 */
package dev.hindsight.event;
