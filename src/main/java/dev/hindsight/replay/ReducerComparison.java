package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Which histories does my fix change, and how?": every stream either reducer set applies to,
 * folded with both in one pass ({@link AllStreams}), the states compared after every event. For
 * each stream where they differ, the first event after which they do and what B's state has that
 * A's has not. States compare as JSON values: the order of an object's keys does not count.
 */
public final class ReducerComparison {

  /** Which side: the reducers given first (A) or those compared against them (B). */
  public enum Side {
    A,
    B
  }

  /** The first event after which the two states differ, and how (A's state → B's). */
  public record Difference(
      String stream, long version, long position, String type, List<Change> changes) {}

  /** A reducer error on one side; that side's state stays as it was and the fold goes on. */
  public record SideError(ReducerError error, Side side) {}

  /**
   * What the comparison found.
   *
   * @param streams how many streams were compared
   * @param differ the streams that differ, in stream-id order
   * @param errors reducer errors, by stream and version
   */
  public record Result(int streams, List<Difference> differ, List<SideError> errors) {

    public int same() {
      return streams - differ.size();
    }
  }

  private final ReducerSet a;
  private final ReducerSet b;

  public ReducerComparison(ReducerSet a, ReducerSet b) {
    this.a = a;
    this.b = b;
  }

  /** The streams of {@code candidates} either set applies to (a reducer other than the generic). */
  public List<StreamSummary> streams(List<StreamSummary> candidates) {
    return candidates.stream()
        .filter(
            s ->
                !a.forStream(s.stream(), s.type()).generic()
                    || !b.forStream(s.stream(), s.type()).generic())
        .toList();
  }

  /**
   * Compares the streams of {@code candidates} that either set applies to; {@code onDifference}
   * hears of each difference as it is found, on a worker thread.
   *
   * @throws java.util.concurrent.CancellationException when {@code progress} cancels
   */
  public Result run(
      EventSource source,
      List<StreamSummary> candidates,
      Consumer<Difference> onDifference,
      Progress progress) {
    List<StreamSummary> streams = streams(candidates);
    List<Difference> differ = Collections.synchronizedList(new ArrayList<>());
    List<SideError> errors = Collections.synchronizedList(new ArrayList<>());
    AllStreams.run(
        source,
        streams,
        s ->
            new Job(
                source,
                s,
                d -> {
                  differ.add(d);
                  onDifference.accept(d);
                },
                errors::add),
        progress);
    List<Difference> sorted = new ArrayList<>(differ);
    sorted.sort(Comparator.comparing(Difference::stream));
    List<SideError> sortedErrors = new ArrayList<>(errors);
    sortedErrors.sort(
        Comparator.comparing((SideError e) -> e.error().stream())
            .thenComparingLong(e -> e.error().version())
            .thenComparing(SideError::side));
    return new Result(streams.size(), List.copyOf(sorted), List.copyOf(sortedErrors));
  }

  /** One stream folded with both sets until their states first differ. */
  private final class Job implements AllStreams.StreamJob {
    private final StreamSummary stream;
    private final Consumer<Difference> onDifference;
    private final Consumer<SideError> onError;
    private final EventSource source;
    private final Reducer ra;
    private final Reducer rb;
    private StreamFold fa;
    private StreamFold fb;

    Job(
        EventSource source,
        StreamSummary stream,
        Consumer<Difference> onDifference,
        Consumer<SideError> onError) {
      this.source = source;
      this.stream = stream;
      this.onDifference = onDifference;
      this.onError = onError;
      this.ra = a.forStream(stream.stream(), stream.type());
      this.rb = b.forStream(stream.stream(), stream.type());
    }

    @Override
    public boolean readsMetadata() {
      return ra.readsMetadata() || rb.readsMetadata();
    }

    @Override
    public void around(Runnable reading) {
      fa = start(ra, Side.A);
      fb = start(rb, Side.B);
      if (fa != null && fb != null) {
        reading.run();
      }
    }

    private StreamFold start(Reducer reducer, Side side) {
      return StreamFold.start(source, stream, reducer, e -> onError.accept(new SideError(e, side)));
    }

    @Override
    public boolean accept(StoredEvent event) {
      JsonNode sa = step(fa, event, Side.A);
      JsonNode sb = step(fb, event, Side.B);
      if (sa.equals(sb)) {
        return true;
      }
      onDifference.accept(
          new Difference(
              stream.stream(),
              event.version(),
              event.position(),
              event.type(),
              JsonDiff.diff(sa, sb)));
      return false;
    }

    private JsonNode step(StreamFold fold, StoredEvent event, Side side) {
      ReducerError error = fold.apply(event);
      if (error != null) {
        onError.accept(new SideError(error, side));
      }
      return fold.state(event, e -> onError.accept(new SideError(e, side)));
    }
  }
}
