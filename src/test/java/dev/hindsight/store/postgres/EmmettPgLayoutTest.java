package dev.hindsight.store.postgres;

import static dev.hindsight.store.postgres.PgTestStores.assertEvents;
import static dev.hindsight.store.postgres.PgTestStores.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.cli.HindsightCli;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.postgres.PgTestStores.Ev;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Emmett's PostgreSQL store (emmett.sql) is detected and read as Emmett means it: events only (the
 * command is left out), archived rows left out (the live stream that reuses the archived id starts
 * again at 1), both partitions, {@code message_schema_version} as the revision; and {@code verify}
 * checks {@code emt_streams} against the rows on PostgreSQL.
 */
class EmmettPgLayoutTest {

  static final String CART1 = "shopping_cart-1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71";
  static final String CART2 = "shopping_cart-2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22";
  static final String ORDER = "order-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51";
  static final String FLOW = "order_workflow-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51";
  static final String STAY = "guest_stay-11aa22bb-33cc-44dd-85ee-66ff77008899";
  static final String CORR = "{\"correlationId\":\"corr-6f1d7a\"}";
  static final String BY_CONFIRM =
      "{\"correlationId\":\"corr-6f1d7a\",\"causationId\":\"5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04\"}";
  static final String BY_RESERVE =
      "{\"correlationId\":\"corr-6f1d7a\",\"causationId\":\"af000000-0001-4000-8000-000000000012\"}";

  static String db;

  @BeforeAll
  static void load() throws Exception {
    db = PgTestStores.load("emmett.sql", "public");
  }

