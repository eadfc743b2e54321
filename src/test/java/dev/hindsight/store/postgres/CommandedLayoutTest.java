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
 * Commanded's EventStore (commanded-eventstore.sql) is detected and read through two joins, as it
 * means itself: each event once, from the {@code $all} stream's row of {@code stream_events} (its
 * version is the global position), in its original stream at its original version; the bytea JSON
 * data and metadata decoded; correlation and causation from their uuid columns; the soft-deleted
 * stream still shown (its events stay in {@code $all}); the stream of linked events not listed (its
 * events are shown where they were written).
 */
class CommandedLayoutTest {

  static final String TRANSFER = "transfer-5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c";

  @Test
  void readsEveryEventOnceInItsOwnStream() throws Exception {
    String db = PgTestStores.load("commanded-eventstore.sql", "public");
    try (PostgresEventSource source = PgTestStores.open(db)) {
      assertThat(source.layout().name()).isEqualTo("commanded-eventstore");
      assertThat(source.streams())
          .containsExactly(
              stream(
                  "account-ACC001",
                  "account",
                  5,
                  1,
                  5,
                  "2024-01-15T09:00:00.100200Z",
                  "2024-01-20T09:00:00Z"),
              stream(
                  "account-ACC002",
                  "account",
                  3,
                  1,
                  3,
                  "2024-01-15T09:05:00.000400Z",
                  "2024-01-20T08:00:00Z"),
              stream(
                  "account-ACC003",
                  "account",
                  2,
                  1,
                  2,
                  "2024-01-17T10:00:00Z",
                  "2024-01-17T10:05:00Z"),
              stream(
                  TRANSFER,
                  "transfer",
                  2,
                  1,
                  2,
                  "2024-01-16T14:00:00Z",
                  "2024-01-16T14:00:00.140Z"));
      assertEvents(source.readList(EventQuery.all()), expected());
      assertThat(source.readList(EventQuery.stream("account-ACC002")))
          .extracting(StoredEvent::position)
          .containsExactly(2L, 6L, 11L);
      assertThat(source.hasStream("vip-accounts")).isFalse();
      assertThat(source.lastPosition()).isEqualTo(12);
      List<StoredEvent> after = new java.util.ArrayList<>();
      source.readAfter(10, after::add);
      assertThat(after).extracting(StoredEvent::position).containsExactly(11L, 12L);
    }
  }

