package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.sqlite.LiveStoreTest;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Follow mode in the window's model, with another process writing the store. */
@Timeout(120)
class FollowTest {

  @TempDir Path dir;

  private static void until(BooleanSupplier condition, String what) throws Exception {
    long end = System.currentTimeMillis() + 20_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static long events(ExplorerViewModel model) {
    return model.streams().allStreams().stream().mapToLong(StreamSummary::events).sum();
  }

  @Test
  void newEventsExtendTheListAndTheOpenStreamWhichSticksToTheLatest() throws Exception {
    Path db = dir.resolve("live.db");
    long before = ExplorerViewModel.followPollMillis;
    ExplorerViewModel.followPollMillis = 50;
    try (LiveStoreTest.Writer writer = new LiveStoreTest.Writer(db, 11)) {
      ExplorerViewModel model =
          new ExplorerViewModel(
              TaskRunner.sameThread(), p -> SqliteEventSource.open(p, (Path) null));
      model.streams().open(db);
      assertThat(events(model)).isEqualTo(LiveStoreTest.BEFORE);
      assertThat(model.openStream("s-3", Long.MAX_VALUE)).isTrue();
      int perStream = LiveStoreTest.BEFORE / 5;
      assertThat(model.streamProperty().get().replayProperty().get().size()).isEqualTo(perStream);

      model.followProperty().set(true);
      writer.go();
      int expected = (LiveStoreTest.BEFORE + LiveStoreTest.AFTER) / 5;
      until(
          () -> {
            StreamViewModel vm = model.streamProperty().get();
            return vm != null
                && vm.replayProperty().get() != null
                && vm.replayProperty().get().size() == expected;
          },
          "s-3 to have " + expected + " events");
      until(() -> events(model) == LiveStoreTest.BEFORE + LiveStoreTest.AFTER, "the whole list");

      StreamViewModel vm = model.streamProperty().get();
      assertThat(vm.stream().stream()).isEqualTo("s-3");
      assertThat(vm.ordinalProperty().get()).as("stuck to the latest").isEqualTo(expected - 1);
      for (int o = 0; o < expected; o++) {
        assertThat(vm.replayProperty().get().version(o)).isEqualTo(o + 1);
      }
      model.followProperty().set(false);
      model.close();
    } finally {
      ExplorerViewModel.followPollMillis = before;
    }
  }
}
