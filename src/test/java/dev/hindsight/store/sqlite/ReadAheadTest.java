package dev.hindsight.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.store.EventQuery;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages a source reads ahead are read on threads of its own, which its close stops. */
class ReadAheadTest {

  private static final int EVENTS = 3 * SqliteEventSource.PAGE_SIZE + 500;

  private static Set<Thread> readAheadThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("hindsight-read-ahead") && t.isAlive())
        .collect(Collectors.toSet());
  }

  @Test
  void closingASourceStopsItsReadAheadThreads(@TempDir Path dir) throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("pages.db"), EVENTS, 3);
    Set<Thread> others = readAheadThreads(); // other sources' (earlier tests'), if any
    Set<Thread> ours = new HashSet<>();
    long[] read = {0};
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      source.read(
          EventQuery.all(),
          e -> {
            if (++read[0] % SqliteEventSource.PAGE_SIZE == 1) {
              Set<Thread> now = readAheadThreads();
              now.removeAll(others);
              ours.addAll(now);
            }
            return true;
          });
      assertThat(read[0]).isEqualTo(EVENTS);
      assertThat(ours).as("pages were read ahead, on daemon threads").isNotEmpty();
      assertThat(ours).allMatch(Thread::isDaemon);
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    Set<Thread> alive = new HashSet<>(readAheadThreads());
    alive.removeAll(others);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
      alive = new HashSet<>(readAheadThreads());
      alive.removeAll(others);
    }
    assertThat(alive).as("read-ahead threads alive after close").isEmpty();
    assertThat(ours).noneMatch(Thread::isAlive);
  }

  @Test
  void readingAClosedSourceFailsClearlyWhetherOrNotItHadReadAhead(@TempDir Path dir)
      throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("pages.db"), EVENTS, 3);
    SqliteEventSource never = SqliteEventSource.open(db, (Path) null);
    never.close();
    String usual = catchMessage(() -> never.read(EventQuery.all(), e -> true)); // no read-ahead yet

    SqliteEventSource source = SqliteEventSource.open(db, (Path) null);
    source.read(EventQuery.all(), e -> true); // starts its read-ahead threads
    source.close();
    assertThatThrownBy(() -> source.read(EventQuery.all(), e -> true))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessage(usual);
  }

  @Test
  void aSourceClosedWhileItIsReadFailsTheReadClearly(@TempDir Path dir) throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("pages.db"), EVENTS, 3);
    SqliteEventSource source = SqliteEventSource.open(db, (Path) null);
    long[] read = {0};
    assertThatThrownBy(
            () ->
                source.read(
                    EventQuery.all(),
                    e -> {
                      if (++read[0] == 1) {
                        source.close(); // the second page is being read ahead meanwhile
                      }
                      return true;
                    }))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining(db.getFileName().toString());
    assertThat(read[0]).isLessThan(EVENTS);
  }

  private static String catchMessage(Runnable read) {
    try {
      read.run();
    } catch (StoreException e) {
      return e.getMessage();
    }
    throw new AssertionError("reading a closed source did not fail");
  }
}
