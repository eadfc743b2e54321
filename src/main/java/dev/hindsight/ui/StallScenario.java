package dev.hindsight.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.codec.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * {@code hindsight FILE --measure-stalls}: opens the store in the real window, then does what a
 * person does (types a stream filter and deletes it, opens the longest stream, drags the slider end
 * to end) while recording the longest gap between two JavaFX pulses in each phase. A pulse is due
 * every 16.7 ms; a longer gap is time the FX thread was busy, which the person sees as a freeze.
 * The window's first paint (before which nothing was on screen) is reported apart, as {@code
 * firstFrameMs}. Prints one JSON object and exits.
 */
final class StallScenario extends AnimationTimer {

  static final long STALL_NANOS = 50_000_000L;
  private static final String FILTER_TEXT = "order-h";
  private static final long KEY_EVERY_NANOS = 120_000_000L;
  private static final int DRAG_FRAMES = 240;
  private static final long SETTLE_NANOS = 700_000_000L;

  /** With {@code -Dhindsight.stalls.trace=true}: what the FX thread was doing during each stall. */
  private static final boolean TRACE = Boolean.getBoolean("hindsight.stalls.trace");

  private final TaskRunner tasks;
  private final ExplorerViewModel model;
  private final Consumer<String> selectStream;
  private final Consumer<String> report;
  private final Runnable exit;
  private final List<Phase> phases = new ArrayList<>();
  private final List<ObjectNode> results = new ArrayList<>();

  private int phase = -1;
  private long phaseStart;
  private long last;
  private long maxGap;
  private long frames;
  private int stalls;
  private long phaseTick;
  private long firstFrame = -1;
  private volatile long lastPulseNanos;
  private FrameAction opening;
  private FrameAction draggedSettle;

  /** One phase: {@code act} runs every frame with the frame's index until it returns true. */
  private record Phase(String name, FrameAction act) {}

  @FunctionalInterface
  private interface FrameAction {
    boolean frame(long nanosIntoPhase, long frame);
  }

  /**
   * @param selectStream selects a stream in the window's list, as a click would
   * @param report receives the JSON report
   * @param exit runs after the report
   */
  StallScenario(
      TaskRunner tasks,
      ExplorerViewModel model,
      Consumer<String> selectStream,
      Consumer<String> report,
      Runnable exit) {
    this.tasks = tasks;
    this.model = model;
    this.selectStream = selectStream;
    this.report = report;
    this.exit = exit;
    phases.add(new Phase("open store", settled(() -> !model.streams().busyProperty().get())));
    phases.add(new Phase("filter streams", this::typeAndDelete));
    phases.add(new Phase("open longest stream", this::openLongest));
    phases.add(new Phase("drag slider end to end", this::drag));
  }

  /** Samples the FX thread's stack while a pulse is overdue, onto standard error. */
  private void watch(Thread fx) {
    long[] sampled = {0};
    tasks.every(
        Duration.ofMillis(10),
        () -> {
          long late = System.nanoTime() - lastPulseNanos;
          // one sample every 20 ms for as long as the pulse is overdue
          if (late > STALL_NANOS && System.nanoTime() - sampled[0] > 20_000_000L) {
            sampled[0] = System.nanoTime();
            StringBuilder sb = new StringBuilder("stall (" + late / 1_000_000 + " ms so far) in ");
            sb.append(phases.get(Math.max(0, phase)).name()).append(':');
            StackTraceElement[] stack = fx.getStackTrace();
            for (int i = 0; i < Math.min(60, stack.length); i++) {
              sb.append("\n    at ").append(stack[i]);
            }
            System.err.println(sb);
          }
        });
  }

