package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.audit.Finding.Severity;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.InvariantTracker;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reducer's {@code $invariants} in {@code verify}: on the demo store, exactly where states folded
 * independently break them; and what the finding says when one recovers, does not, or throws.
 */
class InvariantsTest {

  static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");
  static final Path DEMO_REDUCERS = Path.of("resources/reducers/demo");
  static final Path INVARIANT_REDUCERS = Path.of("resources/reducers/demo-invariants");

  /** The example reducers' invariants, as Java checks of the state. */
  static final Map<String, Predicate<JsonNode>> CHECKS = new LinkedHashMap<>();

  static {
    CHECKS.put(
        "captured within authorised",
        s -> s.get("captured").decimalValue().compareTo(s.get("authorized").decimalValue()) <= 0);
    CHECKS.put(
        "refunded within captured",
        s -> s.get("refunded").decimalValue().compareTo(s.get("captured").decimalValue()) <= 0);
    CHECKS.put("stock never below zero", s -> s.get("onHand").asLong() >= 0);
    CHECKS.put("never sells what is promised", s -> s.get("available").asLong() >= 0);
  }

  @TempDir Path dir;

  private static List<Finding> invariantFindings(List<Finding> findings) {
    return findings.stream().filter(f -> f.kind().equals(Finding.INVARIANT_VIOLATED)).toList();
  }

