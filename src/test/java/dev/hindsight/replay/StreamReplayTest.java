package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.replay.js.Finder;
import dev.hindsight.store.codec.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamReplayTest {

  @TempDir Path dir;

  /** A random patch over a small key space, so that events overwrite, nest and add. */
  private static String patch(Random random, int n) {
    String[] keys = {"a", "b", "c", "d"};
    StringBuilder sb = new StringBuilder("{\"n\":" + n);
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      String key = keys[random.nextInt(keys.length)];
      sb.append(",\"").append(key).append("\":");
      switch (random.nextInt(4)) {
        case 0 -> sb.append(random.nextInt(100)).append('.').append(random.nextInt(10)).append('0');
        case 1 ->
            sb.append("{\"")
                .append(keys[random.nextInt(4)])
                .append("\":")
                .append(random.nextInt(9))
                .append('}');
        case 2 -> sb.append("[").append(random.nextInt(5)).append(']');
        default -> sb.append("\"s").append(random.nextInt(50)).append('"');
      }
    }
    return sb.append('}').toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void theStateFromACheckpointEqualsAFullReplayAtRandomPoints(int seed) throws Exception {
    Random random = new Random(seed);
    List<JsonNode> datas = new ArrayList<>();
    try (ReplayFixture f = new ReplayFixture(dir)) {
      for (int v = 1; v <= 300; v++) {
        String data = patch(random, v);
        datas.add(Json.parse(data));
        f.event("s-1", v, "Patched", data);
        if (random.nextInt(4) == 0) {
          f.event("other-1", v, "Noise", "{\"x\":1}");
        }
      }
      int interval = 1 + random.nextInt(40);
      StreamReplay generic =
          f.replay(
              "s-1",
              GenericReducer.INSTANCE,
              ReplayOptions.defaults().withCheckpointInterval(interval));
      StreamReplay js =
          f.replay(
              "s-1",
              ReplayFixture.js(
                  "({ $init: () => ({ count: 0 }), Patched: (s, e) => ({ ...s, count: s.count + 1, last: e.data.n }) })"),
              ReplayOptions.defaults().withCheckpointInterval(interval));

      assertThat(generic.checkpointCount()).isEqualTo(1 + 300 / interval);
      for (int i = 0; i < 60; i++) {
        int o = random.nextInt(301) - 1;
        JsonNode expected = GenericReducer.initial();
        for (int k = 0; k <= o; k++) {
          expected = DeepMerge.merge(expected, datas.get(k));
        }
        assertThat(Json.write(generic.stateAfter(o)))
            .as("generic after ordinal %d", o)
            .isEqualTo(Json.write(expected));
        String expectedJs =
            o < 0 ? "{\"count\":0}" : "{\"count\":" + (o + 1) + ",\"last\":" + (o + 1) + "}";
        assertThat(Json.write(js.stateAfter(o))).as("js after ordinal %d", o).isEqualTo(expectedJs);
      }
      assertThat(Json.write(generic.finalState())).isEqualTo(Json.write(generic.stateAfter(299)));
    }
  }

  @Test
  void pointsAreTheSameWhicheverWayThePlaceWasReached() throws Exception {
    Random random = new Random(7);
    try (ReplayFixture f = new ReplayFixture(dir)) {
      for (int v = 1; v <= 120; v++) {
        f.event("s-1", v, v % 17 == 0 ? "Broken" : "Patched", patch(random, v));
      }
      String reducer =
          "({ $init: () => ({ count: 0 }),"
              + " Patched: (s, e) => ({ ...s, count: s.count + 1, last: e.data.n }),"
              + " Broken: () => { throw new Error('no') } })";
      ReplayOptions every10 = ReplayOptions.defaults().withCheckpointInterval(10);
      StreamReplay stepped = f.replay("s-1", ReplayFixture.js(reducer), every10);
      assertThat(stepped.errors()).hasSize(7);

      // forward one at a time, backward one at a time, then jumps: each point as a fresh replay
      // (no cursor) gives it
      List<Integer> order = new ArrayList<>();
      for (int o = -1; o < 120; o++) {
        order.add(o);
      }
      for (int o = 119; o >= -1; o--) {
        order.add(o);
      }
      for (int i = 0; i < 80; i++) {
        order.add(random.nextInt(121) - 1);
      }
      for (int o : order) {
        StreamReplay fresh = f.replay("s-1", ReplayFixture.js(reducer), every10);
        StreamReplay.Point expected = fresh.point(o);
        StreamReplay.Point actual = stepped.point(o);
        assertThat(Json.write(actual.before()))
            .as("before %d", o)
            .isEqualTo(Json.write(expected.before()));
        assertThat(Json.write(actual.after()))
            .as("after %d", o)
            .isEqualTo(Json.write(expected.after()));
        assertThat(actual.changes()).as("changes %d", o).isEqualTo(expected.changes());
        assertThat(actual.error()).as("error %d", o).isEqualTo(expected.error());
        assertThat(Json.write(stepped.stateAfter(o))).isEqualTo(Json.write(actual.after()));
      }
      StreamReplay.Point broken = stepped.point(16);
      assertThat(broken.event().type()).isEqualTo("Broken");
      assertThat(broken.after()).isEqualTo(broken.before());
      assertThat(Json.write(stepped.point(17).before())).contains("\"count\":16");
    }
  }

  @Test
  void asOfTakesTheLastEventAtOrBeforeTheTimeAndPassesOverEventsWithoutOne() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{\"v\":1}", "2024-03-03T10:00:00Z")
          .event("s-1", 2, "X", "{\"v\":2}", "2024-03-03T12:00:00Z")
          .event("s-1", 3, "X", "{\"v\":3}", "2024-03-03T12:00:00Z")
          .event("s-1", 4, "X", "{\"v\":4}", null)
          .event("s-1", 5, "X", "{\"v\":5}", "2024-03-03T15:00:00Z");
      StreamReplay replay = f.replay("s-1");

      assertThat(replay.ordinalAsOf(Instant.parse("2024-03-03T09:59:59Z"))).isEqualTo(-1);
      assertThat(replay.ordinalAsOf(Instant.parse("2024-03-03T10:00:00Z"))).isZero();
      assertThat(replay.ordinalAsOf(Instant.parse("2024-03-03T12:00:00Z"))).isEqualTo(2);
      assertThat(replay.ordinalAsOf(Instant.parse("2024-03-03T14:00:00Z"))).isEqualTo(2);
      assertThat(replay.ordinalAsOf(Instant.parse("2024-03-04T00:00:00Z"))).isEqualTo(4);
      assertThat(replay.timestamp(3)).isNull();
      assertThat(Json.write(replay.stateAfter(2))).isEqualTo("{\"v\":3}");
    }
  }

  @Test
  void versionsMayStartAnywhereAndHaveGaps() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 0, "X", "{\"v\":0}")
          .event("s-1", 1, "X", "{\"v\":1}")
          .event("s-1", 5, "X", "{\"v\":5}");
      StreamReplay replay = f.replay("s-1");

      assertThat(replay.ordinalAtVersion(-1)).isEqualTo(-1);
      assertThat(replay.ordinalAtVersion(3)).isEqualTo(1);
      assertThat(replay.ordinalOfVersion(3)).isEqualTo(-1);
      assertThat(replay.ordinalOfVersion(5)).isEqualTo(2);
      assertThat(Json.write(replay.stateAfter(replay.ordinalAtVersion(4)))).isEqualTo("{\"v\":1}");
    }
  }

  @Test
  void longWalksReportProgressAndStopWhenCancelled() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      for (int v = 1; v <= 1000; v++) {
        f.event("s-1", v, "X", "{\"n\":" + v + "}");
      }
      StreamReplay replay = f.replay("s-1");
      java.util.List<Long> reports = new java.util.ArrayList<>();

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  Finder.compile("state.n > 5000")
                      .first(
                          replay,
                          (done, total) -> {
                            reports.add(done);
                            return done < 500;
                          }))
          .isInstanceOf(java.util.concurrent.CancellationException.class);
      assertThat(reports).containsExactly(0L, 256L, 512L);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Blame.of(replay, "/n", (done, total) -> done < 300))
          .isInstanceOf(java.util.concurrent.CancellationException.class);
      assertThat(Blame.of(replay, "/n", (done, total) -> true)).hasSize(1000);
    }
  }

  @Test
  void blameListsEveryEventThatChangedAValue() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("acc-1", 1, "Opened", "{\"balance\":0,\"owner\":\"ann\"}", "2024-01-01T00:00:01Z")
          .event("acc-1", 2, "Deposited", "{\"balance\":100.50}", "2024-01-01T00:00:02Z")
          .event("acc-1", 3, "Renamed", "{\"owner\":\"bob\"}", "2024-01-01T00:00:03Z")
          .event("acc-1", 4, "Withdrawn", "{\"balance\":-20}", "2024-01-01T00:00:04Z")
          .event("acc-1", 5, "Closed", "{\"balance\":{\"closed\":true}}", "2024-01-01T00:00:05Z");
      StreamReplay replay = f.replay("acc-1");

      assertThat(Blame.of(replay, "/balance"))
          .extracting(
              e ->
                  e.version()
                      + " "
                      + e.type()
                      + " "
                      + e.op().id()
                      + " "
                      + e.oldValue()
                      + " -> "
                      + e.newValue())
          .containsExactly(
              "1 Opened added null -> 0",
              "2 Deposited changed 0 -> 100.50",
              "4 Withdrawn changed 100.50 -> -20",
              "5 Closed changed -20 -> {\"closed\":true}");
      assertThat(Blame.of(replay, "/balance/closed"))
          .extracting(e -> e.version() + " " + e.op().id())
          .containsExactly("5 added");
      assertThat(Blame.of(replay, "/owner").get(1).timestamp())
          .isEqualTo(Instant.parse("2024-01-01T00:00:03Z"));
    }
  }

  @Test
  void findGivesTheFirstNextAndPreviousVersionWhereAConditionHolds() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      int[] balances = {10, -5, 3, -1, -2, 8};
      for (int i = 0; i < balances.length; i++) {
        f.event(
            "acc-1",
            i + 1,
            i % 2 == 0 ? "Credited" : "Debited",
            "{\"balance\":" + balances[i] + "}");
      }
      StreamReplay generic = f.replay("acc-1");
      Finder negative = Finder.compile("state.balance < 0");

      assertThat(negative.first(generic).ordinal()).isEqualTo(1);
      assertThat(negative.next(generic, 1).ordinal()).isEqualTo(3);
      assertThat(negative.next(generic, 4).ordinal()).isEqualTo(-1);
      assertThat(negative.previous(generic, 4).ordinal()).isEqualTo(3);
      assertThat(negative.previous(generic, 1).ordinal()).isEqualTo(-1);
      assertThat(
              Finder.compile("event.type === 'Credited' && state.balance < 0")
                  .first(generic)
                  .ordinal())
          .isEqualTo(4);
      assertThat(Finder.compile("state.balance > 100").first(generic).found()).isFalse();

      StreamReplay js =
          f.replay(
              "acc-1",
              "({ $init: () => ({ low: 0 }), $any: (s, e) => ({ low: Math.min(s.low, e.data.balance) }) })");
      assertThat(Finder.compile("state.low === -5 && event.data.balance > 0").first(js).ordinal())
          .isEqualTo(2);

      Finder.Result failing = Finder.compile("state.missing.deeper > 1").first(generic);
      assertThat(failing.found()).isFalse();
      assertThat(failing.error()).startsWith("TypeError: ");
    }
  }
}
