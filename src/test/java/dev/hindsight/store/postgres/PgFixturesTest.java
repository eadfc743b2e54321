package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PostgreSQL fixtures (each library's own DDL, with events shaped as it writes them; see
 * src/test/resources/pg-fixtures/README.md) load on a real server and hold events: the ground the
 * PostgreSQL layouts are tested on.
 */
class PgFixturesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "marten-string.sql, public.mt_events",
    "marten-guid.sql, public.mt_events",
    "emmett.sql, emt_messages",
    "message-db.sql, message_store.messages",
    "eventuous.sql, eventuous.messages",
    "axon-jdbc.sql, domainevententry",
    "axon-jpa.sql, domain_event_entry",
    "pekko-jdbc.sql, public.event_journal",
    "python-eventsourcing.sql, bankaccounts_events",
    "commanded-eventstore.sql, events"
  })
  void eachLibrarysFixtureLoadsAndHoldsEvents(String fixture, String table) throws Exception {
    String sql = PgTestStores.fixtureSql(fixture);
    String db = PgServer.newDatabase(fixture.replaceAll("[^a-z]", ""));
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute(sql);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        assertThat(rs.getLong(1)).as(table).isPositive();
      }
    }
  }
}
