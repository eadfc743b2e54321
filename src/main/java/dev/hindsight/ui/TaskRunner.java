package dev.hindsight.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread and comes back to it: {@code work} runs on a
 * background thread, then exactly one hop delivers its result (or its failure) on the UI thread.
 * Tests use {@link #sameThread()}, so view models are tested without a toolkit or sleeps.
 */
public interface TaskRunner {

  /**
   * Runs {@code work} in the background, then {@code onDone} or {@code onFailed} on the UI thread.
   */
  <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

  /** Runs {@code action} on the UI thread, soon (for progress reports from background work). */
  void later(Runnable action);

  /** Background daemon threads, results delivered with {@code Platform.runLater}. */
  static TaskRunner fx() {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "hindsight-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return new TaskRunner() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        pool.execute(
            () -> {
              try {
                T result = work.call();
                javafx.application.Platform.runLater(() -> onDone.accept(result));
              } catch (Throwable e) {
                javafx.application.Platform.runLater(() -> onFailed.accept(e));
              }
            });
      }

      @Override
      public void later(Runnable action) {
        javafx.application.Platform.runLater(action);
      }
    };
  }

  /** Runs everything at once on the caller's thread: for tests. */
  static TaskRunner sameThread() {
    return new TaskRunner() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        T result;
        try {
          result = work.call();
        } catch (Throwable e) { // as fx() does: a StackOverflowError is a failure, not a crash
          onFailed.accept(e);
          return;
        }
        onDone.accept(result);
      }

      @Override
      public void later(Runnable action) {
        action.run();
      }
    };
  }
}
