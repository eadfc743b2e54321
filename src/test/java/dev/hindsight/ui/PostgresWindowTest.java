package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.FindInAllStreams;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.open.Stores;
import dev.hindsight.store.postgres.PgServer;
import dev.hindsight.store.postgres.PgTestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window on a real PostgreSQL server (the demo store copied in), through its view models and
 * the factory's own opener: Connect asks for the password the server wants and keeps it nowhere, a
 * stream's events and state show as from the file, the stream list is paged and filtered on the
 * server, what needs every stream still gets them, and a database with two stores asks which.
 */
class PostgresWindowTest {

  static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");
  static String db;
  static List<StreamSummary> demoStreams;

  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final Preferences prefs =
      Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
  private WindowViewModel window;
  private ExplorerViewModel explorer;

  @BeforeAll
  static void copyTheDemo() throws Exception {
    db = PgTestStores.copy(DEMO, "window");
    try (EventSource lite = Stores.open(DEMO.toString(), (Path) null)) {
      demoStreams = lite.streams();
    }
  }

  @BeforeEach
  void newWindow() {
    TaskRunner tasks = TaskRunner.sameThread();
    explorer = new ExplorerViewModel(tasks, WindowFactory::open);
    window =
        new WindowViewModel(
            tasks, explorer, dialogs, new RecentFiles(prefs), new Settings(prefs.node("window")));
  }

  @AfterEach
  void close() throws Exception {
    window.close();
    prefs.removeNode();
  }

  private static String url() {
    return PgServer.url(db).display();
  }

  /** Fills the Connect dialog as a user would: the server's fields and, maybe, the password. */
  private static Consumer<ConnectViewModel> fill(String database, String password) {
    var u = PgServer.url(database);
    return form -> {
      form.hostProperty().set(u.host());
      form.portProperty().set(Integer.toString(u.port()));
      form.databaseProperty().set(database);
      form.userProperty().set(u.user());
      form.passwordProperty().set(password);
    };
  }

  @Test
  void connectAsksForThePasswordTheServerWantsAndShowsAStreamsEventsAndState() throws Exception {
    dialogs.answer(fill(db, "")).answer(PgServer.READER_PASSWORD);
    window.commands().connect();

    assertThat(dialogs.errors).isEmpty();
    assertThat(dialogs.asked)
        .containsExactly("Connect to PostgreSQL", url() + " asks for hindsight_reader's password");
    StoreViewModel store = explorer.streams();
    assertThat(store.locationProperty().get()).isEqualTo(url());
    assertThat(store.fileProperty().get()).isNull();
    assertThat(store.layoutNameProperty().get()).isEqualTo("hindsight-simple");
    assertThat(store.paged()).isTrue();
    assertThat(store.allStreams()).isEqualTo(demoStreams); // 50 streams: one page of 200
    assertThat(store.moreProperty().get()).isFalse();
    assertThat(store.statusProperty().get()).isEqualTo("50 streams · 2,245 events");

    String id = "payment-5006";
    assertThat(explorer.openStream(id, Long.MAX_VALUE)).isTrue();
    StreamViewModel vm = explorer.streamProperty().get();
    StreamReplay replay = vm.replayProperty().get();
    List<StoredEvent> expected;
    try (EventSource lite = Stores.open(DEMO.toString(), (Path) null)) {
      expected = lite.readList(EventQuery.stream(id));
    }
    assertThat(replay.size()).isEqualTo(expected.size()).isGreaterThan(1);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(replay.event(i)).isEqualTo(expected.get(i));
    }
    StreamReplay.Point last = vm.pointProperty().get();
    assertThat(last.event()).isEqualTo(expected.get(expected.size() - 1));
    assertThat(last.after()).isNotNull();
    assertThat(last.after().isEmpty()).isFalse();

