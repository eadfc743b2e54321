package dev.hindsight.store.sql;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventSource.HeaderVersion;
import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.Patterns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SQL of what a layout says about its streams, the same in every database: the stream list with
 * each stream's first and last time, the snapshots a library took, and the stream headers. Each
 * query runs on the connection a source hands it (SQLite its file's, PostgreSQL one of its pool's,
 * in a transaction), so the source keeps its own I/O and this class only the SQL and the rows.
 */
public final class StreamQueries {

  /**
   * Which streams a paged stream list holds: those after {@code after} (null: from the first)
   * matching {@code glob} (null or {@code *}: all), at most {@code limit} (0: all).
   */
  public record Page(String after, String glob, int limit) {

    /** Every stream, in key order. */
    public static final Page ALL = new Page(null, null, 0);
  }

  /**
   * Finds a table the layout names (a snapshot or header table), as the source sees it now: its
   * name as the database has it, or empty when the store has no such table.
   */
  @FunctionalInterface
  public interface Tables {
    Optional<String> table(String name);
  }

  /** A statement of this class, ready to run on a source's connection. */
  @FunctionalInterface
  public interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  private final LayoutSql sql;
  private final Layout layout;
  private final EventRows rows;
  private final SqlCatalog catalog;

  public StreamQueries(LayoutSql sql, EventRows rows, SqlCatalog catalog) {
    this.sql = sql;
    this.layout = sql.layout;
    this.rows = rows;
    this.catalog = catalog;
  }

  // ----------------------------------------------------------------------------- summaries

