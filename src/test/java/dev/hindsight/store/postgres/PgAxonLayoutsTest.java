package dev.hindsight.store.postgres;

import static dev.hindsight.store.postgres.PgTestStores.json;
import static dev.hindsight.store.postgres.PgTestStores.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Verifier;
import dev.hindsight.cli.HindsightCli;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.postgres.PgTestStores.Read;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Axon Framework 4 on PostgreSQL (pg-fixtures/axon-jdbc.sql and axon-jpa.sql), detected and read
 * exactly: the JDBC engine's unquoted names folded to lower case with XStream XML in bytea, and the
 * JPA engine's snake_case table whose payloads and metadata are large objects, read by a role
 * granted them, and by one that is not (one clear line, the stream list still there).
 */
class PgAxonLayoutsTest {

  /** One event as both fixtures hold it; the payload and metadata as the JSON the JPA one has. */
  private record Axon(
      long jdbcPosition,
      long jpaPosition,
      String stream,
      long version,
      String type,
      String revision,
      String time,
      String eventId,
      String metadata,
      String payload) {}

  private static final String CARD = "3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31";
  private static final String TRANSFER = "7e7e7e7e-0000-4000-8000-000000000007";

  /**
   * The fixtures' ten events in the JDBC store's globalIndex order (the gap at 6 is a rollback).
   */
  private static final List<Axon> EVENTS =
      List.of(
          new Axon(
              1,
              1,
              "A-1001",
              0,
              "com.example.bank.coreapi.AccountCreatedEvent",
              null,
              "2024-04-01T09:00:00.101Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e01",
              "{\"traceId\":\"c0000001-0000-4000-8000-000000000001\","
                  + "\"correlationId\":\"c0000001-0000-4000-8000-000000000001\"}",
              "{\"accountId\":\"A-1001\",\"overdraftLimit\":100}"),
          new Axon(
              2,
              2,
              "A-1001",
              1,
              "com.example.bank.coreapi.MoneyDepositedEvent",
              null,
              "2024-04-01T09:05:12.550Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e02",
              "{\"traceId\":\"c0000002-0000-4000-8000-000000000002\","
                  + "\"correlationId\":\"c0000002-0000-4000-8000-000000000002\","
                  + "\"username\":\"teller-7\"}",
              "{\"accountId\":\"A-1001\",\"amount\":500}"),
          new Axon(
              3,
              3,
              "A-2002",
              0,
              "com.example.bank.coreapi.AccountCreatedEvent",
              null,
              "2024-04-01T09:10:00.000Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e03",
              "{\"traceId\":\"c0000003-0000-4000-8000-000000000003\","
                  + "\"correlationId\":\"c0000003-0000-4000-8000-000000000003\"}",
              "{\"accountId\":\"A-2002\",\"overdraftLimit\":0}"),
          new Axon(
              4,
              51,
              CARD,
              0,
              "com.example.giftcard.api.GiftCardEvents$CardIssued",
              null,
              "2024-04-01T09:12:30.007Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e04",
              "{\"traceId\":\"c0000004-0000-4000-8000-000000000004\","
                  + "\"correlationId\":\"c0000004-0000-4000-8000-000000000004\"}",
              "{\"cardId\":\"" + CARD + "\",\"amount\":50}"),
          new Axon(
              5,
              52,
              CARD,
              1,
              "com.example.giftcard.api.GiftCardEvents$CardRedeemed",
              null,
              "2024-04-02T14:00:00.250Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e05",
              "{\"traceId\":\"c0000005-0000-4000-8000-000000000005\","
                  + "\"correlationId\":\"c0000005-0000-4000-8000-000000000005\"}",
              "{\"cardId\":\"" + CARD + "\",\"amount\":20}"),
          new Axon(
              7,
              4,
              TRANSFER,
              0,
              "com.example.bank.coreapi.TransferRequestedEvent",
              null,
              "2024-04-03T08:00:00.000Z",
              TRANSFER,
              "{}",
              "{\"transferId\":\"TR-1\",\"sourceAccountId\":\"A-1001\","
                  + "\"destinationAccountId\":\"A-2002\",\"amount\":120}"),
          new Axon(
              8,
              5,
              "A-1001",
              2,
              "com.example.bank.coreapi.MoneyWithdrawnEvent",
              null,
              "2024-04-03T08:00:00.480Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08",
              "{\"traceId\":\""
                  + TRANSFER
                  + "\","
                  + "\"correlationId\":\"d0000008-0000-4000-8000-000000000008\"}",
              "{\"accountId\":\"A-1001\",\"amount\":120,\"transferId\":\"TR-1\"}"),
          new Axon(
              9,
              53,
              "A-2002",
              1,
              "com.example.bank.coreapi.MoneyDepositedEvent",
              null,
              "2024-04-03T08:00:00.912Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e09",
              "{\"traceId\":\""
                  + TRANSFER
                  + "\","
                  + "\"correlationId\":\"d0000009-0000-4000-8000-000000000009\"}",
              "{\"accountId\":\"A-2002\",\"amount\":120}"),
          new Axon(
              10,
              6,
              CARD,
              2,
              "com.example.giftcard.api.GiftCardEvents$CardRedeemed",
              "2",
              "2024-04-04T16:20:00.000Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e10",
              "{\"traceId\":\"c0000010-0000-4000-8000-000000000010\","
                  + "\"correlationId\":\"c0000010-0000-4000-8000-000000000010\"}",
              "{\"cardId\":\"" + CARD + "\",\"amount\":30,\"transactionId\":\"tx-99\"}"),
          new Axon(
              11,
              54,
              "A-2002",
              2,
              "com.example.bank.coreapi.AccountClosedEvent",
              null,
              "2024-04-05T11:11:11.111Z",
              "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e11",
              "{\"traceId\":\"c0000011-0000-4000-8000-000000000011\","
                  + "\"correlationId\":\"c0000011-0000-4000-8000-000000000011\"}",
              "{\"accountId\":\"A-2002\",\"reason\":\"customer request — “closed”\"}"));

