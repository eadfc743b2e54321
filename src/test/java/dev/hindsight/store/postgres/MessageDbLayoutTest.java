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
 * Message DB (message-db.sql) is detected in its {@code message_store} schema and read as it means
 * itself: versions are the 0-based {@code position}, the global order is {@code global_position},
 * the category (text before the first {@code -}) is the aggregate type, times without a zone are
 * UTC, the flow is {@code correlationStreamName} and a cause is named by its global position.
 */
class MessageDbLayoutTest {

  static final String A1 = "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c";
  static final String A2 = "account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
  static final String C1 = "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c";
  static final String C2 = "account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
  static final String TRANSFER = "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b";

  @Test
  void readsEveryMessageAndTheStreamList() throws Exception {
    String db = PgTestStores.load("message-db.sql", "message_store");
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("message-db");
      assertThat(source.schema()).isEqualTo("message_store");
      assertThat(source.streams())
          .containsExactly(
              stream(
                  A1, "account", 5, 0, 4, "2024-02-01T12:00:00.155Z", "2024-02-01T12:02:00.133Z"),
              stream(
                  A2, "account", 2, 0, 1, "2024-02-01T12:00:02.137Z", "2024-02-01T12:00:05.210Z"),
              stream(
                  C1,
                  "account:command",
                  5,
                  0,
                  4,
                  "2024-02-01T12:00:00.120Z",
                  "2024-02-01T12:02:00.120Z"),
              stream(
                  C2,
                  "account:command",
                  2,
                  0,
                  1,
                  "2024-02-01T12:00:02.120Z",
                  "2024-02-01T12:00:05.195Z"),
              stream(
                  "account:position-accountComponent",
                  "account:position",
                  1,
                  0,
                  0,
                  "2024-02-01T12:02:01.120Z",
                  "2024-02-01T12:02:01.120Z"),
              stream(
                  "account:snapshot-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
                  "account:snapshot",
                  1,
                  0,
                  0,
                  "2024-02-01T12:01:00.150Z",
                  "2024-02-01T12:01:00.150Z"),
              stream(
                  TRANSFER,
                  "fundsTransfer",
                  4,
                  0,
                  3,
                  "2024-02-01T12:00:05.130Z",
                  "2024-02-01T12:00:05.240Z"));
      List<StoredEvent> events = source.readList(EventQuery.all());
      assertEvents(events, expected());
      // a cause named by its global position: Withdrawn (9) was caused by the Withdraw command (8)
      StoredEvent withdrawn =
          events.stream().filter(e -> e.position() == 9).findFirst().orElseThrow();
      assertThat(withdrawn.links().causationPosition()).isEqualTo(8L);
      assertThat(source.readList(EventQuery.stream(A1)))
          .extracting(StoredEvent::version)
          .containsExactly(0L, 1L, 2L, 3L, 4L);
    }
  }

  static List<Ev> expected() {
    return List.of(
        new Ev(
            1,
            "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            0,
            "Open",
            null,
            "2024-02-01T12:00:00.120000Z",
            "{\"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"customerId\": \"c-1001\", \"time\": \"2024-02-01T12:00:00.120Z\"}",
            "{\"properties\": [{\"name\": \"origin\", \"value\": \"web\"}]}",
            "d355d3ed-3867-520a-919e-d10fd960a3b2",
            null,
            null),
        new Ev(
            2,
            "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            0,
            "Opened",
            null,
            "2024-02-01T12:00:00.155000Z",
            "{\"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"customerId\": \"c-1001\", \"time\": \"2024-02-01T12:00:00.120Z\", \"processedTime\": \"2024-02-01T12:00:00.155Z\"}",
            "{\"causationMessageStreamName\": \"account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"causationMessagePosition\": 0, \"causationMessageGlobalPosition\": 1}",
            "e58b0bdf-715f-54c4-b08f-2ad4133d3b07",
            null,
            "1"),
        new Ev(
            3,
            "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            1,
            "Deposit",
            null,
            "2024-02-01T12:00:01.120000Z",
            "{\"depositId\": \"d0000001-0000-4000-8000-000000000001\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 100, \"time\": \"2024-02-01T12:00:01.120Z\"}",
            "{}",
            "532bab75-2749-58ec-8cff-677e47ae40cb",
            null,
            null),
        new Ev(
            4,
            "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            1,
            "Deposited",
            null,
            "2024-02-01T12:00:01.141000Z",
            "{\"depositId\": \"d0000001-0000-4000-8000-000000000001\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 100, \"time\": \"2024-02-01T12:00:01.120Z\", \"processedTime\": \"2024-02-01T12:00:01.141Z\", \"sequence\": 3}",
            "{\"causationMessageStreamName\": \"account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"causationMessagePosition\": 1, \"causationMessageGlobalPosition\": 3}",
            "6daf5485-47e5-5b67-9784-1a8973682e2d",
            null,
            "3"),
        new Ev(
            5,
            "account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            0,
            "Open",
            null,
            "2024-02-01T12:00:02.120000Z",
            "{\"accountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"customerId\": \"c-2002\", \"time\": \"2024-02-01T12:00:02.120Z\"}",
            "{}",
            "8aa6acee-2a6a-533b-aab2-57f2f36f1b94",
            null,
            null),
        new Ev(
            6,
            "account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            0,
            "Opened",
            null,
            "2024-02-01T12:00:02.137000Z",
            "{\"accountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"customerId\": \"c-2002\", \"time\": \"2024-02-01T12:00:02.120Z\", \"processedTime\": \"2024-02-01T12:00:02.137Z\"}",
            "{\"causationMessageStreamName\": \"account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"causationMessagePosition\": 0, \"causationMessageGlobalPosition\": 5}",
            "eae33b4b-b909-5b92-95bb-6e9cee1a01a5",
            null,
            "5"),
        new Ev(
            7,
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            0,
            "Initiated",
            null,
            "2024-02-01T12:00:05.130000Z",
            "{\"fundsTransferId\": \"77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"withdrawalAccountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"depositAccountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"withdrawalId\": \"a0000001-0000-4000-8000-000000000001\", \"depositId\": \"d0000002-0000-4000-8000-000000000002\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.120Z\", \"processedTime\": \"2024-02-01T12:00:05.130Z\"}",
            "{}",
            "4024c627-e010-5a42-85da-77f0c3ed5bfa",
            null,
            null),
        new Ev(
            8,
            "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            2,
            "Withdraw",
            null,
            "2024-02-01T12:00:05.145000Z",
            "{\"withdrawalId\": \"a0000001-0000-4000-8000-000000000001\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.130Z\"}",
            "{\"causationMessageStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"causationMessagePosition\": 0, \"causationMessageGlobalPosition\": 7, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"replyStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "043c5a0e-b36f-5309-a807-1f65dacf6aca",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "7"),
        new Ev(
            9,
            "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            2,
            "Withdrawn",
            null,
            "2024-02-01T12:00:05.160000Z",
            "{\"withdrawalId\": \"a0000001-0000-4000-8000-000000000001\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.130Z\", \"processedTime\": \"2024-02-01T12:00:05.160Z\", \"sequence\": 8}",
            "{\"causationMessageStreamName\": \"account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"causationMessagePosition\": 2, \"causationMessageGlobalPosition\": 8, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"replyStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "0c0fbb2f-1650-5a8e-9a9a-840c8c223bdc",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "8"),
        new Ev(
            10,
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            1,
            "Withdrawn",
            null,
            "2024-02-01T12:00:05.181000Z",
            "{\"fundsTransferId\": \"77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"withdrawalId\": \"a0000001-0000-4000-8000-000000000001\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.160Z\", \"processedTime\": \"2024-02-01T12:00:05.181Z\"}",
            "{\"causationMessageStreamName\": \"account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"causationMessagePosition\": 2, \"causationMessageGlobalPosition\": 9, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "e85a0af3-7556-5a4c-9aa0-1c175f47f39b",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "9"),
        new Ev(
            11,
            "account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            1,
            "Deposit",
            null,
            "2024-02-01T12:00:05.195000Z",
            "{\"depositId\": \"d0000002-0000-4000-8000-000000000002\", \"accountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.181Z\"}",
            "{\"causationMessageStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"causationMessagePosition\": 1, \"causationMessageGlobalPosition\": 10, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"replyStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "692904a8-9297-59b2-a919-9f6f36d838a8",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "10"),
        new Ev(
            13,
            "account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            1,
            "Deposited",
            null,
            "2024-02-01T12:00:05.210000Z",
            "{\"depositId\": \"d0000002-0000-4000-8000-000000000002\", \"accountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.181Z\", \"processedTime\": \"2024-02-01T12:00:05.210Z\", \"sequence\": 11}",
            "{\"causationMessageStreamName\": \"account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"causationMessagePosition\": 1, \"causationMessageGlobalPosition\": 11, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"replyStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "e3bf6159-d250-5bfd-b28f-0145ecf013d4",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "11"),
        new Ev(
            14,
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            2,
            "Deposited",
            null,
            "2024-02-01T12:00:05.230000Z",
            "{\"fundsTransferId\": \"77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"depositId\": \"d0000002-0000-4000-8000-000000000002\", \"accountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.210Z\", \"processedTime\": \"2024-02-01T12:00:05.230Z\"}",
            "{\"causationMessageStreamName\": \"account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"causationMessagePosition\": 1, \"causationMessageGlobalPosition\": 13, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "4d705813-cfb8-50c8-ad11-61c3b07cf1c2",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "13"),
        new Ev(
            15,
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            3,
            "Transferred",
            null,
            "2024-02-01T12:00:05.240000Z",
            "{\"fundsTransferId\": \"77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"withdrawalAccountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"depositAccountId\": \"9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\", \"amount\": 30, \"time\": \"2024-02-01T12:00:05.230Z\", \"processedTime\": \"2024-02-01T12:00:05.240Z\"}",
            "{\"causationMessageStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\", \"causationMessagePosition\": 2, \"causationMessageGlobalPosition\": 14, \"correlationStreamName\": \"fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b\"}",
            "608252c3-5dea-5d3f-aa46-4cf7f8bd4c79",
            "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
            "14"),
        new Ev(
            16,
            "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            3,
            "Withdraw",
            null,
            "2024-02-01T12:01:00.120000Z",
            "{\"withdrawalId\": \"a0000003-0000-4000-8000-000000000003\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 1000, \"time\": \"2024-02-01T12:01:00.120Z\"}",
            "{\"schemaVersion\": \"1\"}",
            "35a70f3a-3ddd-5b1f-8c97-13def1fc4a58",
            null,
            null),
        new Ev(
            17,
            "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            3,
            "WithdrawalRejected",
            null,
            "2024-02-01T12:01:00.140000Z",
            "{\"withdrawalId\": \"a0000003-0000-4000-8000-000000000003\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 1000, \"time\": \"2024-02-01T12:01:00.120Z\", \"sequence\": 16}",
            "{\"causationMessageStreamName\": \"account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"causationMessagePosition\": 3, \"causationMessageGlobalPosition\": 16}",
            "e7ffc897-8866-5a46-b7d4-187a9dc12095",
            null,
            "16"),
        new Ev(
            18,
            "account:snapshot-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            0,
            "Recorded",
            null,
            "2024-02-01T12:01:00.150000Z",
            "{\"entityData\": {\"id\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"customerId\": \"c-1001\", \"balance\": 70, \"openedTime\": \"2024-02-01T12:00:00.155Z\", \"sequence\": 16}, \"entityVersion\": 3, \"time\": \"2024-02-01T12:01:00.150Z\"}",
            "{}",
            "9d721e5d-64d0-5b5f-be99-a6206f6d3b6a",
            null,
            null),
        new Ev(
            19,
            "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            4,
            "Deposit",
            null,
            "2024-02-01T12:02:00.120000Z",
            "{\"depositId\": \"d0000003-0000-4000-8000-000000000003\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 50, \"time\": \"2024-02-01T12:02:00.120Z\"}",
            "{}",
            "efe40ed6-c0fe-57b1-8f6a-d30296d3d4ac",
            null,
            null),
        new Ev(
            20,
            "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c",
            4,
            "Deposited",
            null,
            "2024-02-01T12:02:00.133000Z",
            "{\"depositId\": \"d0000003-0000-4000-8000-000000000003\", \"accountId\": \"4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"amount\": 50, \"time\": \"2024-02-01T12:02:00.120Z\", \"processedTime\": \"2024-02-01T12:02:00.133Z\", \"sequence\": 19}",
            "{\"causationMessageStreamName\": \"account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c\", \"causationMessagePosition\": 4, \"causationMessageGlobalPosition\": 19}",
            "f2f80be1-6bdc-50c3-bdeb-af4c10e40a9b",
            null,
            "19"),
        new Ev(
            21,
            "account:position-accountComponent",
            0,
            "Recorded",
            null,
            "2024-02-01T12:02:01.120000Z",
            "{\"position\": 20}",
            "{}",
            "b85a715a-d04f-598b-850d-a4e75ef7bebf",
            null,
            null));
  }
}
