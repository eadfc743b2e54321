package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * One stream, folded once, with checkpoints so that the state after any event is cheap to rebuild.
 *
 * <p>Events are addressed by their ordinal: their place in the stream's (version, position) order,
 * from 0. "The state after ordinal {@code o}" is the fold of events 0..o; ordinal -1 is the initial
 * state. The replay keeps only a small index of the events (version, position, time, type) and the
 * checkpoints; events themselves are read again from the store when needed, a segment at a time.
 */
public final class StreamReplay {

  /** The fewest events between checkpoints for the generic reducer (checkpoints are packed). */
  static final int GENERIC_INTERVAL = 64;

  /** The most checkpoint bytes kept per event (a 200,000-event stream: at most 60 MB). */
  static final int BYTES_PER_EVENT = 300;

  private final EventSource source;
  private final StreamSummary stream;
  private final Reducer reducer;
  private final Fold fold;
  private final ReplayOptions options;

  private int size;
  private long[] versions = new long[64];
  private long[] positions = new long[64];
  private Instant[] times = new Instant[64];
  private int[] typeIds = new int[64];
  private final List<String> typeNames = new ArrayList<>();
  private final Map<String, Integer> typeIndex = new HashMap<>();

  /**
   * Checkpoints by the number of events applied, packed: key 0 is the initial state. They are
   * unpacked one at a time, when a jump needs one.
   */
  private final NavigableMap<Integer, PackedState> checkpoints = new TreeMap<>();

  /** The initial state and the latest checkpoint, as trees (the fold starts over from them). */
  private JsonNode initial;

  private JsonNode lastCheckpoint;

  /**
   * The state after the first {@code cursorApplied} events, the last one asked for: stepping on
   * from it costs one event, not the events since a checkpoint. -1 when there is none.
   */
  private int cursorApplied = -1;

  private JsonNode cursorState;

  private final NavigableMap<Integer, ReducerError> errors = new TreeMap<>();
  private int unhandled;
  private final Map<String, UnhandledType> unhandledTypes = new java.util.LinkedHashMap<>();
  private JsonNode finalState;

  private StreamReplay(
      EventSource source, StreamSummary stream, Reducer reducer, ReplayOptions options) {
    this.source = source;
    this.stream = stream;
    this.reducer = reducer;
    this.fold = reducer.newFold(stream.stream(), stream.type());
    this.options = options;
  }

  /**
   * Folds the whole stream once, keeping checkpoints.
   *
   * @throws CancellationException when {@code progress} asks to stop
   * @throws ReducerException with {@code options.strict()}, at the first reducer error
   */
  public static StreamReplay build(
      EventSource source,
      StreamSummary stream,
      Reducer reducer,
      ReplayOptions options,
      Progress progress) {
    StreamReplay replay = new StreamReplay(source, stream, reducer, options);
    replay.foldAll(progress);
    return replay;
  }

  // ------------------------------------------------------------------------------------ the fold

  private void foldAll(Progress progress) {
    fold.reset(null);
    initial = fold.state();
    int[] nextCheckpoint = {interval(initial, checkpoint(0, initial))};
    List<StoredEvent> segment = new ArrayList<>();
    source.read(
        foldQuery(),
        event -> {
          int ordinal = index(event);
          segment.add(event);
          Step step = fold.apply(event);
          record(ordinal, event, step);
          if (step.outcome() == Step.Outcome.ERROR && !fold.intact()) {
            fold.reset(refold(lastCheckpoint, segment, checkpoints.lastKey(), segment.size() - 1));
          }
          if (ordinal + 1 == nextCheckpoint[0]) {
            JsonNode state = checkedState(segment);
            nextCheckpoint[0] = ordinal + 1 + interval(state, checkpoint(ordinal + 1, state));
            segment.clear();
          }
          if ((ordinal & 1023) == 0 && !progress.report(ordinal, stream.events())) {
            throw new CancellationException("replay of " + stream.stream() + " cancelled");
          }
          return true;
        });
    finalState = size == checkpoints.lastKey() ? lastCheckpoint : checkedState(segment);
    lastCheckpoint = null;
    // unpacked once here, on the thread that builds: the first jump, on the user's time, then does
    // not also pay for loading the CBOR reader
    checkpoint(checkpoints.lastKey());
    progress.report(size, size);
  }

  /** The stream's events as the fold needs them: without metadata when the reducer ignores it. */
  private EventQuery foldQuery() {
    EventQuery query = EventQuery.stream(stream.stream());
    return reducer.readsMetadata() ? query : query.withoutMetadata();
  }

  /**
   * Keeps {@code state} as the checkpoint after {@code applied} events; returns its packed size.
   */
  private int checkpoint(int applied, JsonNode state) {
    PackedState packed = PackedState.pack(state);
    checkpoints.put(applied, packed);
    lastCheckpoint = state;
    return packed.size();
  }

