package dev.hindsight.ui;

import dev.hindsight.audit.Masking;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.ReducerError;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open stream: its replay (built in the background, with progress and cancel), the current
 * event (the timeline's position), and the event and states around it. Moving the position asks for
 * a new point; while one is being computed, further moves only update what to compute next, so
 * dragging the slider never queues work.
 */
public final class StreamViewModel {

  private final TaskRunner tasks;
  private final EventSource source;
  private final StreamSummary stream;

  private final ReadOnlyObjectWrapper<StreamReplay> replay =
      new ReadOnlyObjectWrapper<>(this, "replay");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final IntegerProperty ordinal = new SimpleIntegerProperty(this, "ordinal", -1);
  private final ReadOnlyObjectWrapper<StreamReplay.Point> point =
      new ReadOnlyObjectWrapper<>(this, "point");
  private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
  private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
  private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 5);
  private final BooleanProperty realTime = new SimpleBooleanProperty(this, "realTime");
  private final DoubleProperty compression = new SimpleDoubleProperty(this, "compression", 60);
  private final RowSummaries summaries;
  private final AnalysisViewModel analysis;

  private AtomicBoolean cancelBuild = new AtomicBoolean();

  /** Where the build in progress will go; null when none is in progress. */
  private ToIntFunction<StreamReplay> pendingTarget;

  /** What the window masks; what this stream shows goes through it. */
  private Supplier<Masking> masking = Masking::off;

  private boolean computing;
  private int wanted = Integer.MIN_VALUE;

  public StreamViewModel(TaskRunner tasks, EventSource source, StreamSummary stream) {
    this.tasks = tasks;
    this.summaries = new RowSummaries(tasks);
    this.source = source;
    this.stream = stream;
    ordinal.addListener((obs, old, now) -> requestPoint(now.intValue()));
    this.analysis = new AnalysisViewModel(tasks, this);
  }

  /** Compare, history, find and search on this stream. */
  public AnalysisViewModel analysis() {
    return analysis;
  }

  /**
   * Folds the stream again with other reducers, at the event shown; while it is still being folded
   * (reducers loaded as the stream opens), at the event its fold was going to show.
   */
  public void refold(ReducerSet reducers) {
    ToIntFunction<StreamReplay> pending = pendingTarget;
    if (pending != null && loading.get()) {
      build(reducers, pending);
    } else {
      build(reducers, ordinal.get());
    }
  }

  /** Folds the stream in the background with these reducers; {@code at} is the ordinal to show. */
  public void build(ReducerSet reducers, int at) {
    build(reducers, built -> at);
  }

  /** Folds the stream, then shows the ordinal {@code target} picks from the new replay. */
  public void build(ReducerSet reducers, ToIntFunction<StreamReplay> target) {
    cancelBuild.set(true);
    AtomicBoolean cancel = new AtomicBoolean();
    cancelBuild = cancel;
    pendingTarget = target;
    loading.set(true);
    error.set(null);
    progress.set(0);
    long total = Math.max(1, stream.events());
    tasks.run(
        () -> {
          StreamReplay built =
              StreamReplay.build(
                  source,
                  stream,
                  reducers.forStream(stream.stream(), stream.type()),
                  ReplayOptions.defaults(),
                  (done, all) -> {
                    double p = (double) done / total;
                    tasks.later(
                        () -> {
                          if (!cancel.get()) {
                            progress.set(p);
                          }
                        });
                    return !cancel.get();
                  });
          // the table's rows too are made here: on a long stream that is too much for the FX thread
          return new Built(built, EventRow.of(built));
        },
        done -> {
          if (cancel.get()) {
            return;
          }
          StreamReplay built = done.replay();
          loading.set(false);
          progress.set(1);
          summaries.clear();
          rows.setAll(done.rows());
          replay.set(built);
          pendingTarget = null;
          int at = Math.max(-1, Math.min(target.applyAsInt(built), built.size() - 1));
          if (ordinal.get() == at) {
            requestPoint(at);
          } else {
            ordinal.set(at);
          }
        },
        failure -> {
          if (cancel.get()) {
            return; // cancelled, or superseded by a newer build: nothing to report
          }
          loading.set(false);
          error.set(StoreViewModel.message(failure));
        });
  }

  private record Built(StreamReplay replay, List<EventRow> rows) {}

  /** Where the masking rules come from (the window's); everything shown goes through them. */
  public void setMasking(Supplier<Masking> masking) {
    this.masking = masking;
  }

  public Masking masking() {
    return masking.get();
  }

  /**
   * Shows again what is shown, after the masking changed: the current point, and the table's data
   * summaries as their rows come into view.
   */
  public void refreshShown() {
    summaries.clear();
    rows.forEach(r -> r.setSummary(null));
    if (replay.get() != null) {
      requestPoint(ordinal.get());
    }
  }

  /** Stops a build in progress (the previous replay, if any, stays). */
  public void cancelBuild() {
    cancelBuild.set(true);
    loading.set(false);
  }

  private void requestPoint(int o) {
    StreamReplay r = replay.get();
    if (r == null) {
      return;
    }
    wanted = o;
    if (computing) {
      return; // the running computation picks up `wanted` when it ends
    }
    computing = true;
    int target = Math.max(-1, Math.min(o, r.size() - 1));
    tasks.run(
        () -> r.point(target),
        p -> {
          computing = false;
          boolean current = replay.get() == r;
          if (current) {
            point.set(masking().apply(p));
          }
          // a move while computing, or a new replay (refold) since: compute what is wanted now
          if ((wanted != target || !current) && replay.get() != null) {
            requestPoint(wanted);
          }
        },
        failure -> {
          computing = false;
          if (replay.get() != r && replay.get() != null) {
            requestPoint(wanted); // it failed on a replay that is gone: try the new one
          } else {
            error.set(StoreViewModel.message(failure));
          }
        });
  }

  /** Loads the data summaries of the page of rows around {@code row}, once, in the background. */
  public void needSummary(EventRow row) {
    summaries.need(row, replay.get(), replay::get, rows, this::masking);
  }

  // ---------------------------------------------------------------------------------- navigation

  /** Moves by {@code delta} events, staying within the stream (and the initial state before it). */
  public void step(int delta) {
    StreamReplay r = replay.get();
    if (r == null) {
      return;
    }
    ordinal.set(Math.max(-1, Math.min(r.size() - 1, ordinal.get() + delta)));
  }

  public void first() {
    ordinal.set(replay.get() == null || replay.get().size() == 0 ? -1 : 0);
  }

  public void last() {
    if (replay.get() != null) {
      ordinal.set(replay.get().size() - 1);
    }
  }

  /** Goes to the last event with a version at or before {@code version}. */
  public void goToVersion(long version) {
    if (replay.get() != null) {
      ordinal.set(replay.get().ordinalAtVersion(version));
    }
  }

  /** Goes to the last event at or before {@code instant}. */
  public void goToTime(Instant instant) {
    if (replay.get() != null) {
      ordinal.set(replay.get().ordinalAsOf(instant));
    }
  }

  /** One playback step: forward by one, stopping at the end. */
  public void tick() {
    StreamReplay r = replay.get();
    if (r == null || ordinal.get() >= r.size() - 1) {
      playing.set(false);
      return;
    }
    step(1);
  }

  /**
   * How long playback waits before the next event, in nanoseconds: at the playback speed, or in
   * real time the original gap divided by the compression factor (at most 5 s; events without a
   * time, or out of order, go at the playback speed).
   */
  public long nextDelayNanos() {
    long atSpeed = (long) (1e9 / Math.max(0.5, speed.get()));
    StreamReplay r = replay.get();
    int o = ordinal.get();
    if (!realTime.get() || r == null || o < 0 || o + 1 >= r.size()) {
      return atSpeed;
    }
    Instant now = r.timestamp(o);
    Instant next = r.timestamp(o + 1);
    if (now == null || next == null || next.isBefore(now)) {
      return atSpeed;
    }
    // in seconds first: toNanos() overflows for gaps of 292 years and more (hostile timestamps)
    Duration d = Duration.between(now, next);
    double gap = (d.getSeconds() * 1e9 + d.getNano()) / Math.max(1, compression.get());
    return (long) Math.min(5e9, gap);
  }

  /** Replays the original gaps between events, compressed by {@link #compressionProperty()}. */
  public BooleanProperty realTimeProperty() {
    return realTime;
  }

  /** In real-time playback, how many times faster than it happened (60: a minute a second). */
  public DoubleProperty compressionProperty() {
    return compression;
  }

  /** The reducer error at the current event, or null. */
  public ReducerError currentError() {
    StreamReplay r = replay.get();
    return r == null ? null : r.errors().get(ordinal.get());
  }

  // ---------------------------------------------------------------------------------- properties

  public StreamSummary stream() {
    return stream;
  }

  public EventSource source() {
    return source;
  }

  public ReadOnlyObjectProperty<StreamReplay> replayProperty() {
    return replay.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The current event's ordinal: -1 is the initial state, before the first event. */
  public IntegerProperty ordinalProperty() {
    return ordinal;
  }

  /** The current event and the states around it; follows {@link #ordinalProperty()}. */
  public ReadOnlyObjectProperty<StreamReplay.Point> pointProperty() {
    return point.getReadOnlyProperty();
  }

  /** One row per event, in stream order, for the events table. */
  public ObservableList<EventRow> rows() {
    return rows;
  }

  public BooleanProperty playingProperty() {
    return playing;
  }

  /** Playback speed in events per second (0.5 to 50). */
  public DoubleProperty speedProperty() {
    return speed;
  }
}
