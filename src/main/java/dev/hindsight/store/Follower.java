package dev.hindsight.store;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventSource.Change;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows a store that another process keeps writing: each {@link #poll} hands over the events
 * committed since the last one, once each and in order (global order, or one stream's version
 * order). It starts after the events that are there when it is made.
 *
 * <p>It works on any {@link EventSource}: a poll costs one {@link EventSource#poll} when nothing
 * changed (for SQLite, one {@code PRAGMA data_version}). A source that says {@link Change#REOPEN}
 * is opened again; one that cannot tell ({@link Change#NONE} always) is followed as a store nothing
 * is written to. A store held by a writer ({@link StoreBusyException}) is asked again at the next
 * poll, and what could not be read then is read then. Not thread-safe: one thread polls.
 *
 * <p>Late commits. Where a position can become visible after a higher one ({@link
 * EventSource#lateCommits}: PostgreSQL, whose sequences hand out positions before commit), the
 * global follower remembers the positions it has not seen below the highest one it handed over (the
 * gaps: a transaction still in flight, or one rolled back), and while any is open every poll reads
 * the gaps as well as what is after the highest position, whatever the source's poll says. An event
 * that fills a gap is handed over then, once: so events come in the order they became visible, and
 * a late one comes after events at higher positions that were visible before it (within one poll,
 * in global order). A gap is given up {@link #GAP_TIMEOUT} after it opened (an event committed
 * later still is not seen), and at most {@link #MAX_GAPS} are kept, the lowest given up first. When
 * it is made, the follower also opens the gaps among the last {@link #START_WINDOW} positions, so a
 * transaction in flight then is not missed. A stream's follower reads by version: the store's
 * unique (stream, version) key and its writers' version checks serialise the appends to one stream,
 * so a version does not become visible before the one below it; on such a source it reads its
 * stream at every poll (one indexed query), since a late commit to the stream need not move the
 * highest position the source's poll looks at.
 */
public final class Follower implements AutoCloseable {

  /**
   * What one poll did.
   *
   * @param events how many events it handed over
   * @param reopened whether the store had to be opened again ({@link #source()} is a new source; a
   *     caller with its own source of the same store opens that again too)
   */
  public record Polled(int events, boolean reopened) {}

  /** How long a gap in the global positions is watched for a late commit. */
  public static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);

  /** How many gaps are watched at most. */
  public static final int MAX_GAPS = 256;

  /** How many positions below the last one are looked at for gaps when the follower is made. */
  public static final int START_WINDOW = 256;

  private final Supplier<? extends EventSource> opener;
  private final String stream;
  private final LongSupplier clock;
  private final PositionGaps gaps;
  private EventSource source;
  private long lastPosition;
  private long lastVersion;

  /**
   * A change seen but not yet read (the store was busy): read at the next poll, whatever it says.
   */
  private Change unread = Change.NONE;

  /**
   * @param opener opens the store (again, when needed)
   * @param stream the stream to follow, or null for every event in global order
   */
  public Follower(Supplier<? extends EventSource> opener, String stream) {
    this(opener, stream, GAP_TIMEOUT, System::nanoTime);
  }

  /**
   * @param opener opens the store (again, when needed)
   * @param stream the stream to follow, or null for every event in global order
   * @param gapTimeout how long a gap in the global positions is watched
   * @param nanoClock the time in nanoseconds ({@link System#nanoTime} but in tests)
   */
  public Follower(
      Supplier<? extends EventSource> opener,
      String stream,
      Duration gapTimeout,
      LongSupplier nanoClock) {
    this.opener = opener;
    this.stream = stream;
    this.clock = nanoClock;
    this.gaps = new PositionGaps(gapTimeout.toNanos(), MAX_GAPS);
    this.source = opener.get();
    source.poll(); // takes note of the store as it is
    if (stream == null) {
      lastPosition = source.lastPosition();
      if (source.lateCommits() && lastPosition > 0) {
        openRecentGaps();
      }
    } else {
      lastVersion = source.stream(stream).map(s -> s.lastVersion()).orElse(0L);
    }
  }

  /** The gaps among the last positions: transactions that may still be in flight. */
  private void openRecentGaps() {
    long[] below = {Math.max(0, lastPosition - START_WINDOW)};
    long now = clock.getAsLong();
    source.readAfter(
        below[0],
        e -> {
          if (e.position() > lastPosition) {
            return false; // committed since: the first poll reads it
          }
          gaps.open(below[0] + 1, e.position() - 1, now);
          below[0] = e.position();
          return true;
        });
    gaps.open(below[0] + 1, lastPosition, now);
  }

  /** The source as it is open now (it changes when the store had to be opened again). */
  public EventSource source() {
    return source;
  }

  /**
   * Hands {@code sink} every event committed since the last poll, in order, until it returns false.
   * A store a writer holds for now gives no events; the next poll asks again.
   */
  public Polled poll(Predicate<StoredEvent> sink) {
    int[] n = {0};
    boolean reopened = false;
    try {
      Change change = stronger(unread, source.poll());
      gaps.expire(clock.getAsLong());
      if (change == Change.NONE && (!gaps.isEmpty() || stream != null && source.lateCommits())) {
        change = Change.CHANGED; // a late commit need not move the highest position: read anyway
      }
      if (change == Change.NONE) {
        return new Polled(0, false);
      }
      unread = change;
      if (change == Change.REOPEN) {
        EventSource fresh = opener.get();
        source.close();
        source = fresh;
        reopened = true;
        unread = Change.CHANGED; // the new source starts where this one was: read on from there
        source.poll();
      }
      readNew(sink, n);
      unread = Change.NONE;
      return new Polled(n[0], reopened);
    } catch (StoreException e) {
      if (busy(e)) {
        return new Polled(n[0], reopened); // a writer holds the store (a transaction): ask later
      }
      throw e;
    }
  }

  private void readNew(Predicate<StoredEvent> sink, int[] n) {
    if (stream == null) {
      boolean late = source.lateCommits();
      long now = clock.getAsLong();
      Predicate<StoredEvent> counting =
          e -> {
            long p = e.position();
            if (p > lastPosition) {
              if (late) {
                gaps.open(lastPosition + 1, p - 1, now);
              }
              lastPosition = p;
            } else if (!gaps.fill(p)) {
              return true; // handed over before
            }
            n[0]++;
            return sink.test(e);
          };
      if (gaps.isEmpty()) {
        source.readAfter(lastPosition, counting);
      } else {
        source.readAfter(lastPosition, gaps.ranges(), counting);
      }
    } else {
      Predicate<StoredEvent> counting =
          e -> {
            n[0]++;
            lastVersion = e.version();
            return sink.test(e);
          };
      source.read(EventQuery.stream(stream).withVersions(lastVersion + 1, null), counting);
    }
  }

  /** The change that asks more of the follower (the enum's order: NONE, CHANGED, REOPEN). */
  private static Change stronger(Change a, Change b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StoreBusyException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    source.close();
  }
}
