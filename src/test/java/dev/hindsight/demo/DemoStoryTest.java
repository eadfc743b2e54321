package dev.hindsight.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Verifier;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.Finder;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStoryTest {

  static final Path BUNDLED = Path.of("resources/demo/hindsight-demo.db");
  static final Path REDUCERS = Path.of("resources/reducers/demo");

  static DemoStory.Story story;
  static ReducerSet reducers;

  @BeforeAll
  static void tell() {
    story = DemoStory.tell();
    reducers = JsReducers.load(REDUCERS);
  }

  @Test
  void theSameStoreEveryTime(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.db");
    Path b = dir.resolve("b.db");
    DemoStoreWriter.write(a);
    DemoStoreWriter.write(b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(rows(a)).isEqualTo(rows(story));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.db", "b.db");
    }
  }

  @Test
  void theBundledStoreIsTheStoryTheGeneratorTells() throws Exception {
    // if this fails after a change to the story: rm resources/demo/hindsight-demo.db, then
    //   java -jar target/hindsight.jar demo --out resources/demo/hindsight-demo.db
    assertThat(rows(BUNDLED)).isEqualTo(rows(story));
  }

  @Test
  void aSmallBusinessOverSeveralWeeks() {
    List<DemoStory.Event> events = story.events();
    assertThat(story.streamCount()).isEqualTo(50);
    assertThat(events).hasSizeBetween(2000, 4000);
    Duration span =
        Duration.between(events.get(0).recordedAt(), events.get(events.size() - 1).recordedAt());
    assertThat(span).isGreaterThan(Duration.ofDays(21));
    Map<String, Long> kinds =
        events.stream()
            .map(DemoStory.Event::stream)
            .distinct()
            .collect(
                Collectors.groupingBy(s -> s.substring(0, s.indexOf('-')), Collectors.counting()));
    assertThat(kinds).containsOnlyKeys("cart", "order", "payment", "inventory", "account");
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).recordedAt()).isAfterOrEqualTo(events.get(i - 1).recordedAt());
      assertThat(events.get(i).position()).isEqualTo(i + 1);
    }
  }

  @Test
  void correlationAndCausationIdsTieAFlowAcrossStreams() throws Exception {
    Map<String, Set<String>> streamsByCorrelation = new HashMap<>();
    Set<String> ids = new HashSet<>();
    List<JsonNode> metas = new ArrayList<>();
    for (DemoStory.Event e : story.events()) {
      JsonNode m = Json.parse(e.metadata());
      metas.add(m);
      assertThat(m.path("eventId").asText()).isNotEmpty();
      assertThat(m.path("correlationId").asText()).isNotEmpty();
      assertThat(m.path("causationId").asText()).isNotEmpty();
      assertThat(ids.add(m.get("eventId").asText())).as("event ids are unique").isTrue();
      streamsByCorrelation
          .computeIfAbsent(m.get("correlationId").asText(), k -> new HashSet<>())
          .add(e.stream().substring(0, e.stream().indexOf('-')));
    }
    // a checkout: the cart, its order, the payment, the stock it reserves and the money it brings
    assertThat(streamsByCorrelation.values())
        .contains(Set.of("cart", "order", "payment", "inventory", "account"));
    long causedByAnEventInTheStore =
        metas.stream().filter(m -> ids.contains(m.get("causationId").asText())).count();
    assertThat(causedByAnEventInTheStore).isGreaterThan(story.events().size() / 3);
  }

  @Test
  void orderPlacedChangedItsSchemaAndTheUpcasterBridgesIt() throws Exception {
    Set<Integer> schemas = new HashSet<>();
    for (DemoStory.Event e : story.events()) {
      if (e.type().equals("OrderPlaced")) {
        schemas.add(Json.parse(e.metadata()).get("schemaVersion").asInt());
      }
    }
    assertThat(schemas).containsExactlyInAnyOrder(1, 2);
    try (SqliteEventSource source = SqliteEventSource.open(BUNDLED, (Path) null)) {
      for (StreamSummary s : source.streams()) {
        if (!s.stream().startsWith("order-")) {
          continue;
        }
        JsonNode state = replay(source, s).finalState();
        assertThat(state.get("customerId").asText()).as(s.stream()).startsWith("c-");
        assertThat(state.get("total").isNumber()).as(s.stream()).isTrue();
        assertThat(state.get("currency").asText()).isEqualTo("EUR");
        assertThat(state.get("shippingAddress").get("city").asText()).isNotBlank();
        assertThat(state.get("status").asText()).isEqualTo("DELIVERED");
      }
    }
  }

  @Test
  void theDemoReducersFoldEveryEventOfTheStore() {
    try (SqliteEventSource source = SqliteEventSource.open(BUNDLED, (Path) null)) {
      Verifier.Result result = Verifier.verify(source, reducers, Progress.NONE);
      assertThat(result.findings())
          .extracting(Finding::kind)
          .doesNotContain("unhandled-type", "reducer-error");
    }
  }

  @Test
  void fourProblemsArePlanted() {
    assertThat(story.problems())
        .extracting(DemoStory.Problem::name)
        .anyMatch(n -> n.startsWith("Double charge"))
        .anyMatch(n -> n.startsWith("Shipped before paid"))
        .anyMatch(n -> n.startsWith("Negative stock"))
        .anyMatch(n -> n.startsWith("Version gap"));
  }

  @Test
  void verifyFindsTheVersionGapAndNothingElse() {
    DemoStory.Problem gap =
        story.problems().stream().filter(p -> p.name().startsWith("Version gap")).findFirst().get();
    try (SqliteEventSource source = SqliteEventSource.open(BUNDLED, (Path) null)) {
      List<Finding> findings =
          Verifier.verify(source, ReducerSet.generic(), Progress.NONE).findings();
      assertThat(findings).hasSize(1);
      Finding f = findings.get(0);
      assertThat(f.kind()).isEqualTo("version-gap");
      assertThat(f.stream()).isEqualTo(gap.stream());
      assertThat(f.version()).isEqualTo(gap.version());
    }
  }

  @Test
  void everyPlantedConditionFirstHoldsWhereThePlantIsAndInNoOtherStream() {
    List<DemoStory.Problem> found =
        story.problems().stream().filter(p -> p.where() != null).toList();
    assertThat(found).hasSize(4);
    try (SqliteEventSource source = SqliteEventSource.open(BUNDLED, (Path) null)) {
      for (DemoStory.Problem p : found) {
        Finder finder = Finder.compile(p.where());
        String kind = p.stream().substring(0, p.stream().indexOf('-') + 1);
        for (StreamSummary s : source.streams()) {
          if (!s.stream().startsWith(kind)) {
            continue;
          }
          StreamReplay replay = replay(source, s);
          Finder.Result hit = finder.first(replay);
          assertThat(hit.error()).as(p.where()).isNull();
          if (s.stream().equals(p.stream())) {
            assertThat(hit.found()).as(p.name()).isTrue();
            assertThat(replay.version(hit.ordinal())).as(p.name()).isEqualTo(p.version());
          } else {
            assertThat(hit.found()).as(p.where() + " in " + s.stream()).isFalse();
          }
        }
      }
    }
  }

  private static StreamReplay replay(SqliteEventSource source, StreamSummary s) {
    return StreamReplay.build(
        source,
        s,
        reducers.forStream(s.stream(), s.type()),
        ReplayOptions.defaults(),
        Progress.NONE);
  }

  private static List<String> rows(DemoStory.Story story) {
    return story.events().stream()
        .map(
            e ->
                String.join(
                    "|",
                    String.valueOf(e.position()),
                    e.stream(),
                    String.valueOf(e.version()),
                    e.type(),
                    e.data(),
                    e.metadata(),
                    e.recordedAt().toString()))
        .toList();
  }

  private static List<String> rows(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT global_position, stream_id, stream_version, event_type, payload,"
                        + " metadata, recorded_at FROM events ORDER BY global_position")) {
      while (r.next()) {
        out.add(
            String.join(
                "|",
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                java.time.Instant.parse(r.getString(7)).toString()));
      }
    }
    return out;
  }
}
