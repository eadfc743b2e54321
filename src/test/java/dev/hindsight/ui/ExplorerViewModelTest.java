package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's view models on a real store, with a same-thread runner: no toolkit, no sleeps. */
class ExplorerViewModelTest {

  @TempDir Path dir;
  private ExplorerViewModel model;
  private Path reducer;

  @BeforeEach
  void open() throws Exception {
    Path file = dir.resolve("bank.db");
    try (Connection c = TestStores.connect(file)) {
      TestStores.createSchema(c);
      TestStores.insert(
          c, 1, "account-1", 1, "Opened", "{\"balance\":0}", "{}", "2024-01-01T10:00:00Z");
      TestStores.insert(
          c,
          2,
          "account-1",
          2,
          "Deposited",
          "{\"balance\":50,\"by\":\"ann\"}",
          "{}",
          "2024-01-01T11:00:00Z");
      TestStores.insert(
          c, 3, "account-1", 3, "Withdrawn", "{\"balance\":-20}", "{}", "2024-01-01T12:00:00Z");
      TestStores.insert(
          c,
          4,
          "account-1",
          4,
          "Deposited",
          "{\"balance\":5,\"by\":\"bob\"}",
          "{}",
          "2024-01-01T13:00:00Z");
      TestStores.insert(
          c, 5, "account-2", 1, "Opened", "{\"balance\":1}", "{}", "2024-01-01T14:00:00Z");
    }
    reducer = dir.resolve("bank.js");
    Files.writeString(
        reducer, "({ name: 'Counter', $init: () => ({ n: 0 }), $any: (s) => ({ n: s.n + 1 }) })");
    model =
        new ExplorerViewModel(
            TaskRunner.sameThread(), t -> SqliteEventSource.open(t.file(), t.mapping()));
    model.streams().open(file);
    assertThat(model.streams().allStreams()).hasSize(2);
  }

  private StreamViewModel openAccount1() {
    assertThat(model.openStream("account-1", Long.MAX_VALUE)).isTrue();
    return model.streamProperty().get();
  }

  @Test
  void openingAStreamFoldsItAndShowsItsLastEvent() {
    StreamViewModel s = openAccount1();

    assertThat(s.loadingProperty().get()).isFalse();
    assertThat(s.progressProperty().get()).isEqualTo(1.0);
    assertThat(s.rows()).extracting(EventRow::version).containsExactly(1L, 2L, 3L, 4L);
    assertThat(s.ordinalProperty().get()).isEqualTo(3);
    assertThat(Json.write(s.pointProperty().get().after()))
        .isEqualTo("{\"balance\":5,\"by\":\"bob\"}");
    assertThat(s.pointProperty().get().changes())
        .extracting(c -> c.op().id() + " " + c.path())
        .containsExactly("changed /balance", "changed /by");
  }

  @Test
  void steppingAndGoingToAVersionOrATimeMoveThePoint() {
    StreamViewModel s = openAccount1();

    s.step(-2);
    assertThat(s.pointProperty().get().event().version()).isEqualTo(2);
    s.step(-10);
    assertThat(s.ordinalProperty().get()).isEqualTo(-1);
    assertThat(s.pointProperty().get().event()).isNull();
    s.goToVersion(3);
    assertThat(Json.write(s.pointProperty().get().after()))
        .isEqualTo("{\"balance\":-20,\"by\":\"ann\"}");
    s.goToTime(java.time.Instant.parse("2024-01-01T11:30:00Z"));
    assertThat(s.pointProperty().get().event().version()).isEqualTo(2);
    s.goToVersion(4);
    assertThat(s.ordinalProperty().get()).isEqualTo(3);
    s.goToTime(java.time.Instant.parse("2024-01-01T10:00:00Z"));
    assertThat(s.ordinalProperty().get()).isZero();
  }

