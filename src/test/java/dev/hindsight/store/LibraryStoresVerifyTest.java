package dev.hindsight.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Verifier;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code verify} finds nothing wrong in stores written with each library's own schema. */
class LibraryStoresVerifyTest {

  @TempDir Path dir;

  private Path store(String library) throws Exception {
    return switch (library) {
      case "hindsight-simple" -> LibraryStores.hindsightSimple(dir);
      case "emmett" -> LibraryStores.emmett(dir);
      case "evtstore" -> LibraryStores.evtstore(dir);
      case "axon-jdbc" -> LibraryStores.axonJdbc(dir);
      case "axon-jpa" -> LibraryStores.axonJpa(dir);
      case "eventsourcing" -> LibraryStores.eventsourcing(dir);
      case "eventsourcing-zlib" -> LibraryStores.eventsourcingZlib(dir);
      case "pekko-jdbc" -> LibraryStores.pekkoJdbc(dir);
      case "akka-net" -> LibraryStores.akkaNet(dir);
      case "sqlstreamstore" -> LibraryStores.sqlStreamStore(dir);
      case "eventuous" -> LibraryStores.eventuous(dir);
      case "eventsourcing-encrypted" -> LibraryStores.eventsourcingEncrypted(dir);
      default -> throw new IllegalArgumentException(library);
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "hindsight-simple",
        "emmett",
        "evtstore",
        "axon-jdbc",
        "axon-jpa",
        "eventsourcing",
        "eventsourcing-zlib",
        "pekko-jdbc",
        "akka-net",
        "sqlstreamstore",
        "eventuous"
      })
  void aStoreWrittenByTheLibraryIsClean(String library) throws Exception {
    try (SqliteEventSource source = SqliteEventSource.open(store(library), (Path) null)) {
      Verifier.Result result = Verifier.verify(source, ReducerSet.generic(), Progress.NONE);
      assertThat(result.hasFindings()).as(library).isFalse();
      // Axon's fixture has one event published outside an aggregate: information, not a fault
      assertThat(result.findings())
          .as(library)
          .hasSize(library.equals("axon-jdbc") ? 1 : 0)
          .allSatisfy(
              f -> {
                assertThat(f.kind()).isEqualTo(Finding.ORPHAN_EVENT);
                assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
              });
      assertThat(result.events()).isPositive();
    }
  }

  @org.junit.jupiter.api.Test
  void anEmmettStreamWhoseHeaderDisagreesWithItsRows() throws Exception {
    Path db = LibraryStores.emmett(dir);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement s = c.createStatement()) {
      s.execute("UPDATE emt_streams SET stream_position = 5 WHERE stream_id = 'shopping_cart-456'");
    }
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      Verifier.Result result = Verifier.verify(source, ReducerSet.generic(), Progress.NONE);
      assertThat(result.findings())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.kind()).isEqualTo(Finding.STREAM_HEADER_MISMATCH);
                assertThat(f.stream()).isEqualTo("shopping_cart-456");
                assertThat(f.message())
                    .isEqualTo("the stream's header says version 5, its rows end at version 1");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventsourcing-encrypted"})
  void encryptedPayloadsAreSaidOncePerStream(String library) throws Exception {
    try (SqliteEventSource source = SqliteEventSource.open(store(library), (Path) null)) {
      Verifier.Result result = Verifier.verify(source, ReducerSet.generic(), Progress.NONE);
      assertThat(result.findings())
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.kind()).isEqualTo(Finding.ENCRYPTED_PAYLOAD);
                assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
                assertThat(f.message()).contains("payloads are encrypted");
              });
      assertThat(result.findings()).extracting(Finding::stream).doesNotHaveDuplicates();
    }
  }

  @org.junit.jupiter.api.Test
  void aStoreWithoutTheSnapshotOrHeaderTableItsLayoutNamesIsVerifiedAllTheSame() throws Exception {
    Path emmett = LibraryStores.emmett(dir);
    Path eventsourcing = LibraryStores.eventsourcing(dir);
    for (String[] drop :
        new String[][] {
          {emmett.toString(), "emt_streams"}, {eventsourcing.toString(), "stored_snapshots"}
        }) {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + drop[0]);
          java.sql.Statement s = c.createStatement()) {
        s.execute("DROP TABLE " + drop[1]);
      }
    }
    java.nio.file.Path reducer =
        Path.of("resources", "reducers", "eventsourcing", "bank-account.js");
    for (Path db : java.util.List.of(emmett, eventsourcing)) {
      try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
        assertThat(source.snapshots()).isEmpty();
        assertThat(source.streamHeaders()).isEmpty();
        Verifier.Result result =
            Verifier.verify(
                source, dev.hindsight.replay.js.JsReducers.load(reducer), Progress.NONE);
        assertThat(result.events()).isPositive();
      }
    }
  }
}
