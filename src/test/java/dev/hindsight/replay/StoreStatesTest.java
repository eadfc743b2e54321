package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store as of a time gives, for every stream, exactly the state {@code state --as-of} gives (a
 * {@link StreamReplay}'s {@code stateAfter(ordinalAsOf(t))}), and leaves out streams with no event
 * by then.
 */
class StoreStatesTest {

  @TempDir Path dir;

  @Test
  void everyStreamOfTheDemoAgreesWithTheReplayAtEveryTime() throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), copy);
    ReducerSet reducers = JsReducers.load(Path.of("resources/reducers/demo"));
    try (EventSource source = SqliteEventSource.open(copy, (Path) null)) {
      List<StreamSummary> streams = source.streams();
      TreeSet<Instant> times = new TreeSet<>();
      streams.forEach(s -> times.add(s.firstTimestamp()));
      List<Instant> asOf = new ArrayList<>();
      asOf.add(times.first().minusSeconds(1)); // before everything: no stream
      asOf.add(times.first()); // exactly the first event
      asOf.add(Instant.parse("2026-03-12T12:13:00Z")); // between the two captures
      asOf.add(Instant.parse("2026-03-20T00:00:00Z"));
      asOf.add(Instant.parse("2027-01-01T00:00:00Z")); // after everything: the final states
      Map<String, StreamReplay> replays = new TreeMap<>();
      for (StreamSummary s : streams) {
        replays.put(
            s.stream(),
            StreamReplay.build(
                source,
                s,
                reducers.forStream(s.stream(), s.type()),
                ReplayOptions.defaults(),
                Progress.NONE));
      }
      int compared = 0;
      for (String type : List.of("account", "cart", "inventory", "order", "payment")) {
        List<StreamSummary> ofType = streams.stream().filter(s -> type.equals(s.type())).toList();
        for (Instant t : asOf) {
          List<StoreStates.StreamState> states =
              StoreStates.of(
                  source,
                  ofType,
                  reducers,
                  StoreStates.Point.asOf(t),
                  ReplayOptions.defaults(),
                  e -> {},
                  Progress.NONE);
          List<StoreStates.StreamState> expected = new ArrayList<>();
          for (StreamSummary s : ofType) {
            StreamReplay r = replays.get(s.stream());
            int o = r.ordinalAsOf(t);
            if (o >= 0) {
              expected.add(new StoreStates.StreamState(s.stream(), r.version(o), r.stateAfter(o)));
            }
          }
          assertThat(states).as("%s as of %s", type, t).isEqualTo(expected);
          compared += expected.size();
        }
      }
      assertThat(compared).isGreaterThan(100);
    }
  }

  @Test
  void timesOutOfOrderAndMissingTimesAsTheReplayReadsThem() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "A", "{\"a\":1}", "2024-01-01T10:00:00Z")
          .event("s-1", 2, "B", "{\"b\":2}", "2024-01-01T12:00:00Z")
          .event("s-1", 3, "C", "{\"c\":3}", "2024-01-01T11:00:00Z")
          .event("s-1", 4, "D", "{\"d\":4}", null)
          .event("s-1", 5, "E", "{\"e\":5}", "2024-01-01T13:00:00Z")
          .event("s-2", 1, "A", "{\"x\":1}", "2024-01-01T11:30:00Z");
      EventSource source = f.source();
      List<StreamSummary> streams = source.streams();
      for (String time :
          List.of(
              "2024-01-01T09:00:00Z",
              "2024-01-01T10:30:00Z",
              "2024-01-01T11:00:00Z",
              "2024-01-01T11:30:00Z",
              "2024-01-01T12:30:00Z",
              "2024-01-01T14:00:00Z")) {
        Instant t = Instant.parse(time);
        List<StoreStates.StreamState> expected = new ArrayList<>();
        for (StreamSummary s : streams) {
          StreamReplay r = f.replay(s.stream());
          int o = r.ordinalAsOf(t);
          if (o >= 0) {
            expected.add(new StoreStates.StreamState(s.stream(), r.version(o), r.stateAfter(o)));
          }
        }
        assertThat(states(source, streams, ReducerSet.generic(), StoreStates.Point.asOf(t)))
            .as(time)
            .isEqualTo(expected);
      }
      // 11:30: s-1 after v3 (11:00), though v2 (12:00) comes before it; s-2 after its only event
      assertThat(
              states(
                  source,
                  streams,
                  ReducerSet.generic(),
                  StoreStates.Point.asOf(Instant.parse("2024-01-01T11:30:00Z"))))
          .extracting(StoreStates.StreamState::version)
          .containsExactly(3L, 1L);
      // by global position: s-1 after v2 (position 2) at position 2
      assertThat(states(source, streams, ReducerSet.generic(), StoreStates.Point.atPosition(2)))
          .extracting(s -> s.stream() + " v" + s.version() + " " + s.state())
          .containsExactly("s-1 v2 {\"a\":1,\"b\":2}");
    }
  }

  @Test
  void reducerErrorsAreCarriedPastAsTheReplayDoes() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Add", "{\"n\":1}")
          .event("s-1", 2, "Boom", "{}")
          .event("s-1", 3, "Add", "{\"n\":2}")
          .event("s-1", 4, "Add", "{\"n\":4}");
      String js =
          "({ $init: () => ({ total: 0 }),"
              + " Add: (s, e) => ({ total: s.total + e.data.n }),"
              + " Boom: (s, e) => { s.total = 1000; throw new Error('boom'); } })";
      Reducer reducer = ReplayFixture.js(js);
      ReducerSet set = new ReducerSet(List.of(reducer), "test.js");
      EventSource source = f.source();
      StreamReplay replay = f.replay("s-1", reducer, ReplayOptions.defaults());
      List<ReducerError> errors = new ArrayList<>();
      for (long p = 1; p <= 4; p++) {
        List<StoreStates.StreamState> states =
            StoreStates.of(
                source,
                source.streams(),
                set,
                StoreStates.Point.atPosition(p),
                ReplayOptions.defaults(),
                errors::add,
                Progress.NONE);
        int o = (int) p - 1;
        assertThat(states)
            .as("at position %d", p)
            .containsExactly(new StoreStates.StreamState("s-1", p, replay.stateAfter(o)));
      }
      assertThat(states(source, source.streams(), set, StoreStates.Point.atPosition(4)))
          .extracting(s -> s.state().get("total").asInt())
          .containsExactly(7);
      assertThat(errors).extracting(ReducerError::version).containsExactly(2L, 2L, 2L);
    }
  }

  private static List<StoreStates.StreamState> states(
      EventSource source, List<StreamSummary> streams, ReducerSet set, StoreStates.Point point) {
    return StoreStates.of(
        source, streams, set, point, ReplayOptions.defaults(), e -> {}, Progress.NONE);
  }
}
