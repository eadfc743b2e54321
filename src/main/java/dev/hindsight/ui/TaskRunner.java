package dev.hindsight.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the window runs work off the UI thread and comes back to it. {@link #run} runs work
 * in the background, then exactly one hop delivers its result (or its failure) on the UI thread;
 * {@link #every} runs work in the background periodically (following a store, watching reducer
 * files); {@link #later} hands something to the UI thread. {@link #shutdown} ends it all when the
 * window closes. {@link #fx()} is the application's; tests use {@link ManualTaskRunner}, whose
 * clock is virtual, so view models are tested without a toolkit or sleeps.
 */
public interface TaskRunner {

  /** A piece of work handed to the runner: cancelling it delivers nothing more. */
  interface Handle {
    /** Stops the work: a periodic one runs no more, a result not yet delivered is dropped. */
    void cancel();

    boolean cancelled();
  }

  /**
   * Runs {@code work} in the background, then {@code onDone} or {@code onFailed} on the UI thread
   * (neither once the handle is cancelled).
   */
  <T> Handle run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

  /** Runs {@code action} on the UI thread, soon (for progress reports from background work). */
  void later(Runnable action);

  /**
   * Runs {@code work} in the background every {@code period} (the first time after one period), one
   * run at a time, until the handle is cancelled or the runner shut down. A run that throws is a
   * failed run; the next one still comes.
   */
  Handle every(Duration period, Runnable work);

  /** Stops every periodic work and lets no more results through (the window closed). */
  void shutdown();

  /** Background daemon threads; results are delivered with {@code Platform.runLater}. */
  static TaskRunner fx() {
    return new FxTaskRunner();
  }

  /** Runs everything at once on the caller's thread (periodic work with {@code advance}). */
  static ManualTaskRunner sameThread() {
    return new ManualTaskRunner(true);
  }
}
