package dev.hindsight.store.sqlite;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventQuery;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows a store that another process keeps writing: each {@link #poll} hands over the events
 * committed since the last one, once each and in order (global order, or one stream's version
 * order). It starts after the events that are there when it is made.
 *
 * <p>A poll costs one {@code PRAGMA data_version} when nothing changed. A store this connection
 * cannot see change in (opened immutable, or read from a private copy) is opened again when its
 * files change. Not thread-safe: one thread polls.
 */
public final class Follower implements AutoCloseable {

  private final Supplier<SqliteEventSource> opener;
  private final String stream;
  private SqliteEventSource source;
  private long lastPosition;
  private long lastVersion;

  /**
   * @param opener opens the store (again, when needed)
   * @param stream the stream to follow, or null for every event in global order
   */
  public Follower(Supplier<SqliteEventSource> opener, String stream) {
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
  public SqliteEventSource source() {
    return source;
  }

  /**
   * Hands {@code sink} every event committed since the last poll, in order, until it returns false.
   *
   * @return the number of events handed over
   */
  public int poll(Predicate<StoredEvent> sink) {
    try {
      return pollOnce(sink);
    } catch (dev.hindsight.store.StoreException e) {
      if (busy(e)) {
        return 0; // a writer holds the store for now (an exclusive transaction): ask again later
      }
      throw e;
    }
  }

  /** Whether SQLite said the store is busy or locked (a writer's transaction), not broken. */
  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.sqlite.SQLiteException s
          && s.getResultCode() != null
          && (s.getResultCode().name().startsWith("SQLITE_BUSY")
              || s.getResultCode().name().startsWith("SQLITE_LOCKED"))) {
        return true;
      }
    }
    return false;
  }

  private int pollOnce(Predicate<StoredEvent> sink) {
    SqliteEventSource.Change change = source.poll();
    if (change == SqliteEventSource.Change.NONE) {
      return 0;
    }
    if (change == SqliteEventSource.Change.REOPEN) {
      SqliteEventSource fresh = opener.get();
      source.close();
      source = fresh;
      source.poll();
    }
    int[] n = {0};
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
    return n[0];
  }

  @Override
  public void close() {
    source.close();
  }
}
