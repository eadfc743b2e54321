package dev.hindsight.store;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventSource.Change;
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

  private final Supplier<? extends EventSource> opener;
  private final String stream;
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
    this.opener = opener;
    this.stream = stream;
    this.source = opener.get();
    source.poll(); // takes note of the store as it is
    if (stream == null) {
      lastPosition = source.lastPosition();
    } else {
      lastVersion = source.stream(stream).map(s -> s.lastVersion()).orElse(0L);
    }
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
    Predicate<StoredEvent> counting =
        e -> {
          n[0]++;
          if (stream == null) {
            lastPosition = e.position();
          } else {
            lastVersion = e.version();
          }
          return sink.test(e);
        };
    if (stream == null) {
      source.readAfter(lastPosition, counting);
    } else {
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
