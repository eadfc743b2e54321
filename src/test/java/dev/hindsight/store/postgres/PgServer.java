package dev.hindsight.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (14, from Maven Central's embedded binaries) for the tests: started once
 * for the whole run, on a free port, and stopped when the JVM ends. Each test asks for a database
 * of its own, with a read-only role as the README tells users to make one.
 */
public final class PgServer {

  /** The role the tests read as: CONNECT, USAGE and SELECT, nothing else. */
  public static final String READER = "hindsight_reader";

  public static final String READER_PASSWORD = "reader-secret";

  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private PgServer() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("the test PostgreSQL server did not start", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException ignored) {
                      // the JVM is ending
                    }
                  }));
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
        // as a real server: the tests' superuser is trusted, every other role needs its password
        String hba;
        try (java.sql.ResultSet rs = s.executeQuery("SHOW hba_file")) {
          rs.next();
          hba = rs.getString(1);
        }
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(hba),
            String.join(
                "\n",
                "local all postgres trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                ""));
        s.execute("SELECT pg_reload_conf()");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  /** A new, empty database; the reader may connect to it. */
  public static String newDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + READER);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  /** A superuser connection to {@code database}, autocommit on: for making fixtures. */
  public static Connection admin(String database) throws SQLException {
    return server().getDatabase("postgres", database).getConnection();
  }

  /**
   * Lets the reader read {@code schema}: USAGE on it, SELECT on its tables (and on tables made
   * later).
   */
  public static void grantRead(String database, String schema) throws SQLException {
    try (Connection c = admin(database);
        Statement s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + READER);
      s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + READER);
    }
  }

  /** The URL of {@code database} for the reader, as a user would write it. */
  public static PgUrl url(String database) {
    return PgUrl.parse(
        "postgresql://" + READER + "@localhost:" + server().getPort() + "/" + database,
        java.util.Map.of());
  }
}
