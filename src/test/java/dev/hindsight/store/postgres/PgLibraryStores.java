package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.codec.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * A library's PostgreSQL fixture loaded into a new database (as a superuser), readable by the
 * reader role, and what the tests expect of it, written from the fixture's SQL.
 */
final class PgLibraryStores {

  private PgLibraryStores() {}

  /** Loads {@code fixture} into a new database and grants the reader {@code schemas}. */
  static String load(String fixture, String... schemas) throws Exception {
    String db = PgServer.newDatabase(fixture.replaceAll("[^a-z]", ""));
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute(sql(fixture));
    }
    for (String schema : schemas) {
      PgServer.grantRead(db, schema);
    }
    return db;
  }

  static String sql(String fixture) throws java.io.IOException {
    return Files.readString(
        Path.of("src/test/resources/pg-fixtures", fixture), StandardCharsets.UTF_8);
  }

  /** Opens the store in {@code db} with the layout detected. */
  static PostgresEventSource open(String db) {
    return PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null);
  }

  /** Runs statements as the superuser (to shape a variant of a fixture). */
  static void admin(String db, String... statements) throws Exception {
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
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

  static com.fasterxml.jackson.databind.JsonNode json(String text) {
    if (text == null) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("bad JSON in a test: " + text, e);
    }
  }
}
