package dev.hindsight.store.postgres;

import static dev.hindsight.store.postgres.PgTestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.StoreChoiceException;
import dev.hindsight.store.postgres.PgTestStores.Read;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Python eventsourcing on PostgreSQL (pg-fixtures/python-eventsourcing.sql): each application has
 * its own {@code <app>_events} table, so one schema holds two stores side by side (BankAccounts,
 * plain JSON, and EmailProcess, zlib-compressed); the user chooses one, and each reads exactly,
 * {@code notification_id} the global order; {@code verify} compares the stored snapshot.
 */
class PgEventsourcingLayoutTest {

  private static final String ALICE = "2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a01";
  private static final String BOB = "2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a02";
  private static final String BANK = "bankaccounts.domainmodel:BankAccount.";

  private static Read event(
      long position, String stream, long version, String topic, String time, String state) {
    JsonNode data = json(state);
    return new Read(
        position,
        stream,
        version,
        topic,
        data.has("class_version") ? data.get("class_version").asText() : null,
        Instant.parse(time),
        data,
        null,
        Arrays.asList(null, null, null),
        List.of());
  }

  @Test
  void twoApplicationsInOneSchemaAreAChoiceOfTwoStores() throws Exception {
    String db = PgTestStores.load("python-eventsourcing.sql", "public");
    String url = PgServer.url(db).display();
    assertThatThrownBy(
            () -> PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null))
        .isInstanceOfSatisfying(
            StoreChoiceException.class,
            e ->
                assertThat(e.choices())
                    .containsExactly(
                        url + "?schema=public&table=emailprocess_events",
                        url + "?schema=public&table=bankaccounts_events"))
        .hasMessage(
            url
                + ": 2 stores: public.emailprocess_events (eventsourcing-zlib-postgres),"
                + " public.bankaccounts_events (eventsourcing-postgres); choose one with"
                + " ?schema=NAME&table=NAME, e.g. "
                + url
                + "?schema=public&table=emailprocess_events");

