package dev.hindsight.store;

import static dev.hindsight.store.LibraryStores.ALICE;
import static dev.hindsight.store.LibraryStores.BOB;
import static dev.hindsight.store.LibraryStores.EVENTSOURCING_STATES;
import static dev.hindsight.store.LibraryStores.SNAPSHOT_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.SqliteFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in layout against a store built the way its library builds one (see {@link
 * LibraryStores}): auto-detection without hints, every field of every event read in global and in
 * stream order, the stream list, rows the library itself never reads (commands, archived and
 * deleted rows, snapshots) left out, and the store file left exactly as it was.
 */
class BuiltInLayoutsTest {

  @TempDir Path dir;

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("hindsight-simple", (LibraryStores.Builder) LibraryStores::hindsightSimple),
        Arguments.of("emmett", (LibraryStores.Builder) LibraryStores::emmett),
        Arguments.of("evtstore", (LibraryStores.Builder) LibraryStores::evtstore),
        Arguments.of("axon-jdbc", (LibraryStores.Builder) LibraryStores::axonJdbc),
        Arguments.of("axon-jpa", (LibraryStores.Builder) LibraryStores::axonJpa),
        Arguments.of("eventsourcing", (LibraryStores.Builder) LibraryStores::eventsourcing),
        Arguments.of(
            "eventsourcing-zlib", (LibraryStores.Builder) LibraryStores::eventsourcingZlib),
        Arguments.of(
            "eventsourcing-encrypted",
            (LibraryStores.Builder) LibraryStores::eventsourcingEncrypted),
        Arguments.of("pekko-jdbc", (LibraryStores.Builder) LibraryStores::pekkoJdbc),
        Arguments.of("akka-net-sqlite", (LibraryStores.Builder) LibraryStores::akkaNet),
        Arguments.of(
            "sqlstreamstore-sqlite", (LibraryStores.Builder) LibraryStores::sqlStreamStore),
        Arguments.of("eventuous-sqlite", (LibraryStores.Builder) LibraryStores::eventuous));
  }

  // ------------------------------------------------------------------ detection and read-only

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void detectsTheLayoutWithoutHints(String layout, LibraryStores.Builder builder) throws Exception {
    Path db = builder.build(dir);

    try (EventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(source.layout().name()).isEqualTo(layout);
      assertThat(source.layout().detect()).as("a resolved layout has no detection rules").isNull();
      assertThat(source.localFile()).contains(db.toAbsolutePath().normalize());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void openingListingAndReadingChangesNothing(String layout, LibraryStores.Builder builder)
      throws Exception {
    Path db = builder.build(dir);
    Map<String, String> listingBefore = listing(dir);
    String hashBefore = sha256(db);
    assertThat(listingBefore).containsOnlyKeys(db.getFileName().toString());

    try (EventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(source.layout().name()).isEqualTo(layout);
      List<StreamSummary> streams = source.streams();
      assertThat(streams).isNotEmpty();
      assertThat(source.readList(EventQuery.all())).hasSize(3);
      for (StreamSummary s : streams) {
        assertThat(source.readList(EventQuery.stream(s.stream()))).hasSize((int) s.events());
      }
      assertThat(listing(dir))
          .as("nothing created beside the store while open")
          .isEqualTo(listingBefore);
    }

    assertThat(sha256(db)).isEqualTo(hashBefore);
    assertThat(listing(dir)).isEqualTo(listingBefore);
  }

  // -------------------------------------------------------------------------- hindsight-simple

  @Test
  void hindsightSimpleEvents() throws Exception {
    Path db = LibraryStores.hindsightSimple(dir);
    assertEvents(
        db,
        "hindsight-simple",
        List.of(
            event(
                1,
                "account-82010c7d",
                1,
                "AccountOpened",
                null,
                "2024-03-01T08:03:32.597Z",
                json(
                    "{\"accountId\":\"account-82010c7d\","
                        + "\"creditLimit\":{\"amount\":24.00,\"currency\":\"EUR\"}}"),
                json("{\"correlationId\":\"c-1\",\"schemaVersion\":2}")),
            event(
                2,
                "cart-3139d324",
                1,
                "CartCreated",
                null,
                "2024-03-01T08:10:13.764Z",
                json("{\"cartId\":\"cart-3139d324\",\"items\":{}}"),
                json("{\"correlationId\":\"c-2\",\"schemaVersion\":1}")),
            event(
                3,
                "account-82010c7d",
                2,
                "AccountTierChanged",
                null,
                "2024-03-01T09:00:00.001Z",
                json("{\"tier\":\"gold\"}"),
                json("{\"correlationId\":\"c-3\",\"schemaVersion\":2}"))));
    try (EventSource source = open(db)) {
      assertThat(Json.write(source.readList(EventQuery.all()).get(0).data()))
          .isEqualTo(
              "{\"accountId\":\"account-82010c7d\","
                  + "\"creditLimit\":{\"amount\":24.00,\"currency\":\"EUR\"}}");
    }
  }

  @Test
  void hindsightSimpleStreams() throws Exception {
    Path db = LibraryStores.hindsightSimple(dir);
    try (EventSource source = open(db)) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "account-82010c7d",
                  "account",
                  2,
                  1,
                  2,
                  Instant.parse("2024-03-01T08:03:32.597Z"),
                  Instant.parse("2024-03-01T09:00:00.001Z")),
              new StreamSummary(
                  "cart-3139d324",
                  "cart",
                  1,
                  1,
                  1,
                  Instant.parse("2024-03-01T08:10:13.764Z"),
                  Instant.parse("2024-03-01T08:10:13.764Z")));
    }
  }

  // ------------------------------------------------------------------------------------ emmett

  @Test
  void emmettEventsLeaveOutCommandsAndArchivedStreams() throws Exception {
    Path db = LibraryStores.emmett(dir);
    assertEvents(
        db,
        "emmett",
        List.of(
            event(
                1,
                "shopping_cart-123",
                1,
                "ProductItemAdded",
                null,
                "2024-05-01T10:00:00Z",
                json("{\"productId\":\"shoes\",\"quantity\":2,\"unitPrice\":24.5}"),
                json(
                    "{\"streamName\":\"shopping_cart-123\",\"messageId\":\"8d5c1c2e-0001\","
                        + "\"streamPosition\":\"1\"}")),
            event(
                2,
                "shopping_cart-456",
                1,
                "ProductItemAdded",
                null,
                "2024-05-01T10:00:01Z",
                json("{\"productId\":\"hat\",\"quantity\":1,\"unitPrice\":10}"),
                json(
                    "{\"streamName\":\"shopping_cart-456\",\"messageId\":\"8d5c1c2e-0002\","
                        + "\"streamPosition\":\"1\",\"correlationId\":\"corr-7\"}")),
            event(
                3,
                "shopping_cart-123",
                2,
                "ShoppingCartConfirmed",
                null,
                "2024-05-01T10:00:02Z",
                json("{\"confirmedAt\":\"2024-05-01T10:00:02.000Z\"}"),
                json(
                    "{\"streamName\":\"shopping_cart-123\",\"messageId\":\"8d5c1c2e-0003\","
                        + "\"streamPosition\":\"1\"}"))));
    try (EventSource source = open(db)) {
      assertThat(source.hasStream("shopping_cart-999")).as("archived").isFalse();
      assertThat(source.readList(EventQuery.stream("shopping_cart-999"))).isEmpty();
      assertThat(source.readList(EventQuery.stream("shopping_cart-123").withVersions(3L, null)))
          .as("the command at position 3")
          .isEmpty();
    }
  }

  @Test
  void emmettStreams() throws Exception {
    Path db = LibraryStores.emmett(dir);
    try (EventSource source = open(db)) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "shopping_cart-123",
                  "shopping_cart",
                  2,
                  1,
                  2,
                  Instant.parse("2024-05-01T10:00:00Z"),
                  Instant.parse("2024-05-01T10:00:02Z")),
              new StreamSummary(
                  "shopping_cart-456",
                  "shopping_cart",
                  1,
                  1,
                  1,
                  Instant.parse("2024-05-01T10:00:01Z"),
                  Instant.parse("2024-05-01T10:00:01Z")));
    }
  }

  // ---------------------------------------------------------------------------------- evtstore

  @Test
  void evtstoreEvents() throws Exception {
    Path db = LibraryStores.evtstore(dir);
    assertThat(column(db, "SELECT typeof(timestamp) || ' ' || timestamp FROM events"))
        .as("a JS Date bound as REAL ms, kept as INTEGER by the datetime affinity")
        .containsExactly("integer 1714557600123", "integer 1714557601000", "integer 1714557602999");
    assertEvents(
        db,
        "evtstore",
        List.of(
            event(
                1,
                "users/u-1",
                1,
                "userCreated",
                null,
                "2024-05-01T10:00:00.123Z",
                json("{\"type\":\"userCreated\",\"name\":\"Bob\"}"),
                null),
            event(
                2,
                "accounts/a-9",
                1,
                "accountOpened",
                null,
                "2024-05-01T10:00:01Z",
                json("{\"type\":\"accountOpened\",\"owner\":\"u-1\"}"),
                null),
            event(
                3,
                "users/u-1",
                2,
                "nameChanged",
                null,
                "2024-05-01T10:00:02.999Z",
                json(
                    "{\"type\":\"nameChanged\",\"name\":\"Robert\","
                        + "\"__persisted\":{\"version\":2,\"aggregate\":{\"name\":\"Robert\"}}}"),
                null)));
    try (EventSource source = open(db)) {
      assertThat(source.hasStream("users/a-9")).isFalse();
      assertThat(source.hasStream("accounts/a-9")).isTrue();
    }
  }

  @Test
  void evtstoreStreams() throws Exception {
    Path db = LibraryStores.evtstore(dir);
    try (EventSource source = open(db)) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "accounts/a-9",
                  "accounts",
                  1,
                  1,
                  1,
                  Instant.parse("2024-05-01T10:00:01Z"),
                  Instant.parse("2024-05-01T10:00:01Z")),
              new StreamSummary(
                  "users/u-1",
                  "users",
                  2,
                  1,
                  2,
                  Instant.parse("2024-05-01T10:00:00.123Z"),
                  Instant.parse("2024-05-01T10:00:02.999Z")));
    }
  }

  // -------------------------------------------------------------------------------- axon-jdbc

  private static final String REPORT_ID = "e0b1c0de-0000-4000-8000-000000000003";

  @Test
  void axonJdbcEvents() throws Exception {
    Path db = LibraryStores.axonJdbc(dir);
    assertEvents(
        db,
        "axon-jdbc",
        List.of(
            event(
                1,
                "card-1",
                0,
                "com.example.giftcard.CardIssuedEvent",
                null,
                "2024-05-01T10:00:00.123Z",
                json("{\"cardId\":\"card-1\",\"amount\":24.00}"),
                json("{\"traceId\":\"trace-1\",\"correlationId\":\"trace-1\"}")),
            event(
                2,
                "card-1",
                1,
                "com.example.giftcard.CardRedeemedEvent",
                "2",
                "2024-05-01T10:00:01.456789Z",
                json("{\"cardId\":\"card-1\",\"amount\":4.50,\"note\":null}"),
                json("{\"traceId\":\"trace-2\",\"correlationId\":\"trace-1\",\"attempt\":1}")),
            event(
                3,
                REPORT_ID,
                0,
                "com.example.giftcard.ReportRequested",
                null,
                "2024-05-01T10:00:02Z",
                json("{\"period\":\"2024-04\"}"),
                json("{}"))));
    try (EventSource source = open(db)) {
      List<StoredEvent> all = source.readList(EventQuery.all());
      assertThat(Json.write(all.get(0).data()))
          .isEqualTo("{\"cardId\":\"card-1\",\"amount\":24.00}");
      assertThat(Json.write(all.get(1).data()))
          .isEqualTo("{\"cardId\":\"card-1\",\"amount\":4.50,\"note\":null}");
      assertThat(source.hasStream("card-snapshot-only")).as("snapshot only").isFalse();
    }
  }

  @Test
  void axonJdbcStreams() throws Exception {
    Path db = LibraryStores.axonJdbc(dir);
    try (EventSource source = open(db)) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "card-1",
                  "GiftCard",
                  2,
                  0,
                  1,
                  Instant.parse("2024-05-01T10:00:00.123Z"),
                  Instant.parse("2024-05-01T10:00:01.456789Z")),
              new StreamSummary(
                  REPORT_ID,
                  null,
                  1,
                  0,
                  0,
                  Instant.parse("2024-05-01T10:00:02Z"),
                  Instant.parse("2024-05-01T10:00:02Z")));
    }
  }

  // --------------------------------------------------------------------------------- axon-jpa

  private static final String OPENED_ACC_1 =
      "<com.example.Account_-Opened><accountId>acc-1</accountId>"
          + "<owner>Alice</owner></com.example.Account_-Opened>";
  private static final String DEPOSITED =
      "<com.example.account.MoneyDepositedEvent><accountId>acc-1</accountId>"
          + "<amount>24.00</amount></com.example.account.MoneyDepositedEvent>";
  private static final String OPENED_ACC_2 =
      "<com.example.Account_-Opened><accountId>acc-2</accountId>"
          + "<owner>Bob</owner></com.example.Account_-Opened>";
  private static final String META_ACC_1 =
      "<meta-data><entry><string>traceId</string><string>t-1</string></entry>"
          + "<entry><string>correlationId</string><string>t-1</string></entry></meta-data>";

  @Test
  void axonJpaEventsShowXStreamXmlAsText() throws Exception {
    Path db = LibraryStores.axonJpa(dir);
    assertEvents(
        db,
        "axon-jpa",
        List.of(
            event(
                1,
                "acc-1",
                0,
                "com.example.Account$Opened",
                null,
                "2024-05-01T10:00:00.123Z",
                TextNode.valueOf(OPENED_ACC_1),
                TextNode.valueOf(META_ACC_1)),
            event(
                2,
                "acc-1",
                1,
                "com.example.account.MoneyDepositedEvent",
                "2",
                "2024-05-01T10:00:01Z",
                TextNode.valueOf(DEPOSITED),
                TextNode.valueOf("<meta-data/>")),
            event(
                51,
                "acc-2",
                0,
                "com.example.Account$Opened",
                null,
                "2024-05-02T08:30:00.500Z",
                TextNode.valueOf(OPENED_ACC_2),
                TextNode.valueOf("<meta-data/>"))));
    try (EventSource source = open(db)) {
      assertThat(source.hasStream("acc-snapshot-only")).isFalse();
      assertThat(source.readList(EventQuery.all().withLimit(2)))
          .extracting(StoredEvent::position)
          .containsExactly(1L, 2L);
    }
  }

  @Test
  void axonJpaStreams() throws Exception {
    Path db = LibraryStores.axonJpa(dir);
    try (EventSource source = open(db)) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "acc-1",
                  "Account",
                  2,
                  0,
                  1,
                  Instant.parse("2024-05-01T10:00:00.123Z"),
                  Instant.parse("2024-05-01T10:00:01Z")),
              new StreamSummary(
                  "acc-2",
                  "Account",
                  1,
                  0,
                  0,
                  Instant.parse("2024-05-02T08:30:00.5Z"),
                  Instant.parse("2024-05-02T08:30:00.5Z")));
    }
  }

  // ---------------------------------------------------------------------------- eventsourcing

  private static List<StoredEvent> eventsourcingEvents() throws JsonProcessingException {
    return List.of(
        event(
            1,
            ALICE,
            1,
            "bank.domain:Account.Opened",
            null,
            "2024-05-01T10:00:00.123456Z",
            json(EVENTSOURCING_STATES[0]),
            null),
        event(
            2,
            BOB,
            1,
            "bank.domain:Account.Opened",
            null,
            "2024-05-01T10:00:05Z",
            json(EVENTSOURCING_STATES[1]),
            null),
        event(
            3,
            ALICE,
            2,
            "bank.domain:Account.Credited",
            null,
            "2024-05-01T10:00:01.000001Z",
            json(EVENTSOURCING_STATES[2]),
            null));
  }

  private static final String CREDITED_COMPACT =
      "{\"timestamp\":{\"_type_\":\"datetime_iso\",\"_data_\":\"2024-05-01T10:00:01.000001+00:00\"},"
          + "\"amount\":{\"_type_\":\"decimal_str\",\"_data_\":\"24.00\"},"
          + "\"transaction_id\":{\"_type_\":\"uuid_hex\",\"_data_\":\"5e2a3d7b0c9e4f1a8b6d2c4e6f8a0b1c\"}}";

  private static List<StreamSummary> eventsourcingStreams() {
    return List.of(
        new StreamSummary(
            ALICE,
            "Account",
            2,
            1,
            2,
            Instant.parse("2024-05-01T10:00:00.123456Z"),
            Instant.parse("2024-05-01T10:00:01.000001Z")),
        new StreamSummary(
            BOB,
            "Account",
            1,
            1,
            1,
            Instant.parse("2024-05-01T10:00:05Z"),
            Instant.parse("2024-05-01T10:00:05Z")));
  }

  @Test
  void eventsourcingEvents_json() throws Exception {
    Path db = LibraryStores.eventsourcing(dir);
    assertEvents(db, "eventsourcing", eventsourcingEvents());
    try (EventSource source = open(db)) {
      assertThat(Json.write(source.readList(EventQuery.all()).get(2).data()))
          .isEqualTo(CREDITED_COMPACT);
      assertThat(source.hasStream(SNAPSHOT_ONLY)).as("snapshot only").isFalse();
    }
  }

  @Test
  void eventsourcingStreams_json() throws Exception {
    try (EventSource source = open(LibraryStores.eventsourcing(dir))) {
      assertThat(source.streams()).containsExactlyElementsOf(eventsourcingStreams());
    }
  }

  @Test
  void eventsourcingZlibEvents() throws Exception {
    Path db = LibraryStores.eventsourcingZlib(dir);
    assertThat(column(db, "SELECT hex(substr(state, 1, 2)) FROM stored_events ORDER BY rowid"))
        .as("zlib.compress output")
        .containsExactly("789C", "789C", "789C");
    assertEvents(db, "eventsourcing-zlib", eventsourcingEvents());
    try (EventSource source = open(db)) {
      assertThat(Json.write(source.readList(EventQuery.all()).get(2).data()))
          .isEqualTo(CREDITED_COMPACT);
      assertThat(source.hasStream(SNAPSHOT_ONLY)).isFalse();
    }
  }

  @Test
  void eventsourcingZlibStreams() throws Exception {
    try (EventSource source = open(LibraryStores.eventsourcingZlib(dir))) {
      assertThat(source.streams()).containsExactlyElementsOf(eventsourcingStreams());
    }
  }

  @Test
  void eventsourcingEncryptedEventsAreShownAsEncrypted() throws Exception {
    Path db = LibraryStores.eventsourcingEncrypted(dir);
    int[] sizes = {
      LibraryStores.encryptedSize(0), LibraryStores.encryptedSize(1), LibraryStores.encryptedSize(2)
    };
    assertThat(sizes).containsExactly(180, 171, 259);
    assertEvents(
        db,
        "eventsourcing-encrypted",
        List.of(
            encrypted(1, ALICE, 1, "bank.domain:Account.Opened", sizes[0]),
            encrypted(2, BOB, 1, "bank.domain:Account.Opened", sizes[1]),
            encrypted(3, ALICE, 2, "bank.domain:Account.Credited", sizes[2])));
  }

  @Test
  void eventsourcingEncryptedStreams() throws Exception {
    try (EventSource source = open(LibraryStores.eventsourcingEncrypted(dir))) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(ALICE, "Account", 2, 1, 2, null, null),
              new StreamSummary(BOB, "Account", 1, 1, 1, null, null));
    }
  }

  private static StoredEvent encrypted(
      long position, String stream, long version, String topic, int size) {
    return new StoredEvent(
        position,
        stream,
        version,
        topic,
        null,
        null,
        TextNode.valueOf("[encrypted payload, " + size + " bytes]"),
        null,
        List.of("encrypted payload (" + size + " bytes)"));
  }

  // ------------------------------------------------------------------------------- pekko-jdbc

  @Test
  void pekkoJdbcEventsDecodeJsonAndCborAndSkipDeletedRows() throws Exception {
    Path db = LibraryStores.pekkoJdbc(dir);
    assertEvents(
        db,
        "pekko-jdbc",
        List.of(
            event(
                1,
                "ShoppingCart|cart-1",
                1,
                "com.example.Cart$ItemAdded#2",
                "2",
                "2024-05-01T10:00:00.123Z",
                json("{\"cartId\":\"cart-1\",\"itemId\":\"socks\",\"quantity\":2,\"price\":24.00}"),
                NullNode.getInstance()),
            event(
                2,
                "ShoppingCart|cart-2",
                1,
                "com.example.Cart$ItemAdded#2",
                "2",
                "2024-05-01T10:00:01Z",
                json("{\"cartId\":\"cart-2\",\"itemId\":\"hat\",\"quantity\":1,\"price\":9.99}"),
                json("{\"source\":\"api\"}")),
            event(
                3,
                "ShoppingCart|cart-1",
                2,
                "com.example.Cart$CheckedOut",
                null,
                "2024-05-01T10:00:05.500Z",
                json(
                    "{\"cartId\":\"cart-1\",\"eventTime\":\"2024-05-01T10:00:05.5Z\","
                        + "\"total\":24.00,\"items\":2}"),
                NullNode.getInstance())));
    try (EventSource source = open(db)) {
      List<StoredEvent> all = source.readList(EventQuery.all());
      assertThat(Json.write(all.get(2).data()))
          .as("CBOR decimal kept exact")
          .isEqualTo(
              "{\"cartId\":\"cart-1\",\"eventTime\":\"2024-05-01T10:00:05.5Z\","
                  + "\"total\":24.00,\"items\":2}");
      assertThat(Json.write(EventJson.toJson(all.get(0))))
          .isEqualTo(
              "{\"position\":1,\"stream\":\"ShoppingCart|cart-1\",\"version\":1,"
                  + "\"type\":\"com.example.Cart$ItemAdded#2\",\"revision\":\"2\","
                  + "\"timestamp\":\"2024-05-01T10:00:00.123Z\",\"data\":{\"cartId\":\"cart-1\","
                  + "\"itemId\":\"socks\",\"quantity\":2,\"price\":24.00},\"metadata\":null}");
      assertThat(source.hasStream("ShoppingCart|cart-3")).as("deleted").isFalse();
      assertThat(source.hasStream("ShoppingCart|cart-snapshot-only")).isFalse();
    }
  }

  @Test
  void pekkoJdbcStreams() throws Exception {
    try (EventSource source = open(LibraryStores.pekkoJdbc(dir))) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "ShoppingCart|cart-1",
                  "ShoppingCart",
                  2,
                  1,
                  2,
                  Instant.parse("2024-05-01T10:00:00.123Z"),
                  Instant.parse("2024-05-01T10:00:05.5Z")),
              new StreamSummary(
                  "ShoppingCart|cart-2",
                  "ShoppingCart",
                  1,
                  1,
                  1,
                  Instant.parse("2024-05-01T10:00:01Z"),
                  Instant.parse("2024-05-01T10:00:01Z")));
    }
  }

  // -------------------------------------------------------------------------- akka-net-sqlite

  @Test
  void akkaNetEventsReadTicksAndTypeFromManifestOrJson() throws Exception {
    Path db = LibraryStores.akkaNet(dir);
    assertEvents(
        db,
        "akka-net-sqlite",
        List.of(
            event(
                1,
                "cart-1",
                1,
                "Shop.Events.ItemAdded, Shop",
                null,
                "2024-05-01T10:00:00.1234567Z",
                json(
                    "{\"$id\":\"1\",\"$type\":\"Shop.Events.ItemAdded, Shop\","
                        + "\"CartId\":\"cart-1\",\"Sku\":\"socks\",\"Price\":24.00}"),
                null),
            event(
                2,
                "order-7",
                1,
                "Shop.Events.OrderPlaced, Shop",
                null,
                "2024-05-01T10:00:01Z",
                json("{\"OrderId\":\"order-7\",\"Total\":24.00}"),
                null),
            event(
                3,
                "cart-1",
                2,
                "Shop.Events.CheckedOut, Shop",
                null,
                "2024-05-01T10:00:02.0000001Z",
                json(
                    "{\"$id\":\"1\",\"$type\":\"Shop.Events.CheckedOut, Shop\","
                        + "\"CartId\":\"cart-1\"}"),
                null)));
    try (EventSource source = open(db)) {
      assertThat(Json.write(source.readList(EventQuery.all()).get(1).data()))
          .isEqualTo("{\"OrderId\":\"order-7\",\"Total\":24.00}");
      assertThat(source.hasStream("cart-2")).as("soft-deleted").isFalse();
      assertThat(source.hasStream("cart-snapshot-only")).isFalse();
    }
  }

  @Test
  void akkaNetStreams() throws Exception {
    try (EventSource source = open(LibraryStores.akkaNet(dir))) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "cart-1",
                  "cart",
                  2,
                  1,
                  2,
                  Instant.parse("2024-05-01T10:00:00.1234567Z"),
                  Instant.parse("2024-05-01T10:00:02.0000001Z")),
              new StreamSummary(
                  "order-7",
                  "order",
                  1,
                  1,
                  1,
                  Instant.parse("2024-05-01T10:00:01Z"),
                  Instant.parse("2024-05-01T10:00:01Z")));
    }
  }

  // -------------------------------------------------------------------- sqlstreamstore-sqlite

  @Test
  void sqlStreamStoreEventsUseTheOriginalStreamIdAndZeroBasedPositions() throws Exception {
    Path db = LibraryStores.sqlStreamStore(dir);
    assertEvents(
        db,
        "sqlstreamstore-sqlite",
        List.of(
            event(
                0,
                "Account-1",
                0,
                "AccountOpened",
                null,
                "2024-05-01T10:00:00.1234567Z",
                json("{\"AccountId\":\"Account-1\",\"Balance\":24.00}"),
                json("{\"UserId\":\"u-1\"}")),
            event(
                1,
                "Account-2",
                0,
                "AccountOpened",
                null,
                "2024-05-01T10:00:01Z",
                json("{\"AccountId\":\"Account-2\",\"Balance\":0}"),
                NullNode.getInstance()),
            event(
                2,
                "Account-1",
                1,
                "FundsDeposited",
                null,
                "2024-05-01T10:00:02.5Z",
                json("{\"Amount\":1.50}"),
                json("{\"UserId\":\"u-2\"}"))));
    try (EventSource source = open(db)) {
      assertThat(Json.write(source.readList(EventQuery.all()).get(0).data()))
          .isEqualTo("{\"AccountId\":\"Account-1\",\"Balance\":24.00}");
      assertThat(source.hasStream("F2E24B1F9E058983E7C4E297CDE387BCBF469269"))
          .as("the hashed id is not the stream id")
          .isFalse();
    }
  }

  @Test
  void sqlStreamStoreStreams() throws Exception {
    try (EventSource source = open(LibraryStores.sqlStreamStore(dir))) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "Account-1",
                  "Account",
                  2,
                  0,
                  1,
                  Instant.parse("2024-05-01T10:00:00.1234567Z"),
                  Instant.parse("2024-05-01T10:00:02.5Z")),
              new StreamSummary(
                  "Account-2",
                  "Account",
                  1,
                  0,
                  0,
                  Instant.parse("2024-05-01T10:00:01Z"),
                  Instant.parse("2024-05-01T10:00:01Z")));
    }
  }

  // ------------------------------------------------------------------------- eventuous-sqlite

  @Test
  void eventuousEvents() throws Exception {
    Path db = LibraryStores.eventuous(dir);
    JsonNode meta =
        json("{\"eventuous.correlation-id\":\"c-1\",\"eventuous.causation-id\":\"c-1\"}");
    assertEvents(
        db,
        "eventuous-sqlite",
        List.of(
            event(
                1,
                "Booking-123",
                0,
                "V1.RoomBooked",
                null,
                "2024-05-01T10:00:00.1234567Z",
                json("{\"bookingId\":\"123\",\"roomId\":\"r-12\",\"price\":24.00}"),
                meta),
            event(
                2,
                "Booking-123",
                1,
                "V1.PaymentRecorded",
                null,
                "2024-05-01T10:00:00.1234567Z",
                json("{\"bookingId\":\"123\",\"paid\":24.00}"),
                meta),
            event(
                3,
                "Booking-456",
                0,
                "V1.RoomBooked",
                null,
                "2024-05-02T23:59:59.9999999Z",
                json("{\"bookingId\":\"456\",\"roomId\":\"r-7\",\"price\":100.5}"),
                json("{}"))));
    try (EventSource source = open(db)) {
      assertThat(source.layout().table()).isEqualTo("eventuous_messages");
      assertThat(source.layout().join().table()).isEqualTo("eventuous_streams");
      assertThat(Json.write(source.readList(EventQuery.all()).get(1).data()))
          .isEqualTo("{\"bookingId\":\"123\",\"paid\":24.00}");
    }
  }

  @Test
  void eventuousStreams() throws Exception {
    try (EventSource source = open(LibraryStores.eventuous(dir))) {
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "Booking-123",
                  "Booking",
                  2,
                  0,
                  1,
                  Instant.parse("2024-05-01T10:00:00.1234567Z"),
                  Instant.parse("2024-05-01T10:00:00.1234567Z")),
              new StreamSummary(
                  "Booking-456",
                  "Booking",
                  1,
                  0,
                  0,
                  Instant.parse("2024-05-02T23:59:59.9999999Z"),
                  Instant.parse("2024-05-02T23:59:59.9999999Z")));
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  private static EventSource open(Path db) {
    return SqliteEventSource.open(db, (Path) null);
  }

  /**
   * Reads all events and each stream's events, and checks both against {@code expected} (given in
   * global order) field by field, with payloads compared as exact JSON trees. The links (ids,
   * correlation, causation) are {@link EventLinksTest}'s business.
   */
  private static void assertEvents(Path db, String layout, List<StoredEvent> expected) {
    try (EventSource source = open(db)) {
      assertThat(source.layout().name()).isEqualTo(layout);
      assertThat(withoutLinks(source.readList(EventQuery.all())))
          .containsExactlyElementsOf(expected);

      Map<String, List<StoredEvent>> byStream = new LinkedHashMap<>();
      expected.stream()
          .sorted(Comparator.comparingLong(StoredEvent::version))
          .forEach(e -> byStream.computeIfAbsent(e.stream(), k -> new ArrayList<>()).add(e));
      for (Map.Entry<String, List<StoredEvent>> stream : byStream.entrySet()) {
        assertThat(source.hasStream(stream.getKey())).isTrue();
        assertThat(withoutLinks(source.readList(EventQuery.stream(stream.getKey()))))
            .as("stream %s", stream.getKey())
            .containsExactlyElementsOf(stream.getValue());
      }
      assertThat(source.streams())
          .extracting(StreamSummary::stream)
          .containsExactlyInAnyOrderElementsOf(byStream.keySet());
    }
  }

  private static List<StoredEvent> withoutLinks(List<StoredEvent> events) {
    return events.stream()
        .map(
            e ->
                new StoredEvent(
                    e.position(),
                    e.stream(),
                    e.version(),
                    e.type(),
                    e.revision(),
                    e.timestamp(),
                    e.data(),
                    e.metadata(),
                    e.problems()))
        .toList();
  }

  private static StoredEvent event(
      long position,
      String stream,
      long version,
      String type,
      String revision,
      String timestamp,
      JsonNode data,
      JsonNode metadata) {
    return new StoredEvent(
        position,
        stream,
        version,
        type,
        revision,
        timestamp == null ? null : Instant.parse(timestamp),
        data,
        metadata,
        List.of());
  }

  private static JsonNode json(String text) throws JsonProcessingException {
    return Json.parse(text);
  }

  /** The values of a query's first column, read through Hindsight's own read-only opening. */
  private static List<String> column(Path db, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (SqliteFile file = SqliteFile.open(db);
        Statement st = file.connection().createStatement();
        ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every file under {@code root}: its size and modification time, by relative path. */
  private static Map<String, String> listing(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .filter(p -> !p.equals(root))
          .forEach(
              p -> {
                try {
                  BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                  files.put(
                      root.relativize(p).toString(),
                      (a.isDirectory() ? "dir " : a.size() + " bytes ")
                          + a.lastModifiedTime().toMillis());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return files;
  }
}