  static List<Ev> expected() {
    return List.of(
        new Ev(
            1,
            "account-ACC001",
            1,
            "Elixir.Bank.Events.BankAccountOpened",
            null,
            "2024-01-15T09:00:00.100200Z",
            "{\"account_number\":\"ACC001\",\"initial_balance\":1000,\"owner\":\"Jane Doe\"}",
            "{\"user_id\":\"u-17\"}",
            "6f75753b-5fe1-5c2a-801d-a0b642a6b84e",
            "a1000001-0000-4000-8000-000000000001",
            "a1000001-0000-4000-8000-000000000001"),
        new Ev(
            2,
            "account-ACC002",
            1,
            "Elixir.Bank.Events.BankAccountOpened",
            null,
            "2024-01-15T09:05:00.000400Z",
            "{\"account_number\":\"ACC002\",\"initial_balance\":0,\"owner\":\"Jörg Müller\"}",
            "{\"user_id\":\"u-18\"}",
            "3465aec6-e6d6-5417-93ab-b2445394f86d",
            "a1000002-0000-4000-8000-000000000002",
            "a1000002-0000-4000-8000-000000000002"),
        new Ev(
            3,
            "account-ACC001",
            2,
            "Elixir.Bank.Events.MoneyDeposited",
            null,
            "2024-01-15T12:30:45.123456Z",
            "{\"account_number\":\"ACC001\",\"amount\":250,\"balance\":1250,\"transfer_uuid\":null}",
            "{}",
            "26a9384c-7916-5548-b149-170dd4eeb1c5",
            "a1000003-0000-4000-8000-000000000003",
            "a1000003-0000-4000-8000-000000000003"),
        new Ev(
            4,
            "transfer-5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c",
            1,
            "Elixir.Bank.Events.TransferRequested",
            null,
            "2024-01-16T14:00:00.000000Z",
            "{\"transfer_uuid\":\"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c\",\"debit_account\":\"ACC001\",\"credit_account\":\"ACC002\",\"amount\":400}",
            "{\"user_id\":\"u-17\"}",
            "89446b6c-bbed-5b5d-badf-29235d43f6d8",
            "0c0c0c0c-5555-4666-8777-888899990000",
            "a1000004-0000-4000-8000-000000000004"),
        new Ev(
            5,
            "account-ACC001",
            3,
            "Elixir.Bank.Events.MoneyWithdrawn",
            null,
            "2024-01-16T14:00:00.051000Z",
            "{\"account_number\":\"ACC001\",\"amount\":400,\"balance\":850,\"transfer_uuid\":\"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c\"}",
            "{\"user_id\":\"u-17\"}",
            "e92eed67-4bbd-5761-a996-322bc5ae72bc",
            "0c0c0c0c-5555-4666-8777-888899990000",
            "a1000005-0000-4000-8000-000000000005"),
        new Ev(
            6,
            "account-ACC002",
            2,
            "Elixir.Bank.Events.MoneyDeposited",
            null,
            "2024-01-16T14:00:00.099000Z",
            "{\"account_number\":\"ACC002\",\"amount\":400,\"balance\":400,\"transfer_uuid\":\"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c\"}",
            "{\"user_id\":\"u-17\"}",
            "c993dd7a-ddb3-543f-a0f2-f73316564e61",
            "0c0c0c0c-5555-4666-8777-888899990000",
            "a1000007-0000-4000-8000-000000000007"),
        new Ev(
            7,
            "transfer-5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c",
            2,
            "Elixir.Bank.Events.TransferCompleted",
            null,
            "2024-01-16T14:00:00.140000Z",
            "{\"transfer_uuid\":\"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c\"}",
            "{\"user_id\":\"u-17\"}",
            "790cfb2b-96d3-5360-9720-fbe8a6a10772",
            "0c0c0c0c-5555-4666-8777-888899990000",
            "a1000008-0000-4000-8000-000000000008"),
        new Ev(
            8,
            "account-ACC003",
            1,
            "Elixir.Bank.Events.BankAccountOpened",
            null,
            "2024-01-17T10:00:00.000000Z",
            "{\"account_number\":\"ACC003\",\"initial_balance\":5,\"owner\":\"Test Account\"}",
            "{}",
            "76f200b8-9625-5b17-ac25-30c79383eec2",
            "a1000006-0000-4000-8000-000000000006",
            "a1000006-0000-4000-8000-000000000006"),
        new Ev(
            9,
            "account-ACC003",
            2,
            "Elixir.Bank.Events.AccountClosed",
            null,
            "2024-01-17T10:05:00.000000Z",
            "{\"account_number\":\"ACC003\",\"reason\":\"test\"}",
            "{}",
            "027a55d8-4c95-5573-b688-bade247abfcb",
            "a1000006-0000-4000-8000-000000000006",
            "a1000009-0000-4000-8000-000000000009"),
        new Ev(
            10,
            "account-ACC001",
            4,
            "Elixir.Bank.Events.MoneyDeposited",
            null,
            "2024-01-19T16:45:00.000001Z",
            "{\"account_number\":\"ACC001\",\"amount\":10,\"balance\":860,\"transfer_uuid\":null}",
            "{\"user_id\":\"u-17\",\"ip\":\"198.51.100.4\"}",
            "3eea9484-d7b8-54f4-be00-082a16897076",
            "a1000010-0000-4000-8000-000000000010",
            "a1000010-0000-4000-8000-000000000010"),
        new Ev(
            11,
            "account-ACC002",
            3,
            "Elixir.Bank.Events.MoneyWithdrawn",
            null,
            "2024-01-20T08:00:00.000000Z",
            "{\"account_number\":\"ACC002\",\"amount\":100,\"balance\":300,\"transfer_uuid\":null}",
            "{}",
            "2a97812e-59d1-569a-ba73-ff2ee75c5a0e",
            "a1000011-0000-4000-8000-000000000011",
            "a1000011-0000-4000-8000-000000000011"),
        new Ev(
            12,
            "account-ACC001",
            5,
            "Elixir.Bank.Events.MoneyWithdrawn",
            null,
            "2024-01-20T09:00:00.000000Z",
            "{\"account_number\":\"ACC001\",\"amount\":60,\"balance\":800,\"transfer_uuid\":null}",
            "{}",
            "b5f9df2f-403b-50fa-82da-6ae5fda80c9f",
            "a1000012-0000-4000-8000-000000000012",
            "a1000012-0000-4000-8000-000000000012"));
  }
}
