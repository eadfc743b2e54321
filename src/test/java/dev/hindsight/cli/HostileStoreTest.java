package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store copied from a broken production system: a 50 MB payload, JSON nested 100,000 deep, a
 * 10,000-character type, NUL bytes and invalid UTF-8, unreadable and out-of-range times, negative
 * and duplicate versions, duplicate positions, metadata that is sometimes not JSON. Every command
 * runs to the end with warnings on the bad events, and the good events read as ever.
 */
@Timeout(120)
class HostileStoreTest {

  @TempDir static Path dir;
  static Path store;
  static String sha;

  @BeforeAll
  static void makeTheStore() throws Exception {
    store = dir.resolve("hostile store é.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement s = c.createStatement()) {
      // no unique index and no primary key: duplicates are what this store is about
      s.execute(
          "CREATE TABLE events(global_position INTEGER, stream_id TEXT, stream_version INTEGER,"
              + " event_type TEXT, payload TEXT, metadata TEXT, recorded_at TEXT)");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?,?,?)")) {
        row(ps, 1, "good-1", 1, "Opened", "{\"n\":1}", "{\"c\":\"x\"}", "2026-01-01T00:00:01Z");
        row(
            ps,
            2,
            "big-1",
            1,
            "Huge",
            "{\"blob\":\"" + "x".repeat(50 << 20) + "\"}",
            "{}",
            "2026-01-01T00:00:02Z");
        row(
            ps,
            3,
            "deep-1",
            1,
            "Deep",
            "[".repeat(100_000) + "]".repeat(100_000),
            "{}",
            "2026-01-01T00:00:03Z");
        row(ps, 4, "type-1", 1, "T".repeat(10_000), "{\"n\":4}", "{}", "2026-01-01T00:00:04Z");
        row(ps, 6, "time-1", 1, "Late", "{\"n\":6}", "{}", "+999999999-12-31T23:59:59Z");
        row(ps, 7, "time-1", 2, "Never", "{\"n\":7}", "{}", "yesterday, about noon");
        row(ps, 8, "ver-1", -5, "Negative", "{\"n\":8}", "{}", "2026-01-01T00:00:08Z");
        row(ps, 9, "ver-1", 7, "Twice", "{\"n\":9}", "{}", "2026-01-01T00:00:09Z");
        row(ps, 10, "ver-1", 7, "Twice", "{\"n\":10}", "{}", "2026-01-01T00:00:10Z");
        row(ps, 11, "pos-1", 1, "SamePosition", "{\"n\":11}", "{}", "2026-01-01T00:00:11Z");
        row(ps, 11, "pos-1", 2, "SamePosition", "{\"n\":12}", "{}", "2026-01-01T00:00:12Z");
        row(ps, 13, "meta-1", 1, "MetaJson", "{\"n\":13}", "{\"ok\":true}", "2026-01-01T00:00:13Z");
        row(
            ps,
            14,
            "meta-1",
            2,
            "MetaText",
            "{\"n\":14}",
            "not json at all",
            "2026-01-01T00:00:14Z");
        row(ps, 15, "good-1", 2, "Closed", "{\"n\":15}", "{}", "2026-01-01T00:00:15Z");
      }
      c.commit();
      c.setAutoCommit(true);
      // NUL bytes and invalid UTF-8 (0xff) inside TEXT
      s.execute(
          "INSERT INTO events VALUES (5, 'bytes-1', 1, 'Bytes',"
              + " CAST(x'7b2261223a2261006200ff63227d' AS TEXT), '{}', '2026-01-01T00:00:05Z')");
    }
    sha = sha(store);
  }

  private static void row(
      PreparedStatement ps,
      long pos,
      String stream,
      long v,
      String type,
      String data,
      String meta,
      String time)
      throws Exception {
    ps.setLong(1, pos);
    ps.setString(2, stream);
    ps.setLong(3, v);
    ps.setString(4, type);
    ps.setString(5, data);
    ps.setString(6, meta);
    ps.setString(7, time);
    ps.executeUpdate();
  }

  interface Body {
    void run() throws Exception;
  }

  /** Runs a test whose failure could quote the 50 MB payload, with the message cut short. */
  private static void shortFailures(Body body) throws Exception {
    try {
      body.run();
    } catch (AssertionError e) {
      throw new AssertionError(cut(e.getMessage()));
    } catch (RuntimeException e) {
      throw new AssertionError(cut(String.valueOf(e)));
    }
  }

  /** Messages stay short: a failure that quoted 50 MB would exhaust the test's heap. */
  private static String cut(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
  }

  private static String sha(Path p) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  @Test
  void everyEventIsListedAndTheBadOnesCarryAWarning() throws Exception {
    shortFailures(
        () -> {
          CliRun run = CliRun.of("events", store.toString(), "--json");
          assertThat(run.exit()).as(cut(run.err())).isZero();
          JsonNode events = Json.parse(run.out());
          assertThat(events).hasSize(15);
          assertThat(events.get(0).get("data").get("n").asInt()).isEqualTo(1);
          // the huge payload is read whole; the deep one is shown raw, as text, with a warning
          assertThat(events.get(1).get("data").get("blob").asText().length()).isEqualTo(50 << 20);
          assertThat(events.get(2).get("data").isTextual()).isTrue();
          assertThat(events.get(3).get("type").asText().length()).isEqualTo(10_000);
          assertThat(cut(run.err()))
              .contains("event at position 3 (deep-1 v1)")
              .contains("event at position 5 (bytes-1 v1)")
              .contains("event at position 7 (time-1 v2)")
              .contains("event at position 14 (meta-1 v2)")
              .doesNotContain("Exception");
          assertThat(sha(store)).isEqualTo(sha);
        });
  }

  @Test
  void streamsStateAndVerifyRunToTheEnd() throws Exception {
    shortFailures(
        () -> {
          CliRun streams = CliRun.of("streams", store.toString(), "--json");
          assertThat(streams.exit()).as(cut(streams.err())).isZero();
          assertThat(Json.parse(streams.out())).hasSize(9);

          CliRun state = CliRun.of("state", store.toString(), "--stream", "good-1", "--json");
          assertThat(state.exit()).as(cut(state.err())).isZero();
          assertThat(Json.parse(state.out()).get("state").get("n").asInt()).isEqualTo(15);

          for (String stream :
              new String[] {
                "big-1", "deep-1", "type-1", "bytes-1", "time-1", "ver-1", "pos-1", "meta-1"
              }) {
            CliRun s = CliRun.of("state", store.toString(), "--stream", stream, "--json");
            assertThat(s.exit()).as(stream + ": " + cut(s.err())).isZero();
            assertThat(s.err()).as(stream).doesNotContain("Exception");
          }

          CliRun verify = CliRun.of("verify", store.toString(), "--json");
          assertThat(verify.exit()).as(cut(verify.err())).isEqualTo(1);
          JsonNode findings = Json.parse(verify.out()).get("findings");
          assertThat(findings.findValuesAsText("kind"))
              .contains("unreadable-payload", "duplicate-version", "version-gap");
          assertThat(sha(store)).isEqualTo(sha);
        });
  }

  @Test
  void anEncryptedStoreIsNamedAsPossiblyEncrypted() throws Exception {
    Path encrypted = dir.resolve("cipher.db");
    byte[] bytes = new byte[8192];
    new Random(7).nextBytes(bytes);
    Files.write(encrypted, bytes);
    CliRun run = CliRun.of("streams", encrypted.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "hindsight: "
                + encrypted
                + " is not a SQLite database (or it is encrypted, e.g. with SQLCipher)\n");
  }

  @Test
  void aStoreLockedByAWriterIsReportedAfterABriefWait() throws Exception {
    Path locked = dir.resolve("locked.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + locked);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events(global_position INTEGER PRIMARY KEY, stream_id TEXT, stream_version"
              + " INTEGER, event_type TEXT, payload TEXT, metadata TEXT, recorded_at TEXT)");
      s.execute("INSERT INTO events VALUES (1, 'a-1', 1, 'X', '{}', '{}', '2026-01-01T00:00:00Z')");
      s.execute("PRAGMA locking_mode = EXCLUSIVE");
      s.execute("BEGIN EXCLUSIVE");
      s.execute("INSERT INTO events VALUES (2, 'a-1', 2, 'X', '{}', '{}', '2026-01-01T00:00:01Z')");
      long start = System.nanoTime();
      CliRun run = CliRun.of("streams", locked.toString());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "hindsight: "
                  + locked
                  + " is locked by another program; close it there, or wait and try again\n");
      assertThat(ms).as("waits briefly, then gives up").isBetween(2_000L, 20_000L);
      s.execute("ROLLBACK");
    }
  }
}
