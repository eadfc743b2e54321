package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events --json} with filters prints the same objects, in the same global order, as the
 * unfiltered command does for the events the filters keep.
 */
@Timeout(120)
class EventsFilterCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String file;
  private List<JsonNode> all;

  @BeforeEach
  void demo() throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), copy);
    file = copy.toString();
    all = events();
    assertThat(all).hasSize(2245);
  }

  @Test
  void eachFilterKeepsWhatTheUnfilteredOutputHas() throws Exception {
    String corr = "f08368af-7310-472a-bab6-8f6bba7b8ebc"; // the double charge's flow
    check(e -> e.get("type").asText().equals("PaymentCaptured"), "--type", "PaymentCaptured");
    check(
        e -> List.of("ItemAdded", "ItemRemoved").contains(e.get("type").asText()),
        "--type",
        "ItemAdded",
        "--type",
        "ItemRemoved");
    check(e -> e.get("stream").asText().startsWith("payment-"), "--streams", "payment-*");
    check(
        e -> between(e, "2026-03-12T12:12:25Z", "2026-03-12T12:13:13Z"),
        "--from-time",
        "2026-03-12T12:12:25Z",
        "--to-time",
        "2026-03-12T12:13:13Z");
    check(
        e -> between(e, "2026-03-12T00:00:00Z", "2026-03-12T23:59:59.999999999Z"),
        "--from-time",
        "2026-03-12",
        "--to-time",
        "2026-03-12");
    check(
        e ->
            (e.get("data").toString() + "\n" + e.get("metadata").toString())
                .toLowerCase(Locale.ROOT)
                .contains("duplicate"),
        "--text",
        "DUPLICATE");
    check(
        e -> e.get("metadata").path("correlationId").asText().equals(corr), "--correlation", corr);
    check(
        e ->
            e.get("metadata").path("correlationId").asText().equals(corr)
                && e.get("stream").asText().startsWith("payment-")
                && e.get("type").asText().equals("PaymentCaptured"),
        "--correlation",
        corr,
        "--streams",
        "payment-*",
        "--type",
        "PaymentCaptured");
  }

  @Test
  void shortTypeNamesAreTheReducersNames() throws Exception {
    // Axon stores Java class names: com.example.PaymentCaptured answers to PaymentCaptured
    file = dev.hindsight.store.FlowStores.axonJson(dir).db().toString();
    assertThat(run("--type", "PaymentCaptured"))
        .extracting(e -> e.get("position").asLong())
        .containsExactly(6L, 7L);
    assertThat(run("--type", "com.example.PaymentCaptured"))
        .isEqualTo(run("--type", "PaymentCaptured"));
    assertThat(run("--type", "Captured")).as("no partial names").isEmpty();
  }

  @Test
  void badTimesAndEmptyRangesAreErrors() {
    CliRun r = CliRun.of("events", file, "--from-time", "noon");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("hindsight: --from-time noon: unreadable time 'noon'");
    r = CliRun.of("events", file, "--from-time", "2026-03-12", "--to-time", "2026-03-11");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo("hindsight: --from-time 2026-03-12 is after --to-time 2026-03-11");
    r = CliRun.of("events", file, "--to-time", "1710000000");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo("hindsight: --to-time takes an ISO-8601 time, e.g. 2024-03-03T12:00:00Z");
  }

  @Test
  void filtersWithLimitAndStream() throws Exception {
    List<JsonNode> captured = run("--type", "PaymentCaptured", "--limit", "2");
    assertThat(captured)
        .isEqualTo(
            all.stream()
                .filter(e -> e.get("type").asText().equals("PaymentCaptured"))
                .limit(2)
                .toList());
    assertThat(run("--stream", "payment-5006", "--type", "PaymentCaptured"))
        .extracting(e -> e.get("version").asLong())
        .containsExactly(2L, 3L);
  }

  private void check(Predicate<JsonNode> plain, String... filters) throws Exception {
    List<JsonNode> expected = all.stream().filter(plain).toList();
    assertThat(expected).as("%s matches something", List.of(filters)).isNotEmpty();
    assertThat(run(filters)).as(String.join(" ", filters)).isEqualTo(expected);
  }

  private static boolean between(JsonNode e, String from, String to) {
    java.time.Instant t = java.time.Instant.parse(e.get("timestamp").asText());
    return !t.isBefore(java.time.Instant.parse(from)) && !t.isAfter(java.time.Instant.parse(to));
  }

  private List<JsonNode> events() throws Exception {
    return run();
  }

  private List<JsonNode> run(String... filters) throws Exception {
    List<String> args = new ArrayList<>(List.of("events", file, "--json"));
    args.addAll(List.of(filters));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isZero();
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(r.out()).forEach(out::add);
    return out;
  }
}