    // the CLI says the same on one line
    String[] run = PgAxonLayoutsTest.cli("streams", PgTestStores.cliUrl(db, null));
    assertThat(run[0]).isEqualTo("2");
    assertThat(run[2].strip().lines()).hasSize(1);
    assertThat(run[2])
        .contains("2 stores: public.emailprocess_events (eventsourcing-zlib-postgres)")
        .contains("?schema=public&table=emailprocess_events")
        .doesNotContain(PgServer.READER_PASSWORD);
  }

  @Test
  void theBankAccountsApplicationReadsExactly() throws Exception {
    String db = PgTestStores.load("python-eventsourcing.sql", "public");
    try (PostgresEventSource source =
        PostgresEventSource.open(
            PgServer.url(db).withTable("bankaccounts_events"), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("eventsourcing-postgres");
      assertThat(source.layout().table()).isEqualTo("bankaccounts_events");
      assertThat(source.location()).endsWith("?table=bankaccounts_events");
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  ALICE,
                  "BankAccount",
                  4,
                  1,
                  4,
                  Instant.parse("2024-05-01T10:00:00.120456Z"),
                  Instant.parse("2024-05-02T09:31:00Z")),
              new StreamSummary(
                  BOB,
                  "BankAccount",
                  3,
                  1,
                  3,
                  Instant.parse("2024-05-01T11:00:00Z"),
                  Instant.parse("2024-05-04T17:45:00Z")));

      assertThat(source.readList(EventQuery.all()))
          .extracting(Read::of)
          .containsExactly(
              event(
                  1,
                  ALICE,
                  1,
                  BANK + "Opened",
                  "2024-05-01T10:00:00.120456Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T10:00:00.120456+00:00\"},\"originator_topic\":"
                      + "\"bankaccounts.domainmodel:BankAccount\",\"full_name\":\"Alice Example\","
                      + "\"email_address\":\"alice@example.com\"}"),
              event(
                  2,
                  ALICE,
                  2,
                  BANK + "TransactionAppended",
                  "2024-05-01T10:05:00.000001Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T10:05:00.000001+00:00\"},\"amount\":{\"_type_\":"
                      + "\"decimal_str\",\"_data_\":\"100.00\"}}"),
              event(
                  3,
                  BOB,
                  1,
                  BANK + "Opened",
                  "2024-05-01T11:00:00Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T11:00:00+00:00\"},\"originator_topic\":"
                      + "\"bankaccounts.domainmodel:BankAccount\",\"full_name\":\"Bob Ñúñez\","
                      + "\"email_address\":\"bob@example.com\"}"),
              event(
                  4,
                  ALICE,
                  3,
                  BANK + "TransactionAppended",
                  "2024-05-02T09:30:15.250Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-02T09:30:15.250000+00:00\"},\"amount\":{\"_type_\":"
                      + "\"decimal_str\",\"_data_\":\"-30.50\"}}"),
              event(
                  5,
                  ALICE,
                  4,
                  BANK + "OverdraftLimitSet",
                  "2024-05-02T09:31:00Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-02T09:31:00+00:00\"},\"overdraft_limit\":{\"_type_\":"
                      + "\"decimal_str\",\"_data_\":\"500.00\"}}"),
              event(
                  7,
                  BOB,
                  2,
                  BANK + "TransactionAppended",
                  "2024-05-03T08:00:00.500Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-03T08:00:00.500000+00:00\"},\"amount\":{\"_type_\":"
                      + "\"decimal_str\",\"_data_\":\"250.00\"}}"),
              // class_version 2: the event class's revision
              event(
                  8,
                  BOB,
                  3,
                  BANK + "Closed",
                  "2024-05-04T17:45:00Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-04T17:45:00+00:00\"},\"class_version\":2,"
                      + "\"reason\":\"moved abroad\"}"));

      assertThat(source.snapshots())
          .extracting(Read::of)
          .containsExactly(
              event(
                  0,
                  ALICE,
                  4,
                  "eventsourcing.domain:Snapshot",
                  "2024-05-02T09:31:00.100Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-02T09:31:00.100000+00:00\"},\"topic\":"
                      + "\"bankaccounts.domainmodel:BankAccount\",\"state\":{\"_created_on\":"
                      + "{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T10:00:00.120456+00:00\"},\"_modified_on\":{\"_type_\":"
                      + "\"datetime_iso\",\"_data_\":\"2024-05-02T09:31:00+00:00\"},"
                      + "\"full_name\":\"Alice Example\",\"email_address\":\"alice@example.com\","
                      + "\"balance\":{\"_type_\":\"decimal_str\",\"_data_\":\"69.50\"},"
                      + "\"overdraft_limit\":{\"_type_\":\"decimal_str\",\"_data_\":\"500.00\"},"
                      + "\"is_closed\":false}}"));
    }
  }

  @Test
  void theEmailProcessApplicationsZlibStatesReadExactly() throws Exception {
    String db = PgTestStores.load("python-eventsourcing.sql", "public");
    String first = "8275f093-baf4-5239-8099-b95d57ee6ae1";
    String second = "f0666829-d72f-557f-ba08-2c57abf41b8b";
    String topic = "emailnotifications.application:EmailNotification.";
    try (PostgresEventSource source =
        PostgresEventSource.open(
            PgServer.url(db).withTable("EmailProcess_events"), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("eventsourcing-zlib-postgres");
      assertThat(source.layout().table()).isEqualTo("emailprocess_events");
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  first,
                  "EmailNotification",
                  2,
                  1,
                  2,
                  Instant.parse("2024-05-01T10:00:00.350Z"),
                  Instant.parse("2024-05-01T10:00:02Z")),
              new StreamSummary(
                  second,
                  "EmailNotification",
                  1,
                  1,
                  1,
                  Instant.parse("2024-05-01T11:00:00.400Z"),
                  Instant.parse("2024-05-01T11:00:00.400Z")));
      assertThat(source.readList(EventQuery.all()))
          .extracting(Read::of)
          .containsExactly(
              event(
                  1,
                  first,
                  1,
                  topic + "Created",
                  "2024-05-01T10:00:00.350Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T10:00:00.350000+00:00\"},\"originator_topic\":"
                      + "\"emailnotifications.application:EmailNotification\",\"to\":"
                      + "\"alice@example.com\",\"subject\":\"Your new account\",\"message\":"
                      + "\"Dear Alice Example, welcome.\",\"account_id\":{\"_type_\":\"uuid_hex\","
                      + "\"_data_\":\"2f1e7b345c6d4e8f9a0b1c2d3e4f5a01\"},"
                      + "\"cause_notification_id\":1}"),
              event(
                  2,
                  second,
                  1,
                  topic + "Created",
                  "2024-05-01T11:00:00.400Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T11:00:00.400000+00:00\"},\"originator_topic\":"
                      + "\"emailnotifications.application:EmailNotification\",\"to\":"
                      + "\"bob@example.com\",\"subject\":\"Your new account\",\"message\":"
                      + "\"Dear Bob Ñúñez, welcome.\",\"account_id\":{\"_type_\":\"uuid_hex\","
                      + "\"_data_\":\"2f1e7b345c6d4e8f9a0b1c2d3e4f5a02\"},"
                      + "\"cause_notification_id\":3}"),
              event(
                  3,
                  first,
                  2,
                  topic + "Sent",
                  "2024-05-01T10:00:02Z",
                  "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":"
                      + "\"2024-05-01T10:00:02.000000+00:00\"}}"));
      // the application keeps no snapshots (no emailprocess_snapshots table)
      assertThat(source.snapshots()).isEmpty();
    }
  }

  @Test
  void verifyComparesTheStoredSnapshotWithTheReplayedAccount() throws Exception {
    String reducer = "resources/reducers/eventsourcing/bank-account.js";
    String db = PgTestStores.load("python-eventsourcing.sql", "public");
    String url = PgTestStores.cliUrl(db, "table=bankaccounts_events");
    String[] clean = PgAxonLayoutsTest.cli("verify", url, "--reducer", reducer, "--json");
    assertThat(clean[0]).as(clean[2]).isEqualTo("0");
    JsonNode report = json(clean[1]);
    assertThat(report.get("layout").asText()).isEqualTo("eventsourcing-postgres");
    assertThat(report.get("checked")).isEqualTo(json("{\"streams\":2,\"events\":7}"));
    assertThat(report.get("findings")).isEqualTo(json("[]"));

    // the snapshot says 69.00 where the events add up to 69.50
    PgTestStores.admin(
        db,
        "UPDATE bankaccounts_snapshots SET state = convert_to(replace(convert_from(state, 'UTF8'),"
            + " '\"69.50\"', '\"69.00\"'), 'UTF8')");
    String[] tampered = PgAxonLayoutsTest.cli("verify", url, "--reducer", reducer, "--json");
    assertThat(tampered[0]).as(tampered[2]).isEqualTo("1");
    JsonNode findings = json(tampered[1]).get("findings");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("kind").asText()).isEqualTo("snapshot-mismatch");
    assertThat(findings.get(0).get("stream").asText()).isEqualTo(ALICE);
    assertThat(findings.get(0).get("version").asLong()).isEqualTo(4);
    assertThat(findings.get(0).get("position").asLong()).isEqualTo(5);
    assertThat(findings.get(0).get("message").asText()).contains("balance");
  }
}
