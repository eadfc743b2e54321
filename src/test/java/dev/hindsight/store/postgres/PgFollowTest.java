package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.Follower;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Follow mode on a real PostgreSQL server, where a transaction that took a lower position from the
 * sequence can commit after one that took a higher one (issue 18): every committed event reaches a
 * global follower and a stream follower exactly once. Writers are superuser connections with
 * autocommit off; the interleaving is driven step by step from this thread, never by timing.
 */
class PgFollowTest {

  /** A new database with the simple layout's table, its position from a sequence, and events. */
  private static String store(String prefix, int streams) throws SQLException {
    String db = PgServer.newDatabase(prefix);
    try (Connection pg = PgServer.admin(db);
        Statement s = pg.createStatement()) {
      s.execute("CREATE SEQUENCE events_position");
      s.execute(
          "CREATE TABLE events (global_position bigint DEFAULT nextval('events_position') PRIMARY"
              + " KEY, stream_id text NOT NULL, stream_version bigint NOT NULL, event_type text"
              + " NOT NULL, payload jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at"
              + " timestamptz NOT NULL DEFAULT now())");
      s.execute("CREATE UNIQUE INDEX events_stream_version ON events (stream_id, stream_version)");
      for (int i = 0; i < streams; i++) {
        insert(pg, "s-" + i, 1);
      }
    }
    PgServer.grantRead(db, "public");
    return db;
  }

