package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}'s contract: its JSON, its table, and exit 0, 1 and 2. */
class VerifyCommandTest {

  @TempDir Path dir;

  private static List<String> fields(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aCleanStoreExitsZeroWithTheDocumentedJson() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("clean.db"), 40, 4);

    CliRun run = CliRun.of("verify", db.toString(), "--json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode o = Json.parse(run.out());
    assertThat(fields(o))
        .containsExactly(
            "file",
            "sha256",
            "storeDigest",
            "layout",
            "hindsight",
            "reducer",
            "reducerSha256",
            "startedAt",
            "durationMs",
            "checked",
            "findings");
    assertThat(o.get("reducer").isNull()).isTrue();
    assertThat(o.get("reducerSha256").isNull()).isTrue();
    assertThat(o.get("storeDigest").asText()).matches("[0-9a-f]{64}");
    assertThat(o.get("file").asText()).isEqualTo(db.toAbsolutePath().normalize().toString());
    assertThat(o.get("sha256").asText()).isEqualTo(TestStores.sha256(db));
    assertThat(o.get("layout").asText()).isEqualTo("hindsight-simple");
    assertThat(fields(o.get("checked"))).containsExactly("streams", "events");
    assertThat(o.get("checked").get("streams").asLong()).isEqualTo(4);
    assertThat(o.get("checked").get("events").asLong()).isEqualTo(40);
    assertThat(o.get("findings").isArray()).isTrue();
    assertThat(o.get("findings")).isEmpty();
  }

  @Test
  void findingsExitOneAndCarryEveryField() throws Exception {
    Path db = dir.resolve("gap.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insert(c, 1, "order-1", 1, "Placed", "{}", "{}", "2024-01-01T00:00:00Z");
      TestStores.insert(c, 2, "order-1", 3, "Paid", "{}", "{}", "2024-01-01T00:00:01Z");
    }

    CliRun json = CliRun.of("verify", db.toString(), "--json");
    CliRun text = CliRun.of("verify", db.toString());

    assertThat(json.exit()).as(json.toString()).isEqualTo(1);
    JsonNode f = Json.parse(json.out()).get("findings").get(0);
    assertThat(fields(f))
        .containsExactly("kind", "severity", "stream", "version", "position", "message");
    assertThat(f.get("kind").asText()).isEqualTo("version-gap");
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("stream").asText()).isEqualTo("order-1");
    assertThat(f.get("version").asLong()).isEqualTo(2);
    assertThat(f.get("position").isNull()).isTrue();
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out())
        .contains("findings: 1 error, 0 warnings, 0 for information")
        .contains("version-gap")
        .contains("version 2 is missing (between 1 and 3)");
  }

  @Test
  void theJsonAndTheTextSayHowVerifyRan() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("clean.db"), 12, 2);
    String sha256 = TestStores.sha256(db);
    Path reducer = dir.resolve("count.js");
    Files.writeString(reducer, "({ $any: (s) => ({ n: (s.n || 0) + 1 }) })\n");
    java.time.Instant before =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    CliRun json = CliRun.of("verify", db.toString(), "--reducer", reducer.toString(), "--json");
    CliRun text = CliRun.of("verify", db.toString(), "--reducer", reducer.toString());

    assertThat(json.exit()).as(json.toString()).isZero();
    JsonNode o = Json.parse(json.out());
    assertThat(o.get("hindsight").asText()).startsWith("hindsight ");
    assertThat(o.get("reducer").asText()).isEqualTo(reducer.toString());
    assertThat(o.get("reducerSha256").asText())
        .isEqualTo(dev.hindsight.audit.Digests.sha256OfReducers(reducer));
    assertThat(java.time.Instant.parse(o.get("startedAt").asText())).isAfterOrEqualTo(before);
    assertThat(o.get("durationMs").isIntegralNumber()).isTrue();
    assertThat(o.get("durationMs").asLong()).isNotNegative();
    assertThat(text.out())
        .contains("reducer:  " + reducer + " (sha256 " + o.get("reducerSha256").asText() + ")")
        .containsPattern("ran:      hindsight \\S+, started \\d{4}-.*Z, took [\\d,]+ ms");
    assertThat(TestStores.sha256(db)).isEqualTo(sha256);
  }

  @Test
  void aDuplicateNamesBothPositionsAndWhetherTheCopiesDiffer() throws Exception {
    Path db = dir.resolve("forged.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    try (Connection c = TestStores.connect(db)) {
      // a forger drops the index that keeps versions unique, then writes version 4 of two
      // payments again: one an exact copy, one with another amount
      TestStores.exec(c, "DROP INDEX events_stream_version");
      TestStores.exec(
          c,
          "INSERT INTO events SELECT 3000, stream_id, stream_version, event_type, payload,"
              + " metadata, recorded_at FROM events WHERE global_position = 1398");
      TestStores.exec(
          c,
          "INSERT INTO events SELECT 3001, stream_id, stream_version, event_type,"
              + " replace(payload, '42.00', '4200.00'), metadata, recorded_at FROM events"
              + " WHERE stream_id = 'payment-5006' AND stream_version = 3");
    }
    String sha256 = TestStores.sha256(db);

    CliRun run = CliRun.of("verify", db.toString(), "--json");

    List<String> messages = new java.util.ArrayList<>();
    Json.parse(run.out())
        .get("findings")
        .forEach(
            f -> {
              if (f.get("kind").asText().equals("duplicate-version")) {
                messages.add(f.get("stream").asText() + ": " + f.get("message").asText());
              }
            });
    assertThat(messages)
        .containsExactly(
            "payment-5006: 2 events have version 3 (positions 878 and 3001); the copies differ"
                + " in data",
            "payment-5006: 2 events have version 4 (positions 1398 and 3000); the copies are"
                + " identical (same type, data and metadata)");
    assertThat(TestStores.sha256(db)).isEqualTo(sha256);
  }

  @Test
  void aTimeRegressionNamesTheEventItRunsBackAgainst() throws Exception {
    Path db = dir.resolve("forged.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    try (Connection c = TestStores.connect(db)) {
      TestStores.exec(
          c,
          "UPDATE events SET recorded_at = '2026-03-12T12:00:00.000Z'"
              + " WHERE stream_id = 'payment-5006' AND stream_version = 4");
    }

    CliRun run = CliRun.of("verify", db.toString());

    assertThat(run.out())
        .contains(
            "recorded at 2026-03-12T12:00:00Z, 13 min before the stream's previous event,"
                + " payment-5006 version 3 at position 878 (2026-03-12T12:13:13Z)");
  }

  @Test
  void aFileThatCannotBeReadExitsTwoWithOneLine() throws Exception {
    Path notADb = dir.resolve("notes.txt");
    Files.writeString(notADb, "not a database at all\n".repeat(10));

    CliRun run = CliRun.of("verify", notADb.toString(), "--json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("hindsight: " + notADb.toAbsolutePath() + " is not a SQLite database");
  }
}
