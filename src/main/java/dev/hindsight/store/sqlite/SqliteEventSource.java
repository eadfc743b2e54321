package dev.hindsight.store.sqlite;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.LinkRules;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.UserDirs;
import dev.hindsight.store.sql.EventRows;
import dev.hindsight.store.sql.EventRows.Row;
import dev.hindsight.store.sql.LayoutSql;
import dev.hindsight.store.sql.StreamQueries;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * An {@link EventSource} over a SQLite file, read through a layout. Streams and events are read
 * with keyset pagination, a page at a time, so no query ever loads a whole store.
 */
public final class SqliteEventSource implements EventSource {

  static final int PAGE_SIZE = 1_000;

  private final SqliteFile file;
  private final Layout layout;
  private final LayoutSql sql;
  private final LinkRules links;
  private final EventRows rows;
  private final StreamQueries queries;
  private final String selectEvent;

  /** The same columns with NULL for the metadata (see {@link EventQuery#metadata()}). */
  private final String selectEventWithoutMetadata;

  /** Stream lists of earlier runs, or null when the cache is off. */
  private final SummaryCache cache;

  /** Guards {@link #readAhead} and {@link #closed}; never held while a page is read. */
  private final Object readAheadLock = new Object();

  /** Reads the next page while the sink works on this one; null until the first read-ahead. */
  private ExecutorService readAhead;

  private boolean closed;

  private SqliteEventSource(SqliteFile file, Layout layout, Schema schema) {
    this.cache = UserDirs.cache().map(dir -> new SummaryCache(dir.resolve("streams"))).orElse(null);
    this.file = file;
    this.sql = new LayoutSql(layout, schema);
    this.layout = sql.layout; // optional fields the store lacks are left out
    this.rows = new EventRows(sql);
    this.queries = new StreamQueries(sql, rows, schema);
    this.links = rows.links();
    this.selectEvent = rows.columns(true);
    this.selectEventWithoutMetadata = rows.columns(false);
  }

