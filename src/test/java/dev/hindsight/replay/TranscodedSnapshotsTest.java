package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Verifier;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.LibraryDdl;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: Python eventsourcing's snapshots hold the aggregate's {@code __dict__} through its
 * {@code JSONTranscoder}, so datetimes, UUIDs and decimals are {@code {"_type_": …, "_data_": …}}
 * objects where a reducer holds plain values. {@code verify --reducer} decodes them before it
 * compares, and then reports every path that really differs.
 */
class TranscodedSnapshotsTest {

  private static final String ORDER = "3f2a9c1e7b6d4a5f8e0c1b2a3d4e5f60";
  private static final String CUSTOMER = "a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d";
  private static final String OTHER_CUSTOMER = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

  @TempDir Path dir;

  /**
   * {@code Snapshot.take(aggregate)} as eventsourcing 9.2 writes it: the snapshot event's own
   * timestamp and topic, and the aggregate's {@code __dict__} without {@code _id}, {@code _version}
   * and {@code _pending_events}, through the JSONTranscoder (separators "," and ":").
   */
  private static void snapshot(Connection c, String id, long version, String topic, String state)
      throws Exception {
    String json =
        "{\"timestamp\":"
            + dt("2026-03-02T12:00:00.000001+00:00")
            + ",\"topic\":\""
            + topic
            + "\",\"state\":"
            + state
            + "}";
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO stored_snapshots VALUES (?,?,?,?)")) {
      ps.setString(1, id);
      ps.setLong(2, version);
      ps.setString(3, "eventsourcing.domain:Snapshot");
      ps.setBytes(4, json.getBytes(StandardCharsets.UTF_8));
      ps.executeUpdate();
    }
  }

  private static String dt(String iso) {
    return "{\"_type_\":\"datetime_iso\",\"_data_\":\"" + iso + "\"}";
  }

  private static String dec(String decimal) {
    return "{\"_type_\":\"decimal_str\",\"_data_\":\"" + decimal + "\"}";
  }

  private static String uuid(String hex) {
    return "{\"_type_\":\"uuid_hex\",\"_data_\":\"" + hex + "\"}";
  }

  /** The bank account's state as BankAccount.__dict__ holds it, transcoded. */
  private static String account(
      String created,
      String modified,
      String name,
      String currency,
      String balance,
      String overdraft,
      boolean closed) {
    return "{\"_created_on\":"
        + dt(created)
        + ",\"_modified_on\":"
        + dt(modified)
        + ",\"full_name\":\""
        + name
        + "\",\"email_address\":\""
        + name.toLowerCase(java.util.Locale.ROOT)
        + "@example.com\",\"currency\":\""
        + currency
        + "\",\"balance\":"
        + dec(balance)
        + ",\"overdraft_limit\":"
        + dec(overdraft)
        + ",\"is_closed\":"
        + closed
        + "}";
  }

  private static List<Finding> snapshotFindings(Path db, Path reducer) {
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(source.layout().name()).isEqualTo("eventsourcing");
      return Verifier.verify(source, JsReducers.load(reducer), Progress.NONE).findings().stream()
          .filter(f -> f.kind().equals(Finding.SNAPSHOT_MISMATCH))
          .toList();
    }
  }

  /** The bank accounts of {@link DomainReducersTest}, with snapshots the library took. */
  private Path bankAccounts(String aliceBalanceAt3) throws Exception {
    Path db = DomainReducersTest.eventsourcingBankAccounts(dir);
    String topic = "bankaccounts.domainmodel:BankAccount";
    String aliceOpened = "2024-05-01T10:00:00.123456+00:00";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      snapshot(
          c,
          DomainReducersTest.ALICE,
          2,
          topic,
          account(
              aliceOpened, "2024-05-01T10:00:01+00:00", "Alice", "GBP", "100.00", "0.00", false));
      snapshot(
          c,
          DomainReducersTest.ALICE,
          3,
          topic,
          account(
              aliceOpened,
              "2024-05-01T10:00:02.000001+00:00",
              "Alice",
              "GBP",
              aliceBalanceAt3,
              "0.00",
              false));
      snapshot(
          c,
          DomainReducersTest.ALICE,
          6,
          topic,
          account(
              aliceOpened,
              "2024-05-01T10:00:05.000100+00:00",
              "Alice",
              "GBP",
              "-0.005",
              "50.00",
              true));
      snapshot(
          c,
          DomainReducersTest.BOB,
          2,
          topic,
          account(
              "2024-05-01T11:00:00+00:00",
              "2024-05-01T11:00:01.999999+00:00",
              "Bob",
              "EUR",
              "12.00",
              "0.00",
              false));
    }
    return db;
  }

  private static final Path BANK_ACCOUNT =
      Path.of("resources", "reducers", "eventsourcing", "bank-account.js");

  @Test
  void snapshotsTheLibraryTookOfAHealthyStoreAgreeWithTheReplay() throws Exception {
    Path db = bankAccounts("74.50");

    assertThat(snapshotFindings(db, BANK_ACCOUNT)).isEmpty();
  }

  @Test
  void aSnapshotValueThatReallyDiffersIsReportedAtItsPathAlone() throws Exception {
    Path db = bankAccounts("80.00");

    assertThat(snapshotFindings(db, BANK_ACCOUNT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stream()).isEqualTo(DomainReducersTest.ALICE);
              assertThat(f.version()).isEqualTo(3);
              assertThat(f.message())
                  .isEqualTo(
                      "the stored snapshot differs from the replayed state at 1 path"
                          + " (replayed -> stored): ~ /balance: \"74.50\" -> \"80.00\"");
            });
  }

  /**
   * An order whose reducer keeps values the way a JavaScript reducer would: the customer's UUID as
   * the event's 32 hex digits, times with {@code Z}, the total as a number, and the lines (tuples
   * in Python, arrays in JSON) as the events carry them, tagged prices and all.
   */
  private Path orders(String customerInSnapshot, String hatInSnapshot, String totalInSnapshot)
      throws Exception {
    Path db = dir.resolve("orders.db");
    String topic = "shop.domain:Order";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      LibraryDdl.create(c, LibraryDdl.EVENTSOURCING);
      String[][] events = {
        {
          "1",
          "Created",
          "{\"timestamp\":"
              + dt("2026-03-02T09:00:00+00:00")
              + ",\"originator_topic\":\""
              + topic
              + "\",\"customer_id\":"
              + uuid(CUSTOMER)
              + ",\"lines\":[[\"pen\","
              + dec("1.50")
              + "]]}"
        },
        {
          "2",
          "LineAdded",
          "{\"timestamp\":"
              + dt("2026-03-02T09:05:30.250000+00:00")
              + ",\"sku\":\"hat\",\"price\":"
              + dec("12.00")
              + "}"
        },
      };
      for (String[] e : events) {
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO stored_events VALUES (?,?,?,?)")) {
          ps.setString(1, ORDER);
          ps.setInt(2, Integer.parseInt(e[0]));
          ps.setString(3, topic + "." + e[1]);
          ps.setBytes(4, e[2].getBytes(StandardCharsets.UTF_8));
          ps.executeUpdate();
        }
      }
      snapshot(
          c,
          ORDER,
          2,
          topic,
          "{\"_created_on\":"
              + dt("2026-03-02T09:00:00+00:00")
              + ",\"_modified_on\":"
              + dt("2026-03-02T09:05:30.250000+00:00")
              + ",\"customer_id\":"
              + uuid(customerInSnapshot)
              + ",\"lines\":[[\"pen\","
              + dec("1.50")
              + "],[\"hat\","
              + dec(hatInSnapshot)
              + "]],\"total\":"
              + dec(totalInSnapshot)
              + "}");
    }
    return db;
  }

  private Path orderReducer() throws Exception {
    Path reducer = dir.resolve("order.js");
    Files.writeString(
        reducer,
        """
        (() => {
          const time = (event) => event.data.timestamp._data_.replace("+00:00", "Z");
          return {
            name: "shop order",
            types: ["Order"],
            $init: () => ({}),
            "Order.Created": (state, event) => ({
              _created_on: time(event),
              _modified_on: time(event),
              customer_id: event.data.customer_id._data_,
              lines: event.data.lines,
              total: Number(event.data.lines[0][1]._data_),
            }),
            "Order.LineAdded": (state, event) => ({
              ...state,
              _modified_on: time(event),
              lines: state.lines.concat([[event.data.sku, event.data.price]]),
              total: state.total + Number(event.data.price._data_),
            }),
          };
        })()
        """);
    return reducer;
  }

  @Test
  void uuidsInHexOrWithDashesDecimalsAsNumbersAndTimesInZuluAreTheSameValues() throws Exception {
    Path db = orders(CUSTOMER, "12.00", "13.50");

    assertThat(snapshotFindings(db, orderReducer())).isEmpty();
  }

  @Test
  void everyPathThatDiffersIsInTheOneLineMessage() throws Exception {
    Path db = orders(OTHER_CUSTOMER, "12.50", "14.00");

    assertThat(snapshotFindings(db, orderReducer()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.version()).isEqualTo(2);
              assertThat(f.message())
                  .isEqualTo(
                      "the stored snapshot differs from the replayed state at 3 paths"
                          + " (replayed -> stored):"
                          + " ~ /customer_id: \""
                          + CUSTOMER
                          + "\" -> \"0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9\";"
                          + " ~ /lines/1/1: \"12.00\" -> \"12.50\";"
                          + " ~ /total: 13.5 -> \"14.00\"")
                  .doesNotContain("\n");
            });
  }
}
