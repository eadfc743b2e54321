package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.js.FindInAllStreams;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Find in all streams without a toolkit, on the demo store with its reducers. */
class FindAllViewModelTest {

  private static final String OVERCAPTURED = "state.captured > state.authorized";

  @TempDir Path dir;
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final Preferences prefs =
      Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
  private WindowViewModel window;

  private FindAllViewModel open(TaskRunner tasks) throws Exception {
    Path demo = DemoStore.copy();
    ExplorerViewModel explorer =
        new ExplorerViewModel(tasks, t -> SqliteEventSource.open(t.file(), t.mapping()));
    window =
        new WindowViewModel(
            tasks, explorer, dialogs, new RecentFiles(prefs), new Settings(prefs.node("window")));
    explorer.loadReducers(DemoStore.reducersOf(demo));
    explorer.streams().open(demo);
    if (tasks instanceof ManualTaskRunner m) {
      m.runPending();
    }
    return window.views().findAll();
  }

  @AfterEach
  void close() throws Exception {
    if (window != null) {
      window.close();
    }
    prefs.removeNode();
  }

  private StoredEvent event(String stream, long version) {
    return window
        .explorer()
        .streams()
        .sourceProperty()
        .get()
        .readList(EventQuery.stream(stream))
        .stream()
        .filter(e -> e.version() == version)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDemosReducersFindTheOneOvercapturedPaymentAndAHitOpensItsStreamThere() throws Exception {
    FindAllViewModel find = open(TaskRunner.sameThread());
    window.views().viewProperty().set(StoreViews.View.FIND_ALL);
    find.conditionProperty().set(OVERCAPTURED);
    assertThat(find.find()).isNull();

    assertThat(find.busyProperty().get()).isFalse();
    assertThat(find.hits())
        .extracting(FindInAllStreams.Hit::stream, FindInAllStreams.Hit::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("payment-5006", 3L));
    // the demo reducers cover every one of its 50 streams
    assertThat(find.messageProperty().get()).isEqualTo("1 of 50 streams: the condition holds");

    find.open(find.hits().get(0));
    StreamViewModel vm = window.explorer().streamProperty().get();
    assertThat(vm.stream().stream()).isEqualTo("payment-5006");
    assertThat(vm.pointProperty().get().event().version()).isEqualTo(3);
    assertThat(window.selectedStreamProperty().get()).isEqualTo("payment-5006");
    assertThat(window.views().viewProperty().get()).isEqualTo(StoreViews.View.STREAM);
    assertThat(find.hits()).as("the list stays for the next hit").hasSize(1);

    find.conditionProperty().set("state.captued > state.authorized");
    assertThat(find.find()).isNull();
    assertThat(find.messageProperty().get())
        .isEqualTo(
            "0 of 50 streams: the condition holds; note: state.captued was undefined at every"
                + " event — a typo?");
  }

  @Test
  void theListIsExportedAsTheCliPrintsItAsJsonOrAsCsv() throws Exception {
    FindAllViewModel find = open(TaskRunner.sameThread());
    find.conditionProperty().set(OVERCAPTURED);
    find.find();
    StoredEvent hit = event("payment-5006", 3);
    String time = EventJson.iso(hit.timestamp());

    Path json = dir.resolve("found.json");
    dialogs.answer(json);
    window.commands().exportFindAll();
    assertThat(json)
        .hasContent(
            "[\n{\"stream\":\"payment-5006\",\"version\":3,\"type\":\""
                + hit.type()
                + "\",\"timestamp\":\""
                + time
                + "\"}\n]");
    assertThat(Files.readString(json)).endsWith("]\n");

    Path csv = dir.resolve("found.csv");
    dialogs.answer(csv);
    window.commands().exportFindAll();
    assertThat(Files.readString(csv))
        .isEqualTo(
            "stream,version,type,timestamp\r\npayment-5006,3," + hit.type() + "," + time + "\r\n");
    assertThat(dialogs.errors).isEmpty();
    assertThat(window.noticeProperty().get()).isEqualTo("1 hit exported to found.csv");

    dialogs.answer(null); // a cancelled chooser writes nothing
    window.commands().exportFindAll();
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void theListIsNeverExportedOverTheOpenStore() throws Exception {
    FindAllViewModel find = open(TaskRunner.sameThread());
    find.conditionProperty().set(OVERCAPTURED);
    find.find();
    Path store = window.explorer().streams().sourceProperty().get().localFile().orElseThrow();
    byte[] before = Files.readAllBytes(store);

    dialogs.answer(store);
    window.commands().exportFindAll();

    assertThat(dialogs.errors)
        .containsExactly(
            "The list could not be exported: "
                + store
                + " is the store being read; Hindsight never writes over it");
    assertThat(Files.readAllBytes(store)).isEqualTo(before);
  }

  @Test
  void cancelStopsTheSearchUnderWayAndKeepsWhatItFoundSoFar() throws Exception {
    FindAllViewModel find = open(TaskRunner.sameThread());
    find.conditionProperty().set("true"); // every stream, at its first event
    // cancelled as the first hits are listed, from the worker that lists them
    find.hits()
        .addListener(
            (ListChangeListener<FindInAllStreams.Hit>)
                c -> {
                  if (find.busyProperty().get()) {
                    find.cancel();
                  }
                });
    assertThat(find.find()).isNull();
    assertThat(find.busyProperty().get()).isFalse();
    assertThat(find.messageProperty().get()).startsWith("Cancelled: ");
    assertThat(find.hits()).isNotEmpty().hasSizeLessThan(50);
  }

  @Test
  void aNewSearchCancelsTheOldAndAnotherStoreClearsIt() throws Exception {
    ManualTaskRunner tasks = new ManualTaskRunner(false);
    FindAllViewModel find = open(tasks);
    find.conditionProperty().set("true");
    assertThat(find.find()).isNull();
    find.conditionProperty().set(OVERCAPTURED);
    assertThat(find.find()).isNull();
    assertThat(find.busyProperty().get()).isTrue();
    tasks.runPending();
    assertThat(find.hits())
        .extracting(FindInAllStreams.Hit::stream)
        .containsExactly("payment-5006");
    assertThat(find.busyProperty().get()).isFalse();

    find.conditionProperty().set("true");
    find.find();
    find.cancel();
    tasks.runPending();
    assertThat(find.busyProperty().get()).isFalse();
    assertThat(find.hits()).isEmpty();

    find.find();
    tasks.runPending();
    assertThat(find.hits()).hasSize(50);
    window.explorer().streams().open(DemoStore.copy());
    tasks.runPending();
    assertThat(find.hits()).isEmpty();
    assertThat(find.messageProperty().get()).isEmpty();
  }

  @Test
  void aConditionThatDoesNotCompileIsSaidAndNothingRuns() throws Exception {
    FindAllViewModel find = open(TaskRunner.sameThread());
    assertThat(find.find()).startsWith("The condition: the condition is empty");
    find.conditionProperty().set("state.captured >");
    assertThat(find.find()).startsWith("The condition: ");
    assertThat(find.problemProperty().get()).startsWith("The condition: ");
    assertThat(find.busyProperty().get()).isFalse();

    find.conditionProperty().set("state.nope.deeper > 1");
    assertThat(find.find()).isNull();
    assertThat(find.problemProperty().get()).isEmpty();
    assertThat(find.messageProperty().get())
        .startsWith("0 of 50 streams: the condition holds · the condition failed in 50 streams");
  }
}
