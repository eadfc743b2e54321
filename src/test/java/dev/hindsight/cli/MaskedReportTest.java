package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --mask} (issue 17): names mask by word part, and a value a rule hid anywhere is
 * hidden everywhere in the report; what still shows in clear is warned about.
 */
class MaskedReportTest {

  @TempDir Path dir;

  /** Each format's report of {@code stream}, by format name. */
  private Map<String, String> reports(Path db, String stream, String mask, String... more)
      throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String format : new String[] {"html", "json", "csv"}) {
      Path file = dir.resolve(stream + "." + format);
      String[] base = {
        "report",
        db.toString(),
        "--stream",
        stream,
        "--mask",
        mask,
        "--out",
        file.toString(),
        "--format",
        format
      };
      String[] args = new String[base.length + more.length];
      System.arraycopy(base, 0, args, 0, base.length);
      System.arraycopy(more, 0, args, base.length, more.length);
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as(run.toString()).isZero();
      out.put(format, Files.readString(file));
    }
    return out;
  }

  private Path demo() throws Exception {
    Path db = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    return db;
  }

  @Test
  void theUpcastStateOfTheDemoOrderShowsNoAddressOrCustomerInAnyFormat() throws Exception {
    // order-1001 was placed before release 2.0: its event has `customer` and `address`; the
    // upcaster makes them `customerId` and a `shippingAddress` object in the state
    Map<String, String> reports =
        reports(demo(), "order-1001", "address,customer", "--reducer", "resources/reducers/demo");

    reports.forEach(
        (format, text) ->
            assertThat(text)
                .as(format)
                .doesNotContain("c-1041")
                .doesNotContain("Keizersgracht")
                .doesNotContain("Amsterdam")
                .doesNotContain("Masking warning")
                .contains("anna.devries@example.com") // not a rule
                .contains("•••"));
    JsonNode r = Json.parse(reports.get("json"));
    assertThat(r.get("stateAtEnd").get("customerId").asText()).isEqualTo("•••");
    assertThat(r.get("stateAtEnd").get("shippingAddress").asText()).isEqualTo("•••");
    JsonNode masking = r.get("masking");
    assertThat(masking.get("on").asBoolean()).isTrue();
    assertThat(Json.write(masking.get("rules"))).isEqualTo("[\"address\",\"customer\"]");
    assertThat(Json.write(masking.get("fields"))).isEqualTo("[\"address\",\"customer\"]");
    // each rule: the stored event's field, the change of the state and the state at the end
    assertThat(Json.write(masking.get("counts")))
        .isEqualTo("{\"byRule\":{\"address\":3,\"customer\":3},\"byValue\":0}");
    assertThat(r.get("maskingWarnings").isEmpty()).isTrue();
    assertThat(reports.get("html")).contains("address: 3 values, customer: 3 values, by value: 0");
    assertThat(reports.get("csv"))
        .startsWith("# stream: order-1001")
        .contains(
            "\r\n# masking: on (address, customer; address: 3 values, customer: 3 values, by"
                + " value: 0)\r\n");
  }

  @Test
  void aValueARuleHidOnceIsHiddenWhereverElseItShows() throws Exception {
    Path db = dir.resolve("crm.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insert(
          c,
          1,
          "ticket-9",
          1,
          "TicketOpened",
          "{\"customer_id\":\"c-7001\",\"street\":\"Keizersgracht 12\",\"subject\":\"late\"}",
          "{\"on_behalf_of\":\"c-7001\"}",
          "2024-05-01T10:00:00Z");
      TestStores.insert(
          c,
          2,
          "ticket-9",
          2,
          "TicketNoted",
          "{\"note\":\"C-7001 called: parcel left at keizersgracht 12\",\"by\":\"Bo\"}",
          "{}",
          "2024-05-01T10:01:00Z");
    }

    Map<String, String> reports = reports(db, "ticket-9", "CustomerId,/street");

    reports.forEach(
        (format, text) ->
            assertThat(text)
                .as(format)
                .doesNotContainIgnoringCase("c-7001")
                .doesNotContainIgnoringCase("keizersgracht")
                .doesNotContain("Masking warning")
                .contains("called: parcel left at •••"));
    JsonNode r = Json.parse(reports.get("json"));
    JsonNode placed = r.get("events").get(0);
    assertThat(placed.get("metadata").get("on_behalf_of").asText()).isEqualTo("•••");
    assertThat(placed.get("data").get("subject").asText()).isEqualTo("late");
    // by value: the metadata, the note in its event, the note's change and the state at the end
    assertThat(r.get("masking").get("counts").get("byValue").asInt()).isEqualTo(4);
  }

  @Test
  void aHiddenValueThatStillShowsWhereMaskingDoesNotReachIsWarnedAbout() throws Exception {
    // the stream's id and a field name hold the customer's id: masking changes neither
    Path db = dir.resolve("visits.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insert(
          c,
          1,
          "customer-c-7001",
          1,
          "CustomerRegistered",
          "{\"customerId\":\"c-7001\",\"visits\":{\"c-7001\":1}}",
          "{}",
          "2024-05-01T10:00:00Z");
    }

    Map<String, String> reports = reports(db, "customer-c-7001", "customer");

    String warning =
        "Masking warning: 1 value hidden by customer still shows in clear in this report";
    assertThat(reports.get("html")).contains("<p class=\"warning\">" + warning);
    assertThat(reports.get("csv")).contains("\r\n# " + warning);
    JsonNode warnings = Json.parse(reports.get("json")).get("maskingWarnings");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).asText()).startsWith(warning);
    reports.forEach(
        (format, text) ->
            assertThat(text.lines().filter(l -> l.contains("Masking warning")))
                .as(format + ": the warning never says the value")
                .noneMatch(l -> l.contains("7001")));
  }

  @Test
  void withoutMaskingThereIsNoWarningAndTheCsvSaysMaskingWasOff() throws Exception {
    Path db = demo();
    Path csv = dir.resolve("plain.csv");

    CliRun run =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "order-1001",
            "--out",
            csv.toString(),
            "--format",
            "csv");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(csv)).contains("\r\n# masking: off\r\n").contains("c-1041");
  }
}