  @Test
  void onTheDemoExactlyTheDoubleCapturesAndTheNegativeStockBreakAnInvariant() throws Exception {
    Path db = dir.resolve("demo.db");
    Files.copy(DEMO, db);
    ReducerSet withInvariants = JsReducers.load(INVARIANT_REDUCERS);
    ReducerSet plain = JsReducers.load(DEMO_REDUCERS);

    List<Finding> expected = new ArrayList<>();
    List<Finding> found;
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      found = invariantFindings(Verifier.verify(source, withInvariants, Progress.NONE).findings());
      for (StreamSummary s : source.streams()) {
        Reducer r = withInvariants.forStream(s.stream(), s.type());
        if (r.generic()) {
          continue;
        }
        assertThat(r.invariants()).isSubsetOf(CHECKS.keySet()).isNotEmpty();
        // the same fold without invariants, and the invariants checked in Java on its JSON states
        StreamReplay replay =
            StreamReplay.build(
                source,
                s,
                plain.forStream(s.stream(), s.type()),
                ReplayOptions.defaults(),
                Progress.NONE);
        for (String name : r.invariants()) {
          InvariantTracker.Violation v = expected(replay, name, CHECKS.get(name));
          if (v != null) {
            expected.add(
                new Finding(
                    Finding.INVARIANT_VIOLATED,
                    Severity.ERROR,
                    s.stream(),
                    v.version(),
                    v.position(),
                    Verifier.message(v)));
          }
        }
      }
    }

    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(found)
        .extracting(Finding::stream)
        .contains("payment-5006", "inventory-hand-grinder");
    assertThat(found)
        .filteredOn(f -> f.stream().startsWith("payment-"))
        .allMatch(f -> f.message().startsWith("invariant \"captured within authorised\""));
    assertThat(found)
        .filteredOn(f -> f.stream().equals("payment-5006"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.version()).isEqualTo(3);
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message())
                  .isEqualTo(
                      "invariant \"captured within authorised\" broke after PaymentCaptured"
                          + " (returned false); it stayed violated to the end of the stream (2"
                          + " events)");
            });
    assertThat(found)
        .filteredOn(f -> f.stream().equals("inventory-hand-grinder"))
        .extracting(Finding::message)
        .contains(
            "invariant \"stock never below zero\" broke after StockShipped (returned false);"
                + " it stayed violated for 1 event and recovered at version 8");
  }

  /** The violation of {@code check}, computed from the replay's JSON states; null when none. */
  private static InvariantTracker.Violation expected(
      StreamReplay replay, String name, Predicate<JsonNode> check) {
    int first = -1;
    long events = 0;
    Long recoveredAt = null;
    long laterBreaks = 0;
    boolean broken = false;
    for (int o = 0; o < replay.size(); o++) {
      boolean holds = check.test(replay.stateAfter(o));
      if (!holds && first < 0) {
        first = o;
      } else if (!holds && !broken) {
        laterBreaks++;
      }
      if (!holds && recoveredAt == null) {
        events++;
      }
      if (holds && broken && recoveredAt == null) {
        recoveredAt = replay.version(o);
      }
      broken = !holds;
    }
    if (first < 0) {
      return null;
    }
    return new InvariantTracker.Violation(
        name,
        replay.version(first),
        replay.position(first),
        replay.type(first),
        "returned false",
        events,
        recoveredAt,
        laterBreaks);
  }

  // ------------------------------------------------------------------- small stores, exact words

  /** A stream "acc-1" of Moved events, one per amount, in a fresh store. */
  private Path account(int... amounts) throws Exception {
    Path db = dir.resolve("acc-" + System.nanoTime() + ".db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      for (int i = 0; i < amounts.length; i++) {
        TestStores.insert(
            c,
            i + 1,
            "acc-1",
            i + 1,
            "Moved",
            "{\"amount\":" + amounts[i] + "}",
            "{}",
            TestStores.time(i + 1));
      }
    }
    return db;
  }

  private static final String ACCOUNT =
      "({ name: 'Account', $init: () => ({ balance: 0 }),\n"
          + "  Moved: (s, e) => ({ balance: s.balance + e.data.amount }),\n"
          + "  $invariants: %s })";

  private static List<Finding> verify(Path db, String invariants) throws Exception {
    Reducer r = JsReducers.fromSource(String.format(ACCOUNT, invariants), "acc.js", 500).get(0);
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      List<Finding> all =
          invariantFindings(
              Verifier.verify(source, new ReducerSet(List.of(r), "acc.js"), Progress.NONE)
                  .findings());
      StreamSummary s = source.stream("acc-1").orElseThrow();
      assertThat(invariantFindings(Verifier.verifyStream(source, s, r)))
          .as("one stream's verify (the evidence report's) finds the same")
          .isEqualTo(all);
      return all;
    }
  }

  @Test
  void anInvariantThatRecoversSaysWhenAndHowOftenItBrokeAgain() throws Exception {
    Path db = account(5, -10, -1, 20, -30, 100, -200, 300);

    List<Finding> found = verify(db, "{ 'never overdrawn': (s) => s.balance >= 0 }");

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stream()).isEqualTo("acc-1");
              assertThat(f.version()).isEqualTo(2);
              assertThat(f.position()).isEqualTo(2);
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message())
                  .isEqualTo(
                      "invariant \"never overdrawn\" broke after Moved (returned false); it stayed"
                          + " violated for 2 events and recovered at version 4; it broke 2 more"
                          + " times later");
            });
  }

  @Test
  void anInvariantBrokenToTheEndSaysSo() throws Exception {
    Path db = account(5, -10, 1, 1);

    List<Finding> found =
        verify(
            db, "{ 'small': (s) => s.balance < 100, 'never overdrawn': (s, e) => s.balance >= 0 }");

    assertThat(found)
        .extracting(Finding::message)
        .containsExactly(
            "invariant \"never overdrawn\" broke after Moved (returned false); it stayed violated"
                + " to the end of the stream (3 events)");
  }

  @Test
  void anInvariantThatThrowsIsBrokenAndTheFindingSaysItThrew() throws Exception {
    Path db = account(5, -10, 20);

    List<Finding> found =
        verify(
            db,
            "{ 'explicit': (s) => { if (s.balance < 0) throw new Error('overdrawn'); return true; },"
                + " 'typo': (s, e) => e.data.amount.nothing.here > 0 }");

    // findings are ordered by version: "typo" breaks at the first event
    assertThat(found).hasSize(2);
    assertThat(found.get(0).message())
        .startsWith("invariant \"typo\" broke after Moved (threw TypeError:")
        .endsWith("it stayed violated to the end of the stream (3 events)");
    assertThat(found.get(0).version()).isEqualTo(1);
    assertThat(found.get(1).message())
        .startsWith("invariant \"explicit\" broke after Moved (threw Error: overdrawn")
        .endsWith("); it stayed violated for 1 event and recovered at version 3");
    assertThat(found.get(1).version()).isEqualTo(2);
  }

  @Test
  void aReducerErrorLeavesTheStateAsItWasForTheInvariants() throws Exception {
    Path db = account(5, -10, 7, 1);
    String reducer =
        "({ $init: () => ({ balance: 0 }),\n"
            + "  Moved: (s, e) => { if (e.data.amount === 7) throw new Error('seven');"
            + " return { balance: s.balance + e.data.amount }; },\n"
            + "  $invariants: { 'never overdrawn': (s) => s.balance >= 0 } })";
    Reducer r = JsReducers.fromSource(reducer, "acc.js", 500).get(0);
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      List<Finding> findings =
          Verifier.verify(source, new ReducerSet(List.of(r), "acc.js"), Progress.NONE).findings();

      assertThat(findings).extracting(Finding::kind).contains(Finding.REDUCER_ERROR);
      assertThat(invariantFindings(findings))
          .extracting(Finding::message)
          .containsExactly(
              "invariant \"never overdrawn\" broke after Moved (returned false); it stayed"
                  + " violated to the end of the stream (3 events)");
    }
  }

  @Test
  void aReducerWithoutInvariantsFindsNone() throws Exception {
    Path db = account(-1);
    Reducer r =
        JsReducers.fromSource("({ Moved: (s, e) => ({ b: e.data.amount }) })", "x.js", 500).get(0);
    assertThat(r.invariants()).isEmpty();
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(
              Verifier.verify(source, new ReducerSet(List.of(r), "x.js"), Progress.NONE).findings())
          .isEmpty();
    }
  }
}
