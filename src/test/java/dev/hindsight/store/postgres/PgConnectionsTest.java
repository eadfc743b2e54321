package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection Hindsight opens cannot write, whatever is sent on it, and reads one snapshot per
 * transaction; on a real server, with a role that has only the grants the README asks for.
 */
class PgConnectionsTest {

  String db;

  @BeforeEach
  void aStoreWithRows() throws SQLException {
    db = PgServer.newDatabase("ro");
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE events(id bigserial PRIMARY KEY, stream text, data jsonb)");
      s.execute("INSERT INTO events(stream, data) VALUES ('a', '{\"n\":1}'), ('b', '{\"n\":2}')");
    }
    PgServer.grantRead(db, "public");
  }

  private static List<String> rows(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, stream, data::text FROM events ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return out;
  }

  private Connection reader() {
    return PgConnections.open(PgServer.url(db), PgServer.READER_PASSWORD);
  }

  @Test
  void readsWithOnlyTheGrantsTheReadmeAsksFor() throws Exception {
    try (Connection c = reader()) {
      assertThat(rows(c)).containsExactly("1 a {\"n\": 1}", "2 b {\"n\": 2}");
      assertThat(c.isReadOnly()).isTrue();
      assertThat(c.getAutoCommit()).isFalse();
    }
  }

  @Test
  void everyWriteFailsAndNothingChanges() throws Exception {
    List<String> before;
    try (Connection admin = PgServer.admin(db)) {
      before = rows(admin);
    }
    // even with the role allowed to write, and with the session asked to allow it
    try (Connection admin = PgServer.admin(db);
        Statement s = admin.createStatement()) {
      s.execute("GRANT INSERT, UPDATE, DELETE ON events TO " + PgServer.READER);
      s.execute("GRANT USAGE ON SEQUENCE events_id_seq TO " + PgServer.READER);
      s.execute("GRANT CREATE ON SCHEMA public TO " + PgServer.READER);
    }
    String[] writes = {
      "INSERT INTO events(stream, data) VALUES ('c', '{}')",
      "UPDATE events SET data = '{}'",
      "DELETE FROM events",
      "CREATE TABLE mine(x int)",
      "TRUNCATE events"
    };
    try (Connection c = reader()) {
      for (String write : writes) {
        try (Statement s = c.createStatement()) {
          s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
          assertThatThrownBy(() -> s.execute(write))
              .as(write)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("read-only transaction");
        }
        c.rollback();
      }
    }
    try (Connection admin = PgServer.admin(db)) {
      assertThat(rows(admin)).isEqualTo(before);
    }
  }

  @Test
  void aTransactionReadsOneSnapshot() throws Exception {
    try (Connection c = reader()) {
      List<String> first = rows(c);
      try (Connection admin = PgServer.admin(db);
          Statement s = admin.createStatement()) {
        s.execute("INSERT INTO events(stream, data) VALUES ('late', '{}')");
      }
      assertThat(rows(c)).isEqualTo(first);
      c.commit();
      assertThat(rows(c)).hasSize(first.size() + 1);
    }
  }

  @Test
  void aStatementAloneIsReadOnlyRepeatableReadAndLeavesTheConnectionAsItWas() {
    try (PgPool pool = new PgPool(PgServer.url(db), PgServer.READER_PASSWORD)) {
      String level =
          pool.inOneStatement(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery(
                            "SELECT current_setting('transaction_isolation'),"
                                + " current_setting('transaction_read_only')")) {
                  rs.next();
                  return rs.getString(1) + " " + rs.getString(2);
                }
              });
      assertThat(level).isEqualTo("repeatable read on");
      assertThatThrownBy(
              () ->
                  pool.inOneStatement(
                      c -> c.createStatement().execute("DELETE FROM events WHERE true")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("read-only transaction");
      // the next use of the (same, pooled) connection is a transaction of several statements again
      List<String> seen =
          pool.inTransaction(
              c -> {
                List<String> before = rows(c);
                try (Connection admin = PgServer.admin(db);
                    Statement s = admin.createStatement()) {
                  s.execute("INSERT INTO events(stream, data) VALUES ('late', '{}')");
                }
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(rows(c)).isEqualTo(before);
                return before;
              });
      assertThat(seen).hasSize(2);
    }
  }

  @Test
  void aWrongPasswordOrDatabaseIsOneClearLineWithoutThePassword() {
    PgUrl url = PgServer.url(db);
    assertThatThrownBy(() -> PgConnections.open(url, "not-it"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(url.display() + ": the server refused hindsight_reader's login")
        .hasMessageNotContaining("not-it");
    // no password at all: the driver says 08004 "no password was provided", which is a refusal
    // too, not an unreachable server
    assertThatThrownBy(() -> PgConnections.open(url, null))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(url.display() + ": the server refused hindsight_reader's login");
    PgUrl missing = PgServer.url("no_such_db");
    assertThatThrownBy(() -> PgConnections.open(missing, PgServer.READER_PASSWORD))
        .isInstanceOf(StoreException.class)
        .hasMessage(missing.display() + ": the server has no database 'no_such_db'");
  }
}
