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
      assertThat(result.findings()).as(library).isEmpty();
      assertThat(result.events()).isPositive();
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
}
