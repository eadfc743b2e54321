package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.replay.Change;
import dev.hindsight.replay.ReducerComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File › Compare with Other Reducers…, without a toolkit: the demo's reducers against a copy with
 * the double capture fixed, which changes exactly the double-charged payment.
 */
class ReducerCompareViewModelTest {

  static final String CAPTURE = "captured: cents(state.captured + data.amount),";
  static final String FIXED =
      "captured: state.captures > 0 ? state.captured : cents(state.captured + data.amount),";

  @TempDir Path dir;
  private ExplorerViewModel explorer;
  private ReducerCompareViewModel compare;
  private Path other;

  @BeforeEach
  void open() throws IOException {
    Path demo = DemoStore.copy();
    other = copyOf(DemoStore.reducersOf(demo), dir.resolve("fixed"));
    explorer = TestWindows.explorer(TaskRunner.sameThread());
    explorer.loadReducers(DemoStore.reducersOf(demo));
    explorer.streams().open(demo);
    compare = new ReducerCompareViewModel(TaskRunner.sameThread(), explorer);
  }

  @AfterEach
  void close() {
    explorer.close();
  }

  static Path copyOf(Path reducers, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(reducers)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  static void edit(Path folder, String from, String to) throws IOException {
    Path payments = folder.resolve("30-payments.js");
    String js = Files.readString(payments);
    assertThat(js).contains(from);
    Files.writeString(payments, js.replace(from, to));
  }

  @Test
  void theFixedCaptureDiffersOnlyAtTheDoubleChargedPaymentsSecondCapture() throws IOException {
    edit(other, CAPTURE, FIXED);
    compare.compare(other);

    assertThat(compare.busyProperty().get()).isFalse();
    assertThat(compare.rows()).hasSize(1);
    ReducerComparison.Difference d = compare.rows().get(0);
    assertThat(d.stream()).isEqualTo("payment-5006");
    assertThat(d.version()).isEqualTo(3);
    assertThat(d.changes()).extracting(c -> c.line("→")).containsExactly("~ /captured: 84 → 42");
    ReducerComparison.Result r = compare.resultProperty().get();
    assertThat(compare.messageProperty().get())
        .isEqualTo(
            r.streams()
                + " streams compared: "
                + (r.streams() - 1)
                + " the same, 1 differ, 0 reducer errors");
    assertThat(compare.nameA()).isEqualTo("A: demo-reducers");
    assertThat(compare.nameB()).isEqualTo("B: fixed");

    compare.select(d);
    ReducerSides.At at = compare.sides().atProperty().get();
    assertThat(at.version()).isEqualTo(3);
    assertThat(at.type()).isEqualTo("PaymentCaptured");
    assertThat(at.stateA().at("/captured").asInt()).isEqualTo(84);
    assertThat(at.stateB().at("/captured").asInt()).isEqualTo(42);
    assertThat(at.changesB()).extracting(Change::path).containsExactly("/captured");
    assertThat(at.changesA()).extracting(Change::path).containsExactly("/captured");
    assertThat(at.changesA().get(0).newValue().asInt()).isEqualTo(84);

    compare.sides().back();
    at = compare.sides().atProperty().get();
    assertThat(at.version()).isEqualTo(2);
    assertThat(at.differ()).isFalse();
    assertThat(at.stateA()).isEqualTo(at.stateB());

    compare.sides().forward();
    assertThat(compare.sides().atProperty().get().version()).isEqualTo(3);
  }

  @Test
  void keysInAnotherOrderAreNoDifference() throws IOException {
    edit(
        other,
        "$init: () => ({ status: \"NEW\", authorized: 0, captured: 0, captures: 0, refunded: 0 }),",
        "$init: () => ({ refunded: 0, captures: 0, captured: 0, authorized: 0, status: \"NEW\" }),");
    compare.compare(other);

    assertThat(compare.rows()).isEmpty();
    assertThat(compare.resultProperty().get().streams()).isGreaterThan(0);
    assertThat(compare.messageProperty().get()).contains(" 0 differ, 0 reducer errors");
  }

  @Test
  void reloadingReadsBAgainAndKeepsTheChosenStream() throws IOException {
    compare.compare(other);
    assertThat(compare.rows()).as("the same reducers").isEmpty();

    edit(other, CAPTURE, FIXED);
    compare.reload();
    assertThat(compare.rows())
        .extracting(ReducerComparison.Difference::stream)
        .containsExactly("payment-5006");
    compare.select(compare.rows().get(0));

    // A reloaded (F5): B is read again, and the chosen stream is still shown where it differs
    explorer.loadReducers(explorer.reducerPathProperty().get());
    assertThat(compare.rows()).hasSize(1);
    assertThat(compare.sides().atProperty().get().version()).isEqualTo(3);

    edit(other, FIXED, CAPTURE);
    compare.reload();
    assertThat(compare.rows()).isEmpty();
    assertThat(compare.sides().atProperty().get()).isNull();
  }

  @Test
  void aNewComparisonCancelsTheOneUnderWayAndCancelStopsIt() throws IOException {
    edit(other, CAPTURE, FIXED);
    ManualTaskRunner queued = new ManualTaskRunner(false);
    compare = new ReducerCompareViewModel(queued, explorer);
    int[] delivered = {0};
    compare
        .rows()
        .addListener((ListChangeListener<ReducerComparison.Difference>) c -> delivered[0]++);

    compare.compare(other);
    assertThat(compare.busyProperty().get()).isTrue();
    compare.compare(other);
    queued.runPending();
    assertThat(delivered[0]).as("only the second comparison's rows").isEqualTo(1);
    assertThat(compare.rows()).hasSize(1);
    assertThat(compare.busyProperty().get()).isFalse();

    compare.reload();
    compare.cancel();
    queued.runPending();
    assertThat(compare.messageProperty().get()).isEqualTo("Cancelled.");
    assertThat(compare.busyProperty().get()).isFalse();
    assertThat(compare.rows()).as("the last rows stay").hasSize(1);
  }

  @Test
  void anotherStoreCancelsAndClears() throws IOException {
    edit(other, CAPTURE, FIXED);
    compare.compare(other);
    compare.select(compare.rows().get(0));
    explorer.streams().open(DemoStore.copy());
    assertThat(compare.rows()).isEmpty();
    assertThat(compare.otherProperty().get()).isNull();
    assertThat(compare.sides().atProperty().get()).isNull();
  }
}