    // Open Recent has the URL, never the password; nor has anything else the window keeps
    assertThat(window.commands().recentStores()).extracting(StoreTarget::label).contains(url());
    assertThat(window.commands().recentStores().get(0).password()).isNull();
    assertNoPasswordIn(prefs);
    assertThat(store.targetProperty().get().toString()).doesNotContain(PgServer.READER_PASSWORD);
  }

  @Test
  void openRecentReconnectsAskingThePasswordAgainAndARefusedOneIsAskedForOnce() throws Exception {
    StoreTarget remembered = new StoreTarget(null, url(), null, null);
    dialogs.answer("wrong-password").answer(null);
    window.commands().openRecent(remembered);

    assertThat(dialogs.asked)
        .containsExactly(
            url() + " asks for hindsight_reader's password",
            "The server refused that password: "
                + url()
                + " asks for hindsight_reader's password again");
    assertThat(dialogs.errors).as("a cancelled question is no error").isEmpty();
    assertThat(explorer.streams().locationProperty().get()).isNull();
    assertThat(explorer.streams().statusProperty().get()).isEqualTo("No store open");

    dialogs.answer(PgServer.READER_PASSWORD);
    window.commands().openRecent(remembered);
    assertThat(explorer.streams().locationProperty().get()).isEqualTo(url());
    assertThat(dialogs.errors).isEmpty();
    assertNoPasswordIn(prefs);
  }

  @Test
  void theStreamListIsPagedAndFilteredOnTheServerAndWhatNeedsEveryStreamStillGetsThem()
      throws Exception {
    explorer.streams().setPageSize(20);
    explorer.streams().open(StoreTarget.url(url()).withPassword(PgServer.READER_PASSWORD));
    StoreViewModel store = explorer.streams();

    assertThat(store.allStreams()).isEqualTo(demoStreams.subList(0, 20));
    assertThat(store.moreProperty().get()).isTrue();
    assertThat(store.statusProperty().get()).isEqualTo("first 20 streams · more as you scroll");
    store.loadMore(); // the list scrolled to its end
    assertThat(store.allStreams()).isEqualTo(demoStreams.subList(0, 40));
    store.loadMore();
    assertThat(store.allStreams()).isEqualTo(demoStreams);
    assertThat(store.moreProperty().get()).isFalse();
    store.loadMore(); // nothing more
    assertThat(store.allStreams()).hasSize(50);

    // a plain word is *word* on the server, a glob is as written
    store.filterProperty().set("500");
    assertThat(store.allStreams())
        .isEqualTo(demoStreams.stream().filter(s -> s.stream().contains("500")).toList())
        .isNotEmpty();
    assertThat(store.visibleStreams()).isEqualTo(store.allStreams());
    store.filterProperty().set("cart-*");
    assertThat(store.allStreams())
        .isEqualTo(demoStreams.stream().filter(s -> s.stream().startsWith("cart-")).toList());
    store.filterProperty().set("");
    assertThat(store.allStreams()).isEqualTo(demoStreams.subList(0, 20));
    assertThat(store.complete()).isFalse();

    // a stream not listed yet opens by id, looked up on the server
    String late = demoStreams.get(45).stream();
    assertThat(explorer.openStream(late, Long.MAX_VALUE)).isTrue();
    assertThat(explorer.streamProperty().get().stream().stream()).isEqualTo(late);
    window.commands().openStream("no-such-stream", null);
    assertThat(dialogs.errors)
        .containsExactly("No such stream: There is no stream 'no-such-stream' in " + url() + ".");

    // Find in All Streams reads every stream when it runs, not the page listed
    explorer.loadReducers(DemoStore.reducersOf(DemoStore.copy()));
    FindAllViewModel find = window.views().findAll();
    find.conditionProperty().set("state.captured > state.authorized");
    assertThat(find.find()).isNull();
    assertThat(find.hits())
        .extracting(FindInAllStreams.Hit::stream)
        .containsExactly("payment-5006");
    assertThat(find.messageProperty().get()).isEqualTo("1 of 50 streams: the condition holds");

    // so does the store as of a time: every stream of the type, listed or not
    AsOfViewModel asOf = window.views().asOf();
    asOf.typeProperty().set("payment");
    asOf.timeProperty().set("2030-01-01");
    assertThat(asOf.show()).isNull();
    assertThat(asOf.rows())
        .extracting(AsOfViewModel.Row::stream)
        .containsExactlyElementsOf(
            demoStreams.stream()
                .filter(s -> "payment".equals(s.type()))
                .map(StreamSummary::stream)
                .toList())
        .isNotEmpty();
  }

  @Test
  void whileThePasswordIsAskedTheStatusSaysSoAndThenTheConnectionIsUnderWay() throws Exception {
    window.close();
    ManualTaskRunner manual = new ManualTaskRunner(false);
    explorer = new ExplorerViewModel(manual, WindowFactory::open);
    window =
        new WindowViewModel(
            manual, explorer, dialogs, new RecentFiles(prefs), new Settings(prefs.node("window")));
    dialogs.answer(PgServer.READER_PASSWORD);
    window.commands().openRecent(new StoreTarget(null, url(), null, null));
    assertThat(explorer.streams().statusProperty().get()).isEqualTo("Connecting to " + url() + "…");
    while (dialogs.asked.isEmpty() && manual.runOne()) {
      // until the server refuses a login without a password, and the window asks for one
    }
    assertThat(dialogs.asked).containsExactly(url() + " asks for hindsight_reader's password");
    assertThat(explorer.streams().statusProperty().get()).isEqualTo("Connecting to " + url() + "…");
    assertThat(explorer.streams().busyProperty().get()).isTrue();
    manual.runPending();
    assertThat(explorer.streams().locationProperty().get()).isEqualTo(url());
    assertThat(explorer.streams().statusProperty().get()).isEqualTo("50 streams · 2,245 events");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void aDatabaseWithAStoreInTwoSchemasAsksWhichAndOpensTheChosenOne() throws Exception {
    String two = PgTestStores.copyTwice(DEMO, "two");
    String other = PgServer.url(two).withSchema("other").display();
    dialogs.answer(fill(two, PgServer.READER_PASSWORD)).answer(other);
    window.commands().connect();

    assertThat(dialogs.errors).isEmpty();
    assertThat(dialogs.asked)
        .containsExactly(
            "Connect to PostgreSQL",
            "Several schemas of "
                + PgServer.url(two).display()
                + " hold a store: which one to open?");
    assertThat(explorer.streams().locationProperty().get()).isEqualTo(other);
    assertThat(explorer.streams().allStreams()).isEqualTo(demoStreams);
  }

  @Test
  void aServerThatCannotBeReachedIsOneClearLineWithoutThePassword() {
    dialogs.answer(
        (Consumer<ConnectViewModel>)
            form -> {
              form.portProperty().set("1");
              form.databaseProperty().set("nowhere");
              form.userProperty().set("ada");
              form.passwordProperty().set("s3cret");
            });
    window.commands().connect();

    assertThat(dialogs.errors)
        .containsExactly(
            "The store could not be opened: postgresql://ada@localhost:1/nowhere: cannot reach"
                + " the server at localhost:1");
    assertThat(explorer.streams().statusProperty().get())
        .isEqualTo("Could not open postgresql://ada@localhost:1/nowhere");
  }

  private static void assertNoPasswordIn(Preferences node) throws Exception {
    for (String key : node.keys()) {
      assertThat(node.get(key, "")).doesNotContain(PgServer.READER_PASSWORD);
    }
    for (String child : node.childrenNames()) {
      assertNoPasswordIn(node.node(child));
    }
  }
}
