package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The store as of a point: the state of every stream of an aggregate type after its last event at
 * or before a time (or a global position), exactly as {@link StreamReplay#ordinalAsOf} and {@link
 * StreamReplay#stateAfter} give it for one stream.
 *
 * <p>Each stream is read and folded once, in version order, without checkpoints; the state is taken
 * when the fold passes its last event by then (events after it may still be read: a later version
 * may carry an earlier time). A stream whose fold meets a reducer error is folded again by {@link
 * StreamReplay}, which knows how to carry on past one, so the result is the same either way.
 */
public final class StoreStates {

  private StoreStates() {}

  /** One stream's state as of the point. */
  public record StreamState(String stream, long version, JsonNode state) {}

  /**
   * Which events count by then: the last of a stream's events (in version order) that counts is the
   * one its state is taken after.
   */
  @FunctionalInterface
  public interface Point {

    /** Whether an event at this global position and time counts. */
    boolean counts(long position, Instant timestamp);

    /** Events at or before a time; events with no time never count. */
    static Point asOf(Instant time) {
      return (position, timestamp) -> timestamp != null && !timestamp.isAfter(time);
    }

    /** Events at or before a global position. */
    static Point atPosition(long at) {
      return (position, timestamp) -> position <= at;
    }
  }

  /**
   * The states of the streams, in the order given, leaving out those with no event by then.
   *
   * @param errors gets each reducer error met on the way to a state (the state stays as it was
   *     before that event, as {@link StreamReplay} does)
   * @param progress told of each stream done; may cancel
   * @throws ReducerException with {@code options.strict()}, at the first reducer error
   */
  public static List<StreamState> of(
      EventSource source,
      List<StreamSummary> streams,
      ReducerSet reducers,
      Point point,
      ReplayOptions options,
      Consumer<ReducerError> errors,
      Progress progress) {
    List<StreamState> states = new ArrayList<>();
    int done = 0;
    for (StreamSummary s : streams) {
      Reducer reducer = reducers.forStream(s.stream(), s.type());
      StreamState state = fast(source, s, reducer, point);
      if (state == FOLD_AGAIN) {
        state = careful(source, s, reducer, point, options, errors);
      }
      if (state != null) {
        states.add(state);
      }
      if (!progress.report(++done, streams.size())) {
        throw new CancellationException("states cancelled");
      }
    }
    return states;
  }

  /** The answer of {@link #fast} when a reducer error means the careful fold has to do it. */
  private static final StreamState FOLD_AGAIN = new StreamState("", -1, null);

  /**
   * One plain fold of the stream; the state is taken (converted to JSON) only when the fold moves
   * past an event that counts onto one that does not, and at the end.
   */
  private static StreamState fast(
      EventSource source, StreamSummary s, Reducer reducer, Point point) {
    Fold fold = reducer.newFold(s.stream(), s.type());
    fold.reset(null);
    EventQuery query = EventQuery.stream(s.stream());
    boolean[] failed = {false};
    boolean[] pending = {false};
    long[] version = {0};
    boolean[] any = {false};
    JsonNode[] taken = {null};
    try {
      source.read(
          reducer.readsMetadata() ? query : query.withoutMetadata(),
          e -> {
            boolean counts = point.counts(e.position(), e.timestamp());
            if (!counts && pending[0]) {
              taken[0] = fold.state();
              pending[0] = false;
            }
            if (fold.apply(e).outcome() == Step.Outcome.ERROR) {
              failed[0] = true;
              return false;
            }
            if (counts) {
              pending[0] = true;
              version[0] = e.version();
              any[0] = true;
            }
            return true;
          });
      if (failed[0]) {
        return FOLD_AGAIN;
      }
      if (pending[0]) {
        taken[0] = fold.state();
      }
    } catch (ReducerException notJson) {
      return FOLD_AGAIN; // a state that is not JSON: the careful fold finds its event
    }
    return any[0] ? new StreamState(s.stream(), version[0], taken[0]) : null;
  }

  /** The replay's own way, with checkpoints and reducer errors. */
  private static StreamState careful(
      EventSource source,
      StreamSummary s,
      Reducer reducer,
      Point point,
      ReplayOptions options,
      Consumer<ReducerError> errors) {
    StreamReplay replay = StreamReplay.build(source, s, reducer, options, Progress.NONE);
    int target = -1;
    for (int o = replay.size() - 1; o >= 0 && target < 0; o--) {
      if (point.counts(replay.position(o), replay.timestamp(o))) {
        target = o;
      }
    }
    if (target < 0) {
      return null;
    }
    int last = target;
    replay
        .errors()
        .forEach(
            (o, error) -> {
              if (o <= last) {
                errors.accept(error);
              }
            });
    return new StreamState(s.stream(), replay.version(target), replay.stateAfter(target));
  }
}