  private void record(int ordinal, StoredEvent event, Step step) {
    switch (step.outcome()) {
      case UNHANDLED -> {
        unhandled++;
        unhandledTypes.merge(
            String.valueOf(event.type()),
            new UnhandledType(String.valueOf(event.type()), 1, ordinal),
            (was, one) -> new UnhandledType(was.type(), was.events() + 1, was.firstOrdinal()));
      }
      case ERROR -> {
        ReducerError error =
            new ReducerError(
                stream.stream(), event.version(), event.position(), event.type(), step.error());
        if (options.strict()) {
          throw new ReducerException(error.describe());
        }
        errors.put(ordinal, error);
      }
      case HANDLED -> {}
    }
  }

  /**
   * The fold's state as JSON. When it is not JSON (a reducer returned a function, a cycle, NaN),
   * the segment is folded again one event at a time to find the event that did it, which becomes a
   * reducer error; the state is then as it was before that event.
   */
  private JsonNode checkedState(List<StoredEvent> segment) {
    try {
      return fold.state();
    } catch (ReducerException notJson) {
      JsonNode state = refold(lastCheckpoint, segment, checkpoints.lastKey(), segment.size());
      fold.reset(state);
      return state;
    }
  }

  /**
   * Folds {@code segment[0..end)} (whose first event has ordinal {@code firstOrdinal}) from {@code
   * start}, checking the state after every event: the slow, careful path, used only in segments
   * where something went wrong. Known errors are skipped; new ones are recorded.
   */
  private JsonNode refold(JsonNode start, List<StoredEvent> segment, int firstOrdinal, int end) {
    fold.reset(start);
    JsonNode good = start;
    for (int i = 0; i < end; i++) {
      int ordinal = firstOrdinal + i;
      if (errors.containsKey(ordinal)) {
        continue;
      }
      StoredEvent event = segment.get(i);
      Step step = fold.apply(event);
      if (step.outcome() == Step.Outcome.ERROR) {
        record(ordinal, event, step);
        fold.reset(good);
        continue;
      }
      try {
        good = fold.state();
      } catch (ReducerException notJson) {
        record(ordinal, event, Step.error(notJson.getMessage(), null));
        fold.reset(good);
      }
    }
    return good;
  }

  /**
   * Events until the next checkpoint. For the generic reducer, every {@link #GENERIC_INTERVAL}
   * events, or further apart for a state so large that checkpoints would cost more than {@link
   * #BYTES_PER_EVENT} per event. For a JavaScript reducer, fewer for large states, whose
   * checkpoints cost more to convert.
   */
  private int interval(JsonNode state, int packedBytes) {
    if (options.checkpointInterval() > 0) {
      return options.checkpointInterval();
    }
    if (reducer.generic()) {
      return Math.max(GENERIC_INTERVAL, Math.min(4096, packedBytes / BYTES_PER_EVENT));
    }
    long nodes = nodes(state, 100_000);
    return (int) Math.max(64, Math.min(4096, nodes / 4 < 64 ? 256 : nodes / 4));
  }

  private static long nodes(JsonNode n, long cap) {
    long count = 1;
    if (n.isContainerNode()) {
      for (JsonNode child : n) {
        count += nodes(child, cap - count);
        if (count >= cap) {
          break;
        }
      }
    }
    return count;
  }

  private int index(StoredEvent e) {
    if (size == versions.length) {
      int n = size * 2;
      versions = Arrays.copyOf(versions, n);
      positions = Arrays.copyOf(positions, n);
      times = Arrays.copyOf(times, n);
      typeIds = Arrays.copyOf(typeIds, n);
    }
    versions[size] = e.version();
    positions[size] = e.position();
    times[size] = e.timestamp();
    typeIds[size] =
        typeIndex.computeIfAbsent(
            String.valueOf(e.type()),
            t -> {
              typeNames.add(t);
              return typeNames.size() - 1;
            });
    return size++;
  }

  // --------------------------------------------------------------------------------- the points

  /** The state after the event at {@code ordinal}; -1 gives the initial state. */
  public synchronized JsonNode stateAfter(int ordinal) {
    checkOrdinal(ordinal);
    int applied = ordinal + 1;
    if (applied == size) {
      return finalState;
    }
    Start start = startFor(applied);
    if (start.applied == applied) {
      return start.state;
    }
    fold.reset(start.state);
    read(
        start.applied,
        ordinal,
        foldQuery(),
        (o, event) -> {
          if (!errors.containsKey(o)) {
            fold.apply(event);
          }
          return true;
        });
    JsonNode state;
    try {
      state = fold.state();
    } catch (ReducerException notJson) {
      // a state that is not JSON between two checkpoints: find its event, then try again
      int from = checkpoints.floorKey(applied);
      List<StoredEvent> segment = new ArrayList<>();
      forEach(from, ordinal, (o, event) -> segment.add(event));
      state = refold(checkpoint(from), segment, from, segment.size());
    }
    remember(applied, state);
    return state;
  }

