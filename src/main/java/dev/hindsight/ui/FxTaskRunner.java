package dev.hindsight.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The application's {@link TaskRunner}: a pool of daemon threads for work, one daemon thread for
 * periodic work, and {@code Platform.runLater} back to the FX thread. The only place in the window
 * that makes threads.
 */
final class FxTaskRunner implements TaskRunner {

  private static final AtomicInteger WINDOWS = new AtomicInteger();

  private final AtomicBoolean shut = new AtomicBoolean();
  private final ExecutorService pool;
  private final ScheduledExecutorService timer;

  FxTaskRunner() {
    int window = WINDOWS.incrementAndGet();
    pool = Executors.newCachedThreadPool(daemons("hindsight-worker-" + window + "-"));
    timer = Executors.newSingleThreadScheduledExecutor(daemons("hindsight-timer-" + window + "-"));
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public <T> Handle run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
    Flag handle = new Flag();
    try {
      pool.execute(
          () -> {
            if (handle.cancelled()) {
              return;
            }
            try {
              T result = work.call();
              later(() -> deliver(handle, () -> onDone.accept(result)));
            } catch (Throwable e) { // a StackOverflowError is a failure to report, not a crash
              later(() -> deliver(handle, () -> onFailed.accept(e)));
            }
          });
    } catch (RejectedExecutionException closed) {
      handle.cancel(); // shut down: the window is gone, nobody waits for this
    }
    return handle;
  }

  private void deliver(Flag handle, Runnable callback) {
    if (!handle.cancelled() && !shut.get()) {
      callback.run();
    }
  }

  @Override
  public void later(Runnable action) {
    if (!shut.get()) {
      Platform.runLater(action);
    }
  }

  @Override
  public Handle every(Duration period, Runnable work) {
    long nanos = Math.max(1, period.toNanos());
    Flag flag = new Flag();
    try {
      ScheduledFuture<?> future =
          timer.scheduleWithFixedDelay(
              () -> {
                if (!flag.cancelled()) {
                  try {
                    work.run();
                  } catch (RuntimeException failed) {
                    // this run failed; the next one may not (a store busy for a moment)
                  }
                }
              },
              nanos,
              nanos,
              TimeUnit.NANOSECONDS);
      return new Flag() {
        @Override
        public void cancel() {
          flag.cancel();
          super.cancel();
          future.cancel(false);
        }
      };
    } catch (RejectedExecutionException closed) {
      flag.cancel();
      return flag;
    }
  }

  @Override
  public void shutdown() {
    if (shut.compareAndSet(false, true)) {
      timer.shutdownNow();
      pool.shutdown(); // running work ends by itself; its result is dropped
    }
  }

  /** A handle that is a flag. */
  static class Flag implements Handle {
    private volatile boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }
  }
}
