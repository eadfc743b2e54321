package dev.hindsight.store.sqlite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds small stores in the simple layout with plain JDBC, and fingerprints files for the tests.
 */
public final class TestStores {

  public static final String CREATE_EVENTS =
      "CREATE TABLE events(global_position INTEGER PRIMARY KEY, stream_id TEXT, stream_version INTEGER,"
          + " event_type TEXT, payload TEXT, metadata TEXT, recorded_at TEXT)";
  public static final String CREATE_INDEX =
      "CREATE UNIQUE INDEX events_stream_version ON events(stream_id, stream_version)";

  private TestStores() {}

  /** A writable connection to {@code db}, created when missing. */
  public static Connection connect(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db);
  }

  /** Creates the simple layout's table and index on an open connection. */
  public static void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(CREATE_EVENTS);
      s.execute(CREATE_INDEX);
    }
  }

  /** Runs one statement. */
  public static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Inserts one event; {@code payload} may be a String or a byte[] (stored as a BLOB). */
  public static void insert(
      Connection c,
      long position,
      String stream,
      long version,
      String type,
      Object payload,
      String metadata,
      String recordedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, position);
      ps.setString(2, stream);
      ps.setLong(3, version);
      ps.setString(4, type);
      if (payload instanceof byte[] b) {
        ps.setBytes(5, b);
      } else {
        ps.setString(5, (String) payload);
      }
      ps.setString(6, metadata);
      ps.setString(7, recordedAt);
      ps.executeUpdate();
    }
  }

  /** The standard payload of event {@code position} in these tests. */
  public static String payload(long position) {
    return "{\"n\":" + position + ",\"note\":\"event " + position + "\"}";
  }

  /** The standard time of event {@code position}: one second apart from 2024-01-01T00:00:00Z. */
  public static String time(long position) {
    return java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(position).toString();
  }

  /**
   * Inserts events {@code from..to} (inclusive) round-robin over {@code streams} streams named
   * {@code order-1 .. order-N}; stream k's versions count up from 1 in position order.
   */
  public static void insertRange(Connection c, long from, long to, int streams)
      throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    for (long p = from; p <= to; p++) {
      long k = ((p - 1) % streams) + 1;
      long version = (p - 1) / streams + 1;
      insert(c, p, "order-" + k, version, "Placed", payload(p), "{\"by\":\"test\"}", time(p));
    }
    c.commit();
    c.setAutoCommit(auto);
  }

  /** A closed rollback-journal store with events {@code 1..count} over {@code streams} streams. */
  public static Path simpleStore(Path db, int count, int streams) throws SQLException {
    try (Connection c = connect(db)) {
      createSchema(c);
      insertRange(c, 1, count, streams);
    }
    return db;
  }

  public static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The names in a folder, sorted. */
  public static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  public static Path sibling(Path db, String suffix) {
    return db.resolveSibling(db.getFileName() + suffix);
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
