package dev.hindsight.store.sqlite;

import dev.hindsight.store.StoreBusyException;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into sentences a person can act on. */
final class SqliteErrors {

  private SqliteErrors() {}

  /**
   * The exception to throw for {@code e}: a {@link StoreBusyException} when a writer holds the
   * store (busy or locked), which a follower asks again later, else a plain {@link StoreException}.
   */
  static StoreException failure(Path file, SQLException e) {
    String message = describe(file, e);
    return busy(e) ? new StoreBusyException(message, e) : new StoreException(message, e);
  }

  /** Whether SQLite said the store is busy or locked (a writer's transaction), not broken. */
  static boolean busy(SQLException e) {
    String primary = primary(e);
    return primary.startsWith("SQLITE_BUSY") || primary.startsWith("SQLITE_LOCKED");
  }

  private static String primary(SQLException e) {
    SQLiteErrorCode code =
        e instanceof SQLiteException s
            ? s.getResultCode()
            : SQLiteErrorCode.getErrorCode(e.getErrorCode());
    return code == null ? "" : code.name();
  }

  private static String describe(Path file, SQLException e) {
    String primary = primary(e);
    if (primary.startsWith("SQLITE_NOTADB")) {
      return file + " is not a SQLite database (or is encrypted, e.g. with SQLCipher)";
    }
    if (primary.startsWith("SQLITE_CORRUPT")) {
      return file + " is corrupt: SQLite reports a malformed database";
    }
    if (busy(e)) {
      return file + " is locked by another program; close it there, or wait and try again";
    }
    if (primary.startsWith("SQLITE_CANTOPEN")) {
      return "cannot open " + file + " (missing, unreadable, or its folder is not accessible)";
    }
    if (primary.startsWith("SQLITE_READONLY")) {
      return file
          + " needs recovery that only a writer can do (a crashed writer left a journal);"
          + " open it once in the application that wrote it, or work on a copy";
    }
    if (primary.startsWith("SQLITE_IOERR")) {
      return "cannot read " + file + ": an I/O error (truncated or damaged file?)";
    }
    String message = e.getMessage() == null ? "unknown error" : e.getMessage();
    if (primary.equals("SQLITE_ERROR")) {
      // "[SQLITE_ERROR] SQL error or missing database (no such column: x)": the part that helps
      int open = message.indexOf('(');
      int close = message.lastIndexOf(')');
      String detail = open >= 0 && close > open ? message.substring(open + 1, close) : message;
      return "cannot read " + file + ": " + detail + " (is the mapping right for this store?)";
    }
    return "cannot read " + file + ": " + message.lines().findFirst().orElse(message);
  }
}
