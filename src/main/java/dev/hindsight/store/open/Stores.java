package dev.hindsight.store.open;

import dev.hindsight.store.EventSource;
import dev.hindsight.store.Layout;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.postgres.PgUrl;
import dev.hindsight.store.postgres.PostgresEventSource;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;

/**
 * Opens a store wherever it is: a SQLite file by its path, a PostgreSQL database by its URL ({@code
 * postgresql://user@host:port/db?schema=S}, or {@code jdbc:postgresql://…}). What the CLI and the
 * window open every store with, so neither knows which backend it reads.
 */
public final class Stores {

  private Stores() {}

  /** Whether {@code target} names a database server rather than a file. */
  public static boolean isUrl(String target) {
    return PgUrl.isUrl(target);
  }

  /**
   * Opens {@code target} read-only with the layout of {@code mapping} (null: detected). A URL's
   * password comes from the URL, {@code PGPASSWORD} or the password file.
   */
  public static EventSource open(String target, Path mapping) {
    return open(target, mapping == null ? null : LayoutFiles.read(mapping));
  }

  /** Opens {@code target} read-only with {@code layout} (null: detected). */
  public static EventSource open(String target, Layout layout) {
    if (isUrl(target)) {
      PgUrl url = PgUrl.parse(target);
      return PostgresEventSource.open(url, url.password().orElse(null), layout);
    }
    return SqliteEventSource.open(Path.of(target), layout);
  }

  /**
   * Opens {@code target} read-only with the layout of {@code mapping} (null: detected); a URL with
   * {@code password} when the user gave one (null: from the URL, {@code PGPASSWORD} or the password
   * file).
   */
  public static EventSource open(String target, String password, Path mapping) {
    if (password != null && isUrl(target)) {
      return open(PgUrl.parse(target), password, mapping);
    }
    return open(target, mapping);
  }

  /**
   * A server URL as it may be shown, kept and written: libpq's defaults filled in, never a password
   * ({@code postgresql://user@host:port/db?schema=S}).
   */
  public static String location(String url) {
    return PgUrl.parse(url).display();
  }

  /** The password written in a server URL itself ({@code postgresql://user:password@…}), if any. */
  public static java.util.Optional<String> passwordIn(String url) {
    return java.util.Optional.ofNullable(PgUrl.parse(url).givenPassword());
  }

  /**
   * Whether opening failed because the server wants a password it was not given, or refused the one
   * it was given: a password from the user may open it.
   */
  public static boolean passwordRefused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException e && e.getSQLState() != null) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (e.getSQLState().equals("28P01")
            || (e.getSQLState().equals("08004") && m.contains("password"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Opens a database server with a password the user gave (null: none). */
  public static EventSource open(PgUrl url, String password, Path mapping) {
    return PostgresEventSource.open(
        url, password, mapping == null ? null : LayoutFiles.read(mapping));
  }
}
