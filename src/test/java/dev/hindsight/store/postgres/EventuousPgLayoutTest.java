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
 * Eventuous (eventuous.sql) is detected in its {@code eventuous} schema and read as it means
 * itself: messages joined to streams on {@code stream_id} for the stream name, 0-based positions
 * (the truncated stream starts at 2), {@code created} without a zone as UTC, and the flow from the
 * {@code eventuous.correlation-id} and {@code eventuous.causation-id} metadata keys.
 */
class EventuousPgLayoutTest {

  @Test
  void readsEveryMessageAndTheStreamList() throws Exception {
    String db = PgTestStores.load("eventuous.sql", "eventuous");
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("eventuous-postgresql");
      assertThat(source.schema()).isEqualTo("eventuous");
      assertThat(source.streams())
          .containsExactly(
              stream(
                  "Booking-b-0001",
                  "Booking",
                  5,
                  0,
                  4,
                  "2024-05-10T08:12:30.123456Z",
                  "2024-06-25T07:45:12.500Z"),
              stream(
                  "Booking-b-0002",
                  "Booking",
                  4,
                  0,
                  3,
                  "2024-05-11T14:00:00Z",
                  "2024-06-02T10:30:00.360Z"),
              stream(
                  "Booking-b-0003",
                  "Booking",
                  2,
                  2,
                  3,
                  "2024-06-02T10:31:00Z",
                  "2024-06-03T09:00:00Z"),
              stream(
                  "Payment-p-7001",
                  "Payment",
                  1,
                  0,
                  0,
                  "2024-06-02T10:30:00.100Z",
                  "2024-06-02T10:30:00.100Z"));
      assertEvents(source.readList(EventQuery.all()), expected());
      assertThat(source.readList(EventQuery.stream("Booking-b-0003")))
          .extracting(StoredEvent::position)
          .containsExactly(11L, 12L);
    }
  }

  static List<Ev> expected() {
    return List.of(
        new Ev(
            1,
            "Booking-b-0001",
            0,
            "V1.RoomBooked",
            null,
            "2024-05-10T08:12:30.123456Z",
            "{\"bookingId\":\"b-0001\",\"guestId\":\"g-17\",\"roomId\":\"r-204\",\"checkInDate\":\"2024-07-01\",\"checkOutDate\":\"2024-07-04\",\"bookingPrice\":360.00,\"prepaidAmount\":0,\"currency\":\"EUR\",\"bookingDate\":\"2024-05-10T08:12:30.1234567+00:00\"}",
            "{\"eventuous.correlation-id\":\"8d3b1c58-43d9-4c0a-bb6e-1a0f2e3d4c5b\",\"eventuous.causation-id\":\"8d3b1c58-43d9-4c0a-bb6e-1a0f2e3d4c5b\",\"trace-id\":\"5b8efff798038103d269b633813fc60c\",\"span-id\":\"eee19b7ec3c1b174\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000001",
            "8d3b1c58-43d9-4c0a-bb6e-1a0f2e3d4c5b",
            "8d3b1c58-43d9-4c0a-bb6e-1a0f2e3d4c5b"),
        new Ev(
            2,
            "Booking-b-0002",
            0,
            "V1.RoomBooked",
            null,
            "2024-05-11T14:00:00.000000Z",
            "{\"bookingId\":\"b-0002\",\"guestId\":\"g-18\",\"roomId\":\"r-101\",\"checkInDate\":\"2024-08-10\",\"checkOutDate\":\"2024-08-12\",\"bookingPrice\":200.00,\"prepaidAmount\":50.00,\"currency\":\"EUR\",\"bookingDate\":\"2024-05-11T14:00:00.0000001+00:00\"}",
            "{\"eventuous.correlation-id\":\"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000002",
            "e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c",
            null),
        new Ev(
            3,
            "Booking-b-0001",
            1,
            "V1.PaymentRecorded",
            null,
            "2024-05-12T09:00:00.412000Z",
            "{\"bookingId\":\"b-0001\",\"paidAmount\":160.00,\"outstanding\":200.00,\"currency\":\"EUR\",\"paymentId\":\"pm-1\",\"paidBy\":\"card\",\"paidAt\":\"2024-05-12T09:00:00+00:00\"}",
            "{\"eventuous.correlation-id\":\"c0c0c0c0-1111-4222-8333-444455556666\",\"eventuous.causation-id\":\"c0c0c0c0-1111-4222-8333-444455556666\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000003",
            "c0c0c0c0-1111-4222-8333-444455556666",
            "c0c0c0c0-1111-4222-8333-444455556666"),
        new Ev(
            6,
            "Payment-p-7001",
            0,
            "V1.PaymentRegistered",
            null,
            "2024-06-02T10:30:00.100000Z",
            "{\"paymentId\":\"p-7001\",\"bookingId\":\"b-0002\",\"amount\":400.00,\"currency\":\"EUR\",\"method\":\"bank-transfer\"}",
            "{\"eventuous.correlation-id\":\"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c\",\"eventuous.causation-id\":\"a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5\",\"trace-id\":\"0af7651916cd43dd8448eb211c80319c\",\"span-id\":\"b7ad6b7169203331\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000006",
            "e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c",
            "a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5"),
        new Ev(
            7,
            "Booking-b-0002",
            1,
            "V1.PaymentRecorded",
            null,
            "2024-06-02T10:30:00.350000Z",
            "{\"bookingId\":\"b-0002\",\"paidAmount\":400.00,\"outstanding\":-250.00,\"currency\":\"EUR\",\"paymentId\":\"p-7001\",\"paidBy\":\"bank-transfer\",\"paidAt\":\"2024-06-02T10:30:00.1+00:00\"}",
            "{\"eventuous.correlation-id\":\"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c\",\"eventuous.causation-id\":\"3c1f0b9e-7a55-4d1e-9c3a-000000000006\",\"trace-id\":\"0af7651916cd43dd8448eb211c80319c\",\"span-id\":\"c8be7c8270314442\",\"parent-span-id\":\"b7ad6b7169203331\",\"subscription\":\"PaymentsIntegration\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000007",
            "e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000006"),
        new Ev(
            8,
            "Booking-b-0002",
            2,
            "V1.Overpaid",
            null,
            "2024-06-02T10:30:00.350000Z",
            "{\"bookingId\":\"b-0002\",\"overpaidAmount\":250.00,\"currency\":\"EUR\"}",
            "{\"eventuous.correlation-id\":\"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c\",\"eventuous.causation-id\":\"3c1f0b9e-7a55-4d1e-9c3a-000000000006\",\"trace-id\":\"0af7651916cd43dd8448eb211c80319c\",\"span-id\":\"c8be7c8270314442\",\"parent-span-id\":\"b7ad6b7169203331\",\"subscription\":\"PaymentsIntegration\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000008",
            "e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000006"),
        new Ev(
            10,
            "Booking-b-0002",
            3,
            "V1.FullyPaid",
            null,
            "2024-06-02T10:30:00.360000Z",
            "{\"bookingId\":\"b-0002\",\"fullyPaidAt\":\"2024-06-02T10:30:00.35+00:00\"}",
            "{\"eventuous.correlation-id\":\"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c\",\"eventuous.causation-id\":\"3c1f0b9e-7a55-4d1e-9c3a-000000000006\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000010",
            "e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000006"),
        new Ev(
            11,
            "Booking-b-0003",
            2,
            "V1.GuestCheckedIn",
            null,
            "2024-06-02T10:31:00.000000Z",
            "{\"bookingId\":\"b-0003\",\"checkedInAt\":\"2024-06-02T10:31:00+00:00\"}",
            "{}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000011",
            null,
            null),
        new Ev(
            12,
            "Booking-b-0003",
            3,
            "V1.GuestCheckedOut",
            null,
            "2024-06-03T09:00:00.000000Z",
            "{\"bookingId\":\"b-0003\",\"checkedOutAt\":\"2024-06-03T09:00:00+00:00\",\"note\":\"Grüße aus Köln\"}",
            "{}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000012",
            null,
            null),
        new Ev(
            13,
            "Booking-b-0001",
            2,
            "V1.PaymentRecorded",
            null,
            "2024-06-20T18:00:01.000000Z",
            "{\"bookingId\":\"b-0001\",\"paidAmount\":200.00,\"outstanding\":0,\"currency\":\"EUR\",\"paymentId\":\"pm-3\",\"paidBy\":\"card\",\"paidAt\":\"2024-06-20T18:00:00+00:00\"}",
            "{\"eventuous.correlation-id\":\"f0f0f0f0-2222-4333-8444-555566667777\",\"eventuous.causation-id\":\"f0f0f0f0-2222-4333-8444-555566667777\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000013",
            "f0f0f0f0-2222-4333-8444-555566667777",
            "f0f0f0f0-2222-4333-8444-555566667777"),
        new Ev(
            14,
            "Booking-b-0001",
            3,
            "V1.FullyPaid",
            null,
            "2024-06-20T18:00:01.000000Z",
            "{\"bookingId\":\"b-0001\",\"fullyPaidAt\":\"2024-06-20T18:00:00+00:00\"}",
            "{\"eventuous.correlation-id\":\"f0f0f0f0-2222-4333-8444-555566667777\",\"eventuous.causation-id\":\"f0f0f0f0-2222-4333-8444-555566667777\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000014",
            "f0f0f0f0-2222-4333-8444-555566667777",
            "f0f0f0f0-2222-4333-8444-555566667777"),
        new Ev(
            15,
            "Booking-b-0001",
            4,
            "V1.BookingCancelled",
            null,
            "2024-06-25T07:45:12.500000Z",
            "{\"bookingId\":\"b-0001\",\"cancelledBy\":\"guest\",\"cancelledAt\":\"2024-06-25T07:45:12.5+00:00\"}",
            "{\"eventuous.correlation-id\":\"99999999-8888-4777-8666-555555555555\",\"eventuous.causation-id\":\"99999999-8888-4777-8666-555555555555\",\"userId\":\"g-17\"}",
            "3c1f0b9e-7a55-4d1e-9c3a-000000000015",
            "99999999-8888-4777-8666-555555555555",
            "99999999-8888-4777-8666-555555555555"));
  }
}
