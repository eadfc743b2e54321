package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store as of a time, without a toolkit: the demo's orders as of 10 March. */
class AsOfViewModelTest {

  private ExplorerViewModel explorer;
  private AsOfViewModel asOf;
  private boolean opened;

  @BeforeEach
  void openTheDemo() throws Exception {
    Path demo = DemoStore.copy();
    explorer = TestWindows.explorer(TaskRunner.sameThread());
    explorer.loadReducers(DemoStore.reducersOf(demo));
    explorer.streams().open(demo);
    asOf = new AsOfViewModel(TaskRunner.sameThread(), explorer);
    asOf.setOnOpen(() -> opened = true);
  }

  @AfterEach
  void close() {
    explorer.close();
  }

  @Test
  void everyStreamOfTheTypeWithItsVersionAndValuesThenAndARowOpensItsStreamThere() {
    assertThat(asOf.types()).contains("order", "payment", "cart");
    asOf.typeProperty().set("order");
    asOf.timeProperty().set("2026-03-10"); // its end
    asOf.columnsProperty().set("/status, total");
    assertThat(asOf.show()).isNull();

    Instant end = Instant.parse("2026-03-10T23:59:59.999999999Z");
    List<StoredEvent> orders =
        explorer.streams().sourceProperty().get().readList(EventQuery.all()).stream()
            .filter(e -> e.stream().startsWith("order-") && !e.timestamp().isAfter(end))
            .toList();
    long streams = orders.stream().map(StoredEvent::stream).distinct().count();
    assertThat(asOf.rows()).hasSize((int) streams);
    assertThat(asOf.pointers()).containsExactly("/status", "/total");
    for (AsOfViewModel.Row r : asOf.rows()) {
      long last =
          orders.stream()
              .filter(e -> e.stream().equals(r.stream()))
              .mapToLong(StoredEvent::version)
              .max()
              .orElseThrow();
      assertThat(r.version()).as(r.stream()).isEqualTo(last);
      assertThat(r.values().get(0)).as(r.stream() + " /status").isNotEmpty();
    }
    assertThat(asOf.messageProperty().get()).contains("of type order as of 2026-03-10T23:59:59Z");

    asOf.filterProperty().set("order-1001");
    assertThat(asOf.rows()).extracting(AsOfViewModel.Row::stream).containsExactly("order-1001");
    asOf.open(asOf.rows().get(0));
    assertThat(opened).isTrue();
    StreamViewModel vm = explorer.streamProperty().get();
    assertThat(vm.stream().stream()).isEqualTo("order-1001");
    assertThat(vm.pointProperty().get().event().version()).isEqualTo(asOf.rows().get(0).version());
  }

  @Test
  void theGlobalTimeSliderWritesTheTimeThatFarThroughTheStore() {
    assertThat(asOf.timeAt(0)).isEqualTo("2026-03-02T07:00:00Z"); // the demo's first event
    String middle = asOf.timeAt(0.5);
    assertThat(asOf.timeProperty().get()).isEqualTo(middle);
    assertThat(Instant.parse(middle)).isAfter(Instant.parse("2026-03-02T07:00:00Z"));
    asOf.typeProperty().set("payment");
    assertThat(asOf.show()).isNull();
    assertThat(asOf.messageProperty().get()).contains("of type payment as of " + middle);
  }

  @Test
  void aTimeThatCannotBeReadOrNoTypeIsSaidAndNothingIsFolded() {
    assertThat(asOf.show()).isEqualTo("Choose an aggregate type.");
    asOf.typeProperty().set("order");
    asOf.timeProperty().set("last tuesday");
    assertThat(asOf.show()).startsWith("A time is ISO-8601");
    assertThat(asOf.rows()).isEmpty();
  }
}
