package dev.hindsight.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for tests, on the caller's thread, with a virtual clock: periodic work runs
 * when {@link #advance} passes its time. Immediate, work and its result run at once; queued, they
 * wait for {@link #runPending}, so a test can act between a piece of work and its result (open
 * another store while a refresh is on its way).
 */
public final class ManualTaskRunner implements TaskRunner {

  private final boolean immediate;
  private final Deque<Runnable> pending = new ArrayDeque<>();
  private final List<Periodic> periodic = new ArrayList<>();
  private long nanos;
  private boolean shut;

  public ManualTaskRunner(boolean immediate) {
    this.immediate = immediate;
  }

  private record Periodic(long period, long[] due, Runnable work, FxTaskRunner.Flag handle) {}

  @Override
  public <T> Handle run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
    FxTaskRunner.Flag handle = new FxTaskRunner.Flag();
    Runnable job =
        () -> {
          if (handle.cancelled() || shut) {
            return;
          }
          T result;
          try {
            result = work.call();
          } catch (Throwable e) { // as fx() does: a StackOverflowError is a failure, not a crash
            deliver(handle, () -> onFailed.accept(e));
            return;
          }
          deliver(handle, () -> onDone.accept(result));
        };
    submit(job);
    return handle;
  }

  private void deliver(FxTaskRunner.Flag handle, Runnable callback) {
    if (immediate) {
      if (!handle.cancelled() && !shut) {
        callback.run();
      }
    } else {
      pending.add(
          () -> {
            if (!handle.cancelled() && !shut) {
              callback.run();
            }
          });
    }
  }

  private void submit(Runnable job) {
    if (immediate) {
      job.run();
    } else {
      pending.add(job);
    }
  }

  @Override
  public void later(Runnable action) {
    if (!shut) {
      submit(action);
    }
  }

  @Override
  public Handle every(Duration period, Runnable work) {
    long p = Math.max(1, period.toNanos());
    FxTaskRunner.Flag handle = new FxTaskRunner.Flag();
    if (!shut) {
      periodic.add(new Periodic(p, new long[] {nanos + p}, work, handle));
    }
    return handle;
  }

  @Override
  public void shutdown() {
    shut = true;
    periodic.clear();
    pending.clear();
  }

  /** The virtual clock, in nanoseconds since the runner was made. */
  public long nanos() {
    return nanos;
  }

  /**
   * Moves the clock on by {@code by}, running each periodic work as its time comes (and, queued,
   * what it handed on), in time order.
   */
  public void advance(Duration by) {
    long end = nanos + by.toNanos();
    while (true) {
      periodic.removeIf(p -> p.handle().cancelled());
      Periodic next =
          periodic.stream()
              .filter(p -> p.due()[0] <= end)
              .min(Comparator.comparingLong(p -> p.due()[0]))
              .orElse(null);
      if (next == null || shut) {
        break;
      }
      nanos = next.due()[0];
      next.due()[0] += next.period();
      try {
        next.work().run();
      } catch (RuntimeException failed) {
        // as fx(): a failed run; the next one still comes
      }
      runPending();
    }
    nanos = end;
    runPending();
  }

  /** Runs queued work and results, and whatever they queue, until nothing is left. */
  public void runPending() {
    Runnable job;
    while ((job = pending.poll()) != null) {
      job.run();
    }
  }

  /** Runs queued work and results one at a time: false when nothing was left. */
  public boolean runOne() {
    Runnable job = pending.poll();
    if (job == null) {
      return false;
    }
    job.run();
    return true;
  }

  /** How many periodic works are live (not cancelled). */
  public int periodicCount() {
    periodic.removeIf(p -> p.handle().cancelled());
    return periodic.size();
  }
}
