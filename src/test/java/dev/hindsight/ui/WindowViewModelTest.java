package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import dev.hindsight.tour.Tour;
import dev.hindsight.ui.timeline.Marker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.prefs.Preferences;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's rules without a toolkit: real stores, scripted dialogs, and a task runner whose
 * clock is virtual (no sleeps).
 */
class WindowViewModelTest {

  @TempDir Path dir;
  private Path bank;
  private Path shop;
  private ManualTaskRunner tasks;
  private ScriptedDialogs dialogs;
  private Preferences prefs;
  private WindowViewModel window;
  private ExplorerViewModel explorer;

  @BeforeEach
  void setUp() throws Exception {
    bank = dir.resolve("bank.db");
    try (Connection c = TestStores.connect(bank)) {
      TestStores.createSchema(c);
      String[] types = {"Opened", "Deposited", "Withdrawn", "Deposited", "Deposited", "Closed"};
      for (int v = 1; v <= types.length; v++) {
        TestStores.insert(
            c,
            v,
            "account-1",
            v,
            types[v - 1],
            "{\"balance\":" + v * 10 + "}",
            "{}",
            "2024-01-01T1" + v + ":00:00Z");
      }
      TestStores.insert(c, 7, "account-2", 1, "Opened", "{}", "{}", "2024-01-02T10:00:00Z");
      TestStores.insert(c, 8, "account-2", 3, "Closed", "{}", "{}", "2024-01-02T11:00:00Z");
    }
    shop = dir.resolve("shop.db");
    try (Connection c = TestStores.connect(shop)) {
      TestStores.createSchema(c);
      TestStores.insert(c, 1, "order-1", 1, "Placed", "{}", "{}", "2024-02-01T10:00:00Z");
    }
    tasks = TaskRunner.sameThread();
    dialogs = new ScriptedDialogs();
    prefs = Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
    window = newWindow(tasks);
    explorer = window.explorer();
    explorer.streams().open(bank);
  }

  private WindowViewModel newWindow(TaskRunner runner) {
    ExplorerViewModel e =
        new ExplorerViewModel(runner, t -> SqliteEventSource.open(t.file(), t.mapping()));
    return new WindowViewModel(
        runner, e, dialogs, new RecentFiles(prefs), new Settings(prefs.node("window")));
  }

  @AfterEach
  void tearDown() throws Exception {
    window.close();
    prefs.removeNode();
  }

  private StreamViewModel open(String id) {
    assertThat(explorer.openStream(id, Long.MAX_VALUE)).isTrue();
    return explorer.streamProperty().get();
  }