  /**
   * Where a fold to {@code applied} events starts: the cursor when it is nearer than a checkpoint.
   */
  private Start startFor(int applied) {
    int checkpoint = checkpoints.floorKey(applied);
    if (cursorApplied >= checkpoint && cursorApplied <= applied) {
      return new Start(cursorApplied, cursorState);
    }
    return new Start(checkpoint, checkpoint(checkpoint));
  }

  private record Start(int applied, JsonNode state) {}

  private JsonNode checkpoint(int applied) {
    return applied == 0 ? initial : checkpoints.get(applied).unpack();
  }

  private void remember(int applied, JsonNode state) {
    cursorApplied = applied;
    cursorState = state;
  }

  /**
   * One event and the states around it, computed in one fold: what a view needs to show an event
   * and what it changed.
   *
   * @param ordinal the event's place (-1: the initial state, with no event)
   * @param before the state before the event
   * @param after the state after the event
   * @param event the event as stored, or null for ordinal -1
   * @param upcast the event as the handlers saw it when an upcaster changed it, else null
   * @param error the reducer error at this event, or null
   * @param changes what the event changed (computed with the point, off the UI thread)
   */
  public record Point(
      int ordinal,
      JsonNode before,
      JsonNode after,
      StoredEvent event,
      JsonNode upcast,
      ReducerError error,
      List<Change> changes) {

    Point(
        int ordinal,
        JsonNode before,
        JsonNode after,
        StoredEvent event,
        JsonNode upcast,
        ReducerError error) {
      this(ordinal, before, after, event, upcast, error, JsonDiff.diff(before, after));
    }
  }

  /**
   * The event at {@code ordinal} with the states before and after it, folded from the nearest start
   * (the cursor or a checkpoint): stepping forward reads and folds only the new event.
   */
  public synchronized Point point(int ordinal) {
    checkOrdinal(ordinal);
    if (ordinal < 0) {
      return new Point(-1, initial, initial, null, null, null);
    }
    Start start = startFor(ordinal);
    ReducerError error = errors.get(ordinal);
    try {
      fold.reset(start.state);
      read(
          start.applied,
          ordinal - 1,
          foldQuery(),
          (o, e) -> {
            if (!errors.containsKey(o)) {
              fold.apply(e);
            }
            return true;
          });
      JsonNode before = start.applied == ordinal ? start.state : fold.state();
      StoredEvent event = event(ordinal);
      if (error != null) {
        remember(ordinal + 1, before);
        return new Point(ordinal, before, before, event, null, error);
      }
      Step step = fold.apply(event);
      JsonNode after = fold.state();
      remember(ordinal + 1, after);
      return new Point(ordinal, before, after, event, step.upcast(), null);
    } catch (ReducerException notJson) {
      // a state that is not JSON near this event: the careful path finds it
      StoredEvent event = event(ordinal);
      JsonNode before = stateAfter(ordinal - 1);
      JsonNode after = error != null ? before : stateAfter(ordinal);
      return new Point(
          ordinal, before, after, event, error != null ? null : upcastOf(event), error);
    }
  }

  private JsonNode upcastOf(StoredEvent event) {
    try {
      return reducer.upcast(event);
    } catch (ReducerException e) {
      return null;
    }
  }

  /** The final state. */
  public JsonNode finalState() {
    return finalState;
  }