  /** The stream list of both fixtures: aggregates, and the event published outside one. */
  private static final List<StreamSummary> STREAMS =
      List.of(
          new StreamSummary(
              CARD,
              "GiftCard",
              3,
              0,
              2,
              Instant.parse("2024-04-01T09:12:30.007Z"),
              Instant.parse("2024-04-04T16:20:00Z")),
          new StreamSummary(
              TRANSFER,
              null,
              1,
              0,
              0,
              Instant.parse("2024-04-03T08:00:00Z"),
              Instant.parse("2024-04-03T08:00:00Z")),
          new StreamSummary(
              "A-1001",
              "BankAccount",
              3,
              0,
              2,
              Instant.parse("2024-04-01T09:00:00.101Z"),
              Instant.parse("2024-04-03T08:00:00.480Z")),
          new StreamSummary(
              "A-2002",
              "BankAccount",
              3,
              0,
              2,
              Instant.parse("2024-04-01T09:10:00Z"),
              Instant.parse("2024-04-05T11:11:11.111Z")));

  private static final String SNAPSHOT_METADATA =
      "{\"traceId\":\""
          + TRANSFER
          + "\",\"correlationId\":\"d0000008-0000-4000-8000-000000000008\"}";
  private static final String SNAPSHOT_STATE =
      "{\"accountId\":\"A-1001\",\"balance\":380,\"overdraftLimit\":100}";

  @Test
  void axonJdbcIsDetectedInItsLowerCaseTablesAndReadExactly() throws Exception {
    String db = PgTestStores.load("axon-jdbc.sql", "public");
    try (PostgresEventSource source =
        PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("axon-jdbc");
      assertThat(source.schema()).isEqualTo("public");
      assertThat(source.streams()).containsExactlyElementsOf(STREAMS);

      List<Read> expected = new ArrayList<>();
      for (Axon e : EVENTS) {
        expected.add(
            read(
                e,
                e.jdbcPosition(),
                text(xstream(e.type(), e.payload())),
                text(xstreamMetadata(e.metadata()))));
      }
      assertThat(readAll(source)).containsExactlyElementsOf(expected);

      // the snapshot table is read as XStream XML too, at the last event's sequence number
      assertThat(source.snapshots())
          .extracting(Read::of)
          .containsExactly(
              new Read(
                  0,
                  "A-1001",
                  2,
                  "com.example.bank.command.BankAccount",
                  null,
                  Instant.parse("2024-04-03T08:00:00.480Z"),
                  text(xstream("com.example.bank.command.BankAccount", SNAPSHOT_STATE)),
                  text(xstreamMetadata(SNAPSHOT_METADATA)),
                  Arrays.asList(
                      "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08",
                      TRANSFER,
                      "d0000008-0000-4000-8000-000000000008"),
                  List.of()));

      // as on SQLite: the event published outside an aggregate is information, not a fault
      Verifier.Result verified = Verifier.verify(source, ReducerSet.generic(), Progress.NONE);
      assertThat(verified.events()).isEqualTo(10);
      assertThat(verified.findings())
          .extracting(Finding::kind, Finding::severity, Finding::stream)
          .containsExactly(tuple(Finding.ORPHAN_EVENT, Finding.Severity.INFO, TRANSFER));
    }
  }

