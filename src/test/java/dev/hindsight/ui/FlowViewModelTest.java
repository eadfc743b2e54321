package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.flow.FlowEvent;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flow beside the stream, without a toolkit: the demo's double charge across six streams. */
class FlowViewModelTest {

  @TempDir Path dir;
  private ExplorerViewModel explorer;

  @AfterEach
  void close() {
    explorer.close();
  }

  private FlowViewModel open(Path store) {
    explorer = TestWindows.explorer(TaskRunner.sameThread());
    explorer.streams().open(store);
    return new FlowViewModel(TaskRunner.sameThread(), explorer);
  }

  @Test
  void theDoubleChargesFlowIsLaidOutAsLanesWithEveryCauseAsAnArrow() throws Exception {
    FlowViewModel flow = open(DemoStore.copy());
    assertThat(explorer.openStream("payment-5006", 3)).isTrue();
    flow.showCurrent();

    assertThat(flow.flowProperty().get().streams())
        .containsExactly(
            "cart-308",
            "order-1006",
            "inventory-travel-mug",
            "inventory-espresso-beans",
            "payment-5006",
            "account-operating");
    FlowViewModel.Layout layout = flow.layoutProperty().get();
    assertThat(layout.marks()).hasSize(23);
    // every event but the first was caused by another event of the flow
    assertThat(layout.arrows()).hasSize(22);
    assertThat(layout.marks().get(0).external()).endsWith("(not in the store)");
    assertThat(layout.marks()).allSatisfy(m -> assertThat(m.x()).isBetween(0.0, 1.0));
    assertThat(layout.marks().get(0).x()).isZero();
    assertThat(layout.marks().get(22).x()).isEqualTo(1.0);
    for (FlowViewModel.Layout.Arrow a : layout.arrows()) {
      FlowEvent cause = layout.marks().get(a.from()).event();
      FlowEvent effect = layout.marks().get(a.to()).event();
      assertThat(effect.causedBy()).isEqualTo(cause.position());
    }
    assertThat(flow.currentProperty().get()).isEqualTo(878); // payment-5006 v3
    assertThat(flow.messageProperty().get())
        .startsWith("23 events in 6 streams · correlation f08368af-");

    FlowEvent paid = flow.flowProperty().get().at(877).orElseThrow(); // order-1006 v2
    flow.open(paid);
    assertThat(explorer.streamProperty().get().stream().stream()).isEqualTo("order-1006");
    assertThat(explorer.streamProperty().get().pointProperty().get().event().version())
        .isEqualTo(2);
    assertThat(flow.flowProperty().get()).as("the flow stays").isNotNull();
  }

  @Test
  void anEventWithoutACorrelationSaysItBelongsToNoFlow() throws Exception {
    FlowViewModel flow = open(TestStores.simpleStore(dir.resolve("plain.db"), 10, 2)); // {"by":..}
    assertThat(explorer.openStream("order-1", 3)).isTrue();
    flow.showCurrent();
    assertThat(flow.flowProperty().get()).isNull();
    assertThat(flow.messageProperty().get()).contains("has no correlation id");
  }
}
