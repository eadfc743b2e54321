package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One stream's fold in a single pass over its events, with {@link StreamReplay}'s rule for reducer
 * errors: the state after a failed event is as it was before it, and the fold goes on. When a
 * handler that threw may have changed the state in place, the stream is read again up to that event
 * and folded without the failed events (rare, so nothing is kept for it).
 */
public final class StreamFold {

  private final EventSource source;
  private final StreamSummary stream;
  private final Reducer reducer;
  private final Fold fold;
  private final Set<Long> failed = new HashSet<>();

  /**
   * @throws ReducerException when the reducer's initial state fails
   */
  public StreamFold(EventSource source, StreamSummary stream, Reducer reducer) {
    this.source = source;
    this.stream = stream;
    this.reducer = reducer;
    this.fold = reducer.newFold(stream.stream(), stream.type());
    fold.reset(null);
  }

  /**
   * A fold of the stream, or null when the reducer's initial state fails: {@code onError} then
   * hears of it as an error at version 0 of type {@code $init}, and the stream is left out.
   */
  public static StreamFold start(
      EventSource source, StreamSummary stream, Reducer reducer, Consumer<ReducerError> onError) {
    try {
      return new StreamFold(source, stream, reducer);
    } catch (ReducerException init) {
      onError.accept(new ReducerError(stream.stream(), 0, 0, "$init", init.getMessage()));
      return null;
    }
  }

  public Reducer reducer() {
    return reducer;
  }

  /** The running fold (its state is the state after the last event applied). */
  public Fold fold() {
    return fold;
  }

  /** Applies an event; returns the reducer error, or null when it was applied (or unhandled). */
  public ReducerError apply(StoredEvent event) {
    Step step = fold.apply(event);
    if (step.outcome() != Step.Outcome.ERROR) {
      return null;
    }
    return failed(event, step.error(), !fold.intact());
  }

  /**
   * The fold's state as JSON; when it is not JSON, that event becomes a reducer error (the state is
   * then as it was before it) and {@code onError} hears of it.
   */
  public JsonNode state(StoredEvent last, Consumer<ReducerError> onError) {
    try {
      return fold.state();
    } catch (ReducerException notJson) {
      onError.accept(failed(last, notJson.getMessage(), true));
      return fold.state();
    }
  }

  private ReducerError failed(StoredEvent event, String message, boolean refold) {
    failed.add(event.position());
    if (refold) {
      refoldBefore(event);
    }
    return new ReducerError(
        stream.stream(), event.version(), event.position(), event.type(), message);
  }

  /** Folds the stream again from its start up to (not including) {@code event}. */
  private void refoldBefore(StoredEvent event) {
    EventQuery query = EventQuery.stream(stream.stream());
    boolean[] again = {true};
    while (again[0]) {
      again[0] = false;
      fold.reset(null);
      source.read(
          reducer.readsMetadata() ? query : query.withoutMetadata(),
          e -> {
            if (e.position() == event.position()) {
              return false;
            }
            if (!failed.contains(e.position()) && fold.apply(e).outcome() == Step.Outcome.ERROR) {
              failed.add(e.position()); // failed now though not then: leave it out too
              again[0] = !fold.intact();
              return !again[0];
            }
            return true;
          });
    }
  }
}
