package dev.hindsight.ui;

import dev.hindsight.flow.Flow;
import dev.hindsight.flow.FlowEvent;
import dev.hindsight.flow.Flows;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Flow beside the stream: every event of the current event's correlation, across streams, read
 * in the background, laid out as one lane per stream on a shared time axis with causation as arrows
 * ({@link Layout}). The event shown in the stream is the flow's current one; choosing an event of
 * the flow opens its stream there, and the flow stays.
 */
public final class FlowViewModel {

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>(this, "flow");
  private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
  private final ReadOnlyLongWrapper current = new ReadOnlyLongWrapper(this, "current", -1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private AtomicBoolean cancel = new AtomicBoolean();

  FlowViewModel(TaskRunner tasks, ExplorerViewModel explorer) {
    this.tasks = tasks;
    this.explorer = explorer;
    message.set("Go › Flow of This Event (Ctrl+J), or the correlation id of an event.");
    explorer.streams().sourceProperty().addListener(obs -> clear());
  }

  private void clear() {
    cancel.set(true);
    flow.set(null);
    layout.set(null);
    busy.set(false);
    message.set("");
  }

  /** Shows the flow of the event the open stream shows. */
  public void showCurrent() {
    StreamViewModel vm = explorer.streamProperty().get();
    StreamReplay.Point p = vm == null ? null : vm.pointProperty().get();
    if (p == null || p.event() == null) {
      message.set("Choose an event first: a flow is that of an event.");
      return;
    }
    show(p.event().position());
  }

  /** Shows the flow of {@code stream}'s event at {@code version} (a tour's step). */
  public void show(String stream, long version) {
    EventSource source = explorer.streams().sourceProperty().get();
    if (source == null) {
      return;
    }
    tasks.run(
        () ->
            source.readList(EventQuery.stream(stream).withVersions(version, version)).stream()
                .findFirst()
                .map(e -> e.position())
                .orElseThrow(
                    () ->
                        new StoreException(
                            stream + " has no version " + version + ": no flow to show")),
        this::show,
        failure -> message.set(StoreViewModel.message(failure)));
  }

  /** Shows the flow of the event at global position {@code position}, read in the background. */
  public void show(long position) {
    EventSource source = explorer.streams().sourceProperty().get();
    if (source == null) {
      return;
    }
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    busy.set(true);
    message.set("Reading the flow…");
    tasks.run(
        () -> Flows.at(source, position),
        found -> {
          if (mine.get()) {
            return;
          }
          busy.set(false);
          flow.set(found);
          layout.set(Layout.of(found));
          current.set(position);
          message.set(
              found.events().size()
                  + " events in "
                  + found.streams().size()
                  + (found.streams().size() == 1 ? " stream" : " streams")
                  + " · correlation "
                  + found.correlation());
        },
        failure -> {
          if (!mine.get()) {
            busy.set(false);
            message.set(StoreViewModel.message(failure));
          }
        });
  }

  /** The event at the current point moved: it is the flow's current one, if it is in the flow. */
  void pointAt(long position) {
    current.set(position);
  }

  /** An event of the flow chosen: its stream at that event (the flow stays). */
  public void open(FlowEvent e) {
    explorer.openStream(e.stream(), e.version());
  }

  public ReadOnlyObjectProperty<Flow> flowProperty() {
    return flow.getReadOnlyProperty();
  }

  /** Where each event of the flow goes: its lane and its place on the time axis. */
  public ReadOnlyObjectProperty<Layout> layoutProperty() {
    return layout.getReadOnlyProperty();
  }

  /** The global position of the event shown in the stream; -1 for none. */
  public ReadOnlyLongProperty currentProperty() {
    return current.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /**
   * A flow laid out: one lane per stream (in the flow's order), each event at a fraction of the
   * time axis (0 the first event's time, 1 the last, the times evenly apart in their order and
   * equal times one above the other; in order of position when times are missing), and an arrow
   * from each event's cause in the flow. Causes outside the flow are {@code external}: their
   * positions when stored, or the causation text when not.
   */
  public record Layout(List<Mark> marks, List<Arrow> arrows) {

    /** One event: its lane, its place on the time axis, and what caused it from outside. */
    public record Mark(FlowEvent event, int lane, double x, String external) {}

    /** From the mark at index {@code from} (the cause) to the mark at index {@code to}. */
    public record Arrow(int from, int to) {}

    static Layout of(Flow flow) {
      List<FlowEvent> events = flow.events();
      // the time axis keeps the order of the times, not their distances: a flow's first events come
      // seconds apart and its last days later, and a linear axis would pile the first ones up
      boolean timed = events.stream().allMatch(e -> e.timestamp() != null);
      TreeSet<Instant> times = new TreeSet<>();
      if (timed) {
        events.forEach(e -> times.add(e.timestamp()));
      }
      List<Instant> ranks = new ArrayList<>(times);
      Map<Long, Integer> index = new HashMap<>();
      List<Mark> marks = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        FlowEvent e = events.get(i);
        double x;
        if (timed && ranks.size() > 1) {
          x = (double) Collections.binarySearch(ranks, e.timestamp()) / (ranks.size() - 1);
        } else {
          x = events.size() == 1 ? 0.5 : (double) i / (events.size() - 1);
        }
        index.put(e.position(), i);
        String external = null;
        if (e.causation() != null && (e.causedBy() == null || !flow.at(e.causedBy()).isPresent())) {
          external =
              e.causedBy() == null
                  ? "caused by " + e.causation() + " (not in the store)"
                  : "caused by the event at position " + e.causedBy() + " (another flow)";
        }
        marks.add(new Mark(e, Math.max(0, flow.streams().indexOf(e.stream())), x, external));
      }
      List<Arrow> arrows = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        Long cause = events.get(i).causedBy();
        Integer from = cause == null ? null : index.get(cause);
        if (from != null && from != i) {
          arrows.add(new Arrow(from, i));
        }
      }
      return new Layout(marks, arrows);
    }
  }
}