  @Test
  void playbackStopsAtTheEnd() {
    StreamViewModel s = openAccount1();
    s.first();
    s.playingProperty().set(true);
    for (int i = 0; i < 10; i++) {
      s.tick();
    }
    assertThat(s.ordinalProperty().get()).isEqualTo(3);
    assertThat(s.playingProperty().get()).isFalse();
  }

  @Test
  void realTimePlaybackWaitsTheOriginalGapCompressed() {
    StreamViewModel s = openAccount1();
    s.first();
    s.speedProperty().set(4);
    assertThat(s.nextDelayNanos()).isEqualTo(250_000_000L);
    s.realTimeProperty().set(true);
    s.compressionProperty().set(3600); // the events are an hour apart: one second each
    assertThat(s.nextDelayNanos()).isEqualTo(1_000_000_000L);
    s.compressionProperty().set(60); // an hour at x60 is a minute: capped at five seconds
    assertThat(s.nextDelayNanos()).isEqualTo(5_000_000_000L);
    s.last();
    assertThat(s.nextDelayNanos()).isEqualTo(250_000_000L);
  }

  @Test
  void summariesLoadForTheRowsShown() {
    StreamViewModel s = openAccount1();
    EventRow row = s.rows().get(1);
    assertThat(row.summaryProperty().get()).isNull();

    s.needSummary(row);

    assertThat(s.rows())
        .extracting(r -> r.summaryProperty().get())
        .containsExactly(
            "{\"balance\":0}",
            "{\"balance\":50,\"by\":\"ann\"}",
            "{\"balance\":-20}",
            "{\"balance\":5,\"by\":\"bob\"}");
  }

  @Test
  void newReducersRefoldTheOpenStreamAndKeepItsPosition() {
    StreamViewModel s = openAccount1();
    s.goToVersion(2);

    model.loadReducers(reducer);

    assertThat(model.reducerName()).isEqualTo("Counter");
    assertThat(model.streamProperty().get()).isSameAs(s);
    assertThat(s.ordinalProperty().get()).isEqualTo(1);
    assertThat(Json.write(s.pointProperty().get().after())).isEqualTo("{\"n\":2}");
    model.clearReducers();
    assertThat(Json.write(s.pointProperty().get().after()))
        .isEqualTo("{\"balance\":50,\"by\":\"ann\"}");
  }

  @Test
  void aReducerThatDoesNotLoadSaysWhyAndKeepsTheOldOne() throws Exception {
    Path broken = dir.resolve("broken.js");
    Files.writeString(
        broken, "({ X: (s) => { for (let i = 0; i < 2; i++) { const y = i; } return s; } })");

    model.loadReducers(broken);

    assertThat(model.reducerStatusProperty().get().text())
        .startsWith("Reducers not loaded: broken.js:1: `const` inside a loop");
    assertThat(model.reducerName()).isEqualTo("generic");
  }

  @Test
  void compareAndHistoryFollowNewReducers() {
    StreamViewModel s = openAccount1();
    AnalysisViewModel a = s.analysis();
    s.goToVersion(1);
    a.markA();
    s.goToVersion(4);
    a.markB();
    a.historyOf("/balance");
    assertThat(a.history()).hasSize(4);

    model.loadReducers(reducer); // a counter: every event changes /n, and there is no /balance

    assertThat(a.comparison()).extracting(c -> c.line("→")).containsExactly("~ /n: 1 → 4");
    assertThat(a.history()).isEmpty();
  }