  /**
   * Starts loading what every store needs (SQLite's native library, the built-in layouts, the JSON
   * machinery) on a second core, while the caller does something else (parses its arguments, builds
   * its window): a command then starts its real work sooner. Harmless when nothing is opened.
   */
  public static void warmUp() {
    Thread thread =
        new Thread(
            () -> {
              try {
                SqliteFile.loadLibrary();
                LayoutFiles.builtIns();
              } catch (RuntimeException | LinkageError ignored) {
                // opening the store reports the same failure, where it matters
              }
            },
            "hindsight-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Opens {@code store} read-only with the given mapping file, or with the layout detected from the
   * store when {@code mapping} is null.
   */
  public static SqliteEventSource open(Path store, Path mapping) {
    Layout given = mapping == null ? null : LayoutFiles.read(mapping);
    return open(store, given);
  }

  /** Opens {@code store} read-only with {@code layout}, or the detected layout when it is null. */
  public static SqliteEventSource open(Path store, Layout layout) {
    SqliteFile file = SqliteFile.open(store);
    try {
      Schema schema = Schema.read(file.connection());
      Layout chosen =
          layout != null ? layout : LayoutDetector.detect(file.file(), file.connection(), schema);
      return new SqliteEventSource(file, chosen, schema);
    } catch (SQLException e) {
      file.close();
      throw SqliteErrors.failure(file.file(), e);
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** The store's file. */
  public Path file() {
    return file.file();
  }

  @Override
  public String location() {
    return file.file().toString();
  }

  @Override
  public Optional<Path> localFile() {
    return Optional.of(file.file());
  }

  @Override
  public SqliteEventSource reopen() {
    return open(file.file(), layout);
  }

  @Override
  public Layout layout() {
    return layout;
  }

  // ----------------------------------------------------------------------------------------
  // streams

  /**
   * Every stream's summary. The list is cached in Hindsight's cache folder, keyed by the file's
   * identity (taken before the query, so a store that changes meanwhile is a miss next time) and
   * the layout.
   */
  @Override
  public synchronized List<StreamSummary> streams() {
    if (cache == null) {
      return summaries(null);
    }
    FileIdentity id = FileIdentity.of(file.file());
    if (id.walSize() > 0) {
      // a store being written (its WAL holds commits): a commit may leave the WAL's size and time
      // as they were (frames reused after a checkpoint, a coarse clock), so a cached list could be
      // one commit old; such a store is read
      return summaries(null);
    }
    String layoutKey = LayoutFiles.write(layout);
    List<StreamSummary> cached = cache.load(id, layoutKey);
    if (cached != null) {
      return cached;
    }
    List<StreamSummary> read = summaries(null);
    cache.save(id, layoutKey, read);
    return read;
  }

  @Override
  public synchronized Optional<StreamSummary> stream(String stream) {
    List<StreamSummary> found = summaries(stream);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every stream's summary, or only {@code stream}'s when it is not null. */
  private List<StreamSummary> summaries(String stream) {
    try {
      return queries.summaries(file.connection(), stream, null);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Whether the store has a table of this name (case as SQLite compares it). */
  private boolean hasTable(String table) {
    try (PreparedStatement ps =
        file.connection()
            .prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * A table the layout names, when the store has it now (a library may create its snapshot table
   * with its first snapshot, after the store was opened).
   */
  private Optional<String> liveTable(String table) {
    return hasTable(table) ? Optional.of(table) : Optional.empty();
  }

  @Override
  public synchronized List<StoredEvent> snapshots() {
    return run(queries.snapshots(this::liveTable), List.of());
  }

  @Override
  public synchronized java.util.Map<String, HeaderVersion> streamHeaders() {
    return run(queries.streamHeaders(this::liveTable), java.util.Map.of());
  }

  /** Runs a query on the store's connection; {@code none} when there is none to run. */
  private <T> T run(Optional<StreamQueries.Query<T>> query, T none) {
    if (query.isEmpty()) {
      return none;
    }
    try {
      return query.get().run(file.connection());
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  // -----------------------------------------------------------------------------------------
  // events

  @Override
  public synchronized boolean hasStream(String stream) {
    String query =
        "SELECT 1 FROM " + sql.from + sql.whereClause(sql.streamCondition()) + " LIMIT 1";
    try (PreparedStatement ps = file.connection().prepareStatement(query)) {
      bindStream(ps, 1, stream);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void read(EventQuery query, Predicate<StoredEvent> sink) {
    EventFilter filter = query.filter();
    if (filter.isEmpty()) {
      readPages(query, null, query.metadata(), sink);
      return;
    }
    // SQL narrows the rows; the filter itself decides on each event, and the limit counts the
    // events it keeps
    FilterSql pushed = FilterSql.of(filter, sql, layout);
    long[] left = {query.limit() > 0 ? query.limit() : Long.MAX_VALUE};
    readPages(
        query.withLimit(0),
        pushed,
        query.metadata() || filter.needsMetadata(links),
        e -> !filter.test(e) || (sink.test(e) && --left[0] > 0));
  }

  /**
   * Reads page after page. While the sink works on one page, the next is read on another thread, so
   * a fold costs about what reading costs instead of reading plus folding. The connection is held
   * for one page at a time, never while the sink works: a long fold on one thread must not make
   * another thread (or closing the store) wait for it.
   */
  private void readPages(
      EventQuery query, FilterSql pushed, boolean metadata, Predicate<StoredEvent> sink) {
    long remaining = query.limit() > 0 ? query.limit() : Long.MAX_VALUE;
    List<StoredEvent> events =
        page(query, pushed, metadata, null, 0, (int) Math.min(PAGE_SIZE, remaining));
    while (true) {
      int asked = (int) Math.min(PAGE_SIZE, remaining);
      remaining -= events.size();
      Future<List<StoredEvent>> next = null;
      if (events.size() == asked && remaining > 0) {
        StoredEvent last = events.get(events.size() - 1);
        int size = (int) Math.min(PAGE_SIZE, remaining);
        next =
            readAhead(() -> page(query, pushed, metadata, last.version(), last.position(), size));
      }
      for (StoredEvent event : events) {
        if (!sink.test(event)) {
          if (next != null) {
            next.cancel(false);
          }
          return;
        }
      }
      if (next == null) {
        return;
      }
      events = await(next);
    }
  }

  /**
   * Reads a page on this source's read-ahead threads (daemon threads that never keep the JVM alive,
   * started at the first read-ahead and stopped by {@link #close}). A closed source reads the page
   * here instead, which fails as reading a closed store does.
   */
  private Future<List<StoredEvent>> readAhead(Callable<List<StoredEvent>> page) {
    synchronized (readAheadLock) {
      if (!closed) {
        if (readAhead == null) {
          readAhead =
              Executors.newCachedThreadPool(
                  task -> {
                    Thread thread = new Thread(task, "hindsight-read-ahead");
                    thread.setDaemon(true);
                    return thread;
                  });
        }
        return readAhead.submit(page);
      }
    }
    FutureTask<List<StoredEvent>> here = new FutureTask<>(page);
    here.run();
    return here;
  }

  private static List<StoredEvent> await(Future<List<StoredEvent>> next) {
    try {
      return next.get();
    } catch (InterruptedException e) {
      next.cancel(false);
      Thread.currentThread().interrupt();
      throw new CancellationException("reading events was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new StoreException("reading events failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Every event after global position {@code after}, in global order, a page at a time, for as long
   * as {@code sink} returns true. Each page is one statement, so it sees one consistent snapshot of
   * the store.
   */
  @Override
  public void readAfter(long after, Predicate<StoredEvent> sink) {
    readAfter(after, Integer.MAX_VALUE, sink);
  }

  /** At most {@code max} events, read in pages no larger than that (a view's page of rows). */
  @Override
  public void readAfter(long after, int max, Predicate<StoredEvent> sink) {
    long last = after;
    int left = max;
    while (left > 0) {
      int size = Math.min(PAGE_SIZE, left);
      List<StoredEvent> events = page(EventQuery.all(), null, true, 0L, last, size);
      for (StoredEvent e : events) {
        last = e.position();
        left--;
        if (!sink.test(e)) {
          return;
        }
      }
      if (events.size() < size) {
        return;
      }
    }
  }

  /**
   * Every event's columns as stored, in global order, in one statement: one consistent snapshot of
   * the store (what is only in the write-ahead log included, as SQLite reads it), held for the
   * whole read. Text and blobs are taken as their bytes, never decoded.
   */
  @Override
  public synchronized void readStored(Predicate<dev.hindsight.store.RawEvent> sink) {
    readStored(null, 0, sink);
  }

  @Override
  public synchronized Optional<dev.hindsight.store.RawEvent> storedEvent(
      String stream, long version) {
    dev.hindsight.store.RawEvent[] found = {null};
    readStored(
        stream,
        version,
        e -> {
          found[0] = e;
          return false;
        });
    return Optional.ofNullable(found[0]);
  }

  /** The stored columns of every event, or (when {@code stream} is not null) of one. */
  private void readStored(
      String stream, long version, Predicate<dev.hindsight.store.RawEvent> sink) {
    List<String> cols = new ArrayList<>();
    cols.add(sql.position);
    cols.addAll(sql.streamColumns);
    cols.add(sql.version);
    for (String c :
        List.of(
            columnOrNull(layout.eventType()),
            columnOrNull(layout.revision()),
            columnOrNull(layout.timestamp()),
            storedPayload(),
            layout.metadata() == null ? "NULL" : sql.column(layout.metadata().column()))) {
      cols.add("typeof(" + c + ")");
      cols.add(c);
    }
    boolean stable = sql.stablePosition;
    String text =
        "SELECT "
            + String.join(", ", cols)
            + " FROM "
            + sql.from
            + (stream == null
                ? sql.whereClause()
                : sql.whereClause(sql.streamCondition(), sql.version + " = ?"))
            + " ORDER BY "
            + sql.position;
    int k = sql.streamColumns.size();
    try (PreparedStatement ps = file.connection().prepareStatement(text)) {
      if (stream != null) {
        ps.setLong(bindStream(ps, 1, stream), version);
      }
      ResultSet rs = ps.executeQuery();
      String[] key = new String[k];
      while (rs.next()) {
        for (int i = 0; i < k; i++) {
          key[i] = text(rs.getObject(2 + i));
        }
        int c = 3 + k;
        dev.hindsight.store.RawEvent event =
            new dev.hindsight.store.RawEvent(
                rs.getLong(1),
                stable,
                streamId(key),
                rs.getLong(2 + k),
                stored(rs, c),
                stored(rs, c + 2),
                stored(rs, c + 4),
                stored(rs, c + 6),
                stored(rs, c + 8));
        if (!sink.test(event)) {
          return;
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * The payload as stored: the {@code bytesColumn} when it holds one (Marten's {@code bdata}), else
   * the payload column; what the event shows is what its fingerprint covers.
   */
  private String storedPayload() {
    String payload = sql.column(layout.payload().column());
    String bytes = layout.payload().bytesColumn();
    return bytes == null ? payload : "COALESCE(" + sql.column(bytes) + ", " + payload + ")";
  }

  /** The value in column {@code index + 1}, by the storage class SQLite named in {@code index}. */
  private static dev.hindsight.store.StoredValue stored(ResultSet rs, int index)
      throws SQLException {
    String kind = rs.getString(index);
    return switch (kind == null ? "null" : kind) {
      case "integer" -> dev.hindsight.store.StoredValue.integer(rs.getLong(index + 1));
      case "real" -> dev.hindsight.store.StoredValue.real(rs.getDouble(index + 1));
      case "text" -> dev.hindsight.store.StoredValue.textBytes(rs.getBytes(index + 1));
      case "blob" -> dev.hindsight.store.StoredValue.blob(rs.getBytes(index + 1));
      default -> dev.hindsight.store.StoredValue.NULL;
    };
  }

  /**
   * The positions and the times, one statement (one snapshot), in global order: the time column
   * alone when the layout keeps times in a column, else (a time in the metadata) the events.
   */
  @Override
  public synchronized void timedPositions(IndexSink sink) {
    Field ts = layout.timestamp();
    if (ts == null || ts.column() == null || ts.pointer() != null) {
      EventSource.super.timedPositions(sink);
      return;
    }
    inGlobalOrder(
        sql.column(ts.column()), rs -> sink.accept(rs.getLong(1), rows.time(rs.getObject(2))));
  }

  /** The positions alone, one statement (one snapshot), in global order. */
  @Override
  public synchronized void positions(LongPredicate sink) {
    inGlobalOrder(null, rs -> sink.test(rs.getLong(1)));
  }

  /** One row of {@link #inGlobalOrder}: false stops the read. */
  @FunctionalInterface
  private interface RowSink {
    boolean accept(ResultSet row) throws SQLException;
  }

  /**
   * Every row's position and, when {@code column} is not null, that column, in global order, in one
   * statement (one snapshot), for as long as {@code sink} returns true.
   */
  private void inGlobalOrder(String column, RowSink sink) {
    String text =
        "SELECT "
            + sql.position
            + (column == null ? "" : ", " + column)
            + " FROM "
            + sql.from
            + sql.whereClause()
            + " ORDER BY "
            + sql.position;
    try (PreparedStatement ps = file.connection().prepareStatement(text);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!sink.accept(rs)) {
          return;
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The highest global position in the store; 0 when it has no events. */
  @Override
  public synchronized long lastPosition() {
    String text = "SELECT MAX(" + sql.position + ") FROM " + sql.from + sql.whereClause();
    try (PreparedStatement ps = file.connection().prepareStatement(text);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private long seenDataVersion = Long.MIN_VALUE;
  private String seenFiles;

  /**
   * Whether the store changed since the last poll (the first poll only takes note): by SQLite's
   * {@code data_version} when the connection sees other processes' commits, otherwise by the sizes
   * and times of the store and its {@code -wal}.
   */
  @Override
  public synchronized Change poll() {
    if (file.seesChanges()) {
      long v;
      try {
        v = file.dataVersion();
      } catch (SQLException e) {
        throw failure(e);
      }
      boolean first = seenDataVersion == Long.MIN_VALUE;
      boolean changed = !first && v != seenDataVersion;
      seenDataVersion = v;
      return changed ? Change.CHANGED : Change.NONE;
    }
    String files = filesNow();
    boolean changed = seenFiles != null && !files.equals(seenFiles);
    seenFiles = files;
    return changed ? Change.REOPEN : Change.NONE;
  }

  private String filesNow() {
    StringBuilder b = new StringBuilder();
    for (java.nio.file.Path p :
        new java.nio.file.Path[] {
          file.file(),
          SqliteFile.sibling(file.file(), "-wal"),
          SqliteFile.sibling(file.file(), "-shm")
        }) {
      try {
        var attrs =
            java.nio.file.Files.readAttributes(
                p, java.nio.file.attribute.BasicFileAttributes.class);
        b.append(attrs.size()).append('@').append(attrs.lastModifiedTime().toMillis()).append(';');
      } catch (java.io.IOException missing) {
        b.append("-;");
      }
    }
    return b.toString();
  }

  /**
   * One page of events after the keyset ({@code lastVersion}, {@code lastPosition}), narrowed by
   * {@code pushed} (null: not narrowed).
   */
  private List<StoredEvent> page(
      EventQuery query,
      FilterSql pushed,
      boolean metadata,
      Long lastVersion,
      long lastPosition,
      int page) {
    boolean byStream = query.stream() != null;
    List<String> conditions = new ArrayList<>();
    if (byStream) {
      conditions.add(sql.streamCondition());
      if (query.fromVersion() != null) {
        conditions.add(sql.version + " >= ?");
      }
      if (query.toVersion() != null) {
        conditions.add(sql.version + " <= ?");
      }
      if (lastVersion != null) {
        conditions.add("(" + sql.version + ", " + sql.position + ") > (?, ?)");
      }
    } else if (lastVersion != null) {
      conditions.add(sql.position + " > ?");
    }
    if (pushed != null) {
      conditions.addAll(pushed.conditions());
    }
    String order = byStream ? sql.version + ", " + sql.position : sql.position;
    String text =
        "SELECT "
            + (metadata ? selectEvent : selectEventWithoutMetadata)
            + " FROM "
            + sql.from
            + sql.whereClause(conditions.toArray(String[]::new))
            + " ORDER BY "
            + order
            + " LIMIT "
            + page;
    List<Row> read = rows(query, pushed, lastVersion, lastPosition, page, byStream, text);
    List<StoredEvent> events = new ArrayList<>(read.size());
    for (Row row : read) {
      events.add(rows.decode(row, metadata));
    }
    return events;
  }

  /** The rows of one page, read with the connection held (decoding them needs it no longer). */
  private synchronized List<Row> rows(
      EventQuery query,
      FilterSql pushed,
      Long lastVersion,
      long lastPosition,
      int page,
      boolean byStream,
      String text) {
    List<Row> events = new ArrayList<>(Math.min(page, PAGE_SIZE));
    try (PreparedStatement ps = file.connection().prepareStatement(text)) {
      int p = 1;
      if (byStream) {
        p = bindStream(ps, p, query.stream());
        if (query.fromVersion() != null) {
          ps.setLong(p++, query.fromVersion());
        }
        if (query.toVersion() != null) {
          ps.setLong(p++, query.toVersion());
        }
        if (lastVersion != null) {
          ps.setLong(p++, lastVersion);
          ps.setLong(p++, lastPosition);
        }
      } else if (lastVersion != null) {
        ps.setLong(p++, lastPosition);
      }
      if (pushed != null) {
        for (Object param : pushed.params()) {
          ps.setObject(p++, param);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(rows.row(rs));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return events;
  }

  // ------------------------------------------------------------------------------------ row
  // mapping

  private String columnOrNull(Field field) {
    return sql.readOrNull(field);
  }

  private String streamId(String[] key) {
    return rows.id(key);
  }

  private int bindStream(PreparedStatement ps, int index, String stream) throws SQLException {
    return rows.bindStream(ps, index, stream);
  }

  private static String text(Object raw) {
    return EventRows.text(raw);
  }

  private StoreException failure(SQLException e) {
    return SqliteErrors.failure(file.file(), e);
  }

  /**
   * Closes the connection, then stops the read-ahead threads. Under the lock {@link #page} takes,
   * so no page is being read when they are interrupted; a page asked for later fails as any read of
   * a closed store does.
   */
  @Override
  public synchronized void close() {
    file.close();
    synchronized (readAheadLock) {
      closed = true;
      if (readAhead != null) {
        readAhead.shutdownNow();
      }
    }
  }
}