  @Test
  void axonJpaLargeObjectsAreReadExactlyWhenTheReaderIsGrantedThem() throws Exception {
    String db = PgTestStores.load("axon-jpa.sql", "public");
    PgTestStores.grantLargeObjects(db);
    try (PostgresEventSource source =
        PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("axon-jpa");
      assertThat(source.streams()).containsExactlyElementsOf(STREAMS);

      // global_index from Hibernate's pooled sequence: two instances' blocks interleave, so the
      // global order is 1-6 then 51-54, not the order the events were written in
      List<Read> expected = new ArrayList<>();
      for (Axon e : EVENTS) {
        expected.add(read(e, e.jpaPosition(), json(e.payload()), json(e.metadata())));
      }
      expected.sort(Comparator.comparingLong(Read::position));
      assertThat(readAll(source)).containsExactlyElementsOf(expected);
      assertThat(readAll(source))
          .extracting(Read::position)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 51L, 52L, 53L, 54L);

      assertThat(source.snapshots())
          .extracting(Read::of)
          .containsExactly(
              new Read(
                  0,
                  "A-1001",
                  2,
                  "com.example.bank.command.BankAccount",
                  null,
                  Instant.parse("2024-04-03T08:00:00.480Z"),
                  json(SNAPSHOT_STATE),
                  json(SNAPSHOT_METADATA),
                  Arrays.asList(
                      "6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08",
                      TRANSFER,
                      "d0000008-0000-4000-8000-000000000008"),
                  List.of()));
    }
  }

  @Test
  void axonJpaWithHibernatesPlainNamingIsTheJdbcLayoutWithLargeObjects() throws Exception {
    // without Spring Boot's naming, Hibernate writes the entity's names unquoted: lower case
    Axon first = EVENTS.get(0);
    String db = PgServer.newDatabase("axonplain");
    PgTestStores.admin(
        db,
        "create table domainevententry (globalindex bigint not null, sequencenumber bigint not"
            + " null, aggregateidentifier varchar(255) not null, eventidentifier varchar(255) not"
            + " null unique, payloadrevision varchar(255), payloadtype varchar(255) not null,"
            + " timestamp varchar(255) not null, type varchar(255), metadata oid, payload oid,"
            + " primary key (globalindex)); insert into domainevententry values (1, 0, 'A-1001',"
            + " '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e01', NULL,"
            + " 'com.example.bank.coreapi.AccountCreatedEvent', '2024-04-01T09:00:00.101Z',"
            + " 'BankAccount', lo_from_bytea(0, convert_to('"
            + first.metadata()
            + "', 'UTF8')), lo_from_bytea(0, convert_to('"
            + first.payload()
            + "', 'UTF8')))");
    PgServer.grantRead(db, "public");
    PgTestStores.grantLargeObjects(db);
    try (PostgresEventSource source =
        PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("axon-jdbc");
      assertThat(readAll(source))
          .containsExactly(read(first, 1, json(first.payload()), json(first.metadata())));
    }
  }

  @Test
  void aReaderNotGrantedTheLargeObjectsIsToldInOneLineWhatToGrantAndStillSeesTheStreams()
      throws Exception {
    String db = PgTestStores.load("axon-jpa.sql", "public");
    try (PostgresEventSource source =
        PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("axon-jpa");
      assertThat(source.streams()).containsExactlyElementsOf(STREAMS);
      assertThat(source.hasStream("A-1001")).isTrue();
      assertThat(source.lastPosition()).isEqualTo(54);

      String url = PgServer.url(db).display();
      String refused =
          "\\Q"
              + url
              + ": the role hindsight_reader may not read large object \\E(\\d+)\\Q, where the"
              + " store keeps event payloads or metadata: grant it on each of them (GRANT SELECT"
              + " ON LARGE OBJECT \\E\\1\\Q TO hindsight_reader; and so on), turn"
              + " lo_compat_privileges on, or read as the objects' owner\\E";
      assertThatThrownBy(() -> source.readList(EventQuery.all()))
          .isInstanceOf(StoreException.class)
          .hasMessageMatching(refused);
      assertThatThrownBy(() -> source.readList(EventQuery.stream("A-1001")))
          .isInstanceOf(StoreException.class)
          .hasMessageMatching(refused);
      assertThatThrownBy(source::snapshots)
          .isInstanceOf(StoreException.class)
          .hasMessageMatching(refused);
    }

    // the CLI: the stream list works, reading an event says the one line and exits 2
    String cliUrl = PgTestStores.cliUrl(db, null);
    String[] streams = cli("streams", cliUrl);
    assertThat(streams[0]).isEqualTo("0");
    assertThat(streams[1]).contains("A-1001").contains("A-2002").contains(CARD);
    String[] state = cli("state", cliUrl, "--stream", "A-1001");
    assertThat(state[0]).isEqualTo("2");
    assertThat(state[2].strip().lines()).hasSize(1);
    assertThat(state[2])
        .contains("may not read large object")
        .contains("GRANT SELECT ON LARGE OBJECT")
        .contains("lo_compat_privileges")
        .doesNotContain("password")
        .doesNotContain(PgServer.READER_PASSWORD)
        .doesNotContain("Exception");
  }

  @Test
  void theStateOfAnAxonStreamFromTheCli() throws Exception {
    String db = PgTestStores.load("axon-jpa.sql", "public");
    PgTestStores.grantLargeObjects(db);
    String[] run =
        cli("state", PgTestStores.cliUrl(db, null), "--stream", "A-1001", "--at", "1", "--json");
    assertThat(run[0]).as(run[2]).isEqualTo("0");
    JsonNode state = json(run[1]);
    assertThat(state.get("stream").asText()).isEqualTo("A-1001");
    assertThat(state.get("version").asLong()).isEqualTo(1);
    assertThat(state.get("timestamp").asText()).isEqualTo("2024-04-01T09:05:12.550Z");
    // the generic fold: each event's payload laid over the state before it
    assertThat(state.get("state"))
        .isEqualTo(json("{\"accountId\":\"A-1001\",\"overdraftLimit\":100,\"amount\":500}"));
  }

  // ------------------------------------------------------------------------------------------

  private static Read read(Axon e, long position, JsonNode data, JsonNode metadata) {
    JsonNode meta = json(e.metadata());
    return new Read(
        position,
        e.stream(),
        e.version(),
        e.type(),
        e.revision(),
        Instant.parse(e.time()),
        data,
        metadata,
        // correlation is the root message (traceId), causation the message handled (correlationId)
        Arrays.asList(
            e.eventId(),
            meta.has("traceId") ? meta.get("traceId").asText() : null,
            meta.has("correlationId") ? meta.get("correlationId").asText() : null),
        List.of());
  }

  private static List<Read> readAll(PostgresEventSource source) {
    return source.readList(EventQuery.all()).stream().map(Read::of).toList();
  }

  /**
   * The XML Axon's XStreamSerializer writes for a flat object: the class name as the root element
   * ({@code _-} for {@code $}), one element per field, pretty-printed with two spaces.
   */
  static String xstream(String type, String payload) {
    String root = type.replace("$", "_-");
    StringBuilder b = new StringBuilder("<" + root + ">\n");
    for (Iterator<Map.Entry<String, JsonNode>> f = json(payload).fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> field = f.next();
      b.append("  <")
          .append(field.getKey())
          .append('>')
          .append(field.getValue().asText())
          .append("</")
          .append(field.getKey())
          .append(">\n");
    }
    return b.append("</").append(root).append('>').toString();
  }

  /** XStream's {@code <meta-data>} map; {@code <meta-data/>} when empty. */
  static String xstreamMetadata(String metadata) {
    JsonNode map = json(metadata);
    if (map.isEmpty()) {
      return "<meta-data/>";
    }
    StringBuilder b = new StringBuilder("<meta-data>\n");
    for (Iterator<Map.Entry<String, JsonNode>> f = map.fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = f.next();
      b.append("  <entry>\n    <string>")
          .append(entry.getKey())
          .append("</string>\n    <string>")
          .append(entry.getValue().asText())
          .append("</string>\n  </entry>\n");
    }
    return b.append("</meta-data>").toString();
  }

  /** Runs the CLI: exit code, standard output, standard error. */
  static String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      exit = HindsightCli.run(args, o, e);
    }
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }
}
