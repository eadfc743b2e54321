package dev.hindsight.store.postgres;

import dev.hindsight.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connections to a PostgreSQL store that cannot write, by construction three times over: the
 * driver's read-only mode (on even outside transactions), the session's default of {@code READ
 * ONLY} transactions set at connect time, and every transaction {@code REPEATABLE READ READ ONLY},
 * so that a view made of several queries reads one snapshot. Autocommit is off, so the driver reads
 * large results through a server-side cursor ({@code fetchSize}); a statement timeout ends runaway
 * queries; the session's time zone is UTC, so times read as text are the same everywhere.
 */
public final class PgConnections {

  /** Rows fetched at a time from a cursor. */
  public static final int FETCH_SIZE = 1_000;

  /** How long one statement may run. */
  public static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(5);

  private PgConnections() {}

  /** Opens a read-only connection to {@code url} with {@code password} (null: none). */
  public static Connection open(PgUrl url, String password) {
    Properties p = new Properties();
    p.setProperty("user", url.user());
    if (password != null) {
      p.setProperty("password", password);
    }
    if (url.sslMode() != null) {
      p.setProperty("sslmode", url.sslMode());
    }
    p.setProperty("readOnly", "true");
    p.setProperty("readOnlyMode", "always");
    p.setProperty("ApplicationName", "hindsight");
    p.setProperty("defaultRowFetchSize", Integer.toString(FETCH_SIZE));
    p.setProperty("connectTimeout", "10");
    p.setProperty(
        "options",
        "-c default_transaction_read_only=on"
            + " -c default_transaction_isolation=repeatable\\ read"
            + " -c statement_timeout="
            + STATEMENT_TIMEOUT.toMillis()
            + " -c TimeZone=UTC");
    try {
      Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
      try {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement()) {
          s.execute(
              "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ"
                  + " ONLY");
        }
        c.commit();
        return c;
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(url, e);
    }
  }

  /** One line saying what went wrong, with the URL as it may be shown (no password). */
  static StoreException failure(PgUrl url, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("08004") && mentionsPassword(e)) {
      state = "28P01"; // the server asked for a password that was not given
    }
    String why =
        switch (state) {
          case "28P01", "28000" ->
              "the server refused "
                  + url.user()
                  + "'s login (give the password in PGPASSWORD or ~/.pgpass)";
          case "3D000" -> "the server has no database '" + url.database() + "'";
          case "08001", "08004", "08006" ->
              "cannot reach the server at " + url.host() + ":" + url.port();
          case "57014" -> "a query ran longer than " + STATEMENT_TIMEOUT.toMinutes() + " minutes";
          case "42501" -> largeObject(url, e.getMessage()).orElse(firstLine(e));
          default -> e.getMessage() == null ? state : firstLine(e);
        };
    return new StoreException(url.display() + ": " + why, e);
  }

  private static boolean mentionsPassword(SQLException e) {
    return e.getMessage() != null
        && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password");
  }

  private static String firstLine(SQLException e) {
    return e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
  }

  private static final Pattern LARGE_OBJECT =
      Pattern.compile("permission denied for large object (\\d+)");

  /**
   * A refused large object (Axon JPA keeps payloads and metadata in them), said with what to grant:
   * since PostgreSQL 9.0 a large object is readable only by its owner and the roles granted SELECT
   * on it, unless {@code lo_compat_privileges} is on.
   */
  private static Optional<String> largeObject(PgUrl url, String message) {
    Matcher m = LARGE_OBJECT.matcher(message == null ? "" : message);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        "the role "
            + url.user()
            + " may not read large object "
            + m.group(1)
            + ", where the store keeps event payloads or metadata: grant it on each of them"
            + " (GRANT SELECT ON LARGE OBJECT "
            + m.group(1)
            + " TO "
            + url.user()
            + "; and so on), turn lo_compat_privileges on, or read as the objects' owner");
  }
}
