package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.postgres.PgLoad;
import dev.hindsight.store.postgres.PgServer;
import dev.hindsight.store.postgres.PgUrl;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bench} on a PostgreSQL URL takes every figure it takes on a file, and the figures of a
 * large store after them; {@code --scale} takes only those, on a URL or a file.
 */
class BenchPostgresTest {

  static final String DEMO = "resources/demo/hindsight-demo.db";

  static final List<String> FILE_KEYS =
      List.of(
          "listStreamsMs",
          "openStreamMs",
          "finalStateMs",
          "jumpP50Ms",
          "jumpP99Ms",
          "jumpMaxMs",
          "stepMs",
          "heapMiB",
          "floorMs",
          "finalStateRatio",
          "eventsCorrelationMs",
          "statesStreams",
          "statesMs",
          "statesFloorMs",
          "statesRatio",
          "logFirstPageMs",
          "logIndexMs",
          "logTimesMs",
          "allStreamsWorkers",
          "allStreamsFloorMs",
          "allStreamsFoldMs",
          "allStreamsFoldRatio",
          "allStreamsFindMs",
          "readAllMs",
          "sealMs",
          "sealRatio",
          "verifyMs",
          "verifyRatio",
          "verifyAgainstMs",
          "verifyAgainstRatio");

  static final List<String> SCALE_KEYS =
      List.of(
          "listStreamsMs",
          "firstStreamPageMs",
          "openStreamMs",
          "readParseStreamMs",
          "openStreamFinalStateMs",
          "openStreamFinalStateRatio",
          "jumpP50Ms",
          "jumpP99Ms",
          "jumpMaxMs",
          "stepMs",
          "heapMiB",
          "heapPeakMiB");

  static String url;

  @BeforeAll
  static void loadTheDemo() throws Exception {
    String db = PgServer.newDatabase("bench");
    try (Connection c = PgServer.admin(db)) {
      PgLoad.load(java.nio.file.Path.of(DEMO), c, "public", null);
      PgLoad.grant(c, "public", PgServer.READER);
    }
    PgUrl reader = PgServer.url(db);
    url =
        "postgresql://"
            + PgServer.READER
            + ":"
            + PgServer.READER_PASSWORD
            + "@"
            + reader.host()
            + ":"
            + reader.port()
            + "/"
            + db;
  }

  @Test
  void onAUrlEveryFigureIsTakenAndThoseOfALargeStoreAfterThem() throws Exception {
    JsonNode bench = json(CliRun.of("bench", url, "--json"));
    List<String> expected = new ArrayList<>(FILE_KEYS);
    expected.addAll(
        List.of(
            "firstStreamPageMs",
            "readParseStreamMs",
            "openStreamFinalStateMs",
            "openStreamFinalStateRatio",
            "heapPeakMiB"));
    assertThat(keys(bench)).containsExactlyElementsOf(expected);
    bench.forEach(v -> assertThat(v.isNumber()).isTrue());
    for (String key : List.of("firstStreamPageMs", "readParseStreamMs", "openStreamFinalStateMs")) {
      assertThat(bench.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(bench.get("heapPeakMiB").asLong())
        .isGreaterThanOrEqualTo(bench.get("heapMiB").asLong());
    assertThat(bench.get("statesStreams").asInt()).isPositive();
    assertThat(bench.get("eventsCorrelationMs").asDouble()).isPositive();
    CliRun text = CliRun.of("bench", url);
    assertThat(text.exit()).as(text.toString()).isZero();
    assertThat(text.outLines().get(0))
        .startsWith("store:    postgresql://")
        .doesNotContain("secret");
  }

  @Test
  void scaleTakesOnlyTheFiguresOfALargeStoreOnAUrlOrAFile() throws Exception {
    for (String store : List.of(url, DEMO)) {
      JsonNode bench = json(CliRun.of("bench", store, "--scale", "--json"));
      assertThat(keys(bench)).as(store).containsExactlyElementsOf(SCALE_KEYS);
      bench.forEach(v -> assertThat(v.isNumber()).isTrue());
      double ratio = bench.get("openStreamFinalStateRatio").asDouble();
      assertThat(ratio)
          .isCloseTo(
              bench.get("openStreamFinalStateMs").asDouble()
                  / bench.get("readParseStreamMs").asDouble(),
              org.assertj.core.data.Offset.offset(0.05 * ratio + 0.01));
      assertThat(bench.get("jumpP99Ms").asDouble())
          .isLessThanOrEqualTo(bench.get("jumpMaxMs").asDouble());
    }
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exit()).as(run.toString()).isZero();
    return Json.parse(run.out());
  }

  private static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