  /** The ordinal of the last event with a version ≤ {@code version}; -1 when there is none. */
  public int ordinalAtVersion(long version) {
    int lo = 0;
    int hi = size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (versions[mid] <= version) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * The ordinal of the last event whose time is at or before {@code instant} (times need not grow;
   * events without a time are passed over); -1 when there is none.
   */
  public int ordinalAsOf(Instant instant) {
    for (int o = size - 1; o >= 0; o--) {
      if (times[o] != null && !times[o].isAfter(instant)) {
        return o;
      }
    }
    return -1;
  }

  /** The ordinal of the event with exactly this version, or -1. */
  public int ordinalOfVersion(long version) {
    int o = ordinalAtVersion(version);
    return o >= 0 && versions[o] == version ? o : -1;
  }

  // ------------------------------------------------------------------------------- the events

  /**
   * Reads events {@code from..to} (ordinals, inclusive) from the store, in order. Not synchronized:
   * it reads only the index, which is fixed once built, so a long walk (find, search) never holds
   * up a step.
   */
  public void forEach(int from, int to, EventVisitor visitor) {
    forEachWhile(
        from,
        to,
        (o, e) -> {
          visitor.visit(o, e);
          return true;
        });
  }

  /** Like {@link #forEach}, stopping when {@code visitor} returns false. */
  public void forEachWhile(int from, int to, EventCondition visitor) {
    read(from, to, EventQuery.stream(stream.stream()), visitor);
  }

  /** Reads events {@code from..to} (ordinals, inclusive) with {@code query}'s columns. */
  private void read(int from, int to, EventQuery query, EventCondition visitor) {
    if (from > to) {
      return;
    }
    checkOrdinal(from);
    checkOrdinal(to);
    long firstVersion = versions[from];
    long firstPosition = positions[from];
    int[] ordinal = {from};
    source.read(
        query.withVersions(firstVersion, versions[to]),
        event -> {
          if (event.version() == firstVersion && event.position() < firstPosition) {
            return true; // an earlier event with the same version: before `from`
          }
          if (!visitor.visit(ordinal[0], event)) {
            return false;
          }
          return ++ordinal[0] <= to;
        });
  }

  /** Receives events read from the store, with their ordinals; returns false to stop reading. */
  @FunctionalInterface
  public interface EventCondition {
    boolean visit(int ordinal, StoredEvent event);
  }

  /** The event at {@code ordinal}, read from the store. */
  public StoredEvent event(int ordinal) {
    StoredEvent[] found = new StoredEvent[1];
    forEach(ordinal, ordinal, (o, e) -> found[0] = e);
    return found[0];
  }

  /**
   * Folds the whole stream again from the start into {@code fold} (a fresh one of the same reducer,
   * or another view of it), calling {@code visitor} after each event. Known reducer errors are
   * skipped, as in the replay.
   */
  public void walk(Fold walker, StepVisitor visitor) {
    walk(walker, visitor, Progress.NONE);
  }

  /**
   * Like {@link #walk(Fold, StepVisitor)}, reporting progress now and then.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public void walk(Fold walker, StepVisitor visitor, Progress progress) {
    walker.reset(null);
    if (size == 0) {
      return;
    }
    forEachWhile(
        0,
        size - 1,
        (o, event) -> {
          Step step = errors.containsKey(o) ? null : walker.apply(event);
          visitor.visit(o, event, step);
          return (o & 255) != 0 || progress.report(o, size) || cancelled(o);
        });
  }

  private boolean cancelled(int ordinal) {
    throw new CancellationException("cancelled at event " + ordinal + " of " + size);
  }

  /** Receives events read from the store, with their ordinals. */
  @FunctionalInterface
  public interface EventVisitor {
    void visit(int ordinal, StoredEvent event);
  }

  /**
   * Receives each event after a walker folded it; {@code step} is null for a known reducer error.
   */
  @FunctionalInterface
  public interface StepVisitor {
    void visit(int ordinal, StoredEvent event, Step step);
  }

  // ------------------------------------------------------------------------------- the index

  public StreamSummary stream() {
    return stream;
  }

  public Reducer reducer() {
    return reducer;
  }

  /** How many events the stream has. */
  public int size() {
    return size;
  }

  public long version(int ordinal) {
    checkOrdinal(ordinal);
    return versions[ordinal];
  }

  public long position(int ordinal) {
    checkOrdinal(ordinal);
    return positions[ordinal];
  }

  /** The event's time, or null when the store has none for it. */
  public Instant timestamp(int ordinal) {
    checkOrdinal(ordinal);
    return times[ordinal];
  }

  /** The events' types as ids into {@link #typeNames()}, in stream order (a copy). */
  public int[] typeIds() {
    return Arrays.copyOf(typeIds, size);
  }

  /** The distinct event types, in order of first appearance. */
  public List<String> typeNames() {
    return List.copyOf(typeNames);
  }

  public String type(int ordinal) {
    checkOrdinal(ordinal);
    return typeNames.get(typeIds[ordinal]);
  }

  /** Reducer errors by ordinal. */
  public NavigableMap<Integer, ReducerError> errors() {
    return Collections.unmodifiableNavigableMap(errors);
  }

  /**
   * An event type no handler took: how many events of it, and the first one's ordinal.
   *
   * @param type the type as stored ({@code "null"} for events without one)
   */
  public record UnhandledType(String type, int events, int firstOrdinal) {}

  /** The event types no handler took, in order of first appearance. */
  public List<UnhandledType> unhandledTypes() {
    return List.copyOf(unhandledTypes.values());
  }

  /** How many events no handler took (they left the state unchanged). */
  public int unhandled() {
    return unhandled;
  }

  /** How many checkpoints the replay keeps (the initial state counts as one). */
  public int checkpointCount() {
    return checkpoints.size();
  }

  private void checkOrdinal(int ordinal) {
    if (ordinal < -1 || ordinal >= size) {
      throw new IndexOutOfBoundsException("no event " + ordinal + " in a stream of " + size);
    }
  }
}
