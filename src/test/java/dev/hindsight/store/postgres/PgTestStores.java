package dev.hindsight.store.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL stores for tests outside this package (the window's): a SQLite store of the simple
 * layout copied into a new database of the tests' server ({@link PgSimpleStores}).
 */
public final class PgTestStores {

  private PgTestStores() {}

  /** A new database holding {@code sqlite}'s events in {@code public}, readable by the reader. */
  public static String copy(Path sqlite, String prefix) throws SQLException {
    return PgSimpleStores.copy(sqlite, prefix);
  }

  /**
   * A new database whose schemas {@code public} and {@code other} each hold {@code sqlite}'s
   * events: two stores where the user pointed, to choose from.
   */
  public static String copyTwice(Path sqlite, String prefix) throws SQLException {
    String db = PgSimpleStores.copy(sqlite, prefix);
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA other");
      s.execute("CREATE TABLE other.events (LIKE public.events INCLUDING ALL)");
      s.execute("INSERT INTO other.events SELECT * FROM public.events");
    }
    PgServer.grantRead(db, "other");
    return db;
  }
}
