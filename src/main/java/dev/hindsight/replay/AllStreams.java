package dev.hindsight.replay;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamGlob;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One pass over every stream of a store, folded on every core: the engine under {@code find
 * --all-streams}, {@code compare-reducers} and the window's Find in All Streams.
 *
 * <p>Each worker takes the next stream, reads it in version order (as {@link StreamReplay} does)
 * and hands its events to that stream's {@link StreamJob} on the same thread, so every event is
 * read and parsed once and a stream's events are never held together: memory is bounded by the
 * streams in flight (one per worker), not by the store. A job may stop its stream early (a
 * condition found); the rest of that stream is then not read.
 */
public final class AllStreams {

  private AllStreams() {}

  /** What to do with one stream's events; called on one worker thread, in version order. */
  public interface StreamJob {

    /** Whether the job reads events' metadata (otherwise they are read without it). */
    default boolean readsMetadata() {
      return true;
    }

    /**
     * Wraps the reading of the stream, e.g. to enter a script context once for all its events. The
     * default just reads.
     */
    default void around(Runnable reading) {
      reading.run();
    }

    /** One event; false stops this stream (the rest of it is not read). */
    boolean accept(StoredEvent event);

    /** After the stream's last event read (also when {@link #accept} stopped it). */
    default void end() {}
  }

  /** The streams a question is about: all of them, or those of an aggregate type or glob. */
  public record Selection(String type, String glob) {

    public static final Selection ALL = new Selection(null, null);

    public List<StreamSummary> of(List<StreamSummary> streams) {
      Pattern pattern = glob == null ? null : StreamGlob.compile(glob, false);
      List<StreamSummary> chosen = new ArrayList<>();
      for (StreamSummary s : streams) {
        if ((type == null || type.equals(s.type()))
            && (pattern == null || pattern.matcher(s.stream()).matches())) {
          chosen.add(s);
        }
      }
      return chosen;
    }
  }

  /** How many streams are folded at once: one per core. */
  public static int workers() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs a job for every stream of {@code streams}; {@code jobs} may return null for a stream to
   * leave it out (not read at all).
   *
   * @param progress told of the events done (of the streams' total), at most a few times per second
   *     of work; false cancels
   * @throws CancellationException when cancelled (jobs already started are stopped at their next
   *     event)
   */
  public static void run(
      EventSource source,
      List<StreamSummary> streams,
      Function<StreamSummary, StreamJob> jobs,
      Progress progress) {
    run(source, streams, jobs, progress, workers());
  }

  /** {@link #run} with a given number of workers (1: on this thread alone). */
  public static void run(
      EventSource source,
      List<StreamSummary> streams,
      Function<StreamSummary, StreamJob> jobs,
      Progress progress,
      int workers) {
    long total = streams.stream().mapToLong(StreamSummary::events).sum();
    AtomicInteger next = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    AtomicBoolean cancelled = new AtomicBoolean();
    Object reporting = new Object();
    Runnable work =
        () -> {
          int i;
          while (!cancelled.get() && (i = next.getAndIncrement()) < streams.size()) {
            StreamSummary s = streams.get(i);
            StreamJob job = jobs.apply(s);
            if (job != null) {
              EventQuery query = EventQuery.stream(s.stream());
              EventQuery read = job.readsMetadata() ? query : query.withoutMetadata();
              long[] seen = {0};
              job.around(
                  () ->
                      source.read(
                          read,
                          e -> {
                            if (cancelled.get()) {
                              return false;
                            }
                            if ((++seen[0] & 4095) == 0) {
                              report(done.addAndGet(4096), total, progress, reporting, cancelled);
                            }
                            return job.accept(e);
                          }));
              job.end();
              done.addAndGet(s.events() - (seen[0] & ~4095L));
            }
            report(done.get(), total, progress, reporting, cancelled);
          }
        };
    int n = Math.max(1, Math.min(workers, streams.size()));
    if (n == 1) {
      work.run();
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              n,
              task -> {
                Thread thread = new Thread(task, "hindsight-fold");
                thread.setDaemon(true);
                return thread;
              });
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < n; w++) {
          running.add(pool.submit(work));
        }
        for (Future<?> f : running) {
          await(f, cancelled);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    if (cancelled.get()) {
      throw new CancellationException("cancelled");
    }
  }

  private static void report(
      long done, long total, Progress progress, Object lock, AtomicBoolean cancelled) {
    synchronized (lock) {
      if (!cancelled.get() && !progress.report(Math.min(done, total), total)) {
        cancelled.set(true);
      }
    }
  }

  private static void await(Future<?> f, AtomicBoolean cancelled) {
    try {
      f.get();
    } catch (InterruptedException e) {
      cancelled.set(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (ExecutionException e) {
      cancelled.set(true); // one failure (an unreadable store) stops the others
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
