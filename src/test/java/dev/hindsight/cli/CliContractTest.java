package dev.hindsight.cli;

import static dev.hindsight.store.sqlite.TestStores.connect;
import static dev.hindsight.store.sqlite.TestStores.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: commands, JSON fields and their order, filters, formats and exit codes. */
@Timeout(60)
class CliContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path db;
  private String file;

  /**
   * Six events over three streams. order-1's versions are stored out of position order (v3 at
   * position 3, v2 at position 4), so version order and global order differ.
   */
  @BeforeEach
  void store() throws Exception {
    db = dir.resolve("store.db");
    file = db.toString();
    try (Connection c = connect(db)) {
      TestStores.createSchema(c);
      insert(
          c,
          1,
          "order-1",
          1,
          "Placed",
          "{\"amount\":24.00,\"sku\":\"A-1\"}",
          "{\"user\":\"u1\"}",
          "2024-03-01T10:00:00.123+02:00");
      insert(
          c,
          2,
          "cart-9",
          1,
          "Created",
          "{\"items\":[]}",
          "{\"user\":\"u2\"}",
          "2024-03-01 09:00:00");
      insert(
          c,
          3,
          "order-1",
          3,
          "Shipped",
          "{\"carrier\":\"DHL\"}",
          "{\"user\":\"u1\"}",
          "2024-03-01T11:00:00Z");
      insert(
          c,
          4,
          "order-1",
          2,
          "Paid",
          "{\"amount\":24.00,\"method\":\"card\"}",
          "{\"user\":\"u1\"}",
          "2024-03-01T10:30:00.5Z");
      insert(c, 5, "account-7", 0, "Opened", "{\"owner\":\"Ada\"}", "{}", "2024-03-01T12:00:00Z");
      insert(c, 6, "order-1", 4, "Delivered", "{}", "{\"user\":\"u3\"}", "2024-03-02T00:00:00Z");
    }
  }

  // ----------------------------------------------------------------------------------------
  // streams

  @Test
  void streamsJsonHasExactlyTheContractKeysInOrder() throws Exception {
    CliRun run = CliRun.of("streams", file, "--json");

    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode streams = JSON.readTree(run.out());
    assertThat(streams).hasSize(3);
    for (JsonNode s : streams) {
      assertThat(fieldNames(s))
          .containsExactly(
              "stream",
              "type",
              "events",
              "firstVersion",
              "lastVersion",
              "firstTimestamp",
              "lastTimestamp");
    }
    assertThat(run.out())
        .isEqualTo(
            "[\n"
                + "{\"stream\":\"account-7\",\"type\":\"account\",\"events\":1,\"firstVersion\":0,\"lastVersion\":0,"
                + "\"firstTimestamp\":\"2024-03-01T12:00:00Z\",\"lastTimestamp\":\"2024-03-01T12:00:00Z\"},\n"
                + "{\"stream\":\"cart-9\",\"type\":\"cart\",\"events\":1,\"firstVersion\":1,\"lastVersion\":1,"
                + "\"firstTimestamp\":\"2024-03-01T09:00:00Z\",\"lastTimestamp\":\"2024-03-01T09:00:00Z\"},\n"
                + "{\"stream\":\"order-1\",\"type\":\"order\",\"events\":4,\"firstVersion\":1,\"lastVersion\":4,"
                + "\"firstTimestamp\":\"2024-03-01T08:00:00.123Z\",\"lastTimestamp\":\"2024-03-02T00:00:00Z\"}\n"
                + "]\n");
  }

  @Test
  void streamsTextIsAnAlignedTableWithAHeader() {
    CliRun run = CliRun.of("streams", file);

    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "STREAM     TYPE     EVENTS  FIRST  LAST  FIRST TIMESTAMP           LAST TIMESTAMP",
            "account-7  account  1       0      0     2024-03-01T12:00:00Z      2024-03-01T12:00:00Z",
            "cart-9     cart     1       1      1     2024-03-01T09:00:00Z      2024-03-01T09:00:00Z",
            "order-1    order    4       1      4     2024-03-01T08:00:00.123Z  2024-03-02T00:00:00Z");
  }

  // -----------------------------------------------------------------------------------------
  // events

  @Test
  void eventsJsonHasExactlyTheContractKeysInOrder() throws Exception {
    CliRun run = CliRun.of("events", file, "--json");

    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode events = JSON.readTree(run.out());
    assertThat(events).hasSize(6);
    for (JsonNode e : events) {
      assertThat(fieldNames(e))
          .containsExactly(
              "position", "stream", "version", "type", "revision", "timestamp", "data", "metadata");
    }
    assertThat(run.outLines().get(1))
        .isEqualTo(
            "{\"position\":1,\"stream\":\"order-1\",\"version\":1,\"type\":\"Placed\",\"revision\":null,"
                + "\"timestamp\":\"2024-03-01T08:00:00.123Z\",\"data\":{\"amount\":24.00,\"sku\":\"A-1\"},"
                + "\"metadata\":{\"user\":\"u1\"}},");
  }

  @Test
  void withoutStreamEventsAreInGlobalOrder() throws Exception {
    CliRun run = CliRun.of("events", file, "--json");

    assertThat(run.exit()).isZero();
    assertThat(longs(run, "position")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(texts(run, "stream"))
        .containsExactly("order-1", "cart-9", "order-1", "order-1", "account-7", "order-1");
  }

  @Test
  void streamEventsAreInVersionOrder() throws Exception {
    CliRun run = CliRun.of("events", file, "--stream", "order-1", "--json");

    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(longs(run, "version")).containsExactly(1L, 2L, 3L, 4L);
    assertThat(longs(run, "position")).containsExactly(1L, 4L, 3L, 6L);
    assertThat(texts(run, "type")).containsExactly("Placed", "Paid", "Shipped", "Delivered");
  }

  @Test
  void versionRangeIsInclusive() throws Exception {
    CliRun both =
        CliRun.of(
            "events",
            file,
            "--stream",
            "order-1",
            "--from-version",
            "2",
            "--to-version",
            "3",
            "--json");
    assertThat(both.exit()).as("%s", both).isZero();
    assertThat(longs(both, "version")).containsExactly(2L, 3L);

    CliRun from = CliRun.of("events", file, "--stream", "order-1", "--from-version", "3", "--json");
    assertThat(longs(from, "version")).containsExactly(3L, 4L);

    CliRun to = CliRun.of("events", file, "--stream", "order-1", "--to-version", "1", "--json");
    assertThat(longs(to, "version")).containsExactly(1L);

    CliRun none = CliRun.of("events", file, "--stream", "order-1", "--from-version", "5", "--json");
    assertThat(none.exit()).isZero();
    assertThat(none.out()).isEqualTo("[]\n");

    CliRun zero =
        CliRun.of(
            "events",
            file,
            "--stream",
            "account-7",
            "--from-version",
            "0",
            "--to-version",
            "0",
            "--json");
    assertThat(longs(zero, "position")).containsExactly(5L);
  }

  @Test
  void limitCapsTheEventsPrinted() throws Exception {
    assertThat(longs(CliRun.of("events", file, "--limit", "2", "--json"), "position"))
        .containsExactly(1L, 2L);
    assertThat(
            longs(
                CliRun.of("events", file, "--stream", "order-1", "--limit", "3", "--json"),
                "version"))
        .containsExactly(1L, 2L, 3L);
    assertThat(
            longs(
                CliRun.of(
                    "events",
                    file,
                    "--stream",
                    "order-1",
                    "--from-version",
                    "2",
                    "--limit",
                    "1",
                    "--json"),
                "version"))
        .containsExactly(2L);
    assertThat(longs(CliRun.of("events", file, "--limit", "100", "--json"), "position")).hasSize(6);
    CliRun zero = CliRun.of("events", file, "--limit", "0", "--json");
    assertThat(zero.exit()).isZero();
    assertThat(zero.out()).isEqualTo("[]\n");
  }

  @Test
  void timestampsAreUtcEndingInZ() throws Exception {
    CliRun run = CliRun.of("events", file, "--json");

    assertThat(texts(run, "timestamp"))
        .containsExactly(
            "2024-03-01T08:00:00.123Z",
            "2024-03-01T09:00:00Z",
            "2024-03-01T11:00:00Z",
            "2024-03-01T10:30:00.500Z",
            "2024-03-01T12:00:00Z",
            "2024-03-02T00:00:00Z")
        .allMatch(t -> t.endsWith("Z"));
  }

  @Test
  void decimalNumbersKeepTheirText() {
    CliRun json = CliRun.of("events", file, "--stream", "order-1", "--to-version", "2", "--json");
    assertThat(json.out())
        .contains("\"data\":{\"amount\":24.00,\"sku\":\"A-1\"}")
        .contains("\"data\":{\"amount\":24.00,\"method\":\"card\"}")
        .doesNotContain("24.0,")
        .doesNotContain("\"amount\":24,");

    CliRun text = CliRun.of("events", file, "--stream", "order-1", "--to-version", "1");
    assertThat(text.outLines().get(1)).endsWith("{\"amount\":24.00,\"sku\":\"A-1\"}");
  }

  @Test
  void eventsTextIsAnAlignedTableWithAHeader() {
    CliRun run = CliRun.of("events", file);

    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "POSITION  STREAM     VERSION  TYPE       TIMESTAMP                 DATA",
            "1         order-1    1        Placed     2024-03-01T08:00:00.123Z  {\"amount\":24.00,\"sku\":\"A-1\"}",
            "2         cart-9     1        Created    2024-03-01T09:00:00Z      {\"items\":[]}",
            "3         order-1    3        Shipped    2024-03-01T11:00:00Z      {\"carrier\":\"DHL\"}",
            "4         order-1    2        Paid       2024-03-01T10:30:00.500Z  {\"amount\":24.00,\"method\":\"card\"}",
            "5         account-7  0        Opened     2024-03-01T12:00:00Z      {\"owner\":\"Ada\"}",
            "6         order-1    4        Delivered  2024-03-02T00:00:00Z      {}");
  }

  @Test
  void pagesAreJoinedWithoutGapsOrRepeats() throws Exception {
    Path big = TestStores.simpleStore(dir.resolve("big.db"), 2_500, 2);

    CliRun all = CliRun.of("events", big.toString(), "--json");
    assertThat(all.exit()).isZero();
    assertThat(longs(all, "position"))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2_500).boxed().toList());

    CliRun stream = CliRun.of("events", big.toString(), "--stream", "order-2", "--json");
    assertThat(longs(stream, "version"))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 1_250).boxed().toList());

    CliRun range =
        CliRun.of(
            "events",
            big.toString(),
            "--stream",
            "order-1",
            "--from-version",
            "100",
            "--to-version",
            "1150",
            "--json");
    assertThat(longs(range, "version"))
        .containsExactlyElementsOf(LongStream.rangeClosed(100, 1_150).boxed().toList());

    CliRun limited = CliRun.of("events", big.toString(), "--limit", "1500", "--json");
    assertThat(longs(limited, "position"))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 1_500).boxed().toList());

    CliRun streams = CliRun.of("streams", big.toString(), "--json");
    JsonNode list = JSON.readTree(streams.out());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("events").asLong()).isEqualTo(1_250);
    assertThat(list.get(1).get("lastVersion").asLong()).isEqualTo(1_250);
  }

  // -----------------------------------------------------------------------------------------
  // layout

  @Test
  void layoutOutputPassedBackAsMappingGivesIdenticalEvents() throws Exception {
    CliRun layout = CliRun.of("layout", file);
    assertThat(layout.exit()).as("%s", layout).isZero();
    JsonNode tree = JSON.readTree(layout.out());
    assertThat(tree.get("name").asText()).isEqualTo("hindsight-simple");
    assertThat(tree.get("table").asText()).isEqualTo("events");
    assertThat(tree.has("detect")).isFalse();
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(mapping, layout.out());

    for (String[] extra :
        List.of(
            new String[] {"--json"},
            new String[] {"--json", "--stream", "order-1"},
            new String[] {
              "--json", "--stream", "order-1", "--from-version", "2", "--to-version", "3"
            },
            new String[] {})) {
      CliRun detected = CliRun.of(concat(new String[] {"events", file}, extra));
      CliRun mapped =
          CliRun.of(concat(new String[] {"events", file, "--mapping", mapping.toString()}, extra));
      assertThat(mapped.exit()).as("%s", mapped).isZero();
      assertThat(mapped.err()).isEmpty();
      assertThat(detected.out()).isNotBlank();
      assertThat(mapped.out()).isEqualTo(detected.out());
    }
    CliRun streamsDetected = CliRun.of("streams", file, "--json");
    CliRun streamsMapped = CliRun.of("streams", file, "--json", "--mapping", mapping.toString());
    assertThat(streamsMapped.exit()).isZero();
    assertThat(streamsMapped.out()).isEqualTo(streamsDetected.out());

    // the layout of a store read with its own layout is that layout again
    CliRun again = CliRun.of("layout", file, "--mapping", mapping.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEqualTo(layout.out());
  }

  // ----------------------------------------------------------------------------- options and codes

  @Test
  void unknownOptionExitsTwo() {
    CliRun run = CliRun.of("streams", file, "--bogus");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "hindsight: Unknown option: '--bogus'", "Run 'hindsight streams --help' for usage.");
  }

  @Test
  void unknownTopLevelOptionAndMissingCommandExitTwo() {
    CliRun bogus = CliRun.of("--bogus");
    assertThat(bogus.exit()).isEqualTo(2);
    assertThat(bogus.errLines()).first().asString().startsWith("hindsight: ").contains("--bogus");

    CliRun none = CliRun.of();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.errLines()).first().isEqualTo("hindsight: a command is needed");
  }

  @Test
  void misusedFiltersExitTwoWithOneLine() {
    CliRun noStream = CliRun.of("events", file, "--from-version", "2");
    assertThat(noStream.exit()).isEqualTo(2);
    assertThat(noStream.errLines())
        .containsExactly("hindsight: --from-version and --to-version need --stream");

    CliRun negative = CliRun.of("events", file, "--limit=-1");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.errLines()).containsExactly("hindsight: --limit must be 0 or more");

    CliRun missing = CliRun.of("events", file, "--stream", "order-404");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.errLines())
        .containsExactly(
            "hindsight: no stream 'order-404' in "
                + db.toAbsolutePath().normalize()
                + " (list them with: hindsight streams FILE)");

    CliRun notANumber = CliRun.of("events", file, "--stream", "order-1", "--limit", "many");
    assertThat(notANumber.exit()).isEqualTo(2);
    assertThat(notANumber.errLines().get(0)).startsWith("hindsight: ").contains("many");
  }

  @Test
  void versionAndHelpExitZero() {
    CliRun version = CliRun.of("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.err()).isEmpty();
    assertThat(version.outLines()).hasSize(1);
    assertThat(version.outLines().get(0)).matches("hindsight (dev|\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?)");

    CliRun help = CliRun.of("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out())
        .startsWith("Usage: hindsight")
        .contains("streams")
        .contains("events")
        .contains("layout");

    CliRun eventsHelp = CliRun.of("events", "--help");
    assertThat(eventsHelp.exit()).isZero();
    assertThat(eventsHelp.out())
        .startsWith("Usage: hindsight events")
        .contains("--stream=ID")
        .contains("--from-version=V")
        .contains("--to-version=V")
        .contains("--limit=N")
        .contains("--mapping=M");
  }

  @Test
  void successExitsZeroAndLeavesTheStoreAlone() throws Exception {
    String before = TestStores.sha256(db);
    for (String[] args :
        List.of(
            new String[] {"streams", file},
            new String[] {"streams", file, "--json"},
            new String[] {"events", file},
            new String[] {"events", file, "--json"},
            new String[] {"layout", file})) {
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as("%s", run).isZero();
      assertThat(run.err()).isEmpty();
    }
    assertThat(TestStores.sha256(db)).isEqualTo(before);
    assertThat(TestStores.listing(dir)).containsExactly("store.db");
  }

  // ----------------------------------------------------------------------------------------
  // helpers

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Long> longs(CliRun run, String field) throws Exception {
    assertThat(run.exit()).as("%s", run).isZero();
    List<Long> values = new ArrayList<>();
    JSON.readTree(run.out()).forEach(e -> values.add(e.get(field).asLong()));
    return values;
  }

  private static List<String> texts(CliRun run, String field) throws Exception {
    assertThat(run.exit()).as("%s", run).isZero();
    List<String> values = new ArrayList<>();
    JSON.readTree(run.out()).forEach(e -> values.add(e.get(field).asText()));
    return values;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
