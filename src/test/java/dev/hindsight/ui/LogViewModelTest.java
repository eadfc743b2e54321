package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Log on a real store, without a toolkit: the index, pages read as shown, opening a row. */
class LogViewModelTest {

  @TempDir Path dir;
  private ExplorerViewModel explorer;

  @AfterEach
  void close() {
    explorer.close();
  }

  private LogViewModel open(TaskRunner tasks, Path store) {
    explorer = TestWindows.explorer(tasks);
    explorer.streams().open(store);
    if (tasks instanceof ManualTaskRunner m) {
      m.runPending();
    }
    return new LogViewModel(tasks, explorer);
  }

  @Test
  void aShownLogListsEveryEventInGlobalOrderAndReadsOnlyThePagesAskedFor() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("big.db"), 1000, 7);
    LogViewModel log = open(TaskRunner.sameThread(), db);
    assertThat(log.sizeProperty().get()).as("nothing is read before it is shown").isZero();

    log.shownProperty().set(true);
    assertThat(log.sizeProperty().get()).isEqualTo(1000);
    assertThat(log.indexingProperty().get()).isFalse();
    assertThat(log.statusProperty().get()).isEqualTo("1,000 events");
    for (int i : new int[] {0, 1, 199, 200, 555, 999}) {
      assertThat(log.row(i).event().position()).as("row %d", i).isEqualTo(i + 1);
    }
    assertThat(log.row(555).event().stream()).isEqualTo("order-" + (555 % 7 + 1));

    // over time: every event counted once, from the first event's time to the last's
    LogIndex.Density d = log.densityProperty().get();
    assertThat(d.from()).isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
    assertThat(d.to()).isEqualTo(Instant.parse("2024-01-01T00:16:40Z"));
    assertThat(java.util.Arrays.stream(d.counts()).sum()).isEqualTo(1000);
    assertThat(d.counts()).hasSize(LogViewModel.DENSITY_BUCKETS);
    // the global time slider: the first event at or after a time
    assertThat(log.rowAt(Instant.parse("2024-01-01T00:08:20Z"))).isEqualTo(499); // position 500
    assertThat(log.rowAt(Instant.parse("2023-12-31T00:00:00Z"))).isZero();
    assertThat(log.rowAt(Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo(999);
  }

  @Test
  void theFirstPageShowsBeforeTheIndexIsReadAndRowsAskedForMeanwhileArriveWithIt()
      throws Exception {
    Path db = dir.resolve("gaps.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insertRange(c, 1, 600, 3);
      TestStores.exec(c, "DELETE FROM events WHERE global_position % 10 = 0"); // gaps: 540 left
    }
    ManualTaskRunner queued = new ManualTaskRunner(false);
    LogViewModel log = open(queued, db);
    log.shownProperty().set(true);
    assertThat(log.indexingProperty().get()).isTrue();
    queued.runOne(); // the first page's read
    queued.runOne(); // the index's read
    queued.runOne(); // the first page arrives; the index is still on its way
    assertThat(log.sizeProperty().get()).isEqualTo(LogViewModel.PAGE);
    assertThat(log.row(0).event().position()).isEqualTo(1);
    assertThat(log.row(300).event()).as("not indexed yet").isNull();

    queued.runPending();
    assertThat(log.sizeProperty().get()).isEqualTo(540);
    assertThat(log.row(300).event().position()).isEqualTo(334); // 9 of every 10 positions
    assertThat(log.row(539).event()).as("its page is read when asked for").isNull();
    queued.runPending();
    assertThat(log.row(539).event().position()).isEqualTo(599);
  }

  @Test
  void choosingARowOpensItsStreamAtItsEventAndShowsTheStream() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("open.db"), 100, 4);
    LogViewModel log = open(TaskRunner.sameThread(), db);
    log.shownProperty().set(true);
    log.openRow(log.row(41)); // position 42: order-2, version 11
    StreamViewModel vm = explorer.streamProperty().get();
    assertThat(vm.stream().stream()).isEqualTo("order-2");
    assertThat(vm.pointProperty().get().event().version()).isEqualTo(11);
    assertThat(log.shownProperty().get()).isFalse();
  }

  @Test
  void anotherStoreIsShownWhenItOpensAndTheLogIsShown() throws Exception {
    Path a = TestStores.simpleStore(dir.resolve("a.db"), 10, 2);
    Path b = TestStores.simpleStore(dir.resolve("b.db"), 30, 3);
    LogViewModel log = open(TaskRunner.sameThread(), a);
    log.shownProperty().set(true);
    assertThat(log.sizeProperty().get()).isEqualTo(10);
    explorer.streams().open(b);
    assertThat(log.sizeProperty().get()).isEqualTo(30);
    assertThat(log.row(29).event().stream()).isEqualTo("order-3");
  }

  @Test
  void aFilterListsOnlyTheEventsItKeepsAsAPlainScanDoesAndReadsTheirPagesByPosition()
      throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("filter.db"), 1000, 4);
    LogViewModel log = open(TaskRunner.sameThread(), db);
    log.shownProperty().set(true);
    log.filterProperty().set(EventFilter.NONE.withStreams("order-2"));
    assertThat(log.sizeProperty().get()).isEqualTo(250);
    assertThat(log.statusProperty().get()).isEqualTo("250 events match the filter");
    for (int i = 0; i < 250; i++) {
      assertThat(log.row(i).event().stream()).isEqualTo("order-2");
      assertThat(log.row(i).event().position()).as("row %d", i).isEqualTo(4L * i + 2);
    }

    log.filterProperty().set(EventFilter.NONE.withText("event 1"));
    List<Long> scan = new ArrayList<>();
    try (EventSource s = SqliteEventSource.open(db, (Path) null)) {
      s.read(
          EventQuery.all(),
          e -> {
            if (EventFilter.NONE.withText("event 1").test(e)) {
              scan.add(e.position());
            }
            return true;
          });
    }
    assertThat(scan).isNotEmpty();
    assertThat(log.sizeProperty().get()).isEqualTo(scan.size());
    for (int i = 0; i < scan.size(); i++) {
      assertThat(log.row(i).event().position()).isEqualTo(scan.get(i));
    }

    log.filterProperty().set(EventFilter.NONE);
    assertThat(log.sizeProperty().get()).isEqualTo(1000);
  }
}
