package dev.hindsight.store.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A tool, not part of the product: copies a SQLite store of Hindsight's simple layout (the output
 * of {@code make_event_store.py}, the demo store) into an empty PostgreSQL schema as a PostgreSQL
 * store would hold it: {@code events(global_position bigint PRIMARY KEY, stream_id text,
 * stream_version bigint, event_type text, payload jsonb, metadata jsonb, recorded_at timestamptz)}
 * with a unique index on {@code (stream_id, stream_version)}. Fast: one {@code COPY} through the
 * driver, the table made in the same transaction (no WAL for it when the server's {@code wal_level}
 * is {@code minimal}), the indexes built after the rows, {@code VACUUM (ANALYZE)} at the end.
 *
 * <p>It writes, so it never goes near a store someone has: it refuses unless the target schema
 * holds no table, view or sequence at all. It lives with the tests (run it with {@code java -cp
 * target/hindsight.jar:target/test-classes dev.hindsight.store.postgres.PgLoad FILE URL [--grant
 * ROLE]}), so the shipped jar has no way to write to a database.
 */
public final class PgLoad {

  /** What one load did. */
  public record Loaded(long events, double copySeconds, double indexSeconds, double totalSeconds) {}

  private static final String SELECT =
      "SELECT global_position, stream_id, stream_version, event_type, payload, metadata,"
          + " recorded_at FROM events ORDER BY global_position";

  private PgLoad() {}

  /**
   * {@code PgLoad FILE URL [--grant ROLE]}: loads {@code FILE} into the (empty) schema of {@code
   * URL} (a {@code postgresql://} or {@code jdbc:postgresql:} URL, {@code ?currentSchema=} or
   * {@code public}; the password from the URL, {@code PGPASSWORD} or {@code ~/.pgpass}), and lets
   * {@code ROLE} read it.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2 && !(args.length == 4 && args[2].equals("--grant"))) {
      System.err.println(
          "usage: java -cp target/hindsight.jar:target/test-classes"
              + " dev.hindsight.store.postgres.PgLoad FILE URL [--grant ROLE]");
      System.exit(2);
    }
    PgUrl url = PgUrl.parse(args[1]);
    try (Connection c = connect(url, url.password().orElse(null))) {
      Loaded loaded =
          load(Path.of(args[0]), c, url.schema() == null ? "public" : url.schema(), null);
      if (args.length == 4) {
        grant(c, url.schema() == null ? "public" : url.schema(), args[3]);
      }
      System.out.printf(
          Locale.ROOT,
          "loaded %,d events into %s in %.1f s (copy %.1f s, indexes and vacuum %.1f s)%n",
          loaded.events(),
          url.display(),
          loaded.totalSeconds(),
          loaded.copySeconds(),
          loaded.indexSeconds());
    } catch (IllegalStateException e) {
      System.err.println("PgLoad: " + e.getMessage());
      System.exit(1);
    }
  }

  /** A writing connection (autocommit off): the loader's own, never the product's. */
  static Connection connect(PgUrl url, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", url.user());
    if (password != null) {
      p.setProperty("password", password);
    }
    if (url.sslMode() != null) {
      p.setProperty("sslmode", url.sslMode());
    }
    p.setProperty("ApplicationName", "hindsight-pgload");
    return DriverManager.getConnection(url.jdbcUrl(), p);
  }

