package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.audit.Finding.Severity;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of finding, from a store made faulty in just that way; nothing on a clean one. */
class VerifierTest {

  @TempDir Path dir;

  /** One event row: position, stream, version, type, payload, time. */
  private record Row(long p, String s, long v, String type, String payload, String time) {
    static Row of(long p, String s, long v, String time) {
      return new Row(p, s, v, "Placed", "{\"n\":" + p + "}", time);
    }
  }

  private Path store(boolean uniqueVersions, Row... rows) throws Exception {
    Path db = dir.resolve("store-" + System.nanoTime() + ".db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.exec(c, TestStores.CREATE_EVENTS);
      if (uniqueVersions) {
        TestStores.exec(c, TestStores.CREATE_INDEX);
      }
      for (Row r : rows) {
        TestStores.insert(c, r.p, r.s, r.v, r.type, r.payload, "{}", r.time);
      }
    }
    return db;
  }

  private static Verifier.Result verify(Path db, ReducerSet reducers) throws Exception {
    String before = TestStores.sha256(db);
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      Verifier.Result result = Verifier.verify(source, reducers, Progress.NONE);
      assertThat(TestStores.sha256(db)).as("the store is only read").isEqualTo(before);
      return result;
    }
  }

  private static Verifier.Result verify(Path db) throws Exception {
    return verify(db, ReducerSet.generic());
  }

  private static String t(int minute, int second) {
    return String.format("2024-05-01T10:%02d:%02dZ", minute, second);
  }

  @Test
  void aCleanStoreHasNoFindings() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("clean.db"), 500, 7);
    Verifier.Result result = verify(db);
    assertThat(result.findings()).isEmpty();
    assertThat(result.hasFindings()).isFalse();
    assertThat(result.streams()).isEqualTo(7);
    assertThat(result.events()).isEqualTo(500);
  }

  @Test
  void aMissingVersionIsAGap() throws Exception {
    Path db =
        store(
            true,
            Row.of(1, "s-1", 1, t(0, 0)),
            Row.of(2, "s-1", 2, t(0, 1)),
            Row.of(3, "s-1", 5, t(0, 2)));
    assertThat(verify(db).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.VERSION_GAP);
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.stream()).isEqualTo("s-1");
              assertThat(f.version()).isEqualTo(3);
              assertThat(f.message()).isEqualTo("versions 3–4 are missing (between 2 and 5)");
            });
  }

  @Test
  void aVersionTwiceIsADuplicate() throws Exception {
    Path db =
        store(
            false,
            Row.of(1, "s-1", 1, t(0, 0)),
            Row.of(2, "s-1", 2, t(0, 1)),
            Row.of(3, "s-1", 2, t(0, 2)));
    assertThat(verify(db).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.DUPLICATE_VERSION);
              assertThat(f.version()).isEqualTo(2);
              assertThat(f.message())
                  .isEqualTo(
                      "2 events have version 2 (positions 2 and 3); the copies differ in data");
            });
  }

  @Test
  void aVersionWrittenAfterALaterOneIsOutOfOrder() throws Exception {
    Path db =
        store(
            true,
            Row.of(1, "s-1", 1, t(0, 0)),
            Row.of(2, "s-1", 3, t(0, 1)),
            Row.of(3, "s-1", 2, t(0, 2)));
    assertThat(verify(db).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.VERSION_ORDER);
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.version()).isEqualTo(2);
              assertThat(f.position()).isEqualTo(3);
            });
  }

  @Test
  void timeRunningBackwardsInAStreamAndBeyondTheToleranceInTheGlobalOrder() throws Exception {
    Path db =
        store(
            true,
            Row.of(1, "s-1", 1, t(5, 0)),
            Row.of(2, "s-1", 2, t(4, 0)), // a minute before its stream's previous event
            Row.of(3, "s-2", 1, t(4, 58)), // 2 s behind the global order: skew, not a finding
            Row.of(4, "s-3", 1, t(2, 0))); // 3 minutes behind the global order
    List<Finding> findings = verify(db).findings();
    assertThat(findings).extracting(Finding::kind).containsOnly(Finding.TIME_REGRESSION);
    assertThat(findings).extracting(Finding::stream).containsExactly("s-1", "s-3");
    assertThat(findings.get(0).message())
        .isEqualTo(
            "recorded at 2024-05-01T10:04:00Z, 60.0 s before the stream's previous event,"
                + " s-1 version 1 at position 1 (2024-05-01T10:05:00Z)");
    assertThat(findings.get(1).message())
        .isEqualTo(
            "recorded at 2024-05-01T10:02:00Z, 3 min before an earlier event in the global"
                + " order, s-1 version 1 at position 1 (2024-05-01T10:05:00Z)");
    assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING);
  }

  @Test
  void anUnreadablePayloadAndAnUnreadableTime() throws Exception {
    Path db =
        store(
            true,
            Row.of(1, "s-1", 1, t(0, 0)),
            new Row(2, "s-1", 2, "Placed", "{\"broken\": ", t(0, 1)),
            new Row(3, "s-1", 3, "Placed", "{}", "yesterday"));
    List<Finding> findings = verify(db).findings();
    assertThat(findings).extracting(Finding::kind).containsOnly(Finding.UNREADABLE_PAYLOAD);
    assertThat(findings).extracting(Finding::version).containsExactly(2L, 3L);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(1).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(1).message()).startsWith("unreadable timestamp:");
  }

  @Test
  void withAReducerUnhandledTypesAndReducerErrors() throws Exception {
    Path db =
        store(
            true,
            new Row(1, "order-1", 1, "Placed", "{\"n\":1}", t(0, 0)),
            new Row(2, "order-1", 2, "Shipped", "{}", t(0, 1)),
            new Row(3, "order-1", 3, "Paid", "{\"amount\":-1}", t(0, 2)),
            new Row(4, "order-1", 4, "Shipped", "{}", t(0, 3)));
    Path reducer = dir.resolve("orders.js");
    Files.writeString(
        reducer,
        "({ $init: () => ({ n: 0 }),\n"
            + "  Placed: (s, e) => ({ ...s, n: e.data.n }),\n"
            + "  Paid: (s, e) => { if (e.data.amount < 0) throw new Error('negative amount');"
            + " return s } })\n");

    Verifier.Result result = verify(db, JsReducers.load(reducer));

    assertThat(result.findings())
        .extracting(Finding::kind, Finding::version, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Finding.UNHANDLED_TYPE, 2L, Severity.WARNING),
            org.assertj.core.groups.Tuple.tuple(Finding.REDUCER_ERROR, 3L, Severity.ERROR));
    assertThat(result.findings().get(0).message())
        .startsWith("2 events of type Shipped had no handler");
    assertThat(result.findings().get(1).message()).contains("negative amount");
    // without the reducer the same store is clean
    assertThat(verify(db).findings()).isEmpty();
  }
}
