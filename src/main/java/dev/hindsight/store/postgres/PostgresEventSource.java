package dev.hindsight.store.postgres;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.EventSource.PositionRange;
import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.RawEvent;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.StoredValue;
import dev.hindsight.store.sql.EventRows;
import dev.hindsight.store.sql.EventRows.Row;
import dev.hindsight.store.sql.LayoutSql;
import dev.hindsight.store.sql.StreamQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * An {@link EventSource} over a PostgreSQL database, read through a layout, read-only by
 * construction ({@link PgConnections}). Every call is one {@code REPEATABLE READ READ ONLY}
 * transaction, so what it reads is one snapshot; results stream through a server-side cursor, so a
 * read of millions of events holds a page of them at a time; the stream list is paged and filtered
 * on the server ({@link #streams(String, String, int)}).
 */
public final class PostgresEventSource implements EventSource {

  /** Rows handed from the reading thread to the decoding one at a time. */
  private static final int BATCH = 500;

  /** Reads of at most this many rows run on the calling thread (see {@link #readHere}). */
  private static final int SMALL = 1_000;

  private final PgPool pool;
  private final Layout layout;
  private final PgCatalog catalog;
  private final LayoutSql sql;
  private final EventRows rows;
  private final StreamQueries queries;
  private final String selectEvent;
  private final String selectEventWithoutMetadata;

  private PostgresEventSource(PgPool pool, Layout layout, PgCatalog catalog) {
    this.pool = pool;
    this.catalog = catalog;
    this.sql = new LayoutSql(layout, catalog);
    this.layout = sql.layout;
    this.rows = new EventRows(sql);
    this.queries = new StreamQueries(sql, rows, catalog);
    this.selectEvent = rows.columns(true);
    this.selectEventWithoutMetadata = rows.columns(false);
  }

  /**
   * Opens the store at {@code url} read-only, with the password the URL, {@code PGPASSWORD} or the
   * password file gives, and the layout of {@code mapping} (null: detected).
   */
  public static PostgresEventSource open(String url, Path mapping) {
    PgUrl parsed = PgUrl.parse(url);
    return open(
        parsed, parsed.password().orElse(null), mapping == null ? null : LayoutFiles.read(mapping));
  }

  /**
   * Opens the store at {@code url} read-only with {@code password} (null: none) and {@code layout}
   * (null: detected among the built-in layouts in every schema the role can read, or in the URL's
   * schema).
   */
  public static PostgresEventSource open(PgUrl url, String password, Layout layout) {
    PgPool pool = new PgPool(url, password);
    try {
      PgLayoutDetector.Found found =
          pool.inTransaction(c -> PgLayoutDetector.detect(url, c, layout));
      return new PostgresEventSource(pool, found.layout(), found.catalog());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  public String location() {
    PgUrl url = pool.url();
    return url.schema() != null || catalog.schema().equals("public")
        ? url.display()
        : url.withSchema(catalog.schema()).display();
  }

  /** The schema the store's tables are in. */
  public String schema() {
    return catalog.schema();
  }

  @Override
  public PostgresEventSource reopen() {
    return open(pool.url().withSchema(catalog.schema()), pool.password(), layout);
  }

  @Override
  public Layout layout() {
    return layout;
  }

  // ----------------------------------------------------------------------------------------
  // streams

  @Override
  public List<StreamSummary> streams() {
    return pool.inTransaction(c -> queries.summaries(c, null, StreamQueries.Page.ALL));
  }

  @Override
  public List<StreamSummary> streams(String after, String glob, int limit) {
    if (sql.streamColumns.size() != 1) {
      return EventSource.super.streams(after, glob, limit);
    }
    return pool.inTransaction(
        c -> queries.summaries(c, null, new StreamQueries.Page(after, glob, limit)));
  }

  @Override
  public Optional<StreamSummary> stream(String stream) {
    List<StreamSummary> found =
        pool.inTransaction(c -> queries.summaries(c, stream, StreamQueries.Page.ALL));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** A stream glob as a LIKE pattern (see {@link StreamQueries#like}). */
  static String like(String glob) {
    return StreamQueries.like(glob);
  }

  private Instant time(Object raw) {
    return rows.time(raw);
  }

  @Override
  public boolean hasStream(String stream) {
    String query =
        "SELECT 1 FROM " + sql.from + sql.whereClause(sql.streamCondition()) + " LIMIT 1";
    return pool.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(query)) {
            rows.bindStream(ps, 1, stream);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public Map<String, HeaderVersion> streamHeaders() {
    return queries
        .streamHeaders(catalog::table)
        .map(q -> pool.inTransaction(q::run))
        .orElse(Map.of());
  }

  @Override
  public List<StoredEvent> snapshots() {
    return queries.snapshots(catalog::table).map(q -> pool.inTransaction(q::run)).orElse(List.of());
  }

  // -----------------------------------------------------------------------------------------
  // events

  @Override
  public void read(EventQuery query, Predicate<StoredEvent> sink) {
    EventFilter filter = query.filter();
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    boolean byStream = query.stream() != null;
    if (byStream) {
      conditions.add(sql.streamCondition());
      if (query.fromVersion() != null) {
        conditions.add(sql.version + " >= ?");
        params.add(query.fromVersion());
      }
      if (query.toVersion() != null) {
        conditions.add(sql.version + " <= ?");
        params.add(query.toVersion());
      }
    }
    boolean metadata = query.metadata();
    long limit = query.limit();
    Predicate<StoredEvent> out = sink;
    if (!filter.isEmpty()) {
      // the server narrows the rows where it can say exactly which; the filter decides on each
      if (filter.positions() != null) {
        conditions.add(sql.position + " = ANY (?)");
        params.add(filter.positions().toArray(Long[]::new));
      }
      if (filter.streams() != null && sql.streamColumns.size() == 1) {
        conditions.add(sql.streamColumns.get(0) + "::text LIKE ?");
        params.add(like(filter.streams()));
      }
      metadata = metadata || filter.needsMetadata(rows.links());
      long[] left = {limit > 0 ? limit : Long.MAX_VALUE};
      out = e -> !filter.test(e) || (sink.test(e) && --left[0] > 0);
      limit = 0;
    }
    String text =
        "SELECT "
            + (metadata ? selectEvent : selectEventWithoutMetadata)
            + " FROM "
            + sql.from
            + sql.whereClause(conditions.toArray(String[]::new))
            + " ORDER BY "
            + (byStream ? sql.version + ", " + sql.position : sql.position)
            + (limit > 0 ? " LIMIT " + limit : "");
    boolean withMetadata = metadata;
    boolean small =
        (byStream
                && query.fromVersion() != null
                && query.toVersion() != null
                && query.toVersion() - query.fromVersion() < SMALL)
            || (limit > 0 && limit <= SMALL);
    stream(
        small,
        text,
        ps -> {
          int p = 1;
          if (byStream) {
            p = rows.bindStream(ps, p, query.stream());
          }
          for (Object param : params) {
            if (param instanceof Long[] array) {
              ps.setArray(p++, ps.getConnection().createArrayOf("bigint", array));
            } else {
              ps.setObject(p++, param);
            }
          }
        },
        withMetadata,
        out);
  }

  @Override
  public void readAfter(long after, Predicate<StoredEvent> sink) {
    readAfter(after, 0, sink);
  }

  @Override
  public void readAfter(long after, int max, Predicate<StoredEvent> sink) {
    if (max < 0) {
      return;
    }
    String text =
        "SELECT "
            + selectEvent
            + " FROM "
            + sql.from
            + sql.whereClause(sql.position + " > ?")
            + " ORDER BY "
            + sql.position
            + (max > 0 ? " LIMIT " + max : "");
    stream(max > 0 && max <= SMALL, text, ps -> ps.setLong(1, after), true, sink);
  }

  /**
   * The events after {@code after} and those in {@code gaps}, in one statement: {@code position > ?
   * OR position BETWEEN ? AND ? OR ...}, which the position's index answers range by range.
   */
  @Override
  public void readAfter(long after, List<PositionRange> gaps, Predicate<StoredEvent> sink) {
    if (gaps.isEmpty()) {
      readAfter(after, 0, sink);
      return;
    }
    StringBuilder where = new StringBuilder("(").append(sql.position).append(" > ?");
    for (int i = 0; i < gaps.size(); i++) {
      where.append(" OR ").append(sql.position).append(" BETWEEN ? AND ?");
    }
    where.append(")");
    String text =
        "SELECT "
            + selectEvent
            + " FROM "
            + sql.from
            + sql.whereClause(where.toString())
            + " ORDER BY "
            + sql.position;
    stream(
        false,
        text,
        ps -> {
          ps.setLong(1, after);
          int p = 2;
          for (PositionRange g : gaps) {
            ps.setLong(p++, g.from());
            ps.setLong(p++, g.to());
          }
        },
        true,
        sink);
  }

  /**
   * True: sequences and identity columns hand out positions before commit, so a transaction that
   * took a lower one can commit after one that took a higher one.
   */
  @Override
  public boolean lateCommits() {
    return true;
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** What the reading thread hands the decoding one: rows, then an end (or a failure). */
  private record Batch(List<Row> rows, RuntimeException failure, boolean end) {}

  /**
   * Runs one statement in its own transaction and hands each decoded event to {@code sink} until it
   * returns false. One thread fetches rows through the cursor while this one decodes them and runs
   * the sink, so a fold costs about what reading costs, not reading plus folding.
   */
  private void stream(
      boolean small, String text, Binder binder, boolean metadata, Predicate<StoredEvent> sink) {
    if (small) {
      readHere(text, binder, metadata, sink);
      return;
    }
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    AtomicBoolean stop = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              Batch last;
              try {
                pool.inTransaction(
                    c -> {
                      List<Row> batch = new ArrayList<>(BATCH);
                      query(
                          c,
                          text,
                          binder,
                          row -> {
                            batch.add(row);
                            if (batch.size() < BATCH) {
                              return !stop.get();
                            }
                            Batch full = new Batch(List.copyOf(batch), null, false);
                            batch.clear();
                            return offer(queue, full, stop);
                          });
                      if (!batch.isEmpty()) {
                        offer(queue, new Batch(List.copyOf(batch), null, false), stop);
                      }
                      return null;
                    });
                last = new Batch(List.of(), null, true);
              } catch (RuntimeException e) {
                last = new Batch(List.of(), e, true);
              }
              offer(queue, last, stop);
            },
            "hindsight-pg-read");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Batch batch;
        try {
          batch = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("reading events was interrupted");
        }
        if (batch.failure() != null) {
          throw batch.failure();
        }
        if (batch.end()) {
          return;
        }
        for (Row row : batch.rows()) {
          if (!sink.test(rows.decode(row, metadata))) {
            return;
          }
        }
      }
    } finally {
      stop.set(true);
      queue.clear(); // lets a reader waiting to hand over a batch see the stop
    }
  }

  /**
   * Runs a statement known to return few rows ({@link #SMALL} at most, such as a jump's segment
   * between two checkpoints) on the calling thread, in one round trip: for a few rows, handing them
   * over to another thread costs more than the overlap saves, and a statement alone needs no
   * explicit transaction to read one snapshot.
   */
  private void readHere(String text, Binder binder, boolean metadata, Predicate<StoredEvent> sink) {
    pool.inOneStatement(
        c -> {
          query(c, text, binder, row -> sink.test(rows.decode(row, metadata)));
          return null;
        });
  }

  /** Runs a statement through a cursor, handing each row to {@code sink} until it returns false. */
  private void query(Connection c, String text, Binder binder, Predicate<Row> sink)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(text)) {
      ps.setFetchSize(PgConnections.FETCH_SIZE);
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!sink.test(rows.row(rs))) {
            return;
          }
        }
      }
    }
  }

  /** Hands over a batch, waiting for room; false when the reader is to stop. */
  private static boolean offer(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stop) {
    try {
      while (!stop.get()) {
        if (queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ------------------------------------------------------------------------------------ stored

  @Override
  public void readStored(Predicate<RawEvent> sink) {
    readStored(null, 0, sink);
  }

  @Override
  public Optional<RawEvent> storedEvent(String stream, long version) {
    RawEvent[] found = {null};
    readStored(
        stream,
        version,
        e -> {
          found[0] = e;
          return false;
        });
    return Optional.ofNullable(found[0]);
  }

  /**
   * The stored columns of every event (or one), in global order, in one transaction: integers as
   * integers, floating point as reals, {@code bytea} and large objects as their bytes, everything
   * else as the text PostgreSQL writes for it ({@code jsonb} in its normal form, times as ISO-8601
   * UTC with microseconds).
   */
  private void readStored(String stream, long version, Predicate<RawEvent> sink) {
    List<String> cols = new ArrayList<>();
    cols.add(sql.position);
    for (String ref : rows.streamRefs()) {
      cols.add(sql.read(ref));
    }
    cols.add(sql.version);
    List<String> kinds = new ArrayList<>();
    for (String ref :
        new String[] {
          columnOrNull(layout.eventType()),
          columnOrNull(layout.revision()),
          columnOrNull(layout.timestamp()),
          layout.payload().column(),
          layout.metadata() == null ? null : layout.metadata().column()
        }) {
      cols.add(ref == null ? "NULL" : sql.read(ref));
      kinds.add(ref == null ? null : kind(sql.type(ref)));
    }
    // the payload as stored: the bytesColumn when it holds one (Marten's bdata), else the payload
    // column; what the event shows is what its fingerprint covers
    String bytes = layout.payload().bytesColumn();
    if (bytes != null) {
      cols.add(sql.read(bytes));
    }
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
    String bytesKind = bytes == null ? null : kind(sql.type(bytes));
    pool.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(text)) {
            ps.setFetchSize(PgConnections.FETCH_SIZE);
            if (stream != null) {
              ps.setLong(rows.bindStream(ps, 1, stream), version);
            }
            try (ResultSet rs = ps.executeQuery()) {
              String[] key = new String[k];
              while (rs.next()) {
                for (int i = 0; i < k; i++) {
                  key[i] = EventRows.text(rs.getObject(2 + i));
                }
                int f = 3 + k;
                RawEvent event =
                    new RawEvent(
                        rs.getLong(1),
                        sql.stablePosition,
                        rows.id(key),
                        rs.getLong(2 + k),
                        stored(rs, f, kinds.get(0)),
                        stored(rs, f + 1, kinds.get(1)),
                        stored(rs, f + 2, kinds.get(2)),
                        bytes != null && rs.getObject(f + 5) != null
                            ? stored(rs, f + 5, bytesKind)
                            : stored(rs, f + 3, kinds.get(3)),
                        stored(rs, f + 4, kinds.get(4)));
                if (!sink.test(event)) {
                  return null;
                }
              }
            }
          }
          return null;
        });
  }

  private static String columnOrNull(Field field) {
    return field == null ? null : field.column();
  }

  /** How a column of a PostgreSQL type is fingerprinted: integer, real, blob or text. */
  private static String kind(String type) {
    if (type == null) {
      return "text";
    }
    return switch (type) {
      case "int2", "int4", "int8" -> "integer";
      case "float4", "float8" -> "real";
      case "bytea", "oid" -> "blob";
      default -> "text";
    };
  }

  private static StoredValue stored(ResultSet rs, int index, String kind) throws SQLException {
    if (kind == null || rs.getObject(index) == null) {
      return StoredValue.NULL;
    }
    return switch (kind) {
      case "integer" -> StoredValue.integer(rs.getLong(index));
      case "real" -> StoredValue.real(rs.getDouble(index));
      case "blob" -> StoredValue.blob(rs.getBytes(index));
      default -> StoredValue.textBytes(rs.getString(index).getBytes(StandardCharsets.UTF_8));
    };
  }

  // ---------------------------------------------------------------------------------- indexes

  @Override
  public void positions(LongPredicate sink) {
    inGlobalOrder(null, rs -> sink.test(rs.getLong(1)));
  }

  @Override
  public void timedPositions(IndexSink sink) {
    Field ts = layout.timestamp();
    if (ts == null || ts.column() == null || ts.pointer() != null) {
      EventSource.super.timedPositions(sink);
      return;
    }
    inGlobalOrder(sql.read(ts.column()), rs -> sink.accept(rs.getLong(1), time(rs.getObject(2))));
  }

  @FunctionalInterface
  private interface RowSink {
    boolean accept(ResultSet row) throws SQLException;
  }

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
    pool.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(text)) {
            ps.setFetchSize(10 * PgConnections.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (!sink.accept(rs)) {
                  return null;
                }
              }
            }
          }
          return null;
        });
  }

  @Override
  public long lastPosition() {
    String text = "SELECT max(" + sql.position + ") FROM " + sql.from + sql.whereClause();
    return pool.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(text);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  private Long seenLast;

  /**
   * Whether new events were committed since the last poll: the highest position moved. (An event
   * that took a lower position and commits later does not move it: the {@link
   * dev.hindsight.store.Follower} reads the gaps below the highest position while any is open.)
   */
  @Override
  public synchronized Change poll() {
    long now = lastPosition();
    boolean changed = seenLast != null && now != seenLast;
    seenLast = now;
    return changed ? Change.CHANGED : Change.NONE;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Fails with the store's URL (no password) and what went wrong, in one line. */
  StoreException failure(SQLException e) {
    return PgConnections.failure(pool.url(), e);
  }
}