  @Test
  void readsEveryEventAsEmmettWroteIt() {
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("emmett-postgresql");
      assertEvents(source.readList(EventQuery.all()), expected());
    }
  }

  @Test
  void listsTheLiveStreamsWithTheirTypesCountsVersionsAndTimes() {
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.streams())
          .containsExactly(
              stream(
                  STAY, "guest_stay", 3, 1, 3, "2024-09-10T09:40:00Z", "2024-09-11T07:05:00.100Z"),
              stream(
                  "inventory", null, 3, 1, 3, "2024-09-10T09:20:00Z", "2024-09-11T07:05:00.300Z"),
              stream(
                  ORDER, "order", 2, 1, 2, "2024-09-10T09:45:10.200Z", "2024-09-10T09:45:10.200Z"),
              stream(
                  FLOW,
                  "order_workflow",
                  1,
                  2,
                  2,
                  "2024-09-10T09:45:10.512Z",
                  "2024-09-10T09:45:10.512Z"),
              stream(
                  CART1,
                  "shopping_cart",
                  4,
                  1,
                  4,
                  "2024-09-10T09:15:00.250Z",
                  "2024-09-10T09:45:10.010Z"),
              stream(
                  CART2, "shopping_cart", 1, 1, 1, "2024-09-11T07:00:00Z", "2024-09-11T07:00:00Z"));
      // the live stream that reuses the archived id: its own event only, from position 1
      assertThat(source.readList(EventQuery.stream(CART2)))
          .extracting(e -> e.position() + "@" + e.version())
          .containsExactly("16@1");
    }
  }

  @Test
  void verifyChecksEmtStreamsAgainstTheRowsOnPostgresql() throws Exception {
    Run clean = verify(db);
    // the fixture's real time regressions are warnings; every stream's header matches its rows
    assertThat(clean.out()).as(clean.toString()).contains("0 errors").doesNotContain("header");
    String broken = PgTestStores.load("emmett.sql", "public");
    PgTestStores.admin(
        broken,
        "UPDATE emt_streams SET stream_position = 5 WHERE stream_id = 'inventory'"
            + " AND NOT is_archived");
    Run found = verify(broken);
    assertThat(found.exit()).as(found.toString()).isNotZero();
    assertThat(found.out())
        .containsPattern("findings: +1 errors?,")
        .containsPattern(
            "error +stream-header-mismatch +inventory .*the stream's header says version 5, its"
                + " rows end at version 3");
  }

  record Run(int exit, String out, String err) {}

  static Run verify(String database) {
    String url =
        PgServer.url(database)
            .display()
            .replace(PgServer.READER + "@", PgServer.READER + ":" + PgServer.READER_PASSWORD + "@");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      exit = HindsightCli.run(new String[] {"verify", url}, o, e);
    }
    return new Run(exit, out.toString(), err.toString());
  }

  static List<Ev> expected() {
    return List.of(
        new Ev(
            3,
            CART1,
            1,
            "ProductItemAddedToShoppingCart",
            "1",
            "2024-09-10T09:15:00.250Z",
            "{\"shoppingCartId\":\"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71\",\"clientId\":\"client-42\",\"productItem\":{\"productId\":\"p-200\",\"quantity\":2,\"unitPrice\":9.99},\"addedAt\":\"2024-09-10T09:15:00.248Z\"}",
            CORR,
            "5a1b2c3d-0001-4e5f-8a9b-0c1d2e3f4a01",
            "corr-6f1d7a",
            null),
        new Ev(
            4,
            CART1,
            2,
            "ProductItemAddedToShoppingCart",
            "1",
            "2024-09-10T09:15:00.250Z",
            "{\"shoppingCartId\":\"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71\",\"clientId\":\"client-42\",\"productItem\":{\"productId\":\"p-300\",\"quantity\":1,\"unitPrice\":120},\"addedAt\":\"2024-09-10T09:15:00.248Z\"}",
            CORR,
            "5a1b2c3d-0002-4e5f-8a9b-0c1d2e3f4a02",
            "corr-6f1d7a",
            null),
        new Ev(
            5,
            "inventory",
            1,
            "StockCounted",
            "1",
            "2024-09-10T09:20:00Z",
            "{\"warehouse\":\"WH-1\",\"counts\":{\"p-100\":40,\"p-200\":12,\"p-300\":3}}",
            "{}",
            "9e8d7c6b-0001-4a5b-8c6d-000000000005",
            null,
            null),
        new Ev(
            6,
            CART1,
            3,
            "ProductItemRemovedFromShoppingCart",
            "1",
            "2024-09-10T09:31:44.873Z",
            "{\"shoppingCartId\":\"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71\",\"productItem\":{\"productId\":\"p-200\",\"quantity\":1,\"unitPrice\":9.99},\"removedAt\":\"2024-09-10T09:31:44.870Z\"}",
            CORR,
            "5a1b2c3d-0003-4e5f-8a9b-0c1d2e3f4a03",
            "corr-6f1d7a",
            null),
        new Ev(
            7,
            STAY,
            1,
            "GuestCheckedIn",
            "1",
            "2024-09-10T09:40:00Z",
            "{\"guestStayId\":\"11aa22bb-33cc-44dd-85ee-66ff77008899\",\"roomNumber\":\"101\",\"checkedInAt\":\"2024-09-10T09:40:00.000Z\"}",
            "{}",
            "c1c1c1c1-0001-4000-8000-000000000007",
            null,
            null),
        new Ev(
            8,
            CART1,
            4,
            "ShoppingCartConfirmed",
            "1",
            "2024-09-10T09:45:10.010Z",
            "{\"shoppingCartId\":\"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71\",\"confirmedAt\":\"2024-09-10T09:45:10.004Z\"}",
            "{\"correlationId\":\"corr-6f1d7a\",\"causationId\":\"cmd-confirm-0001\"}",
            "5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04",
            "corr-6f1d7a",
            "cmd-confirm-0001"),
        new Ev(
            9,
            ORDER,
            1,
            "OrderInitiated",
            "1",
            "2024-09-10T09:45:10.200Z",
            "{\"orderId\":\"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51\",\"shoppingCartId\":\"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71\",\"totalAmount\":129.99,\"initiatedAt\":\"2024-09-10T09:45:10.195Z\"}",
            BY_CONFIRM,
            "7d2e0000-0001-4000-8000-000000000009",
            "corr-6f1d7a",
            "5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04"),
        new Ev(
            10,
            ORDER,
            2,
            "PaymentRequested",
            "1",
            "2024-09-10T09:45:10.200Z",
            "{\"orderId\":\"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51\",\"amount\":129.99,\"currency\":\"EUR\"}",
            BY_CONFIRM,
            "7d2e0000-0002-4000-8000-000000000010",
            "corr-6f1d7a",
            "5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04"),
        new Ev(
            11,
            STAY,
            2,
            "ChargeRecorded",
            "1",
            "2024-09-10T09:50:00Z",
            "{\"guestStayId\":\"11aa22bb-33cc-44dd-85ee-66ff77008899\",\"amount\":89.5,\"recordedAt\":\"2024-09-10T09:50:00.000Z\"}",
            "{}",
            "c1c1c1c1-0002-4000-8000-000000000011",
            null,
            null),
        new Ev(
            13,
            FLOW,
            2,
            "StockReserved",
            "1",
            "2024-09-10T09:45:10.512Z",
            "{\"orderId\":\"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51\"}",
            "{\"correlationId\":\"corr-6f1d7a\",\"causationId\":\"af000000-0001-4000-8000-000000000012\"}",
            "af000000-0002-4000-8000-000000000013",
            "corr-6f1d7a",
            "af000000-0001-4000-8000-000000000012"),
        new Ev(
            14,
            "inventory",
            2,
            "StockDecreased",
            "1",
            "2024-09-10T09:45:10.512Z",
            "{\"warehouse\":\"WH-1\",\"productId\":\"p-300\",\"by\":1}",
            BY_RESERVE,
            "9e8d7c6b-0002-4a5b-8c6d-000000000014",
            "corr-6f1d7a",
            "af000000-0001-4000-8000-000000000012"),
        new Ev(
            16,
            CART2,
            1,
            "ProductItemAddedToShoppingCart",
            "1",
            "2024-09-11T07:00:00Z",
            "{\"shoppingCartId\":\"2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22\",\"productItem\":{\"productId\":\"p-100\",\"quantity\":3,\"unitPrice\":15},\"addedAt\":\"2024-09-11T06:59:59.990Z\"}",
            "{}",
            "0b9d1e22-4c1a-4a77-9a31-6f0e5d4c3b16",
            null,
            null),
        new Ev(
            17,
            "inventory",
            3,
            "StockDecreased",
            "1",
            "2024-09-11T07:05:00.300Z",
            "{\"warehouse\":\"WH-1\",\"productId\":\"p-100\",\"by\":3}",
            "{}",
            "9e8d7c6b-0003-4a5b-8c6d-000000000017",
            null,
            null),
        new Ev(
            18,
            STAY,
            3,
            "GuestCheckedOut",
            "1",
            "2024-09-11T07:05:00.100Z",
            "{\"guestStayId\":\"11aa22bb-33cc-44dd-85ee-66ff77008899\",\"checkedOutAt\":\"2024-09-11T07:05:00.095Z\",\"unicodeNote\":\"Grüße, 東京 ✓\"}",
            "{\"correlationId\":\"corr-globex-9\",\"causationId\":\"cmd-checkout-77\"}",
            "c1c1c1c1-0003-4000-8000-000000000018",
            "corr-globex-9",
            "cmd-checkout-77"));
  }
}
