package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code states}: for every stream of the store, what {@code state --as-of} says; its JSON fields;
 * and its errors.
 */
@Timeout(180)
class StatesCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String file;

  @BeforeEach
  void demo() throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), copy);
    file = copy.toString();
  }

  @Test
  void everyStreamAgreesWithStateAsOf() throws Exception {
    String asOf = "2026-03-12T12:13:00Z"; // between payment-5006's two captures
    JsonNode streams = json(CliRun.of("streams", file, "--json"));
    Map<String, List<String>> byType = new LinkedHashMap<>();
    streams.forEach(
        s ->
            byType
                .computeIfAbsent(s.get("type").asText(), k -> new ArrayList<>())
                .add(s.get("stream").asText()));
    int compared = 0;
    for (Map.Entry<String, List<String>> type : byType.entrySet()) {
      JsonNode states =
          json(CliRun.of("states", file, "--type", type.getKey(), "--as-of", asOf, "--json"));
      Map<String, JsonNode> got = new LinkedHashMap<>();
      states.forEach(s -> got.put(s.get("stream").asText(), s));
      List<String> expectedOrder = new ArrayList<>();
      for (String stream : type.getValue()) {
        JsonNode one =
            json(CliRun.of("state", file, "--stream", stream, "--as-of", asOf, "--json"));
        if (one.get("version").isNull()) {
          assertThat(got).as("%s has no event by then", stream).doesNotContainKey(stream);
          continue;
        }
        expectedOrder.add(stream);
        assertThat(got.get(stream).get("version")).as(stream).isEqualTo(one.get("version"));
        assertThat(got.get(stream).get("state")).as(stream).isEqualTo(one.get("state"));
        compared++;
      }
      assertThat(got.keySet()).containsExactlyElementsOf(expectedOrder);
    }
    assertThat(compared).isGreaterThan(20);
    assertThat(byType.values().stream().mapToInt(List::size).sum()).isEqualTo(50);
  }

  @Test
  void withTheDemosReducersTheDoubleChargeShowsAsOfTheSecondCapture() throws Exception {
    String reducers = Path.of("resources/reducers/demo").toString();
    CliRun r =
        CliRun.of(
            "states",
            file,
            "--type",
            "payment",
            "--as-of",
            "2026-03-12T12:13:13Z",
            "--reducer",
            reducers,
            "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode states = json(r);
    JsonNode p5006 = null;
    for (JsonNode s : states) {
      List<String> names = new ArrayList<>();
      s.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("stream", "version", "state");
      if (s.get("stream").asText().equals("payment-5006")) {
        p5006 = s;
      }
    }
    assertThat(p5006).isNotNull();
    assertThat(p5006.get("version").asLong()).isEqualTo(3);
    JsonNode one =
        json(
            CliRun.of(
                "state",
                file,
                "--stream",
                "payment-5006",
                "--as-of",
                "2026-03-12T12:13:13Z",
                "--reducer",
                reducers,
                "--json"));
    assertThat(p5006.get("state")).isEqualTo(one.get("state"));
    assertThat(p5006.get("state").get("captures").asInt()).isEqualTo(2);
    assertThat(r.outLines()).hasSize(2 + states.size());
  }

  @Test
  void atPositionAndErrors() throws Exception {
    JsonNode states =
        json(CliRun.of("states", file, "--type", "payment", "--at-position", "878", "--json"));
    JsonNode asOf =
        json(
            CliRun.of(
                "states", file, "--type", "payment", "--as-of", "2026-03-12T12:13:13Z", "--json"));
    assertThat(states).isEqualTo(asOf); // position 878 is the second capture, at 12:13:13
    CliRun r = CliRun.of("states", file, "--type", "invoice", "--as-of", "2026-03-12T00:00:00Z");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly(
            "hindsight: no streams of type 'invoice' in "
                + file
                + " (types: account, cart, inventory, order, payment)");
    r = CliRun.of("states", file, "--type", "payment", "--as-of", "12");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo(
            "hindsight: --as-of takes an ISO-8601 time, e.g. 2024-03-03T12:00:00Z (a position goes"
                + " with --at-position)");
    r = CliRun.of("states", file, "--type", "payment");
    assertThat(r.exit()).isEqualTo(2);
    r = CliRun.of("states", file, "--type", "payment", "--as-of", "2026-03-12T00:00:00Z");
    assertThat(r.exit()).isZero();
    assertThat(r.outLines().get(0)).startsWith("STREAM").contains("VERSION").contains("STATE");
  }

  private static JsonNode json(CliRun r) throws Exception {
    assertThat(r.exit()).as(r.toString()).isZero();
    return JSON.readTree(r.out());
  }
}
