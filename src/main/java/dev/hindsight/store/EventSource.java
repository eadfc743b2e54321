package dev.hindsight.store;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * An open event store, read-only. Events are read in pages, never all at once, so a store of any
 * size can be opened. Implementations are safe to call from one thread at a time.
 */
public interface EventSource extends AutoCloseable {

  /**
   * Where the store is, as it may be shown and written to reports: a file's path, or a server's URL
   * without its password.
   */
  String location();

  /** The store's file, for a store that is one (empty for a database server). */
  default Optional<Path> localFile() {
    return Optional.empty();
  }

  /** A short name for the store: its file's name, or its location. */
  default String shortName() {
    return localFile().map(f -> String.valueOf(f.getFileName())).orElse(location());
  }

  /**
   * Opens the same store again, with the same layout: a second connection, e.g. to read one thing
   * while another is being read.
   */
  EventSource reopen();

  /**
   * One page of the streams, ordered by id: those after {@code after} (null: from the first) whose
   * id matches {@code glob} ({@code *} any run, {@code ?} one character; null: every stream), at
   * most {@code limit}. A source on a server pages and filters there; the default filters {@link
   * #streams()}.
   */
  default List<StreamSummary> streams(String after, String glob, int limit) {
    java.util.regex.Pattern pattern =
        glob == null ? null : dev.hindsight.event.StreamGlob.compile(glob, false);
    List<StreamSummary> page = new ArrayList<>();
    for (StreamSummary s : streams()) {
      if (page.size() >= limit) {
        break;
      }
      if ((after == null || s.stream().compareTo(after) > 0)
          && (pattern == null || pattern.matcher(s.stream()).matches())) {
        page.add(s);
      }
    }
    return page;
  }

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
   * returns false (which stops the read, e.g. on cancel) or the events run out. Only events the
   * query's filter keeps reach the sink; a source may narrow its reads by the filter first, as long
   * as the result is what {@link EventFilter#test} keeps from a plain scan.
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

  /**
   * Every event's columns exactly as stored, in global order, in one consistent snapshot of the
   * store where the source can give one, for as long as {@code sink} returns true: what content
   * fingerprints are taken of. The default stands in with the decoded events (type, revision and
   * time as text, payload and metadata as their JSON or raw text), for a source that cannot read
   * its columns as stored.
   */
  default void readStored(Predicate<RawEvent> sink) {
    read(EventQuery.all(), e -> sink.test(asStored(e)));
  }

  /**
   * One event's columns as stored ({@link #readStored}): the first event of {@code stream} at
   * {@code version}, or empty when there is none.
   */
  default Optional<RawEvent> storedEvent(String stream, long version) {
    List<StoredEvent> found =
        readList(EventQuery.stream(stream).withVersions(version, version).withLimit(1));
    return found.isEmpty() ? Optional.empty() : Optional.of(asStored(found.get(0)));
  }

  /** A decoded event standing in for its stored columns, for sources that cannot read them. */
  private static RawEvent asStored(StoredEvent e) {
    return new RawEvent(
        e.position(),
        true,
        e.stream(),
        e.version(),
        StoredValue.text(e.type()),
        StoredValue.text(e.revision()),
        e.timestamp() == null ? StoredValue.NULL : StoredValue.text(e.timestamp().toString()),
        StoredValue.text(e.data().isTextual() ? e.data().asText() : e.data().toString()),
        e.metadata() == null
            ? StoredValue.NULL
            : StoredValue.text(
                e.metadata().isTextual() ? e.metadata().asText() : e.metadata().toString()));
  }

  /**
   * Every event after global position {@code after}, in global order, for as long as {@code sink}
   * returns true. The default reads the whole store and skips what comes before; a source that can
   * start at a position does so.
   */
  default void readAfter(long after, Predicate<StoredEvent> sink) {
    read(EventQuery.all(), e -> e.position() <= after || sink.test(e));
  }

  /**
   * The highest global position in the store; 0 when it has no events. The default reads every
   * event to find it.
   */
  default long lastPosition() {
    long[] last = {0};
    read(
        EventQuery.all().withoutMetadata(),
        e -> {
          last[0] = Math.max(last[0], e.position());
          return true;
        });
    return last[0];
  }

  /**
   * Every event after global position {@code after} and every one at a position in one of {@code
   * gaps}, in global order, for as long as {@code sink} returns true: what a follower reads while
   * positions below the highest it has seen may still become visible ({@link #lateCommits}). The
   * default reads on from the lowest gap and skips what is in neither; a source that can select the
   * ranges does so.
   */
  default void readAfter(long after, List<PositionRange> gaps, Predicate<StoredEvent> sink) {
    long from = after;
    for (PositionRange g : gaps) {
      from = Math.min(from, g.from() - 1);
    }
    readAfter(
        from,
        e ->
            (e.position() <= after && gaps.stream().noneMatch(g -> g.contains(e.position())))
                || sink.test(e));
  }

  /** The global positions from {@code from} to {@code to}, both included. */
  record PositionRange(long from, long to) {
    public boolean contains(long position) {
      return position >= from && position <= to;
    }
  }

  /**
   * Whether an event can become visible after one at a higher global position: a writer took its
   * position, another took a higher one and committed first (PostgreSQL sequences and identities
   * hand out numbers before commit). A follower then watches the positions missing below the
   * highest one it has seen ({@link Follower}). False by default: SQLite commits one writer at a
   * time, so positions become visible in order.
   */
  default boolean lateCommits() {
    return false;
  }

  /** The first {@code max} events after global position {@code after}, in global order. */
  default void readAfter(long after, int max, Predicate<StoredEvent> sink) {
    int[] left = {max};
    if (max > 0) {
      readAfter(after, e -> sink.test(e) && --left[0] > 0);
    }
  }

  /**
   * Every event's global position, in global order, for as long as {@code sink} returns true: the
   * index of a view of the whole store, which then reads only the events it shows. The default
   * reads the events; a source that can read the positions alone does so.
   */
  default void positions(LongPredicate sink) {
    read(EventQuery.all().withoutMetadata(), e -> sink.test(e.position()));
  }

  /** Gets one event's place in an index: its global position and its time (null when none). */
  @FunctionalInterface
  interface IndexSink {
    boolean accept(long position, java.time.Instant timestamp);
  }

  /**
   * Every event's global position and time, in global order, for as long as {@code sink} returns
   * true: the index of a view of the whole store over time. The default reads the events; a source
   * that can read the two columns alone does so.
   */
  default void timedPositions(IndexSink sink) {
    read(EventQuery.all().withoutMetadata(), e -> sink.accept(e.position(), e.timestamp()));
  }

  /** What {@link #poll} found. */
  enum Change {
    /** Nothing was written since the last poll. */
    NONE,
    /** Something was committed: read again. */
    CHANGED,
    /**
     * The files changed, and this connection cannot see it (an immutable open, or a private copy):
     * close this source and open the store again.
     */
    REOPEN
  }

  /**
   * Whether the store changed since the last poll (the first poll only takes note). The default is
   * always {@link Change#NONE}: a source that cannot tell is followed as a store nothing is written
   * to.
   */
  default Change poll() {
    return Change.NONE;
  }

  @Override
  void close();
}
