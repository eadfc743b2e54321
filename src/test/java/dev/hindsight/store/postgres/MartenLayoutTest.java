package dev.hindsight.store.postgres;

import static dev.hindsight.store.postgres.PgTestStores.assertEvents;
import static dev.hindsight.store.postgres.PgTestStores.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.postgres.PgTestStores.Ev;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Marten's stores are detected and read as Marten means them: under conjoined tenancy a stream is
 * {@code TENANT/ID} (two tenants' {@code order-1001} are two streams), a single-tenant store shows
 * bare ids; the aggregate type is {@code mt_streams.type}; archived streams are shown with Marten's
 * {@code archived} event; tombstones are left out; correlation and causation come from their
 * columns (when the store has them), the metadata is {@code headers}, and a binary event's payload
 * is its {@code bdata}.
 */
class MartenLayoutTest {

  static final String HEADERS_BOB = "{\"user\":\"bob\",\"source\":\"mobile\"}";
  static final String FLOW = "7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001";
  static final String GLOBEX = "11111111-2222-4333-8444-555555555555";

  @Test
  void conjoinedTenancyShowsEachTenantsStreamsApart() throws Exception {
    String db = PgTestStores.load("marten-string.sql", "public");
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("marten");
      assertThat(source.streams())
          .containsExactly(
              stream(
                  "acme/order-1000",
                  "order",
                  3,
                  1,
                  3,
                  "2024-03-01T09:00:00.120045Z",
                  "2024-03-01T09:15:02.481233Z"),
              stream(
                  "acme/order-1001",
                  "order",
                  5,
                  1,
                  5,
                  "2024-03-04T10:12:45.330112Z",
                  "2024-03-05T12:05:00.522104Z"),
              stream(
                  "acme/order-1002",
                  "order",
                  2,
                  1,
                  2,
                  "2024-03-04T10:58:03.100500Z",
                  "2024-03-04T11:02:19.774410Z"),
              stream(
                  "acme/shipment-1001",
                  "shipment",
                  3,
                  1,
                  3,
                  "2024-03-04T14:05:31.918273Z",
                  "2024-03-08T08:30:00.000001Z"),
              stream(
                  "globex/customer-c-77",
                  "customer",
                  2,
                  1,
                  2,
                  "2024-03-05T12:00:55Z",
                  "2024-03-07T17:45:00.123456Z"),
              stream(
                  "globex/order-1001",
                  "order",
                  3,
                  1,
                  3,
                  "2024-03-05T12:00:00.005Z",
                  "2024-03-05T12:01:07.650Z"));
      assertEvents(source.readList(EventQuery.all()), stringEvents());
      assertThat(source.readList(EventQuery.stream("globex/order-1001")))
          .extracting(StoredEvent::position)
          .containsExactly(11L, 12L, 14L);
      assertThat(source.readList(EventQuery.stream("acme/order-1001")))
          .extracting(StoredEvent::position)
          .containsExactly(4L, 5L, 6L, 9L, 17L);
      assertThat(source.hasStream("order-1001")).isFalse();
      assertThat(source.hasStream("acme/mt_tombstone")).isFalse();
    }
  }

  @Test
  void singleTenantUuidStoreShowsBareIdsArchivedStreamsAndTheBinaryEvent() throws Exception {
    String db = PgTestStores.load("marten-guid.sql", "public");
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("marten");
      assertThat(source.streams())
          .containsExactly(
              stream(
                  A1,
                  "bank_account",
                  5,
                  1,
                  5,
                  "2024-06-01T08:00:00.000100Z",
                  "2024-06-03T15:20:00.654321Z"),
              stream(A2, "bank_account", 3, 1, 3, "2024-06-01T08:30:00Z", "2024-06-02T19:10:00Z"),
              stream(
                  T, "transfer", 4, 1, 4, "2024-06-03T15:19:59.900Z", "2024-06-03T15:20:00.700Z"),
              stream(F, null, 1, 1, 1, "2024-06-03T15:21:00Z", "2024-06-03T15:21:00Z"));
      assertEvents(source.readList(EventQuery.all()), guidEvents());
      assertThat(source.readList(EventQuery.stream(A2)))
          .extracting(StoredEvent::position)
          .containsExactly(2L, 4L, 6L);
      // the fingerprint covers what the event shows: the binary event's bytes, not its '{}'
      dev.hindsight.store.StoredValue payload = source.storedEvent(F, 1).orElseThrow().payload();
      assertThat(payload.kind()).isEqualTo(dev.hindsight.store.StoredValue.Kind.BLOB);
      assertThat(java.util.HexFormat.of().formatHex(payload.bytes()))
          .isEqualTo("93c4109a6e0c523f1d4c7b8e215d4f3a2b1c01cb3fe3333333333333a474726e73666572");
      assertThat(source.storedEvent(A2, 1).orElseThrow().payload().kind())
          .isEqualTo(dev.hindsight.store.StoredValue.Kind.TEXT);
    }
  }

  @Test
  void correlationAndCausationColumnsAreReadOnlyWhenTheStoreHasThem() throws Exception {
    String db = PgTestStores.load("marten-guid.sql", "public");
    PgTestStores.admin(
        db, "ALTER TABLE public.mt_events DROP COLUMN correlation_id, DROP COLUMN causation_id");
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("marten");
      List<StoredEvent> events = source.readList(EventQuery.all());
      assertThat(events).hasSize(13);
      StoredEvent debited = events.get(7);
      assertThat(debited.position()).isEqualTo(8);
      assertThat(debited.links().id()).isEqualTo("01900a00-0000-7000-8000-000000000008");
      assertThat(debited.links().correlation()).isNull();
      assertThat(debited.links().causation()).isNull();
    }
  }

  static final String A1 = "9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01";
  static final String A2 = "9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02";
  static final String T = "b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01";
  static final String F = "d00dfeed-0000-4000-8000-00000000f001";
  static final String TF = "5e5e5e5e-0000-4000-8000-7777aaaa0001";

  static List<Ev> guidEvents() {
    String opened1 = "aa00aa00-bb11-4c22-8d33-ee44ff556677";
    String ada = "0f1e2d3c-4b5a-4697-8877-665544332211";
    return List.of(
        new Ev(
            1,
            A1,
            1,
            "account_opened",
            null,
            "2024-06-01T08:00:00.000100Z",
            "{\"AccountId\":\"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01\",\"Owner\":\"Ada Lovelace\",\"Currency\":\"EUR\"}",
            "{\"tenant-region\":\"eu-west-1\"}",
            "01900a00-0000-7000-8000-000000000001",
            ada,
            null),
        new Ev(
            2,
            A2,
            1,
            "account_opened",
            null,
            "2024-06-01T08:30:00Z",
            "{\"AccountId\":\"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02\",\"Owner\":\"Charles Babbage\",\"Currency\":\"GBP\"}",
            null,
            "01900a00-0000-7000-8000-000000000002",
            opened1,
            null),
        new Ev(
            3,
            A1,
            2,
            "money_deposited",
            null,
            "2024-06-01T09:00:00.250Z",
            "{\"Amount\":1500.00,\"Reference\":\"salary\"}",
            null,
            "01900a00-0000-7000-8000-000000000003",
            ada,
            null),
        new Ev(
            4,
            A2,
            2,
            "money_deposited",
            null,
            "2024-06-01T09:00:01Z",
            "{\"Amount\":20.00,\"Reference\":\"initial\"}",
            null,
            "01900a00-0000-7000-8000-000000000004",
            opened1,
            null),
        new Ev(
            5,
            A1,
            3,
            "money_withdrawn",
            null,
            "2024-06-02T18:44:12.123456Z",
            "{\"Amount\":-120.45,\"Reference\":\"groceries\"}",
            null,
            "01900a00-0000-7000-8000-000000000005",
            null,
            null),
        new Ev(
            6,
            A2,
            3,
            "account_closed",
            null,
            "2024-06-02T19:10:00Z",
            "{\"ClosedBy\":\"customer\"}",
            null,
            "01900a00-0000-7000-8000-000000000006",
            opened1,
            null),
        new Ev(
            7,
            T,
            1,
            "transfer_requested",
            null,
            "2024-06-03T15:19:59.900Z",
            "{\"TransferId\":\"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01\",\"From\":\"DE89370400440532013000\",\"To\":\"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01\",\"Amount\":250.00}",
            "{\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}",
            "01900a00-0000-7000-8000-000000000007",
            TF,
            "http-req-7f0c2d"),
        new Ev(
            8,
            T,
            2,
            "transfer_debited",
            null,
            "2024-06-03T15:20:00.100Z",
            "{\"TransferId\":\"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01\",\"Amount\":250.00}",
            null,
            "01900a00-0000-7000-8000-000000000008",
            TF,
            "01900a00-0000-7000-8000-000000000007"),
        new Ev(
            9,
            A1,
            4,
            "money_deposited",
            null,
            "2024-06-03T15:20:00.600Z",
            "{\"Amount\":250.00,\"Reference\":\"transfer b7c13f00\"}",
            null,
            "01900a00-0000-7000-8000-000000000009",
            TF,
            "01900a00-0000-7000-8000-000000000008"),
        new Ev(
            10,
            T,
            3,
            "transfer_credited",
            null,
            "2024-06-03T15:20:00.650Z",
            "{\"TransferId\":\"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01\",\"Amount\":250.00}",
            null,
            "01900a00-0000-7000-8000-000000000010",
            TF,
            "01900a00-0000-7000-8000-000000000009"),
        new Ev(
            11,
            A1,
            5,
            "overdraft_limit_changed",
            null,
            "2024-06-03T15:20:00.654321Z",
            "{\"NewLimit\":500.00}",
            null,
            "01900a00-0000-7000-8000-000000000011",
            null,
            null),
        new Ev(
            13,
            T,
            4,
            "transfer_completed",
            null,
            "2024-06-03T15:20:00.700Z",
            "{\"TransferId\":\"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01\"}",
            null,
            "01900a00-0000-7000-8000-000000000013",
            TF,
            "01900a00-0000-7000-8000-000000000010"),
        // the binary event: data is '{}', its bytes (MessagePack) are in bdata, shown as hex
        new Ev(
            14,
            F,
            1,
            "fraud_score_computed",
            null,
            "2024-06-03T15:21:00Z",
            "\"93c4109a6e0c523f1d4c7b8e215d4f3a2b1c01cb3fe3333333333333a474726e73666572\"",
            null,
            "01900a00-0000-7000-8000-000000000014",
            TF,
            "01900a00-0000-7000-8000-000000000013"));
  }

  static List<Ev> stringEvents() {
    String c0 = "6c1f0d0e-2b7a-4c43-9d41-5b8e0c9f0a01";
    String c2 = "a0b1c2d3-e4f5-4607-8819-2a3b4c5d6e70";
    return List.of(
        new Ev(
            1,
            "acme/order-1000",
            1,
            "order_placed",
            null,
            "2024-03-01T09:00:00.120045Z",
            "{\"OrderId\":\"order-1000\",\"CustomerId\":\"c-12\",\"Currency\":\"EUR\",\"PlacedAt\":\"2024-03-01T09:00:00.1200450+00:00\"}",
            "{\"user\":\"alice\",\"source\":\"web\"}",
            "018e0a1c-6a40-7c4e-9d1a-000000000001",
            c0,
            null),
        new Ev(
            2,
            "acme/order-1000",
            2,
            "order_paid",
            null,
            "2024-03-01T09:05:41.002Z",
            "{\"OrderId\":\"order-1000\",\"Amount\":49.90,\"PaymentRef\":\"pay_81723\"}",
            "{\"user\":\"alice\",\"source\":\"web\"}",
            "018e0a1c-6a40-7c4e-9d1a-000000000002",
            c0,
            "018e0a1c-6a40-7c4e-9d1a-000000000001"),
        new Ev(
            3,
            "acme/order-1000",
            3,
            "archived",
            null,
            "2024-03-01T09:15:02.481233Z",
            "{\"Reason\":\"GDPR retention\"}",
            null,
            "018e0a1c-6a40-7c4e-9d1a-000000000003",
            null,
            null),
        new Ev(
            4,
            "acme/order-1001",
            1,
            "order_placed",
            null,
            "2024-03-04T10:12:45.330112Z",
            "{\"OrderId\":\"order-1001\",\"CustomerId\":\"c-12\",\"Currency\":\"EUR\",\"PlacedAt\":\"2024-03-04T10:12:45.3301120+00:00\"}",
            "{\"user\":\"bob\",\"source\":\"mobile\",\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}",
            "018e0f55-1b20-7a11-8c4d-000000000004",
            FLOW,
            "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f1"),
        new Ev(
            5,
            "acme/order-1001",
            2,
            "item_added",
            null,
            "2024-03-04T10:12:45.330112Z",
            "{\"OrderId\":\"order-1001\",\"Sku\":\"SKU-ABC-1\",\"Quantity\":2,\"UnitPrice\":12.50}",
            HEADERS_BOB,
            "018e0f55-1b20-7a11-8c4d-000000000005",
            FLOW,
            "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f1"),
        new Ev(
            6,
            "acme/order-1001",
            3,
            "item_added",
            null,
            "2024-03-04T10:20:03.004501Z",
            "{\"OrderId\":\"order-1001\",\"Sku\":\"SKU-XYZ-9\",\"Quantity\":1,\"UnitPrice\":7.99}",
            HEADERS_BOB,
            "018e0f55-1b20-7a11-8c4d-000000000006",
            FLOW,
            "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f2"),
        new Ev(
            7,
            "acme/order-1002",
            1,
            "order_placed",
            null,
            "2024-03-04T10:58:03.100500Z",
            "{\"OrderId\":\"order-1002\",\"CustomerId\":\"c-40\",\"Currency\":\"USD\",\"PlacedAt\":\"2024-03-04T10:58:03.1005000+00:00\"}",
            null,
            "018e0f8a-0c10-7d22-9e5f-000000000007",
            c2,
            null),
        new Ev(
            8,
            "acme/order-1002",
            2,
            "order_cancelled",
            null,
            "2024-03-04T11:02:19.774410Z",
            "{\"OrderId\":\"order-1002\",\"Reason\":\"CustomerRequest\"}",
            null,
            "018e0f8a-0c10-7d22-9e5f-000000000008",
            c2,
            "018e0f8a-0c10-7d22-9e5f-000000000007"),
        new Ev(
            9,
            "acme/order-1001",
            4,
            "order_paid",
            null,
            "2024-03-04T14:05:31.811002Z",
            "{\"OrderId\":\"order-1001\",\"Amount\":32.99,\"PaymentRef\":\"pay_90211\"}",
            "{\"user\":\"payments-webhook\"}",
            "018e1011-4e00-7b33-8a6b-000000000009",
            FLOW,
            "c0ffee00-0000-4000-8000-00000000beef"),
        new Ev(
            10,
            "acme/shipment-1001",
            1,
            "shipment_created",
            null,
            "2024-03-04T14:05:31.918273Z",
            "{\"ShipmentId\":\"shipment-1001\",\"OrderId\":\"order-1001\",\"Carrier\":\"DHL\"}",
            "{\"user\":\"order-saga\"}",
            "018e1011-4e00-7b33-8a6b-000000000010",
            FLOW,
            "018e1011-4e00-7b33-8a6b-000000000009"),
        new Ev(
            11,
            "globex/order-1001",
            1,
            "order_placed",
            null,
            "2024-03-05T12:00:00.005Z",
            "{\"OrderId\":\"order-1001\",\"CustomerId\":\"c-77\",\"Currency\":\"GBP\",\"PlacedAt\":\"2024-03-05T12:00:00.0050000+00:00\"}",
            null,
            "018e1500-0000-7000-8000-000000000011",
            GLOBEX,
            null),
        new Ev(
            12,
            "globex/order-1001",
            2,
            "item_added",
            null,
            "2024-03-05T12:00:40.250Z",
            "{\"OrderId\":\"order-1001\",\"Sku\":\"SKU-G-5\",\"Quantity\":10,\"UnitPrice\":1.05}",
            null,
            "018e1500-0000-7000-8000-000000000012",
            GLOBEX,
            null),
        // 13: the tombstone in mt_tombstone, left out
        new Ev(
            14,
            "globex/order-1001",
            3,
            "order_paid",
            null,
            "2024-03-05T12:01:07.650Z",
            "{\"OrderId\":\"order-1001\",\"Amount\":10.50,\"PaymentRef\":\"gbx-0001\"}",
            null,
            "018e1500-0000-7000-8000-000000000014",
            GLOBEX,
            "018e1500-0000-7000-8000-000000000012"),
        new Ev(
            15,
            "globex/customer-c-77",
            1,
            "customer_registered",
            null,
            "2024-03-05T12:00:55Z",
            "{\"CustomerId\":\"c-77\",\"Name\":\"Zoë Ångström\",\"Email\":\"zoe@example.org\"}",
            null,
            "018e14ff-0000-7000-8000-000000000015",
            null,
            null),
        new Ev(
            16,
            "acme/shipment-1001",
            2,
            "shipment_dispatched",
            null,
            "2024-03-05T12:05:00.418Z",
            "{\"ShipmentId\":\"shipment-1001\",\"TrackingNumber\":\"JD0146000012345\",\"DispatchedAt\":\"2024-03-05T12:05:00+00:00\"}",
            null,
            "018e1a00-0000-7000-8000-000000000016",
            FLOW,
            "018e1011-4e00-7b33-8a6b-000000000010"),
        new Ev(
            17,
            "acme/order-1001",
            5,
            "order_shipped",
            null,
            "2024-03-05T12:05:00.522104Z",
            "{\"OrderId\":\"order-1001\",\"ShipmentId\":\"shipment-1001\"}",
            null,
            "018e1a10-0000-7000-8000-000000000017",
            FLOW,
            "018e1a00-0000-7000-8000-000000000016"),
        new Ev(
            18,
            "globex/customer-c-77",
            2,
            "customer_address_changed",
            null,
            "2024-03-07T17:45:00.123456Z",
            "{\"CustomerId\":\"c-77\",\"Street\":\"1 Long Lane\",\"City\":\"London\",\"PostCode\":\"EC1A 9HF\"}",
            "{\"user\":\"zoe\",\"ip\":\"203.0.113.7\"}",
            "018e2000-0000-7000-8000-000000000018",
            null,
            null),
        new Ev(
            19,
            "acme/shipment-1001",
            3,
            "shipment_delivered",
            null,
            "2024-03-08T08:30:00.000001Z",
            "{\"ShipmentId\":\"shipment-1001\",\"DeliveredAt\":\"2024-03-08T08:30:00+00:00\",\"SignedBy\":\"B. Baker\"}",
            null,
            "018e2100-0000-7000-8000-000000000019",
            FLOW,
            "018e1a00-0000-7000-8000-000000000016"));
  }
}
