package dev.hindsight.store;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An open event store, read-only. Events are read in pages, never all at once, so a store of any
 * size can be opened. Implementations are safe to call from one thread at a time.
 */
public interface EventSource extends AutoCloseable {

  /** The store's file. */
  Path file();

  /** The layout the store is read with (detected, or given by the user). */
  Layout layout();

  /** Every stream, ordered by id. */
  List<StreamSummary> streams();

  /**
   * One stream's summary (indexed lookups, not a listing), or empty when there is no such stream.
   */
  Optional<StreamSummary> stream(String stream);

  /**
   * Each stream's current version as the store's own per-stream table says it (the layout's {@code
   * streamHeader}), with the last version among the stream's rows that the header counts; by stream
   * id, empty when the layout names no such table.
   */
  default java.util.Map<String, HeaderVersion> streamHeaders() {
    return java.util.Map.of();
  }

  /** A stream's version in its header, and the last version of its rows (null when it has none). */
  record HeaderVersion(long header, Long lastRow) {}

  /**
   * The stored snapshots the layout says how to compare ({@code snapshots.compare}), read and
   * decoded like events (their position is 0); empty when there are none.
   */
  default List<StoredEvent> snapshots() {
    return List.of();
  }

  /** Whether the store has a stream with this id (one indexed lookup, not a listing). */
  boolean hasStream(String stream);

  /**
   * Reads the events {@code query} selects, in order, handing each to {@code sink} until the sink
   * returns false (which stops the read, e.g. on cancel) or the events run out.
   */
  void read(EventQuery query, Predicate<StoredEvent> sink);

  /** The events {@code query} selects, as a list; mind the limit on large stores. */
  default List<StoredEvent> readList(EventQuery query) {
    List<StoredEvent> events = new ArrayList<>();
    read(
        query,
        e -> {
          events.add(e);
          return true;
        });
    return events;
  }

  @Override
  void close();
}
