/**
 * Flows across streams: the events of one correlation (what one order, payment or request set off,
 * in every stream it touched), in global order, each linked to the event that caused it. Read from
 * any {@link dev.hindsight.store.EventSource} through the events' {@link
 * dev.hindsight.event.EventLinks}; plain data, for the CLI and the window alike.
 */
package dev.hindsight.flow;
