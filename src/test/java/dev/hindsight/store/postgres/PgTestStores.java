package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL stores for tests, each in a new database of the tests' server ({@link PgServer}),
 * readable by the reader role, and what the tests expect of them:
 *
 * <ul>
 *   <li>a store of Hindsight's simple layout (the demo store, make_event_store.py's output) copied
 *       from SQLite with the types a PostgreSQL store would have ({@link #copy}), used by the
 *       window's and the CLI's tests too;
 *   <li>a library's fixture (src/test/resources/pg-fixtures) loaded as the superuser ({@link
 *       #load});
 *   <li>the events and streams a fixture's SQL writes, compared with what Hindsight reads ({@link
 *       Read}, {@link Ev}, {@link #assertEvents}).
 * </ul>
 */
public final class PgTestStores {

  private PgTestStores() {}

  // ------------------------------------------------------------------- the simple layout's

  /**
   * A new database holding {@code sqlite}'s events in {@code public}, readable by the reader:
   * {@code jsonb} payloads, {@code timestamptz} times, a {@code bigint} position.
   */
  public static String copy(Path sqlite, String prefix) throws SQLException {
    String db = PgServer.newDatabase(prefix);
    try (Connection pg = PgServer.admin(db);
        Statement s = pg.createStatement()) {
      s.execute(
          "CREATE TABLE events (global_position bigint PRIMARY KEY, stream_id text NOT NULL,"
              + " stream_version bigint NOT NULL, event_type text NOT NULL, payload jsonb NOT"
              + " NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL)");
      s.execute("CREATE UNIQUE INDEX events_stream_version ON events (stream_id, stream_version)");
      pg.setAutoCommit(false);
      try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
          Statement q = lite.createStatement();
          ResultSet rs =
              q.executeQuery(
                  "SELECT global_position, stream_id, stream_version, event_type, payload,"
                      + " metadata, recorded_at FROM events ORDER BY global_position");
          PreparedStatement insert =
              pg.prepareStatement(
                  "INSERT INTO events VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)")) {
        int n = 0;
        while (rs.next()) {
          insert.setLong(1, rs.getLong(1));
          insert.setString(2, rs.getString(2));
          insert.setLong(3, rs.getLong(3));
          insert.setString(4, rs.getString(4));
          insert.setString(5, rs.getString(5));
          insert.setString(6, rs.getString(6));
          insert.setObject(
              7, OffsetDateTime.ofInstant(Instant.parse(rs.getString(7)), ZoneOffset.UTC));
          insert.addBatch();
          if (++n % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      pg.commit();
    }
    PgServer.grantRead(db, "public");
    return db;
  }

  /**
   * A new database whose schemas {@code public} and {@code other} each hold {@code sqlite}'s
   * events: two stores where the user pointed, to choose from.
   */
  public static String copyTwice(Path sqlite, String prefix) throws SQLException {
    String db = copy(sqlite, prefix);
    admin(
        db,
        "CREATE SCHEMA other",
        "CREATE TABLE other.events (LIKE public.events INCLUDING ALL)",
        "INSERT INTO other.events SELECT * FROM public.events");
    PgServer.grantRead(db, "other");
    return db;
  }

  // ------------------------------------------------------------------------ library fixtures

  /** The SQL of a fixture in src/test/resources/pg-fixtures. */
  static String fixtureSql(String fixture) throws IOException {
    return Files.readString(
        Path.of("src/test/resources/pg-fixtures", fixture), StandardCharsets.UTF_8);
  }

  /**
   * A new database holding {@code fixture}, the reader granted USAGE and SELECT on {@code schemas}.
   */
  static String load(String fixture, String... schemas) throws Exception {
    String db = PgServer.newDatabase(fixture.replaceAll("[^a-z]", ""));
    admin(db, fixtureSql(fixture));
    for (String schema : schemas) {
      PgServer.grantRead(db, schema);
    }
    return db;
  }

  /** Opens the store in {@code db} with the layout detected. */
  static PostgresEventSource open(String db) {
    return PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null);
  }

  /** Runs statements on {@code db} as the superuser (to shape a variant of a fixture). */
  static void admin(String db, String... statements) throws SQLException {
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** Lets the reader read every large object of {@code db}, one grant per object. */
  static void grantLargeObjects(String db) throws SQLException {
    admin(
        db,
        "DO $$ DECLARE o oid; BEGIN FOR o IN SELECT oid FROM pg_largeobject_metadata LOOP"
            + " EXECUTE format('GRANT SELECT ON LARGE OBJECT %s TO "
            + PgServer.READER
            + "', o); END LOOP; END $$");
  }

  /** The reader's URL with its password in it, as a user may pass it to the CLI. */
  static String cliUrl(String db, String query) {
    return PgServer.url(db)
            .display()
            .replace(PgServer.READER + "@", PgServer.READER + ":" + PgServer.READER_PASSWORD + "@")
        + (query == null ? "" : "?" + query);
  }

  // ---------------------------------------------------------------------------- expectations

  /**
   * Every field of an event as Hindsight reads it, to compare whole with what the fixture wrote.
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

  /** One event as the fixture's SQL writes it; JSON as text, times as ISO-8601 UTC. */
  record Ev(
      long position,
      String stream,
      long version,
      String type,
      String revision,
      String time,
      String data,
      String metadata,
      String id,
      String correlation,
      String causation) {}

  /** One stream as the fixture's SQL writes it. */
  static StreamSummary stream(
      String id,
      String type,
      long events,
      long first,
      long last,
      String firstTime,
      String lastTime) {
    return new StreamSummary(
        id, type, events, first, last, Instant.parse(firstTime), Instant.parse(lastTime));
  }

  /** Every event read equals its expectation, field by field, in global order. */
  static void assertEvents(List<StoredEvent> actual, List<Ev> expected) {
    assertThat(actual)
        .extracting(StoredEvent::position)
        .containsExactlyElementsOf(expected.stream().map(Ev::position).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertEvent(actual.get(i), expected.get(i));
    }
  }

  static void assertEvent(StoredEvent e, Ev x) {
    String at = "event at position " + x.position();
    assertThat(e.problems()).as(at + " problems").isEmpty();
    assertThat(e.stream()).as(at + " stream").isEqualTo(x.stream());
    assertThat(e.version()).as(at + " version").isEqualTo(x.version());
    assertThat(e.type()).as(at + " type").isEqualTo(x.type());
    assertThat(e.revision()).as(at + " revision").isEqualTo(x.revision());
    assertThat(e.timestamp()).as(at + " time").isEqualTo(Instant.parse(x.time()));
    assertThat(e.data()).as(at + " payload").isEqualTo(json(x.data()));
    assertThat(e.metadata()).as(at + " metadata").isEqualTo(json(x.metadata()));
    assertThat(e.links().id()).as(at + " id").isEqualTo(x.id());
    assertThat(e.links().correlation()).as(at + " correlation").isEqualTo(x.correlation());
    assertThat(e.links().causation()).as(at + " causation").isEqualTo(x.causation());
  }

  /** JSON text as a tree, read as Hindsight reads payloads; null: JSON null. */
  static JsonNode json(String text) {
    if (text == null) {
      return NullNode.getInstance();
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("bad JSON in a test: " + text, e);
    }
  }

  /** A text value (XML, hex) as the payload or metadata of an event. */
  static JsonNode text(String text) {
    return TextNode.valueOf(text);
  }
}