  /**
   * Stream summaries: of one stream (when {@code stream} is not null) or of every stream, or (with
   * a {@code page}) of a page of them. A page is grouped in index order, so it stops after its last
   * stream, and the first and last time are looked up for the page's streams alone; without one,
   * the groups are ordered by the outer query alone.
   */
  public List<StreamSummary> summaries(Connection c, String stream, Page page) throws SQLException {
    Field typeField = layout.aggregateType();
    boolean typeColumn =
        typeField != null && typeField.column() != null && !typeField.derivedFromStream();
    int k = sql.streamColumns.size();
    List<String> refs = rows.streamRefs();
    List<String> conditions = new ArrayList<>();
    List<String> params = new ArrayList<>();
    if (stream != null) {
      conditions.add(sql.streamCondition());
    }
    if (page != null && page.after() != null) {
      conditions.add(sql.streamColumns.get(0) + " > " + sql.parameter(refs.get(0)));
      params.add(page.after());
    }
    if (page != null && page.glob() != null && !page.glob().equals("*")) {
      conditions.add(sql.streamColumns.get(0) + "::text LIKE ?");
      params.add(like(page.glob()));
    }
    StringBuilder inner = new StringBuilder("SELECT ");
    for (int i = 0; i < k; i++) {
      inner.append(sql.streamColumns.get(i)).append(" AS k").append(i).append(", ");
    }
    inner
        .append("count(*) AS n, min(")
        .append(sql.version)
        .append(") AS minv, max(")
        .append(sql.version)
        .append(") AS maxv");
    if (typeColumn) {
      inner.append(", max(").append(sql.read(typeField.column())).append(") AS ty");
    }
    inner
        .append(" FROM ")
        .append(sql.from)
        .append(sql.whereClause(conditions.toArray(String[]::new)))
        .append(" GROUP BY ")
        .append(String.join(", ", sql.streamColumns));
    if (page != null) {
      inner.append(" ORDER BY ").append(String.join(", ", sql.streamColumns));
      if (page.limit() > 0) {
        inner.append(" LIMIT ").append(page.limit());
      }
    }
    Field ts = layout.timestamp();
    boolean timesInSql = ts != null && ts.column() != null && ts.pointer() == null;
    StringBuilder query = new StringBuilder("SELECT ");
    List<String> keys = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      keys.add(catalog.read("g.k" + i, tableOf(refs.get(i)), columnOf(refs.get(i))));
      order.add("g.k" + i);
    }
    query.append(String.join(", ", keys)).append(", g.n, g.minv, g.maxv");
    if (typeColumn) {
      query.append(", g.ty");
    }
    if (timesInSql) {
      // the first and last event's time, looked up in the same statement: one pass, not two
      // round trips per stream
      for (String bound : List.of("g.minv", "g.maxv")) {
        List<String> match = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          match.add(sql.streamColumns.get(i) + " = g.k" + i);
        }
        match.add(sql.version + " = " + bound);
        query
            .append(", (SELECT ")
            .append(sql.read(ts.column()))
            .append(" FROM ")
            .append(sql.from)
            .append(sql.whereClause(match.toArray(String[]::new)))
            .append(" ORDER BY ")
            .append(sql.position)
            .append(" LIMIT 1)");
      }
    }
    query
        .append(" FROM (")
        .append(inner)
        .append(") AS g ORDER BY ")
        .append(String.join(", ", order));
    List<StreamSummary> result = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query.toString())) {
      int p = 1;
      if (stream != null) {
        p = rows.bindStream(ps, p, stream);
      }
      for (String param : params) {
        ps.setString(p++, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int times = k + 4 + (typeColumn ? 1 : 0);
        while (rs.next()) {
          String[] key = new String[k];
          for (int i = 0; i < k; i++) {
            key[i] = EventRows.text(rs.getObject(i + 1));
          }
          String id = rows.id(key);
          String type;
          if (typeColumn) {
            type = Patterns.apply(typeField.pattern(), EventRows.text(rs.getObject(k + 4)));
          } else if (typeField != null && typeField.derivedFromStream()) {
            type = Patterns.apply(typeField.pattern(), id);
          } else if (layout.stream().composite()) {
            type = key[0];
          } else {
            type = null;
          }
          Instant first = timesInSql ? rows.time(rs.getObject(times)) : null;
          Instant last = timesInSql ? rows.time(rs.getObject(times + 1)) : null;
          result.add(
              new StreamSummary(
                  id, type, rs.getLong(k + 1), rs.getLong(k + 2), rs.getLong(k + 3), first, last));
        }
      }
    }
    if (!timesInSql && ts != null) {
      return withTimestamps(c, result);
    }
    return result;
  }

  /** A stream glob as a LIKE pattern: {@code *} any run, {@code ?} one character, others as is. */
  public static String like(String glob) {
    StringBuilder b = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*' -> b.append('%');
        case '?' -> b.append('_');
        case '%', '_', '\\' -> b.append('\\').append(ch);
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /**
   * Each stream's first and last time from its first and last event (the time is a pointer into the
   * payload or the metadata): one indexed lookup each.
   */
  private List<StreamSummary> withTimestamps(Connection c, List<StreamSummary> streams)
      throws SQLException {
    String query =
        "SELECT "
            + rows.columns(false)
            + " FROM "
            + sql.from
            + sql.whereClause(sql.streamCondition(), sql.version + " = ?")
            + " ORDER BY "
            + sql.position
            + " LIMIT 1";
    List<StreamSummary> result = new ArrayList<>(streams.size());
    try (PreparedStatement ps = c.prepareStatement(query)) {
      for (StreamSummary s : streams) {
        Instant first = timeAt(ps, s.stream(), s.firstVersion());
        Instant last =
            s.lastVersion() == s.firstVersion() ? first : timeAt(ps, s.stream(), s.lastVersion());
        result.add(
            new StreamSummary(
                s.stream(), s.type(), s.events(), s.firstVersion(), s.lastVersion(), first, last));
      }
    }
    return result;
  }

  private Instant timeAt(PreparedStatement ps, String stream, long version) throws SQLException {
    ps.setLong(rows.bindStream(ps, 1, stream), version);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rows.decode(rows.row(rs), false).timestamp() : null;
    }
  }

  /** The table (as the catalog names it) that holds a column of the layout. */
  private String tableOf(String ref) {
    int dot = ref.lastIndexOf('.');
    if (dot > 0) {
      for (Layout.Join join : layout.allJoins()) {
        if (ref.substring(0, dot).equalsIgnoreCase(join.table())) {
          return catalog.table(join.table()).orElse(join.table());
        }
      }
    }
    return catalog.table(layout.table()).orElse(layout.table());
  }

  private static String columnOf(String ref) {
    int dot = ref.lastIndexOf('.');
    return dot > 0 ? ref.substring(dot + 1) : ref;
  }

  // ----------------------------------------------------------------------------- snapshots

  /**
   * The snapshots a library took, as events (position 0) in stream and version order; empty when
   * the layout names none, when the store has no snapshot table ({@code tables}) or when the
   * layout's snapshots cannot be read as events (a composite stream key with columns of their own).
   */
  public Optional<Query<List<StoredEvent>>> snapshots(Tables tables) {
    Layout.Snapshots snapshots = layout.snapshots();
    if (snapshots == null || snapshots.compare() == null || !layout.allJoins().isEmpty()) {
      return Optional.empty();
    }
    Layout.SnapshotCompare compare = snapshots.compare();
    Optional<String> found = tables.table(compare.table());
    if (found.isEmpty()) {
      return Optional.empty(); // a store of this library that has never taken a snapshot
    }
    String table = found.get();
    Layout.Payload payload = compare.payload() == null ? layout.payload() : compare.payload();
    String query;
    if (compare.payload() == null) {
      // the event columns, read from the snapshot table (which has them), with no global position
      query =
          "SELECT "
              + rows.columns(true).replaceFirst(Pattern.quote(sql.position), "0")
              + " FROM "
              + catalog.tableRef(table)
              + " AS e ORDER BY "
              + String.join(", ", sql.streamColumns)
              + ", "
              + sql.version;
    } else if (sql.streamColumns.size() == 1) {
      // columns of its own, in the order EventRows.row reads them
      String stream = column(table, compare.stream());
      String version = column(table, compare.version());
      query =
          "SELECT 0, "
              + catalog.read(stream, table, compare.stream())
              + ", "
              + version
              + ", NULL, NULL, NULL, "
              + catalog.read(column(table, payload.column()), table, payload.column())
              + ", "
              + (payload.serializerColumn() == null
                  ? "NULL"
                  : column(table, payload.serializerColumn()))
              + ", NULL, NULL, NULL, NULL, NULL FROM "
              + catalog.tableRef(table)
              + " AS e ORDER BY "
              + stream
              + ", "
              + version;
    } else {
      return Optional.empty();
    }
    return Optional.of(
        c -> {
          List<StoredEvent> result = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(query);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              result.add(rows.decode(rows.row(rs), true, payload));
            }
          }
          return result;
        });
  }

  /** {@code e."column"} of the snapshot table, the column named as the table has it. */
  private String column(String table, String column) {
    return "e." + LayoutSql.quote(catalog.columnName(table, column));
  }

  // ------------------------------------------------------------------------------- headers

  /**
   * Each stream header row with the last version of the rows it counts, in one statement; empty
   * when the layout names no header table, the store has none ({@code tables}) or the stream key is
   * composite.
   */
  public Optional<Query<Map<String, HeaderVersion>>> streamHeaders(Tables tables) {
    Layout.StreamHeader header = layout.streamHeader();
    if (header == null || sql.streamColumns.size() != 1) {
      return Optional.empty();
    }
    Optional<String> found = tables.table(header.table());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String table = found.get();
    String hStream = "h." + LayoutSql.quote(catalog.columnName(table, header.stream()));
    String query =
        "SELECT "
            + catalog.read(hStream, table, header.stream())
            + ", h."
            + LayoutSql.quote(catalog.columnName(table, header.version()))
            + ", (SELECT max("
            + sql.version
            + ") FROM "
            + sql.from
            + " WHERE "
            + sql.streamColumns.get(0)
            + " = "
            + hStream
            + (header.rowsWhere() == null ? "" : " AND (" + header.rowsWhere() + ")")
            + ") FROM "
            + catalog.tableRef(table)
            + " AS h"
            + (header.where() == null ? "" : " WHERE " + header.where());
    return Optional.of(
        c -> {
          Map<String, HeaderVersion> result = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(query);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Object last = rs.getObject(3);
              result.put(
                  EventRows.text(rs.getObject(1)),
                  new HeaderVersion(
                      rs.getLong(2), last == null ? null : ((Number) last).longValue()));
            }
          }
          return result;
        });
  }
}
