package dev.hindsight.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamGlob;
import dev.hindsight.event.TypeNames;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter (and a few combinations), on stores of every layout and encoding, against a
 * straightforward scan: reading all events and keeping those the filter's plain meaning keeps. What
 * SQL narrows first must never change the result.
 */
class EventFilterTest {

  @TempDir Path dir;

  /** A store to filter: its file and mapping. */
  record Store(Path db, Path mapping) {}

  @FunctionalInterface
  interface Builder {
    Store build(Path dir) throws Exception;
  }

  static Stream<Arguments> stores() {
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of("demo", (Builder) EventFilterTest::demo));
    all.add(Arguments.of("tricky", (Builder) EventFilterTest::tricky));
    FlowStores.conventions()
        .forEach(
            a -> {
              FlowStores.Builder b = (FlowStores.Builder) a.get()[1];
              all.add(
                  Arguments.of(
                      "flows " + a.get()[0],
                      (Builder)
                          d -> {
                            FlowStores.FlowStore s = b.build(d);
                            return new Store(s.db(), s.mapping());
                          }));
            });
    BuiltInLayoutsTest.stores()
        .forEach(
            a -> {
              LibraryStores.Builder b = (LibraryStores.Builder) a.get()[1];
              all.add(
                  Arguments.of(
                      "library " + a.get()[0], (Builder) d -> new Store(b.build(d), null)));
            });
    return all.stream();
  }

  private static Store demo(Path dir) throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), copy);
    return new Store(copy, null);
  }

  /**
   * Stored forms that differ from what they decode to: JSON escapes, zones, numbers in another
   * spelling (a correlation id 42 written 4.2E1), a Kelvin sign (which Java lower-cases to k), a [
   * in a stream id.
   */
  private static Store tricky(Path dir) throws Exception {
    Path db = dir.resolve("tricky.db");
    try (java.sql.Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insert(
          c,
          1,
          "odd[1]-x",
          1,
          "com.example.Cart$ItemAdded#2",
          "{\"note\":\"\\u0043APTURE\"}",
          "{\"correlationId\":\"fl\\u006fw-F\"}",
          "2024-05-02T01:00:00+05:00");
      TestStores.insert(
          c,
          2,
          "order-1",
          1,
          "a:b.Placed",
          "{\"n\":1e-5,\"k\":\"\u212A\"}",
          "{\"correlationId\":\"flow-F\"}",
          "2024-05-01T23:30:00-03:00");
      TestStores.insert(
          c,
          3,
          "order-1",
          2,
          "Paid",
          "{\"amount\":24.00, \"x\": [1, 2]}",
          "{\"correlationId\":\"flow-G\",\"causationId\":\"a b\"}",
          "2024-05-01 10:00:00");
      TestStores.insert(
          c, 4, "order-2", 1, "Placed", "\"just text, a b\"", "not json", "1714557600");
      TestStores.insert(c, 5, "order-2", 2, "Placed", "{}", "{\"correlationId\":42}", "");
      TestStores.insert(c, 6, "order-2", 3, "Placed", "{}", "{\"correlationId\":4.2E1}", null);
    }
    return new Store(db, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void everyFilterKeepsWhatAPlainScanKeeps(String name, Builder builder) throws Exception {
    Store store = builder.build(dir);
    try (EventSource source = SqliteEventSource.open(store.db(), store.mapping())) {
      List<StoredEvent> all = source.readList(EventQuery.all());
      assertThat(all).isNotEmpty();
      int checked = 0;
      for (Case c : cases(all)) {
        List<StoredEvent> expected = all.stream().filter(c.plain()).toList();
        assertThat(source.readList(EventQuery.all().withFilter(c.filter())))
            .as("%s: %s", name, c.label())
            .containsExactlyElementsOf(expected);
        if (expected.size() > 1) {
          assertThat(source.readList(EventQuery.all().withFilter(c.filter()).withLimit(1)))
              .as("%s: %s, --limit 1", name, c.label())
              .containsExactly(expected.get(0));
        }
        String stream = all.get(all.size() / 2).stream();
        assertThat(source.readList(EventQuery.stream(stream).withFilter(c.filter())))
            .as("%s: %s in %s", name, c.label(), stream)
            .containsExactlyInAnyOrderElementsOf(
                expected.stream().filter(e -> e.stream().equals(stream)).toList());
        checked++;
      }
      assertThat(checked).isGreaterThan(20);
    }
  }

  /** A filter, what it means, and what to call it. */
  record Case(String label, EventFilter filter, Predicate<StoredEvent> plain) {}

  /**
   * Filters made from the store's own events (so that they match some), and some that match none.
   */
  private static List<Case> cases(List<StoredEvent> all) {
    List<Case> cases = new ArrayList<>();
    Set<String> types = new LinkedHashSet<>();
    Set<String> streams = new LinkedHashSet<>();
    Set<String> correlations = new LinkedHashSet<>();
    for (StoredEvent e : all) {
      if (e.type() != null) {
        types.add(e.type());
        types.addAll(TypeNames.candidates(e.type()));
      }
      streams.add(e.stream());
      if (e.links().correlation() != null) {
        correlations.add(e.links().correlation());
      }
    }
    // types, one at a time (at most a dozen) and two together
    types.stream()
        .limit(12)
        .forEach(
            t ->
                cases.add(
                    new Case(
                        "--type " + t,
                        EventFilter.NONE.withTypes(List.of(t)),
                        e -> e.type() != null && TypeNames.candidates(e.type()).contains(t))));
    List<String> two = types.stream().limit(2).toList();
    cases.add(
        new Case(
            "--type " + two,
            EventFilter.NONE.withTypes(two),
            e ->
                e.type() != null
                    && two.stream().anyMatch(t -> TypeNames.candidates(e.type()).contains(t))));
    cases.add(new Case("--type Nope", EventFilter.NONE.withTypes(List.of("Nope")), e -> false));
    // stream globs
    String first = streams.iterator().next();
    List<String> globs = new ArrayList<>(List.of("*", "x*", "*-1", "[x*"));
    globs.add(first);
    globs.add(first.substring(0, Math.min(3, first.length())) + "*");
    globs.add("?" + first.substring(Math.min(1, first.length())));
    globs.add(first.toUpperCase(Locale.ROOT));
    for (String g : globs) {
      java.util.regex.Pattern p = StreamGlob.compile(g, false);
      cases.add(
          new Case(
              "--streams " + g,
              EventFilter.NONE.withStreams(g),
              e -> p.matcher(e.stream()).matches()));
    }
    // times: bounds on events' own times (inclusive), open ends, and a range with nothing in it
    List<Instant> times =
        all.stream().map(StoredEvent::timestamp).filter(Objects::nonNull).sorted().toList();
    if (!times.isEmpty()) {
      Instant a = times.get(times.size() / 3);
      Instant b = times.get(2 * times.size() / 3);
      for (int i = 0; i < 8; i++) {
        Instant t = times.get(i * (times.size() - 1) / 7);
        cases.add(time(t, null));
        cases.add(time(null, t));
      }
      cases.add(time(a, b));
      cases.add(time(a, a));
      cases.add(time(a.plusNanos(1), b.minusNanos(1)));
      cases.add(time(times.get(0).minusSeconds(86_400 * 3), times.get(0).minusSeconds(86_400 * 2)));
      cases.add(time(times.get(times.size() - 1).plusSeconds(3_600 * 20), null));
    }
    // text, in the data or the metadata, case-insensitive
    for (String t :
        List.of(
            "capture",
            "CAPTURE",
            "flow-f",
            "u-1",
            "24.00",
            "e1",
            "\"n\"",
            "€",
            "a b",
            "ALICE",
            "correlation",
            "1",
            "nope-nope")) {
      String lower = t.toLowerCase(Locale.ROOT);
      cases.add(
          new Case(
              "--text " + t,
              EventFilter.NONE.withText(t),
              e -> text(e.data()).contains(lower) || text(e.metadata()).contains(lower)));
    }
    // correlations
    correlations.stream()
        .limit(3)
        .forEach(
            id ->
                cases.add(
                    new Case(
                        "--correlation " + id,
                        EventFilter.correlation(id),
                        e -> id.equals(e.links().correlation()))));
    cases.add(new Case("--correlation nope", EventFilter.correlation("nope"), e -> false));
    // all together
    if (!correlations.isEmpty() && !times.isEmpty()) {
      String id = correlations.iterator().next();
      Instant from = times.get(0);
      cases.add(
          new Case(
              "--correlation " + id + " --streams *-* --from-time " + from + " --text 1",
              EventFilter.correlation(id).withStreams("*-*").withTimes(from, null).withText("1"),
              e ->
                  id.equals(e.links().correlation())
                      && e.stream().matches(".*-.*")
                      && e.timestamp() != null
                      && !e.timestamp().isBefore(from)
                      && (text(e.data()).contains("1") || text(e.metadata()).contains("1"))));
    }
    return cases;
  }

  private static Case time(Instant from, Instant to) {
    return new Case(
        "--from-time " + from + " --to-time " + to,
        EventFilter.NONE.withTimes(from, to),
        e ->
            e.timestamp() != null
                && (from == null || e.timestamp().compareTo(from) >= 0)
                && (to == null || e.timestamp().compareTo(to) <= 0));
  }

  /** A document as text, lower-cased: its text when it is text, else its compact JSON. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    return (node.isTextual() ? node.asText() : node.toString()).toLowerCase(Locale.ROOT);
  }
}
