package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader ({@link PgLoad}) copies a store {@code make_event_store.py} wrote into PostgreSQL with
 * the types and indexes a PostgreSQL store has, so that it reads exactly as the SQLite file; and it
 * never writes into a schema that holds anything.
 */
class PgLoadTest {

  /** A copy of ../shared/make_event_store.py, so that a fresh clone runs this test. */
  static final Path MAKER = Path.of("src/test/resources/tools/make_event_store.py");

  @TempDir static Path dir;
  static Path sqlite;
  static String db;
  static PgLoad.Loaded loaded;

  @BeforeAll
  static void makeAndLoad() throws Exception {
    assertThat(MAKER).as("the benchmark stores' generator").isRegularFile();
    sqlite = dir.resolve("small.db");
    Process p =
        new ProcessBuilder(
                "python3",
                MAKER.toString(),
                "-o",
                sqlite.toString(),
                "--events",
                "5000",
                "--streams",
                "50",
                "--hot-events",
                "1000")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    db = PgServer.newDatabase("pgload");
    try (Connection c = PgServer.admin(db)) {
      loaded = PgLoad.load(sqlite, c, "public", null);
      PgLoad.grant(c, "public", PgServer.READER);
    }
  }

  @Test
  void everyRowIsCopiedWithThePostgresTypesAndIndexes() throws Exception {
    assertThat(loaded.events()).isEqualTo(5000);
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count(DISTINCT stream_id), min(global_position),"
                  + " max(global_position), (SELECT count(*) FROM events WHERE stream_id ="
                  + " 'order-hot') FROM events")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(5000);
        assertThat(rs.getLong(2)).isEqualTo(50);
        assertThat(rs.getLong(3)).isEqualTo(1);
        assertThat(rs.getLong(4)).isEqualTo(5000);
        assertThat(rs.getLong(5)).isEqualTo(1000);
      }
      List<String> types = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT column_name || ' ' || udt_name FROM information_schema.columns WHERE"
                  + " table_name = 'events' ORDER BY ordinal_position")) {
        while (rs.next()) {
          types.add(rs.getString(1));
        }
      }
      assertThat(types)
          .containsExactly(
              "global_position int8",
              "stream_id text",
              "stream_version int8",
              "event_type text",
              "payload jsonb",
              "metadata jsonb",
              "recorded_at timestamptz");
      Set<String> indexes = new TreeSet<>();
      try (ResultSet rs =
          s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'events'")) {
        while (rs.next()) {
          indexes.add(rs.getString(1).replaceAll(".* USING ", ""));
        }
      }
      assertThat(indexes)
          .containsExactly("btree (global_position)", "btree (stream_id, stream_version)");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM pg_index i JOIN pg_class k ON k.oid = i.indrelid WHERE"
                  + " k.relname = 'events' AND i.indisunique")) {
        rs.next();
        assertThat(rs.getLong(1)).as("both indexes unique").isEqualTo(2);
      }
      try (ResultSet rs =
          s.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'events'")) {
        rs.next();
        assertThat(rs.getDouble(1)).as("analyzed").isEqualTo(5000.0);
      }
    }
  }

  @Test
  void anEventReadsTheSameFromTheFileAndFromPostgres() {
    try (EventSource lite = SqliteEventSource.open(sqlite, (Path) null);
        PostgresEventSource pg =
            PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null)) {
      assertThat(pg.layout().name()).isEqualTo(lite.layout().name()).isEqualTo("hindsight-simple");
      EventQuery one = EventQuery.all().withFilter(EventFilter.NONE.withPositions(Set.of(2500L)));
      StoredEvent expected = lite.readList(one).get(0);
      StoredEvent actual = pg.readList(one).get(0);
      assertThat(actual.position()).isEqualTo(expected.position()).isEqualTo(2500);
      assertThat(actual.stream()).isEqualTo(expected.stream());
      assertThat(actual.version()).isEqualTo(expected.version());
      assertThat(actual.type()).isEqualTo(expected.type());
      assertThat(actual.revision()).isEqualTo(expected.revision());
      assertThat(actual.timestamp()).isEqualTo(expected.timestamp()).isNotNull();
      assertThat(actual.timestamp().toEpochMilli() % 1000)
          .as("milliseconds kept")
          .isEqualTo(expected.timestamp().toEpochMilli() % 1000);
      assertThat(actual.data()).isEqualTo(expected.data());
      assertThat(actual.data().size()).isPositive();
      assertThat(actual.metadata()).isEqualTo(expected.metadata());
      assertThat(actual.links()).isEqualTo(expected.links());
      assertThat(actual.problems()).isEqualTo(expected.problems()).isEmpty();
      assertThat(actual).isEqualTo(expected);
      assertThat(pg.lastPosition()).isEqualTo(lite.lastPosition()).isEqualTo(5000);
      List<StreamSummary> streams = pg.streams();
      assertThat(streams).hasSize(50).isEqualTo(lite.streams());
      assertThat(pg.readList(EventQuery.stream("order-hot")))
          .hasSize(1000)
          .isEqualTo(lite.readList(EventQuery.stream("order-hot")));
    }
  }

  @Test
  void itNeverWritesIntoASchemaThatHoldsAnything() throws Exception {
    try (Connection c = PgServer.admin(db)) {
      assertThatThrownBy(() -> PgLoad.load(sqlite, c, "public", null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("schema 'public' is not empty");
    }
    String other = PgServer.newDatabase("pgload_other");
    try (Connection c = PgServer.admin(other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id int)");
      assertThatThrownBy(() -> PgLoad.load(sqlite, c, "public", null))
          .hasMessageContaining("not empty");
      assertThatThrownBy(() -> PgLoad.load(sqlite, c, "nowhere", null))
          .hasMessageContaining("no schema 'nowhere'");
      assertThatThrownBy(() -> PgLoad.load(dir.resolve("missing.db"), c, "public", null))
          .hasMessageContaining("is not a file");
      c.setAutoCommit(true);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace"
                  + " WHERE n.nspname = 'public'")) {
        rs.next();
        assertThat(rs.getLong(1)).as("nothing made").isEqualTo(1);
      }
    }
    try (Connection c = PgServer.admin(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      assertThat(rs.getLong(1)).as("the first load is as it was").isEqualTo(5000);
    }
    assertThat(Files.size(sqlite)).isPositive();
  }
}
