package dev.hindsight.ui;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;

/**
 * Watches a reducer file (or folder) and calls back once a save has settled, so that an edited
 * reducer is reloaded and the state recomputed, as Redux DevTools does with hot reducers. It looks
 * at the file system's events every {@link #TICK} on the {@link TaskRunner}'s periodic thread; a
 * save is over when a look finds nothing new after one that found something (editors write a file
 * in several steps). The callback runs on that thread: the caller hands it to the UI thread.
 */
final class ReducerWatcher implements AutoCloseable {

  /** How often the watcher looks; a save has settled after one quiet look. */
  static final Duration TICK = Duration.ofMillis(150);

  private final WatchService service;
  private final String only;
  private final Runnable onChange;
  private final TaskRunner.Handle handle;
  private boolean changing;

  private ReducerWatcher(Path path, TaskRunner tasks, Runnable onChange) throws IOException {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    this.only = Files.isDirectory(path) ? null : path.getFileName().toString();
    this.onChange = onChange;
    this.service = FileSystems.getDefault().newWatchService();
    dir.register(
        service,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE);
    this.handle = tasks.every(TICK, this::look);
  }

  /** Starts watching {@code path}; {@code onChange} runs on the runner's periodic thread. */
  static ReducerWatcher watch(Path path, TaskRunner tasks, Runnable onChange) throws IOException {
    return new ReducerWatcher(path, tasks, onChange);
  }

  private void look() {
    boolean seen = false;
    try {
      WatchKey key;
      while ((key = service.poll()) != null) {
        seen |=
            key.pollEvents().stream()
                .map(e -> String.valueOf(e.context()))
                .anyMatch(name -> only == null ? name.endsWith(".js") : name.equals(only));
        key.reset();
      }
    } catch (ClosedWatchServiceException closed) {
      return; // the watch is over
    }
    if (seen) {
      changing = true;
    } else if (changing) {
      changing = false;
      onChange.run();
    }
  }

  @Override
  public void close() {
    handle.cancel();
    try {
      service.close();
    } catch (IOException ignored) {
      // nothing is left to watch
    }
  }
}
