package dev.hindsight.ui;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.Follower;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follow mode of an {@link ExplorerViewModel}: the core's {@link Follower}, on a connection of its
 * own, polls the open store on the runner's periodic thread; when another process committed
 * something, the stream list is read again (the store opened again when it had to be) and the open
 * stream is folded again at the same event, or at the newest with Stick to Latest. Another store
 * opened gets a follower of its own; a refresh for a store no longer followed is dropped.
 */
final class LiveFollow {

  private final ExplorerViewModel explorer;
  private final TaskRunner tasks;
  private final Function<StoreTarget, EventSource> opener;
  private FollowSession following;

  LiveFollow(
      ExplorerViewModel explorer, TaskRunner tasks, Function<StoreTarget, EventSource> opener) {
    this.explorer = explorer;
    this.tasks = tasks;
    this.opener = opener;
  }

  /** Follows the store open now, if following is on; stops following the one before. */
  void restart() {
    if (following != null) {
      following.stop();
      following = null;
    }
    if (!explorer.followProperty().get()) {
      return;
    }
    StoreTarget target = explorer.streams().targetProperty().get();
    if (target != null && explorer.streams().sourceProperty().get() != null) {
      following = new FollowSession(target);
    }
  }

  /**
   * One store followed: its follower (a connection of its own) polls on the runner's periodic
   * thread, and what it finds is handed to the UI thread. Stopped, it drops what it still finds.
   */
  private final class FollowSession {
    private final StoreTarget target;
    private final TaskRunner.Handle handle;
    private Follower follower; // on the periodic thread, under this lock
    private boolean stopped;

    FollowSession(StoreTarget target) {
      this.target = target;
      this.handle = tasks.every(ExplorerViewModel.FOLLOW_EVERY, this::poll);
    }

    private synchronized void poll() {
      if (stopped) {
        return;
      }
      if (follower == null) {
        follower = new Follower(() -> opener.apply(target), null); // takes note of the store
        return;
      }
      Follower.Polled polled = follower.poll(e -> true);
      if (polled.events() > 0 || polled.reopened()) {
        tasks.later(() -> changed(this, polled.reopened()));
      }
    }

    void stop() {
      handle.cancel();
      tasks.run(
          () -> {
            synchronized (this) {
              stopped = true;
              if (follower != null) {
                follower.close();
              }
            }
            return null;
          },
          done -> {},
          failure -> {});
    }
  }

  /** UI thread: the followed store changed. */
  private void changed(FollowSession from, boolean reopen) {
    if (from != following) {
      return; // a store no longer followed
    }
    StreamViewModel open = explorer.streamProperty().get();
    String id = open == null ? null : open.stream().stream();
    long at = -1;
    if (open != null && open.replayProperty().get() != null) {
      int o = open.ordinalProperty().get();
      at = o < 0 ? -1 : open.replayProperty().get().version(o);
    }
    long version = at;
    Consumer<List<StreamSummary>> reopenStream =
        list -> {
          if (id == null || from != following) {
            return;
          }
          for (StreamSummary s : list) {
            if (s.stream().equals(id)) {
              StreamViewModel now = explorer.streamProperty().get();
              if (now == null || !now.stream().equals(s) || reopen) {
                explorer.openStream(
                    s,
                    replay ->
                        explorer.stickToLatestProperty().get()
                            ? replay.size() - 1
                            : version < 0 ? -1 : replay.ordinalAtVersion(version));
              }
              return;
            }
          }
        };
    if (reopen) {
      explorer.streams().reopen(reopenStream);
    } else {
      explorer.streams().refresh(reopenStream);
    }
  }
}