  @Override
  public void handle(long now) {
    lastPulseNanos = System.nanoTime();
    if (phase < 0) {
      begin(0, now);
      if (TRACE) {
        watch(Thread.currentThread());
      }
    }
    if (last != 0 && firstFrame < 0) {
      // the window's first paint: every node styled and laid out once; reported on its own, since
      // nothing was on screen yet to freeze
      firstFrame = now - last;
    } else if (last != 0) {
      long gap = now - last;
      maxGap = Math.max(maxGap, gap);
      if (gap > STALL_NANOS) {
        stalls++;
      }
    }
    last = now;
    frames++;
    if (phases.get(phase).act().frame(now - phaseStart, phaseTick++)) {
      end();
      if (phase + 1 == phases.size()) {
        stop();
        finish();
        return;
      }
      begin(phase + 1, now);
    }
  }

  private void begin(int index, long now) {
    phase = index;
    phaseStart = now;
    maxGap = 0;
    frames = 0;
    stalls = 0;
    phaseTick = 0;
  }

  private void end() {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("phase", phases.get(phase).name());
    r.put("maxGapMs", Math.round(maxGap / 1e5) / 10.0);
    r.put("stallsOver50Ms", stalls);
    r.put("frames", frames);
    results.add(r);
  }

  private void finish() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("file", String.valueOf(model.streams().fileProperty().get()));
    out.put("streams", model.streams().allStreams().size());
    StreamViewModel vm = model.streamProperty().get();
    out.put("stream", vm == null ? null : vm.stream().stream());
    out.put("events", vm == null ? 0 : vm.stream().events());
    ArrayNode list = out.putArray("phases");
    double worst = 0;
    for (ObjectNode r : results) {
      list.add(r);
      worst = Math.max(worst, r.get("maxGapMs").asDouble());
    }
    out.put("maxGapMs", worst);
    out.put("firstFrameMs", Math.round(firstFrame / 1e5) / 10.0);
    out.put("java", System.getProperty("java.version"));
    report.accept(Json.write(out));
    exit.run();
  }

  /** Waits until {@code done}, then a little longer, so that what it set off is measured too. */
  private FrameAction settled(BooleanSupplier done) {
    long[] since = {-1};
    return (t, frame) -> {
      if (since[0] < 0 && done.getAsBoolean()) {
        since[0] = t;
      }
      return since[0] >= 0 && t - since[0] > SETTLE_NANOS;
    };
  }

  private boolean typeAndDelete(long t, long frame) {
    int keys = (int) (t / KEY_EVERY_NANOS);
    int n = FILTER_TEXT.length();
    int shown = keys <= n ? keys : Math.max(0, 2 * n - keys);
    String text = FILTER_TEXT.substring(0, shown);
    if (!text.equals(model.streams().filterProperty().get())) {
      model.streams().filterProperty().set(text);
    }
    return keys > 2 * n + SETTLE_NANOS / KEY_EVERY_NANOS;
  }

  private boolean openLongest(long t, long frame) {
    if (frame == 0) {
      StreamSummary longest =
          model.streams().allStreams().stream()
              .max(Comparator.comparingLong(StreamSummary::events))
              .orElseThrow();
      model.openStream(longest.stream(), Long.MIN_VALUE);
      selectStream.accept(longest.stream());
      opening =
          settled(
              () -> {
                StreamViewModel vm = model.streamProperty().get();
                return vm != null
                    && vm.replayProperty().get() != null
                    && !vm.loadingProperty().get();
              });
    }
    return opening.frame(t, frame);
  }

  private boolean drag(long t, long frame) {
    StreamViewModel vm = model.streamProperty().get();
    int size = vm.replayProperty().get().size();
    if (frame < DRAG_FRAMES) {
      vm.ordinalProperty().set((int) Math.round((double) frame / (DRAG_FRAMES - 1) * (size - 1)));
      return false;
    }
    if (draggedSettle == null) {
      draggedSettle =
          settled(
              () ->
                  vm.pointProperty().get() != null
                      && vm.pointProperty().get().ordinal() == size - 1);
    }
    return draggedSettle.frame(t, frame);
  }
}