  /**
   * Loads {@code sqlite} into {@code schema} over {@code c} in one transaction, and commits; fails
   * (writing nothing) when the file is not a simple-layout store or the schema is not empty. {@code
   * progress} (may be null) hears the count of rows copied every million.
   */
  public static Loaded load(
      Path sqlite, Connection c, String schema, java.util.function.LongConsumer progress)
      throws SQLException {
    if (!Files.isRegularFile(sqlite)) {
      throw new IllegalStateException(sqlite + " is not a file");
    }
    long t0 = System.nanoTime();
    c.setAutoCommit(false);
    try {
      refuseUnlessEmpty(c, schema);
      String table = quote(schema) + ".events";
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL maintenance_work_mem = '512MB'");
        s.execute("SET LOCAL synchronous_commit = off");
        s.execute(
            "CREATE TABLE "
                + table
                + " (global_position bigint NOT NULL, stream_id text NOT NULL, stream_version"
                + " bigint NOT NULL, event_type text NOT NULL, payload jsonb NOT NULL, metadata"
                + " jsonb, recorded_at timestamptz NOT NULL)");
      }
      long n;
      org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
      readOnly.setReadOnly(true);
      try (Connection lite =
              DriverManager.getConnection(
                  "jdbc:sqlite:" + sqlite.toAbsolutePath(), readOnly.toProperties());
          Statement q = lite.createStatement()) {
        q.setFetchSize(10_000);
        try (ResultSet rs = q.executeQuery(SELECT)) {
          CopyIn in =
              c.unwrap(PGConnection.class)
                  .getCopyAPI()
                  .copyIn(
                      "COPY "
                          + table
                          + " (global_position, stream_id, stream_version, event_type, payload,"
                          + " metadata, recorded_at) FROM STDIN");
          try {
            n = copy(rs, in, progress);
            in.endCopy();
          } finally {
            if (in.isActive()) {
              in.cancelCopy();
            }
          }
        }
      } catch (SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains("no such table")) {
          throw new IllegalStateException(sqlite + " has no events table of the simple layout");
        }
        throw e;
      }
      long t1 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (global_position)");
        s.execute(
            "CREATE UNIQUE INDEX events_stream_version ON "
                + table
                + " (stream_id, stream_version)");
      }
      c.commit();
      // VACUUM (outside a transaction) sets the visibility map, so that the stream list's
      // index-only scans need not visit the table; ANALYZE gives the planner its statistics
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM (ANALYZE) " + table);
      }
      c.setAutoCommit(false);
      long t2 = System.nanoTime();
      return new Loaded(n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
    } catch (SQLException | RuntimeException e) {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      throw e;
    }
  }

  /** Lets {@code role} read {@code schema}'s tables. */
  public static void grant(Connection c, String schema, String role) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA " + quote(schema) + " TO " + quote(role));
      s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + quote(schema) + " TO " + quote(role));
    }
    c.commit();
  }

  /** Fails unless {@code schema} exists and holds no table, view, sequence or other relation. */
  private static void refuseUnlessEmpty(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = ?),"
                + " (SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace"
                + " WHERE n.nspname = ?)")) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          throw new IllegalStateException("there is no schema '" + schema + "'");
        }
        if (rs.getLong(2) > 0) {
          throw new IllegalStateException(
              "schema '"
                  + schema
                  + "' is not empty: the loader writes only into an empty schema, never into a"
                  + " store");
        }
      }
    }
  }

  /** Streams the rows as COPY text, a buffer at a time; the row count. */
  private static long copy(ResultSet rs, CopyIn in, java.util.function.LongConsumer progress)
      throws SQLException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 21);
    long n = 0;
    while (rs.next()) {
      text(buf, Long.toString(rs.getLong(1)));
      buf.write('\t');
      text(buf, rs.getString(2));
      buf.write('\t');
      text(buf, Long.toString(rs.getLong(3)));
      buf.write('\t');
      text(buf, rs.getString(4));
      buf.write('\t');
      text(buf, rs.getString(5));
      buf.write('\t');
      text(buf, rs.getString(6));
      buf.write('\t');
      text(buf, rs.getString(7));
      buf.write('\n');
      n++;
      if (buf.size() >= 1 << 20) {
        in.writeToCopy(buf.toByteArray(), 0, buf.size());
        buf.reset();
      }
      if (progress != null && n % 1_000_000 == 0) {
        progress.accept(n);
      }
    }
    if (buf.size() > 0) {
      in.writeToCopy(buf.toByteArray(), 0, buf.size());
    }
    return n;
  }

  /**
   * One field in COPY's text format: NULL as {@code \N}, backslash and control characters escaped.
   */
  private static void text(ByteArrayOutputStream buf, String value) {
    if (value == null) {
      buf.write('\\');
      buf.write('N');
      return;
    }
    boolean plain = true;
    for (int i = 0; i < value.length() && plain; i++) {
      char ch = value.charAt(i);
      plain = ch != '\\' && ch != '\t' && ch != '\n' && ch != '\r';
    }
    String escaped = value;
    if (!plain) {
      StringBuilder b = new StringBuilder(value.length() + 16);
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        switch (ch) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(ch);
        }
      }
      escaped = b.toString();
    }
    byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
    buf.write(bytes, 0, bytes.length);
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
