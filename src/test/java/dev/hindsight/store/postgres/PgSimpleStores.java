package dev.hindsight.store.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Copies a store of Hindsight's simple layout (the demo store, make_event_store.py's output) from
 * SQLite into a new PostgreSQL database with the types a PostgreSQL store would have: {@code jsonb}
 * payloads, {@code timestamptz} times, a {@code bigint} position. For tests.
 */
public final class PgSimpleStores {

  private PgSimpleStores() {}

  /** A new database holding {@code sqlite}'s events, readable by the reader role. */
  public static String copy(Path sqlite, String prefix) throws SQLException {
    String db = PgServer.newDatabase(prefix);
    try (Connection pg = PgServer.admin(db);
        Statement s = pg.createStatement()) {
      s.execute(
          "CREATE TABLE events (global_position bigint PRIMARY KEY, stream_id text NOT NULL,"
              + " stream_version bigint NOT NULL, event_type text NOT NULL, payload jsonb NOT"
              + " NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL)");
      s.execute("CREATE UNIQUE INDEX events_stream_version ON events (stream_id, stream_version)");
      pg.setAutoCommit(false);
      try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
          Statement q = lite.createStatement();
          ResultSet rs =
              q.executeQuery(
                  "SELECT global_position, stream_id, stream_version, event_type, payload,"
                      + " metadata, recorded_at FROM events ORDER BY global_position");
          PreparedStatement insert =
              pg.prepareStatement(
                  "INSERT INTO events VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)")) {
        int n = 0;
        while (rs.next()) {
          insert.setLong(1, rs.getLong(1));
          insert.setString(2, rs.getString(2));
          insert.setLong(3, rs.getLong(3));
          insert.setString(4, rs.getString(4));
          insert.setString(5, rs.getString(5));
          insert.setString(6, rs.getString(6));
          insert.setObject(
              7, OffsetDateTime.ofInstant(Instant.parse(rs.getString(7)), ZoneOffset.UTC));
          insert.addBatch();
          if (++n % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      pg.commit();
    }
    PgServer.grantRead(db, "public");
    return db;
  }
}
