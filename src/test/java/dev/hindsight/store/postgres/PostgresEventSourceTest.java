package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.RawEvent;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo store copied into PostgreSQL reads exactly as the SQLite file does: every field of every
 * event, the stream list (whole, paged, filtered), reads after a position, and the stored columns;
 * and the source cannot write.
 */
class PostgresEventSourceTest {

  static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");
  static String db;

  @BeforeAll
  static void copyTheDemo() throws Exception {
    db = PgTestStores.copy(DEMO, "demo");
  }

  static PostgresEventSource open() {
    return PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null);
  }

  @Test
  void everyEventReadsAsInTheSqliteFile() {
    try (EventSource lite = SqliteEventSource.open(DEMO, (Path) null);
        PostgresEventSource pg = open()) {
      assertThat(pg.layout().name()).isEqualTo("hindsight-simple");
      List<StoredEvent> expected = lite.readList(EventQuery.all());
      List<StoredEvent> actual = pg.readList(EventQuery.all());
      assertThat(actual).hasSize(expected.size()).isNotEmpty();
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as("event %d", i).isEqualTo(expected.get(i));
      }
      assertThat(pg.streams()).isEqualTo(lite.streams());
      String one = lite.streams().get(1).stream();
      assertThat(pg.readList(EventQuery.stream(one).withVersions(2L, 3L)))
          .isEqualTo(lite.readList(EventQuery.stream(one).withVersions(2L, 3L)));
      List<StoredEvent> after = new ArrayList<>();
      pg.readAfter(5, 3, after::add);
      assertThat(after).extracting(StoredEvent::position).containsExactly(6L, 7L, 8L);
      assertThat(pg.lastPosition()).isEqualTo(lite.lastPosition());
      assertThat(pg.hasStream(one)).isTrue();
      assertThat(pg.hasStream("no-such-stream")).isFalse();
      assertThat(pg.stream(one)).isEqualTo(lite.stream(one));
    }
  }

  @Test
  void theStreamListIsPagedAndFilteredOnTheServer() {
    try (PostgresEventSource pg = open()) {
      List<StreamSummary> all = pg.streams();
      List<StreamSummary> first = pg.streams(null, null, 2);
      assertThat(first).isEqualTo(all.subList(0, 2));
      List<StreamSummary> next = pg.streams(first.get(1).stream(), null, 2);
      assertThat(next).isEqualTo(all.subList(2, Math.min(4, all.size())));
      String prefix = all.get(0).stream().substring(0, 3);
      assertThat(pg.streams(null, prefix + "*", 1000))
          .isEqualTo(all.stream().filter(s -> s.stream().startsWith(prefix)).toList());
      assertThat(pg.streams(null, "no_such%*", 10)).isEmpty();
    }
  }

  @Test
  void storedColumnsAreReadAsPostgresqlWritesThem() {
    try (PostgresEventSource pg = open()) {
      List<RawEvent> raw = new ArrayList<>();
      pg.readStored(raw::add);
      assertThat(raw).isNotEmpty();
      RawEvent first = raw.get(0);
      assertThat(first.stablePosition()).isTrue();
      assertThat(new String(first.time().bytes(), java.nio.charset.StandardCharsets.UTF_8))
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
      assertThat(pg.storedEvent(first.stream(), first.version()))
          .get()
          .usingRecursiveComparison()
          .isEqualTo(first);
    }
  }

  @Test
  void theSourceCannotWriteAndNothingChanges() throws Exception {
    long before = count();
    try (PostgresEventSource pg = open()) {
      pg.readList(EventQuery.all().withLimit(3));
      Connection c = PgConnections.open(PgServer.url(db), PgServer.READER_PASSWORD);
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("DELETE FROM events")).hasMessageContaining("read-only");
      } finally {
        c.rollback();
        c.close();
      }
    }
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aWrongPasswordIsOneLineWithoutThePassword() {
    assertThatThrownBy(() -> PostgresEventSource.open(PgServer.url(db), "wrong-secret", null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("refused")
        .hasMessageNotContaining("wrong-secret");
  }

  private static long count() throws Exception {
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