  @Test
  void maskingHidesValuesInThePointTheTableAndTheAnalysisAndComesOffAgain() {
    StreamViewModel s = openAccount1();
    model.maskingProperty().set(dev.hindsight.audit.Masking.parse("by"));

    assertThat(Json.write(s.pointProperty().get().after()))
        .isEqualTo("{\"balance\":5,\"by\":\"•••\"}");
    assertThat(Json.write(s.pointProperty().get().event().data())).doesNotContain("bob");
    assertThat(s.pointProperty().get().changes())
        .extracting(c -> c.line("->"))
        .contains("~ /by: \"•••\" -> \"•••\"");
    s.needSummary(s.rows().get(3));
    assertThat(s.rows().get(3).summaryProperty().get()).contains("•••").doesNotContain("bob");
    AnalysisViewModel a = s.analysis();
    a.historyOf("/by");
    assertThat(a.history()).extracting(e -> String.valueOf(e.newValue())).containsOnly("\"•••\"");

    model.maskingProperty().set(dev.hindsight.audit.Masking.off());
    assertThat(Json.write(s.pointProperty().get().after())).contains("bob");
    s.needSummary(s.rows().get(3));
    assertThat(s.rows().get(3).summaryProperty().get()).contains("bob");
  }

  @Test
  void exportingAReportWritesTheOpenStreamWithTheWindowsMasking() throws Exception {
    openAccount1();
    model.maskingProperty().set(dev.hindsight.audit.Masking.parse("by"));
    Path out = dir.resolve("account-1.html");
    String[] said = new String[1];

    model.exportReport(out, m -> said[0] = m, e -> said[0] = "failed: " + e);

    assertThat(said[0])
        .isEqualTo("Report written to account-1.html: 4 events, 0 findings, masking on");
    assertThat(Files.readString(out))
        .contains("Evidence report: account-1, versions 1–4")
        .contains("on: by shown as •••")
        .doesNotContain("bob")
        .doesNotContain("ann");
  }

