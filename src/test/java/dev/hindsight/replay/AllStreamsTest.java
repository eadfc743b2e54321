package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The one pass over every stream: each event once, in version order, on any number of workers. */
class AllStreamsTest {

  private static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");

  @Test
  void everyEventOnceInVersionOrderWhateverTheWorkers() {
    try (SqliteEventSource source = SqliteEventSource.open(DEMO, (Path) null)) {
      List<StreamSummary> streams = source.streams();
      Map<String, List<Long>> expected = new java.util.HashMap<>();
      for (StreamSummary s : streams) {
        expected.put(
            s.stream(),
            source.readList(EventQuery.stream(s.stream())).stream()
                .map(StoredEvent::position)
                .toList());
      }
      for (int workers : new int[] {1, 2, 4}) {
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        Map<String, String> threads = new ConcurrentHashMap<>();
        long[] last = {0};
        AllStreams.run(
            source,
            streams,
            s ->
                new AllStreams.StreamJob() {
                  final List<Long> positions = new ArrayList<>();

                  @Override
                  public boolean accept(StoredEvent event) {
                    assertThat(event.stream()).isEqualTo(s.stream());
                    threads.merge(
                        s.stream(),
                        Thread.currentThread().getName(),
                        (a, b) -> a.equals(b) ? a : "two");
                    positions.add(event.position());
                    return true;
                  }

                  @Override
                  public void end() {
                    seen.put(s.stream(), positions);
                  }
                },
            (done, total) -> {
              last[0] = done;
              return true;
            },
            workers);
        assertThat(seen).as("%d workers", workers).isEqualTo(expected);
        assertThat(threads.values()).doesNotContain("two"); // a stream stays on one thread
        assertThat(last[0]).isEqualTo(2245);
      }
    }
  }

  @Test
  void aJobStopsItsStreamAndProgressCancelsAll() {
    try (SqliteEventSource source = SqliteEventSource.open(DEMO, (Path) null)) {
      List<StreamSummary> streams = source.streams();
      Map<String, Integer> read = new ConcurrentHashMap<>();
      AllStreams.run(
          source,
          streams,
          s -> event -> read.merge(s.stream(), 1, Integer::sum) < 2,
          Progress.NONE);
      assertThat(read).hasSize(streams.size());
      assertThat(read.values()).allMatch(n -> n <= 2);

      assertThatThrownBy(
              () -> AllStreams.run(source, streams, s -> event -> true, (done, total) -> false, 2))
          .isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void selectionByTypeAndGlob() {
    try (SqliteEventSource source = SqliteEventSource.open(DEMO, (Path) null)) {
      List<StreamSummary> all = source.streams();
      assertThat(AllStreams.Selection.ALL.of(all)).isEqualTo(all);
      assertThat(new AllStreams.Selection(null, "payment-*").of(all))
          .hasSize(13)
          .allMatch(s -> s.stream().startsWith("payment-"));
      String type = all.get(0).type();
      assertThat(new AllStreams.Selection(type, null).of(all))
          .isNotEmpty()
          .allMatch(s -> type.equals(s.type()));
    }
  }
}
