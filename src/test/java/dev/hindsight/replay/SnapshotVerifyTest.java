package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Verifier;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --reducer} compares Python eventsourcing's stored snapshots with the state the
 * bank-account reducer rebuilds at the same version.
 */
class SnapshotVerifyTest {

  @TempDir Path dir;

  private static void snapshot(Connection c, String id, long version, String state)
      throws Exception {
    String json =
        "{\"timestamp\": {\"_type_\": \"datetime_iso\", \"_data_\": \"2024-05-01T10:00:09+00:00\"},"
            + " \"topic\": \"bankaccounts.domainmodel:BankAccount\", \"state\": "
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

  @Test
  void aSnapshotThatDisagreesWithTheReplayIsAFindingAndOneThatAgreesIsNot() throws Exception {
    Path db = DomainReducersTest.eventsourcingBankAccounts(dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      // agrees with the events up to version 2; the library leaves _id and _version out
      snapshot(
          c,
          DomainReducersTest.ALICE,
          2,
          "{\"full_name\": \"Alice\", \"balance\": \"100.00\", \"is_closed\": false}");
      // version 3 left the balance at 74.50, not 80.00
      snapshot(
          c,
          DomainReducersTest.ALICE,
          3,
          "{\"full_name\": \"Alice\", \"balance\": \"80.00\", \"is_closed\": false}");
      // Bob has no version 7
      snapshot(c, DomainReducersTest.BOB, 7, "{\"balance\": \"12.00\"}");
    }
    Path reducer = Path.of("resources", "reducers", "eventsourcing", "bank-account.js");

    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(source.snapshots()).hasSize(3);
      Verifier.Result withReducer =
          Verifier.verify(source, JsReducers.load(reducer), Progress.NONE);
      Verifier.Result generic = Verifier.verify(source, ReducerSet.generic(), Progress.NONE);

      // (the hand-made fixture also interleaves Alice's and Bob's hours: time-regression findings)
      java.util.List<Finding> snapshots =
          withReducer.findings().stream()
              .filter(f -> f.kind().equals(Finding.SNAPSHOT_MISMATCH))
              .toList();
      assertThat(snapshots)
          .extracting(Finding::stream, Finding::version)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(DomainReducersTest.ALICE, 3L),
              org.assertj.core.groups.Tuple.tuple(DomainReducersTest.BOB, 7L));
      assertThat(snapshots.get(0).message())
          .isEqualTo(
              "the stored snapshot differs from the replayed state at 1 path"
                  + " (replayed -> stored): ~ /balance: \"74.50\" -> \"80.00\"");
      assertThat(snapshots.get(1).message())
          .isEqualTo("a snapshot at version 7, which the stream does not have");
      assertThat(generic.findings())
          .as("without a reducer there is no state to compare")
          .noneMatch(f -> f.kind().equals(Finding.SNAPSHOT_MISMATCH));
    }
  }

  @Test
  void axonSnapshotsAreComparedWhenTheyAreJsonAndPassedOverWhenTheyAreXml() throws Exception {
    Path db = DomainReducersTest.axonGiftCards(dir);
    String insert =
        "INSERT INTO SnapshotEventEntry (eventIdentifier, timeStamp, payloadType, payloadRevision,"
            + " payload, metaData, type, aggregateIdentifier, sequenceNumber)"
            + " VALUES (?,?,?,?,?,?,?,?,?)";
    Object[][] rows = {
      {"s1", "gc-1", 1, "{\"giftCardId\":\"gc-1\",\"remainingValue\":70,\"currency\":\"EUR\"}"},
      {"s2", "gc-1", 2, "{\"giftCardId\":\"gc-1\",\"remainingValue\":60}"},
      {
        "s3",
        "gc-2",
        1,
        "<com.example.giftcard.GiftCard><remainingValue>1</remainingValue>"
            + "</com.example.giftcard.GiftCard>"
      },
    };
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(insert)) {
      for (Object[] r : rows) {
        ps.setString(1, (String) r[0]);
        ps.setString(2, "2024-05-01T10:05:00.000Z");
        ps.setString(3, "com.example.giftcard.GiftCard");
        ps.setString(4, null);
        ps.setBytes(5, ((String) r[3]).getBytes(StandardCharsets.UTF_8));
        ps.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
        ps.setString(7, "GiftCard");
        ps.setString(8, (String) r[1]);
        ps.setInt(9, (Integer) r[2]);
        ps.executeUpdate();
      }
    }
    Path reducer = Path.of("resources", "reducers", "axon", "giftcard.js");

    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      java.util.List<Finding> snapshots =
          Verifier.verify(source, JsReducers.load(reducer), Progress.NONE).findings().stream()
              .filter(f -> f.kind().equals(Finding.SNAPSHOT_MISMATCH))
              .toList();

      assertThat(snapshots)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.stream()).isEqualTo("gc-1");
                assertThat(f.version()).isEqualTo(2);
                assertThat(f.message()).contains("~ /remainingValue: 65 -> 60");
              });
    }
  }

  @Test
  void pekkoSnapshotsAreReadFromTheirOwnColumnsAndCompared() throws Exception {
    Path db = DomainReducersTest.pekkoShoppingCarts(dir);
    String insert =
        "INSERT INTO snapshot (persistence_id, sequence_number, created, snapshot_ser_id,"
            + " snapshot_ser_manifest, snapshot_payload) VALUES (?,?,?,?,?,?)";
    Object[][] rows = {
      {"ShoppingCart|cart-2", 1, "{\"items\":{\"pen\":3},\"checkoutDate\":null}"},
      {"ShoppingCart|cart-1", 2, "{\"items\":{\"socks\":2,\"hat\":2},\"checkoutDate\":null}"},
    };
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(insert)) {
      for (Object[] r : rows) {
        ps.setString(1, (String) r[0]);
        ps.setInt(2, (Integer) r[1]);
        ps.setLong(3, 1714557600000L);
        ps.setInt(4, 31);
        ps.setString(5, "com.example.ShoppingCart$State");
        ps.setBytes(6, ((String) r[2]).getBytes(StandardCharsets.UTF_8));
        ps.executeUpdate();
      }
    }
    Path reducer = Path.of("resources", "reducers", "pekko", "shopping-cart.js");

    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(source.snapshots())
          .extracting(e -> e.stream() + "@" + e.version())
          .containsExactly("ShoppingCart|cart-1@2", "ShoppingCart|cart-2@1");
      java.util.List<Finding> snapshots =
          Verifier.verify(source, JsReducers.load(reducer), Progress.NONE).findings().stream()
              .filter(f -> f.kind().equals(Finding.SNAPSHOT_MISMATCH))
              .toList();

      assertThat(snapshots)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.stream()).isEqualTo("ShoppingCart|cart-1");
                assertThat(f.version()).isEqualTo(2);
                assertThat(f.message()).contains("~ /items/hat: 1 -> 2");
              });
    }
  }
}