  @Test
  void verifyingTheStoreListsItsFindingsAndBookmarksStayWithTheStore() throws Exception {
    AuditViewModel audit = model.audit();
    audit.verify();
    assertThat(audit.findings()).isEmpty();
    assertThat(audit.messageProperty().get()).isEqualTo("2 streams, 5 events checked: no findings");

    Path gappy = dir.resolve("gappy.db");
    try (Connection c = TestStores.connect(gappy)) {
      TestStores.createSchema(c);
      TestStores.insert(c, 1, "cart-1", 1, "Opened", "{}", "{}", "2024-01-01T10:00:00Z");
      TestStores.insert(c, 2, "cart-1", 3, "Closed", "{}", "{}", "2024-01-01T10:01:00Z");
    }
    model.streams().open(gappy);
    assertThat(audit.messageProperty().get()).startsWith("Not verified yet");
    audit.verify();
    assertThat(audit.findings()).extracting(f -> f.kind()).containsExactly("version-gap");
    assertThat(audit.messageProperty().get())
        .isEqualTo("1 stream, 2 events checked: 1 finding to look at, 0 for information");

    assertThat(model.openStream("cart-1", 3)).isTrue();
    audit.bookmark(model.streamProperty().get().stream(), 3, "closed early", "why?", "ann");
    assertThat(audit.bookmarks()).extracting(b -> b.title()).containsExactly("closed early");
    model.streams().open(dir.resolve("bank.db"));
    assertThat(audit.bookmarks()).isEmpty();
    model.streams().open(gappy);
    assertThat(audit.bookmarks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.stream()).isEqualTo("cart-1");
              assertThat(b.version()).isEqualTo(3);
              assertThat(b.author()).isEqualTo("ann");
            });
    audit.remove(audit.bookmarks().get(0));
    assertThat(audit.bookmarks()).isEmpty();
  }

  @Test
  void aDamagedBookmarksFileTurnsBookmarksOffAndIsLeftAsItWas() throws Exception {
    Path bank = dir.resolve("bank.db");
    Path file = dev.hindsight.audit.Bookmarks.of(bank).file();
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{ this is not json");

    model.streams().open(bank);

    assertThat(model.audit().bookmarks()).isEmpty();
    assertThat(model.audit().messageProperty().get())
        .startsWith("Bookmarks are off for this store:");
    openAccount1();
    model.audit().bookmark(model.streamProperty().get().stream(), 2, "t", "", "me");
    assertThat(Files.readString(file)).isEqualTo("{ this is not json");
    Files.delete(file);
  }

  @Test
  void exportingAReportNeverWritesOverTheOpenStoreOrAnotherDatabase() throws Exception {
    openAccount1();
    Path bank = dir.resolve("bank.db");
    Path other = TestStores.simpleStore(dir.resolve("other.db"), 3, 1);
    byte[] bankBytes = Files.readAllBytes(bank);
    byte[] otherBytes = Files.readAllBytes(other);
    String[] said = new String[2];

    model.exportReport(bank, m -> said[0] = m, e -> said[0] = StoreViewModel.message(e));
    model.exportReport(other, m -> said[1] = m, e -> said[1] = StoreViewModel.message(e));

    assertThat(said[0])
        .isEqualTo(bank + " is the store being read; Hindsight never writes over it");
    assertThat(said[1])
        .startsWith(other + " is a SQLite database; Hindsight never writes over one");
    assertThat(Files.readAllBytes(bank)).isEqualTo(bankBytes);
    assertThat(Files.readAllBytes(other)).isEqualTo(otherBytes);
  }

  @Test
  void exportingWithNoStreamOpenSaysSo() {
    String[] said = new String[1];
    model.exportReport(dir.resolve("r.html"), m -> said[0] = m, e -> said[0] = e.getMessage());
    assertThat(said[0]).isEqualTo("Open a stream first: a report is about one stream.");
    assertThat(Files.exists(dir.resolve("r.html"))).isFalse();
  }

  @Test
  void compareHistoryFindAndSearch() {
    StreamViewModel s = openAccount1();
    AnalysisViewModel a = s.analysis();

    s.goToVersion(1);
    a.markA();
    s.goToVersion(4);
    a.markB();
    assertThat(a.comparison())
        .extracting(c -> c.line("→"))
        .containsExactly("~ /balance: 0 → 5", "+ /by = \"bob\"");

    a.historyOf("/by");
    assertThat(a.history())
        .extracting(e -> e.version() + " " + e.op().id())
        .containsExactly("2 added", "4 changed");

    s.first();
    a.find("state.balance < 0", AnalysisViewModel.Direction.FIRST);
    assertThat(s.ordinalProperty().get()).isEqualTo(2);
    a.find("state.balance < 0", AnalysisViewModel.Direction.NEXT);
    assertThat(a.messageProperty().get())
        .isEqualTo("\"state.balance < 0\" holds after no later event");
    a.find("state.balanc < 0", AnalysisViewModel.Direction.FIRST);
    assertThat(a.messageProperty().get())
        .isEqualTo(
            "\"state.balanc < 0\" holds after no event; note: state.balanc was undefined at every"
                + " event — a typo?");
    a.find("state.balance <", AnalysisViewModel.Direction.FIRST);
    assertThat(a.messageProperty().get()).contains("condition:1:16:").doesNotContain(":2:");

    a.search("deposit", "", null, null);
    assertThat(a.searchHits()).containsExactly(1, 3);
    assertThat(a.busyProperty().get()).isFalse();
    assertThat(a.progressProperty().get()).isEqualTo(1.0);
    a.search("", "BOB", null, null);
    assertThat(a.searchHits()).containsExactly(3);
    a.search(
        "",
        "",
        java.time.Instant.parse("2024-01-01T11:30:00Z"),
        java.time.Instant.parse("2024-01-01T12:30:00Z"));
    assertThat(a.searchHits()).containsExactly(2);
    s.first();
    a.search("deposit", "", null, null);
    a.nextHit(true);
    assertThat(s.ordinalProperty().get()).isEqualTo(1);
    a.nextHit(true);
    assertThat(s.ordinalProperty().get()).isEqualTo(3);
    a.nextHit(false);
    assertThat(s.ordinalProperty().get()).isEqualTo(1);
  }
}
