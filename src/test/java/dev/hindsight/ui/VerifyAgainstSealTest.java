package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Seal;
import dev.hindsight.audit.StorePrint;
import dev.hindsight.replay.Progress;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go › Verify Against Seal…: the window's rules, without a toolkit, on a real store. */
class VerifyAgainstSealTest {

  @TempDir Path dir;
  Path store;
  Path seal;
  ExplorerViewModel model;

  @BeforeEach
  void sealAStore() throws Exception {
    store = TestStores.simpleStore(dir.resolve("shop.db"), 20, 2);
    seal = dir.resolve("shop.seal.json");
    try (SqliteEventSource s = SqliteEventSource.open(store, (Path) null)) {
      new Seal(
              "test",
              "2026-12-05T07:00:00Z",
              "ann",
              "audit-pc",
              store.toString(),
              s.layout().name(),
              StorePrint.take(s, Progress.NONE),
              null)
          .write(seal, null);
    }
    model =
        new ExplorerViewModel(
            TaskRunner.sameThread(), t -> SqliteEventSource.open(t.file(), t.mapping()));
  }

  @Test
  void anUntouchedStoreIsAsSealed() {
    model.streams().open(store);
    model.audit().verifyAgainst(seal);

    assertThat(model.audit().findings()).isEmpty();
    assertThat(model.audit().messageProperty().get())
        .isEqualTo("The events are as sealed (2026-12-05T07:00:00Z, ann@audit-pc): no findings");
    assertThat(model.audit().verifyingProperty().get()).isFalse();
  }

  @Test
  void aChangedEventIsAFindingAndTheMessageSaysTheStoreDiffers() throws Exception {
    try (Connection c = TestStores.connect(store)) {
      TestStores.exec(c, "UPDATE events SET payload = '{}' WHERE global_position = 5");
    }
    model.streams().open(store);
    model.audit().verifyAgainst(seal);

    assertThat(model.audit().findings())
        .extracting(Finding::kind, Finding::stream, Finding::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("event-changed", "order-1", 3L));
    assertThat(model.audit().messageProperty().get())
        .startsWith("The events differ from the seal (2026-12-05T07:00:00Z, ann@audit-pc): ")
        .endsWith("1 finding to look at, 0 for information");
  }

  @Test
  void aFileThatIsNotASealIsSaidAndNothingElseChanges() throws Exception {
    Path bogus = dir.resolve("notes.json");
    Files.writeString(bogus, "{\"hello\": 1}");
    model.streams().open(store);
    model.audit().verifyAgainst(bogus);

    assertThat(model.audit().findings()).isEmpty();
    assertThat(model.audit().messageProperty().get())
        .startsWith("Verify failed: ")
        .contains("is not a Hindsight seal");
  }
}
