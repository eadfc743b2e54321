/**
 * Reading users' event stores, read-only: opening a SQLite file without changing a byte of it, telling
 * which library wrote it, and turning its rows into {@link dev.hindsight.event.StoredEvent}s in pages.
 * Libraries are described by layout files ({@code resources/layouts}), not by code.
 */
package dev.hindsight.store;
