/**
 * Reading users' event stores, read-only: opening a SQLite file without changing a byte of it,
 * telling which library wrote it, and turning its rows into {@link
 * dev.hindsight.event.StoredEvent}s in pages. Libraries are described by layout (mapping) files
 * ({@code resources/layouts}), not by code: {@link dev.hindsight.store.Layout} is such a file,
 * {@link dev.hindsight.store.LayoutFiles} reads and writes them. {@link
 * dev.hindsight.store.Follower} follows a store another process writes, for any {@link
 * dev.hindsight.store.EventSource}. SQLite itself is in {@code store.sqlite}; decoding column
 * values in {@code store.codec}.
 */
package dev.hindsight.store;
