package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.sqlite.LiveStoreTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow mode in the window's model, with another process writing the store, on a virtual clock:
 * the follower polls when the test moves the clock on.
 */
@Timeout(120)
class FollowTest {

  @TempDir Path dir;

  private static long events(ExplorerViewModel model) {
    return model.streams().allStreams().stream().mapToLong(StreamSummary::events).sum();
  }

  @Test
  void newEventsExtendTheListAndTheOpenStreamWhichSticksToTheLatest() throws Exception {
    Path db = dir.resolve("live.db");
    ManualTaskRunner tasks = TaskRunner.sameThread();
    try (LiveStoreTest.Writer writer = new LiveStoreTest.Writer(db, 11)) {
      ExplorerViewModel model = TestWindows.explorer(tasks);
      model.streams().open(db);
      assertThat(events(model)).isEqualTo(LiveStoreTest.BEFORE);
      assertThat(model.openStream("s-3", Long.MAX_VALUE)).isTrue();
      int perStream = LiveStoreTest.BEFORE / 5;
      assertThat(model.streamProperty().get().replayProperty().get().size()).isEqualTo(perStream);

      model.followProperty().set(true);
      tasks.advance(ExplorerViewModel.FOLLOW_EVERY); // the follower takes note of the store
      writer.go();
      // polls while the writer writes, in small transactions, then once more after its last one
      while (!writer.done()) {
        tasks.advance(ExplorerViewModel.FOLLOW_EVERY);
      }
      tasks.advance(ExplorerViewModel.FOLLOW_EVERY);

      int expected = (LiveStoreTest.BEFORE + LiveStoreTest.AFTER) / 5;
      StreamViewModel vm = model.streamProperty().get();
      assertThat(vm.replayProperty().get().size()).isEqualTo(expected);
      assertThat(events(model)).isEqualTo(LiveStoreTest.BEFORE + LiveStoreTest.AFTER);
      assertThat(vm.stream().stream()).isEqualTo("s-3");
      assertThat(vm.ordinalProperty().get()).as("stuck to the latest").isEqualTo(expected - 1);
      for (int o = 0; o < expected; o++) {
        assertThat(vm.replayProperty().get().version(o)).isEqualTo(o + 1);
      }
      model.followProperty().set(false);
      assertThat(tasks.periodicCount()).isZero();
      model.close();
    }
  }
}
