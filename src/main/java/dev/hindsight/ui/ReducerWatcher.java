package dev.hindsight.ui;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Watches a reducer file (or folder) and calls back once a save has settled, so that an edited
 * reducer is reloaded and the state recomputed, as Redux DevTools does with hot reducers. Runs on a
 * daemon thread; the callback is handed to the UI thread by the caller.
 */
final class ReducerWatcher implements AutoCloseable {

  /** Editors write a file in several steps; wait for the burst to end. */
  static final long SETTLE_MILLIS = 300;

  private final WatchService service;
  private final Thread thread;

  private ReducerWatcher(WatchService service, Thread thread) {
    this.service = service;
    this.thread = thread;
  }

  /** Starts watching {@code path}; {@code onChange} runs on the watcher's thread. */
  static ReducerWatcher watch(Path path, Runnable onChange) throws IOException {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    String only = Files.isDirectory(path) ? null : path.getFileName().toString();
    WatchService service = FileSystems.getDefault().newWatchService();
    dir.register(
        service,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE);
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = service.take();
                  boolean relevant =
                      key.pollEvents().stream()
                          .map(e -> String.valueOf(e.context()))
                          .anyMatch(
                              name -> only == null ? name.endsWith(".js") : name.equals(only));
                  key.reset();
                  if (relevant) {
                    // let the save finish: swallow the rest of the burst, then reload once
                    WatchKey more;
                    while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                      more.pollEvents();
                      more.reset();
                    }
                    onChange.run();
                  }
                }
              } catch (InterruptedException | ClosedWatchServiceException stopped) {
                // closed: the watch is over
              }
            },
            "hindsight-reducer-watch");
    thread.setDaemon(true);
    thread.start();
    return new ReducerWatcher(service, thread);
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException ignored) {
      // nothing is left to watch
    }
    thread.interrupt();
  }
}