  /** Appends one event as a writer does; returns the position it took. */
  private static long insert(Connection writer, String stream, long version) throws SQLException {
    try (PreparedStatement ps =
        writer.prepareStatement(
            "INSERT INTO events (stream_id, stream_version, event_type, payload, metadata)"
                + " VALUES (?, ?, 'Happened', '{}', '{}') RETURNING global_position")) {
      ps.setString(1, stream);
      ps.setLong(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection writer(String db) throws SQLException {
    Connection c = PgServer.admin(db);
    c.setAutoCommit(false);
    return c;
  }

  private static PostgresEventSource open(String db) {
    return PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null);
  }

  private static List<Long> positions(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::position).toList();
  }

  @Test
  void anEventCommittedAfterOneAtAHigherPositionArrivesOnceAtTheNextPoll() throws Exception {
    String db = store("follow_late", 1);
    try (Follower all = new Follower(() -> open(db), null);
        Follower one = new Follower(() -> open(db), "s-0");
        Connection a = writer(db);
        Connection b = writer(db)) {
      List<StoredEvent> seen = new ArrayList<>();
      List<StoredEvent> seenOne = new ArrayList<>();
      long early = insert(a, "s-0", 2); // takes its position, does not commit yet
      long later = insert(b, "s-1", 1);
      b.commit();
      assertThat(later).isGreaterThan(early);
      all.poll(seen::add);
      one.poll(seenOne::add);
      assertThat(positions(seen)).containsExactly(later);
      assertThat(seenOne).isEmpty();

      a.commit(); // the highest position does not move
      assertThat(all.poll(seen::add).events()).isEqualTo(1);
      assertThat(one.poll(seenOne::add).events()).isEqualTo(1);
      assertThat(positions(seen)).containsExactly(later, early);
      assertThat(positions(seenOne)).containsExactly(early);

      long rolledBack = insert(a, "s-0", 3);
      long last = insert(b, "s-1", 2);
      a.rollback(); // a gap for good: watched until the timeout, never handed over
      b.commit();
      all.poll(seen::add);
      one.poll(seenOne::add);
      all.poll(seen::add);
      assertThat(rolledBack).isLessThan(last);
      assertThat(positions(seen)).containsExactly(later, early, last);
      assertThat(positions(seenOne)).containsExactly(early);
    }
  }

  @Test
  void aTransactionInFlightWhenTheFollowerStartsIsNotMissed() throws Exception {
    String db = store("follow_start", 2);
    try (Connection a = writer(db);
        Connection b = writer(db)) {
      long early = insert(a, "s-0", 2);
      long later = insert(b, "s-1", 2);
      b.commit();
      try (Follower all = new Follower(() -> open(db), null)) {
        List<StoredEvent> seen = new ArrayList<>();
        assertThat(all.poll(seen::add).events()).isZero();
        a.commit();
        assertThat(all.poll(seen::add).events()).isEqualTo(1);
        assertThat(all.poll(seen::add).events()).isZero();
        assertThat(positions(seen)).containsExactly(early).doesNotContain(later);
      }
    }
  }

  /**
   * Several writers append to several streams, one writer per stream at a time (as a stream's
   * header row or lock makes them), and commit or roll back in a random order; the followers poll
   * in between. Every committed event reaches the global follower once, and each stream's follower
   * once in version order; nothing rolled back arrives.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void writersCommittingInRandomOrderDeliverEveryEventExactlyOnce(long seed) throws Exception {
    int streams = 4;
    String db = store("follow_random", streams);
    Random random = new Random(seed);
    List<Connection> writers = new ArrayList<>();
    List<Follower> followers = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        writers.add(writer(db));
      }
      // the gap timeout never passes: the clock stands still, so the test does not hang on time
      Follower all = new Follower(() -> open(db), null, Duration.ofSeconds(60), () -> 0L);
      followers.add(all);
      Map<String, Follower> byStream = new LinkedHashMap<>();
      for (int i = 0; i < streams; i++) {
        Follower f = new Follower(() -> open(db), "s-" + i);
        byStream.put("s-" + i, f);
        followers.add(f);
      }
      Map<String, Long> committedVersion = new HashMap<>();
      byStream.keySet().forEach(s -> committedVersion.put(s, 1L));
      Map<Integer, String> holding = new HashMap<>(); // writer -> stream it appends to
      Map<Integer, List<Appended>> pending = new HashMap<>(); // writer -> its uncommitted
      TreeSet<Long> committed = new TreeSet<>();
      List<StoredEvent> seen = new ArrayList<>();
      Map<String, List<StoredEvent>> seenByStream = new HashMap<>();
      byStream.keySet().forEach(s -> seenByStream.put(s, new ArrayList<>()));
      int lateOnes = 0;

      for (int step = 0; step < 250; step++) {
        int w = random.nextInt(writers.size());
        Connection writer = writers.get(w);
        int what = random.nextInt(10);
        if (what < 4) {
          String stream = holding.get(w);
          if (stream == null) {
            List<String> free = new ArrayList<>(byStream.keySet());
            free.removeAll(holding.values());
            if (free.isEmpty()) {
              continue;
            }
            stream = free.get(random.nextInt(free.size()));
            holding.put(w, stream);
          }
          List<Appended> mine = pending.computeIfAbsent(w, k -> new ArrayList<>());
          long version = committedVersion.get(stream) + mine.size() + 1;
          mine.add(new Appended(insert(writer, stream, version), version));
        } else if (what < 7 && holding.containsKey(w)) {
          writer.commit();
          List<Appended> mine = pending.remove(w);
          String stream = holding.remove(w);
          committedVersion.put(stream, mine.get(mine.size() - 1).version());
          for (Appended e : mine) {
            committed.add(e.position());
            if (!committed.tailSet(e.position(), false).isEmpty()) {
              lateOnes++; // a higher position was committed before this one
            }
          }
        } else if (what < 8 && holding.containsKey(w)) {
          writer.rollback();
          pending.remove(w);
          holding.remove(w);
        } else {
          all.poll(seen::add);
          for (Map.Entry<String, Follower> f : byStream.entrySet()) {
            f.getValue().poll(seenByStream.get(f.getKey())::add);
          }
        }
      }
      for (Connection writer : writers) {
        writer.commit();
      }
      for (List<Appended> mine : pending.values()) {
        mine.forEach(e -> committed.add(e.position()));
      }
      all.poll(seen::add);
      for (Map.Entry<String, Follower> f : byStream.entrySet()) {
        f.getValue().poll(seenByStream.get(f.getKey())::add);
      }

      assertThat(lateOnes).as("the run had late commits to find").isPositive();
      assertThat(positions(seen)).doesNotHaveDuplicates();
      assertThat(new TreeSet<>(positions(seen))).isEqualTo(committed);
      for (Map.Entry<String, List<StoredEvent>> s : seenByStream.entrySet()) {
        List<Long> expected = new ArrayList<>();
        for (long v = 2; v <= committedVersion(db, s.getKey()); v++) {
          expected.add(v);
        }
        assertThat(s.getValue())
            .as(s.getKey())
            .extracting(StoredEvent::version)
            .containsExactlyElementsOf(expected);
      }
    } finally {
      for (Follower f : followers) {
        f.close();
      }
      for (Connection c : writers) {
        c.close();
      }
    }
  }

  /** An event a writer appended: the position it took and its version in its stream. */
  private record Appended(long position, long version) {}

  private static long committedVersion(String db, String stream) throws SQLException {
    try (Connection c = PgServer.admin(db);
        PreparedStatement ps =
            c.prepareStatement("SELECT max(stream_version) FROM events WHERE stream_id = ?")) {
      ps.setString(1, stream);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
