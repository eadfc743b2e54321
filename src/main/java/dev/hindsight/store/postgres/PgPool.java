package dev.hindsight.store.postgres;

import dev.hindsight.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The read-only connections of one open store ({@link PgConnections}), opened when first needed and
 * kept for the next read, so that a window reading a stream, its log and its list at once reads
 * them side by side. Each use is one {@code REPEATABLE READ READ ONLY} transaction: everything a
 * use reads comes from one snapshot; it ends with the use (committed, or rolled back on failure).
 */
final class PgPool implements AutoCloseable {

  /** Work done in one transaction on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final PgUrl url;
  private final String password;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final List<Connection> all = new ArrayList<>();
  private boolean closed;

  PgPool(PgUrl url, String password) {
    this.url = url;
    this.password = password;
  }

  PgUrl url() {
    return url;
  }

  String password() {
    return password;
  }

  /** Runs {@code work} in a transaction of its own; a failure says what went wrong in one line. */
  <T> T inTransaction(Work<T> work) {
    Connection c = borrow();
    boolean ok = false;
    try {
      T result = work.run(c);
      ok = true;
      return result;
    } catch (SQLException e) {
      throw PgConnections.failure(url, e);
    } finally {
      giveBack(c, ok);
    }
  }

  /**
   * Runs {@code work}, one statement, in the transaction of that statement alone (autocommit): the
   * server begins and ends it with the statement, which saves the round trip of a COMMIT. The
   * session's defaults make it {@code REPEATABLE READ READ ONLY} like any other; a statement reads
   * one snapshot whatever the level.
   */
  <T> T inOneStatement(Work<T> work) {
    Connection c = borrow();
    boolean ok = false;
    try {
      c.setAutoCommit(true);
      T result = work.run(c);
      c.setAutoCommit(false);
      ok = true;
      return result;
    } catch (SQLException e) {
      throw PgConnections.failure(url, e);
    } finally {
      if (!ok) {
        try {
          c.setAutoCommit(false);
        } catch (SQLException ignored) {
          // the connection is given back as failed and closed if it cannot roll back
        }
      }
      giveBack(c, ok);
    }
  }

  Connection borrow() {
    synchronized (this) {
      if (closed) {
        throw new StoreException(url.display() + ": the store is closed");
      }
      if (!idle.isEmpty()) {
        return idle.pop();
      }
    }
    Connection fresh = PgConnections.open(url, password);
    synchronized (this) {
      if (closed) {
        quietlyClose(fresh);
        throw new StoreException(url.display() + ": the store is closed");
      }
      all.add(fresh);
    }
    return fresh;
  }

  /**
   * Ends the connection's transaction and keeps it for the next use (or closes it, when closed).
   */
  void giveBack(Connection c, boolean ok) {
    boolean usable;
    try {
      if (ok) {
        c.commit();
      } else {
        c.rollback();
      }
      usable = true;
    } catch (SQLException e) {
      usable = false;
    }
    synchronized (this) {
      if (!closed && usable) {
        idle.push(c);
        return;
      }
      all.remove(c);
    }
    quietlyClose(c);
  }

  @Override
  public void close() {
    List<Connection> open;
    synchronized (this) {
      closed = true;
      open = new ArrayList<>(all);
      all.clear();
      idle.clear();
    }
    open.forEach(PgPool::quietlyClose);
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a connection that failed: nothing left to do
    }
  }
}
