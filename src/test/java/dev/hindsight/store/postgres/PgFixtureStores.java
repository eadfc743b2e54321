package dev.hindsight.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.event.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A library's PostgreSQL fixture (src/test/resources/pg-fixtures) loaded into a database of its own
 * as the superuser, with the reader granted USAGE and SELECT on its schema.
 */
final class PgFixtureStores {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PgFixtureStores() {}

  /**
   * Every field of an event as Hindsight reads it, to compare with what the fixture wrote.
   *
   * @param links the event id, correlation and causation
   */
  record Read(
      long position,
      String stream,
      long version,
      String type,
      String revision,
      Instant time,
      JsonNode data,
      JsonNode metadata,
      List<String> links,
      List<String> problems) {

    static Read of(StoredEvent e) {
      return new Read(
          e.position(),
          e.stream(),
          e.version(),
          e.type(),
          e.revision(),
          e.timestamp(),
          e.data(),
          e.metadata(),
          Arrays.asList(e.links().id(), e.links().correlation(), e.links().causation()),
          e.problems());
    }
  }

  /** JSON text as a tree. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A text value (XML, hex) as the payload or metadata of an event. */
  static JsonNode text(String text) {
    return TextNode.valueOf(text);
  }

  /** A new database holding {@code fixture}, readable by the reader in {@code public}. */
  static String load(String fixture) throws Exception {
    String sql =
        Files.readString(
            Path.of("src/test/resources/pg-fixtures", fixture), StandardCharsets.UTF_8);
    String db = PgServer.newDatabase(fixture.replaceAll("[^a-z]", ""));
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
    PgServer.grantRead(db, "public");
    return db;
  }

  /** Lets the reader read every large object of {@code db}, one grant per object. */
  static void grantLargeObjects(String db) throws SQLException {
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute(
          "DO $$ DECLARE o oid; BEGIN FOR o IN SELECT oid FROM pg_largeobject_metadata LOOP"
              + " EXECUTE format('GRANT SELECT ON LARGE OBJECT %s TO "
              + PgServer.READER
              + "', o); END LOOP; END $$");
    }
  }

  /** Runs one statement on {@code db} as the superuser. */
  static void execute(String db, String statement) throws SQLException {
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** The reader's URL with its password in it, as a user may pass it to the CLI. */
  static String cliUrl(String db, String query) {
    return PgServer.url(db)
            .display()
            .replace(PgServer.READER + "@", PgServer.READER + ":" + PgServer.READER_PASSWORD + "@")
        + (query == null ? "" : "?" + query);
  }
}
