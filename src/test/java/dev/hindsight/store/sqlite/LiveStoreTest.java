package dev.hindsight.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.Follower;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store another process keeps writing (WAL, as the libraries write): Hindsight reads consistent
 * snapshots and a {@link Follower} hands over every new event once, in order, with nothing lost.
 */
@Timeout(120)
public class LiveStoreTest {

  public static final int BEFORE = 300;
  public static final int AFTER = 3000;

  /** The writer process, stopped at "ready" until {@link #go}. */
  public static final class Writer implements AutoCloseable {
    final Process process;
    final BufferedReader out;
    final java.io.Writer in;

    public Writer(Path db, int batch) throws Exception {
      this(db, BEFORE, AFTER, batch);
    }

    public Writer(Path db, int before, int after, int batch) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  LiveWriter.class.getName(),
                  db.toString(),
                  String.valueOf(before),
                  String.valueOf(after),
                  String.valueOf(batch))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      assertThat(out.readLine()).isEqualTo("ready");
    }

    public void go() throws Exception {
      in.write("go\n");
      in.flush();
    }

    public boolean done() {
      return !process.isAlive();
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFollowerGetsEveryNewEventOnceInOrderWhileAnotherProcessWrites(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("live.db");
    try (Writer writer = new Writer(db, 7);
        Follower all = new Follower(() -> SqliteEventSource.open(db, (Path) null), null);
        Follower one = new Follower(() -> SqliteEventSource.open(db, (Path) null), "s-3")) {
      assertThat(all.source().lastPosition()).isEqualTo(BEFORE);
      List<StoredEvent> seen = new ArrayList<>();
      List<StoredEvent> seenOne = new ArrayList<>();
      writer.go();
      int polls = 0;
      int counted = 0;
      boolean reopened = false;
      while (!writer.done() || polls < 3) {
        Thread.sleep(20);
        Follower.Polled polled = all.poll(seen::add);
        counted += polled.events();
        reopened |= polled.reopened() || one.poll(seenOne::add).reopened();
        if (writer.done()) {
          polls++; // a few more, after the last commit
        }
      }
      assertThat(writer.out.readLine()).isEqualTo("done");
      assertThat(counted).as("each poll counts what it handed over").isEqualTo(seen.size());
      assertThat(reopened).as("a store a writer has open is read, never opened again").isFalse();

      // every event written after the start, once, in global order, whole
      assertThat(seen).hasSize(AFTER);
      for (int i = 0; i < AFTER; i++) {
        StoredEvent e = seen.get(i);
        assertThat(e.position()).isEqualTo(BEFORE + i + 1);
        assertThat(e.problems()).isEmpty();
        assertThat(e.data().get("n").asLong()).isEqualTo(e.position());
        assertThat(e.data().get("pad").asText()).hasSize(300);
      }
      // one stream: its versions after the start, each once, in order
      long firstVersion = BEFORE / 5 + 1;
      assertThat(seenOne).hasSize(AFTER / 5);
      for (int i = 0; i < seenOne.size(); i++) {
        assertThat(seenOne.get(i).stream()).isEqualTo("s-3");
        assertThat(seenOne.get(i).version()).isEqualTo(firstVersion + i);
      }
    }
  }

  @Test
  void eventsFollowPrintsEachNewEventAsAJsonLine(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("live.db");
    try (Writer writer = new Writer(db, 13)) {
      // a first open in this JVM loads SQLite and the layouts (about half a second on a busy
      // machine): done here, so that the command below takes note of the store well within the
      // wait, not after the writer has started
      SqliteEventSource.open(db, (Path) null).close();
      String[] result = new String[3];
      Thread run =
          new Thread(
              () -> {
                java.io.StringWriter out = new java.io.StringWriter();
                java.io.StringWriter err = new java.io.StringWriter();
                int code =
                    dev.hindsight.cli.HindsightCli.run(
                        new String[] {
                          "events", db.toString(), "--follow", "--limit", String.valueOf(AFTER)
                        },
                        new java.io.PrintWriter(out),
                        new java.io.PrintWriter(err));
                result[0] = String.valueOf(code);
                result[1] = out.toString();
                result[2] = err.toString();
              },
              "events-follow");
      run.setDaemon(true);
      run.start();
      // the writer starts once the command has taken note of the store: when it sleeps between
      // polls (a fixed wait lost events on a loaded machine, where starting the command took
      // longer)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!pollingBetweenSleeps(run) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      writer.go();
      run.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(run.isAlive()).as("the command printed %d events and ended", AFTER).isFalse();
      assertThat(result[0]).isEqualTo("0");
      assertThat(result[2]).isEmpty();
      List<String> lines = result[1].lines().toList();
      assertThat(lines).hasSize(AFTER);
      for (int i = 0; i < AFTER; i++) {
        com.fasterxml.jackson.databind.JsonNode e =
            dev.hindsight.store.codec.Json.parse(lines.get(i));
        assertThat(e.get("position").asLong()).isEqualTo(BEFORE + i + 1);
        assertThat(e.get("data").get("n").asLong()).isEqualTo(BEFORE + i + 1);
      }
    }
  }

  /** Whether {@code t} is the follow command asleep between two polls. */
  private static boolean pollingBetweenSleeps(Thread t) {
    StackTraceElement[] stack = t.getStackTrace();
    if (stack.length == 0 || !stack[0].getMethodName().startsWith("sleep")) {
      return false;
    }
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals("dev.hindsight.cli.EventsCommand")
          && frame.getMethodName().equals("follow")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aStoreNoWriterHadOpenIsOpenedAgainWhenAWriterStarts(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("later.db");
    try (Writer first = new Writer(db, 300, 0, 50)) {
      first.go();
      assertThat(first.out.readLine()).isEqualTo("done");
      first.process.waitFor(10, TimeUnit.SECONDS);
    }
    // the writer is gone and SQLite removed its -wal: Hindsight opens the store immutable
    assertThat(SqliteFile.sibling(db, "-wal")).doesNotExist();
    try (Follower all = new Follower(() -> SqliteEventSource.open(db, (Path) null), null)) {
      EventSource before = all.source();
      assertThat(before.lastPosition()).isEqualTo(300);
      List<StoredEvent> seen = new ArrayList<>();
      int reopenings = 0;
      try (Writer second = new Writer(db, 0, 500, 10)) {
        second.go();
        int polls = 0;
        while (!second.done() || polls < 3) {
          Thread.sleep(20);
          EventSource polledFrom = all.source();
          Follower.Polled polled = all.poll(seen::add);
          if (polled.reopened()) {
            reopenings++;
            assertThat(all.source()).as("a new source").isNotSameAs(polledFrom);
          } else {
            assertThat(all.source()).as("the same source").isSameAs(polledFrom);
          }
          if (second.done()) {
            polls++;
          }
        }
      }
      assertThat(all.source()).as("opened again").isNotSameAs(before);
      assertThat(reopenings).as("polls that said the store was opened again").isPositive();
      assertThat(seen)
          .extracting(StoredEvent::position)
          .containsExactlyElementsOf(
              java.util.stream.LongStream.rangeClosed(301, 800).boxed().toList());
    }
  }

  @Test
  void aWriterHoldingTheStoreLongerThanTheBusyWaitOnlyDelaysTheFollower(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("journal.db");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events(global_position INTEGER PRIMARY KEY, stream_id TEXT, stream_version"
              + " INTEGER, event_type TEXT, payload TEXT, metadata TEXT, recorded_at TEXT)");
      s.execute("INSERT INTO events VALUES (1, 'a-1', 1, 'X', '{}', '{}', '2026-01-01T00:00:00Z')");
      try (Follower all = new Follower(() -> SqliteEventSource.open(db, (Path) null), null)) {
        List<StoredEvent> seen = new ArrayList<>();
        s.execute("BEGIN EXCLUSIVE");
        s.execute(
            "INSERT INTO events VALUES (2, 'a-1', 2, 'X', '{}', '{}', '2026-01-01T00:00:01Z')");
        assertThat(all.poll(seen::add))
            .as("locked for longer than the busy wait")
            .isEqualTo(new Follower.Polled(0, false));
        s.execute("COMMIT");
        assertThat(all.poll(seen::add).events()).isEqualTo(1);
        assertThat(seen).extracting(StoredEvent::position).containsExactly(2L);
      }
    }
  }

  @Test
  void nothingWrittenMeansNothingReadAndTheFirstPollOnlyTakesNote(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("quiet.db");
    try (Writer writer = new Writer(db, 10);
        Follower all = new Follower(() -> SqliteEventSource.open(db, (Path) null), null)) {
      List<StoredEvent> seen = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        assertThat(all.poll(seen::add)).isEqualTo(new Follower.Polled(0, false));
      }
      assertThat(seen).isEmpty();
    }
  }
}