  private Path reducer(String name, String js) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, js);
    return file;
  }

  private static List<Integer> shown(IntPredicate p, int size) {
    return IntStream.range(0, size).filter(o -> p == null || p.test(o)).boxed().toList();
  }

  @Test
  void compareWithOtherReducersAsksForAFileLikeTheLoadedOneAndShowsTheComparison()
      throws Exception {
    String counts = "({ $init: () => ({ n: 0 }), $any: (s) => ({ n: s.n + 1 })";
    explorer.loadReducers(reducer("count.js", counts + " })"));
    Path closes = reducer("closes.js", counts + ", Closed: (s) => ({ n: s.n, closed: true }) })");

    window.commands().compareReducers(); // cancelled: nothing
    assertThat(window.views().viewProperty().get()).isEqualTo(StoreViews.View.STREAM);
    dialogs.answer(closes);
    window.commands().compareReducers();

    assertThat(dialogs.asked)
        .containsExactly("Compare with a reducer file", "Compare with a reducer file");
    assertThat(window.views().viewProperty().get()).isEqualTo(StoreViews.View.REDUCERS);
    ReducerCompareViewModel compare = window.views().reducers();
    assertThat(compare.rows())
        .extracting(d -> d.stream() + " v" + d.version() + " " + d.type())
        .containsExactly("account-1 v6 Closed", "account-2 v3 Closed");
    assertThat(compare.messageProperty().get())
        .isEqualTo("2 streams compared: 0 the same, 2 differ, 0 reducer errors");
  }

  @Test
  void onlyEventsWithFindingsListsReducerErrorsAndVerifyFindingsOfTheOpenStream() throws Exception {
    explorer.loadReducers(
        reducer("fail.js", "({ Withdrawn: () => { throw new Error('no'); }, $any: (s) => s })"));
    open("account-1");
    assertThat(window.shownEventsProperty().get()).isNull();

    window.onlyFindingsProperty().set(true);
    assertThat(shown(window.shownEventsProperty().get(), 6)).containsExactly(2);

    open("account-2");
    explorer.audit().verify(); // version 2 of account-2 is missing: shown at v1, the event before
    assertThat(explorer.audit().findings())
        .anySatisfy(f -> assertThat(f.kind() + " " + f.version()).isEqualTo("version-gap 2"));
    assertThat(shown(window.shownEventsProperty().get(), 2)).containsExactly(0);
    assertThat(window.markers()).contains(new Marker(0, Marker.Kind.ERROR));

    window.onlyFindingsProperty().set(false);
    assertThat(window.shownEventsProperty().get()).isNull();
  }

  @Test
  void aBrokenInvariantIsAFindingMarkedAndListedLikeAnyOther() throws Exception {
    // account-1's balances are 10, 20, … 60: "under 35" breaks after version 4 and never recovers
    explorer.loadReducers(
        reducer(
            "inv.js",
            "({ $any: (s, e) => ({ ...s, ...e.data }),"
                + " $invariants: { 'under 35': (s) => !(s.balance > 35) } })"));
    open("account-1");
    explorer.audit().verify();

    assertThat(explorer.audit().findings())
        .filteredOn(f -> f.kind().equals("invariant-violated"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stream()).isEqualTo("account-1");
              assertThat(f.version()).isEqualTo(4);
              assertThat(f.message())
                  .isEqualTo(
                      "invariant \"under 35\" broke after Deposited (returned false); it stayed"
                          + " violated to the end of the stream (3 events)");
            });
    assertThat(window.markers()).contains(new Marker(3, Marker.Kind.ERROR));
    window.onlyFindingsProperty().set(true);
    assertThat(shown(window.shownEventsProperty().get(), 6)).contains(3);
  }

  @Test
  void hidingTheFutureListsTheEventsUpToTheCurrentOneAsItMoves() {
    StreamViewModel s = open("account-1");
    s.goToVersion(2);
    window.presentation().hideFutureProperty().set(true);
    assertThat(shown(window.shownEventsProperty().get(), 6)).containsExactly(0, 1);
    s.step(2);
    assertThat(shown(window.shownEventsProperty().get(), 6)).containsExactly(0, 1, 2, 3);
    window.presentation().hideFutureProperty().set(false);
    assertThat(window.shownEventsProperty().get()).isNull();
  }

  @Test
  void presentingPutsTheAnalysisTabsAwayUntilSomethingInThemIsAskedFor() {
    Presentation p = window.presentation();
    assertThat(p.analysisShownProperty().get()).as("working").isTrue();
    p.presentingProperty().set(true);
    assertThat(p.analysisShownProperty().get()).as("presenting").isFalse();
    p.analysisAskedFor(); // Find When, a History, a flow, Verify
    assertThat(p.analysisShownProperty().get()).as("asked for while presenting").isTrue();
    p.presentingProperty().set(false);
    assertThat(p.analysisShownProperty().get()).isTrue();
    p.presentingProperty().set(true);
    assertThat(p.analysisShownProperty().get()).as("the next presentation").isFalse();
  }

  @Test
  void actualSizeWhilePresentingIsThePresentationsStartZoom() {
    Presentation p = window.presentation();
    p.presentingProperty().set(true);
    assertThat(p.zoomProperty().get()).isEqualTo(150);
    p.zoomIn();
    p.actualSize();
    assertThat(p.zoomProperty().get()).as("Ctrl+0 while presenting").isEqualTo(150);
    p.presentingProperty().set(false);
    p.presentingProperty().set(true);
    assertThat(p.zoomProperty().get()).as("the next presentation").isEqualTo(150);
    p.presentingProperty().set(false);
    p.zoomIn();
    p.actualSize();
    assertThat(p.zoomProperty().get()).isEqualTo(100);
  }

  @Test
  void leavingTheTourTakesItsCaptionAway() {
    StreamViewModel s = open("account-1");
    window.commands().startTour(() -> Tour.parse(tour("account-1", 1, 4)));
    TourViewModel tour = window.tour();
    assertThat(tour.captionProperty().get()).isEqualTo("v1");
    s.goToVersion(2);
    assertThat(tour.captionProperty().get()).as("between steps of its stream").isEqualTo("v1");
    open("account-2");
    assertThat(tour.captionProperty().get()).as("another stream: off the tour").isEmpty();
    assertThat(tour.awayProperty().get()).isTrue();
    tour.next();
    assertThat(tour.captionProperty().get()).isEqualTo("v4");
    assertThat(tour.awayProperty().get()).isFalse();
    tour.close();
    assertThat(tour.captionProperty().get()).isEmpty();
  }

  @Test
  void playbackOnVirtualTimeStepsAtItsSpeedAndPausesAtATourStep() {
    StreamViewModel s = open("account-1");
    window.commands().startTour(() -> Tour.parse(tour("account-1", 1, 4)));
    assertThat(s.ordinalProperty().get()).isZero();
    s.speedProperty().set(2); // half a second an event
    s.playingProperty().set(true);
    assertThat(window.playingProperty().get()).isTrue();

    long t = 1_000_000_000L;
    window.tick(t); // the first frame steps at once: v2
    window.tick(t + 100_000_000L); // too soon
    assertThat(s.ordinalProperty().get()).isEqualTo(1);
    window.tick(t + 500_000_000L); // v3
    window.tick(t + 1_000_000_000L); // v4: the tour's second step
    assertThat(s.ordinalProperty().get()).isEqualTo(3);
    assertThat(s.playingProperty().get()).as("paused at the step").isFalse();
    assertThat(window.playingProperty().get()).isFalse();
    assertThat(window.tour().indexProperty().get()).isEqualTo(1);
    window.tick(t + 5_000_000_000L);
    assertThat(s.ordinalProperty().get()).isEqualTo(3);
  }

  private static String tour(String stream, long... versions) {
    StringBuilder steps = new StringBuilder();
    for (long v : versions) {
      steps.append(steps.length() == 0 ? "" : ",");
      steps.append(
          "{\"stream\":\"" + stream + "\",\"version\":" + v + ",\"caption\":\"v" + v + "\"}");
    }
    return "{\"title\":\"t\",\"steps\":[" + steps + "]}";
  }

  @Test
  void aReducerFileThatFailsToLoadGetsOneDialogAndAFailedReloadOnlyALine() throws Exception {
    Path broken = reducer("broken.js", "({ X: (s) => { return s; ");
    explorer.loadReducers(broken);
    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0)).startsWith("The reducers could not be loaded: broken.js");
    assertThat(explorer.reducerStatusProperty().get().kind()).isEqualTo(ReducerStatus.Kind.FAILED);
    assertThat(explorer.reducerName()).isEqualTo("generic");
  }

  @Test
  void aDroppedJsFileLoadsReducersAndADbFileOpensAsAStore() throws Exception {
    Path js = reducer("count.js", "({ name: 'Counter', $any: (s) => s })");
    window.commands().open(js);
    assertThat(explorer.reducerPathProperty().get()).isEqualTo(js);
    assertThat(explorer.streams().fileProperty().get()).isEqualTo(bank);

    window.commands().open(shop);
    assertThat(explorer.streams().fileProperty().get()).isEqualTo(shop);
    assertThat(explorer.reducerPathProperty().get()).as("the user's reducers stay").isEqualTo(js);
  }

  @Test
  void cancelledChoosersWriteNothingAndOpenNothing() throws Exception {
    open("account-1");
    long files = Files.list(dir).count();
    window.commands().exportReport(); // cancelled
    window.commands().bookmarks().saveBookmarksAsTour();
    window.commands().bookmarks().exportBookmarks();
    window.commands().openStore();
    window.commands().openStoreWithMapping();
    window.commands().bookmarks().bookmarkHere();
    window.commands().editMasking();
    assertThat(dialogs.asked).hasSize(7);
    assertThat(Files.list(dir).count()).isEqualTo(files);
    assertThat(explorer.audit().bookmarks()).isEmpty();
    assertThat(explorer.streams().fileProperty().get()).isEqualTo(bank);
    assertThat(explorer.maskingProperty().get().on()).isFalse();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void goingToAVersionPastTheEndSaysSoInsteadOfSilentlyClamping() {
    StreamViewModel s = open("account-1");
    window.commands().goTo("99");
    assertThat(s.ordinalProperty().get()).isEqualTo(5);
    assertThat(window.noticeProperty().get())
        .isEqualTo("Version 99 is after the last version of account-1 (6): showing v6");
    window.commands().goTo("3");
    assertThat(s.ordinalProperty().get()).isEqualTo(2);
    assertThat(window.noticeProperty().get()).isEmpty();
    window.commands().goTo("0");
    assertThat(s.ordinalProperty().get()).isEqualTo(-1);
    assertThat(window.noticeProperty().get()).contains("before the first version");
    window.commands().goTo("2024-01-01T12:30:00Z");
    assertThat(s.ordinalProperty().get()).isEqualTo(1);
    window.commands().goTo("2024-01-02"); // a date: its start, in UTC
    assertThat(s.ordinalProperty().get()).isEqualTo(5);
    window.commands().goTo("2023-12-31");
    assertThat(s.ordinalProperty().get()).isEqualTo(-1);
    window.commands().goTo("yesterday");
    assertThat(dialogs.errors).singleElement().asString().startsWith("Go to what?");
  }

  @Test
  void followingRefreshesTheListAndTheOpenStreamWhenAnotherConnectionCommits() throws Exception {
    StreamViewModel s = open("account-1");
    explorer.followProperty().set(true);
    tasks.advance(ExplorerViewModel.FOLLOW_EVERY); // the follower takes note of the store
    try (Connection c = TestStores.connect(bank)) {
      TestStores.insert(c, 9, "account-1", 7, "Reopened", "{}", "{}", "2024-01-03T10:00:00Z");
    }
    assertThat(explorer.streamProperty().get()).isSameAs(s);
    tasks.advance(ExplorerViewModel.FOLLOW_EVERY);
    StreamViewModel now = explorer.streamProperty().get();
    assertThat(now.replayProperty().get().size()).isEqualTo(7);
    assertThat(now.ordinalProperty().get()).as("stuck to the latest").isEqualTo(6);
    assertThat(window.selectedStreamProperty().get()).isEqualTo("account-1");
    assertThat(explorer.streams().statusProperty().get()).isEqualTo("2 streams · 9 events");
  }

  @Test
  void openingAnotherStoreDuringAFollowRefreshKeepsFollowingTheNewStore() throws Exception {
    window.close();
    ManualTaskRunner queued = new ManualTaskRunner(false);
    window = newWindow(queued);
    explorer = window.explorer();
    explorer.streams().open(bank);
    queued.runPending();
    explorer.followProperty().set(true);
    queued.advance(ExplorerViewModel.FOLLOW_EVERY);
    try (Connection c = TestStores.connect(bank)) {
      TestStores.insert(c, 9, "account-1", 7, "Reopened", "{}", "{}", "2024-01-03T10:00:00Z");
    }
    queued.advance(ExplorerViewModel.FOLLOW_EVERY); // the change is seen, its refresh queued
    explorer.streams().open(shop); // meanwhile another store
    queued.runPending();
    assertThat(explorer.streams().fileProperty().get()).isEqualTo(shop);
    assertThat(queued.periodicCount()).as("one follower: the new store's").isEqualTo(1);

    queued.advance(ExplorerViewModel.FOLLOW_EVERY); // takes note of the shop
    try (Connection c = TestStores.connect(shop)) {
      TestStores.insert(c, 2, "order-2", 1, "Placed", "{}", "{}", "2024-02-02T10:00:00Z");
    }
    queued.advance(ExplorerViewModel.FOLLOW_EVERY);
    assertThat(explorer.streams().allStreams()).hasSize(2);

    explorer.followProperty().set(false);
    assertThat(queued.periodicCount()).isZero();
  }

  @Test
  void reducersThatLoadWhileAStreamIsStillFoldingKeepTheEventItWasGoingTo() throws Exception {
    window.close();
    ManualTaskRunner queued = new ManualTaskRunner(false);
    window = newWindow(queued);
    explorer = window.explorer();
    explorer.streams().open(bank);
    queued.runPending();
    explorer.loadReducers(reducer("count.js", "({ name: 'Counter', $any: (s) => s })"));
    assertThat(explorer.openStream("account-1", 4)).isTrue();
    queued.runPending(); // the reducers arrive first, while account-1 is still being folded
    StreamViewModel s = explorer.streamProperty().get();
    assertThat(explorer.reducerName()).isEqualTo("Counter");
    assertThat(s.pointProperty().get().event().version()).as("not the initial state").isEqualTo(4);
  }

  @Test
  void switchingStreamsMovesTheStreamListenersAndLetsTheOldStreamGo() {
    StreamViewModel first = open("account-1");
    StreamViewModel second = open("account-2");
    int before = window.markerUpdates;
    first.analysis().markA(); // the stream no longer shown: nobody listens to it any more
    assertThat(window.markerUpdates).isEqualTo(before);
    second.analysis().markA();
    assertThat(window.markerUpdates).isEqualTo(before + 1);
    assertThat(window.markers()).contains(new Marker(1, Marker.Kind.COMPARE_A));

    explorer.audit().bookmark(second.stream(), 1, "b", "", "me");
    assertThat(window.markerUpdates).as("one listener on the bookmarks").isEqualTo(before + 2);
    explorer.audit().remove(explorer.audit().bookmarks().get(0));
  }

  @Test
  void openingAnotherStoreEndsTheDemoTourUnloadsTheDemoReducersAndClearsTheQueries()
      throws Exception {
    window.commands().openDemo(true);
    Path demo = explorer.streams().fileProperty().get();
    assertThat(window.isDemo(demo)).isTrue();
    assertThat(window.tour().active()).isTrue();
    assertThat(explorer.reducerPathProperty().get()).isNotNull();
    assertThat(window.selectedStreamProperty().get()).isEqualTo("cart-301");
    window.searchTextProperty().set("Adyen");
    window.findConditionProperty().set("state.total > 0");

    window.commands().open(shop);
    assertThat(window.tour().active()).isFalse();
    assertThat(explorer.reducerPathProperty().get()).isNull();
    assertThat(explorer.reducerName()).isEqualTo("generic");
    assertThat(window.searchTextProperty().get()).isEmpty();
    assertThat(window.findConditionProperty().get()).isEmpty();
    assertThat(explorer.streamProperty().get()).isNull();

    // the demo tour is there for a store that is not the demo: it opens the demo again (and its
    // step on the double charge shows that checkout's flow across six streams)
    window.commands().startDemoTour();
    assertThat(window.isDemo(explorer.streams().fileProperty().get())).isTrue();
    assertThat(window.tour().active()).isTrue();
    while (window.views().flow().flowProperty().get() == null
        && window.tour().indexProperty().get() < 12) {
      window.tour().next();
    }
    assertThat(window.views().flow().flowProperty().get().events()).hasSize(23);
    assertThat(window.views().flow().currentProperty().get()).isEqualTo(878);
  }

  @Test
  void openRecentRemembersMappingsButNotDemoCopiesAndForgetsAStoreThatIsGone() throws Exception {
    Path mapping = dir.resolve("simple.json");
    Files.writeString(
        mapping, Files.readString(Path.of("resources/layouts/01-hindsight-simple.json")));
    window.commands().openDemo(false);
    dialogs.answer(shop).answer(mapping);
    window.commands().openStoreWithMapping();
    assertThat(dialogs.errors).isEmpty();
    assertThat(explorer.streams().targetProperty().get()).isEqualTo(new StoreTarget(shop, mapping));

    List<StoreTarget> recent = window.commands().recentStores();
    assertThat(recent).extracting(StoreTarget::file).containsExactly(shop, bank);
    assertThat(recent.get(0).mapping()).isEqualTo(mapping);
    assertThat(new RecentFiles(prefs).list()).isEqualTo(recent);

    Files.delete(bank);
    window.commands().openRecent(recent.get(1));
    assertThat(dialogs.errors).singleElement().asString().startsWith("The store is not there");
    assertThat(window.commands().recentStores())
        .extracting(StoreTarget::file)
        .containsExactly(shop);
  }

  @Test
  void theWindowsCommandLineIsParsedWithPicocli() {
    WindowArgs a =
        WindowArgs.parse(List.of("shop.db", "--mapping", "m.json", "--stream", "s-1", "--at", "7"));
    assertThat(a.target()).isEqualTo(new StoreTarget(Path.of("shop.db"), Path.of("m.json")));
    assertThat(a.stream).isEqualTo("s-1");
    assertThat(a.at).isEqualTo(7L);
    assertThat(WindowArgs.parse(List.of("big.db", "--measure-stalls")).measureStalls).isTrue();
    assertThat(WindowArgs.parse(List.of()).target()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WindowArgs.parse(List.of("shop.db", "--at", "abc")))
        .hasMessageStartingWith("--at needs a version number, not 'abc'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WindowArgs.parse(List.of("--reducer")))
        .hasMessageContaining("--reducer");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WindowArgs.parse(List.of("--verbose", "x")))
        .hasMessageContaining("--verbose");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WindowArgs.parse(List.of("--mapping", "m.json")))
        .hasMessage("--mapping is for a store: give the store's FILE too");
  }

  @Test
  void theReducerWatcherReloadsAnEditedFileOnThePeriodicThread() throws Exception {
    Path js = reducer("count.js", "({ name: 'One', $any: (s) => s })");
    explorer.watchReducers(true);
    explorer.loadReducers(js);
    assertThat(tasks.periodicCount()).isEqualTo(1);
    Files.writeString(js, "({ name: 'Two', $any: (s) => s })");
    open("account-1");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    // the file system reports the change on its own time: look until it has (no sleep: each look
    // is a virtual tick)
    while (!explorer.reducerName().equals("Two") && System.nanoTime() < deadline) {
      tasks.advance(ReducerWatcher.TICK);
      Thread.onSpinWait();
    }
    assertThat(explorer.reducerName()).isEqualTo("Two");
    explorer.clearReducers();
    assertThat(tasks.periodicCount()).isZero();
  }
}
