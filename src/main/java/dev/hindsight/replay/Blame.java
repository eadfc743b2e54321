package dev.hindsight.replay;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of one value of the state: every event that changed it, with the value before and
 * after.
 */
public final class Blame {

  /**
   * One event that changed the value.
   *
   * @param ordinal the event's place in the stream
   * @param version the event's version
   * @param type the event's type
   * @param timestamp the event's time, or null
   * @param op added, removed or changed
   * @param oldValue the value before (null when added)
   * @param newValue the value after (null when removed)
   */
  public record Entry(
      int ordinal,
      long version,
      String type,
      Instant timestamp,
      Change.Op op,
      JsonNode oldValue,
      JsonNode newValue) {}

  private Blame() {}

  /**
   * Every event that changed the value at {@code pointer}, in stream order.
   *
   * @throws IllegalArgumentException when {@code pointer} is not a JSON pointer
   */
  public static List<Entry> of(StreamReplay replay, String pointer) {
    return of(replay, pointer, Progress.NONE);
  }

  /**
   * Like {@link #of(StreamReplay, String)}, with progress and cancel.
   *
   * @throws java.util.concurrent.CancellationException when {@code progress} asks to stop
   */
  public static List<Entry> of(StreamReplay replay, String pointer, Progress progress) {
    JsonPointer.compile(pointer); // says clearly when it is not a pointer
    Fold walker = replay.reducer().newFold(replay.stream().stream(), replay.stream().type());
    List<Entry> entries = new ArrayList<>();
    walker.reset(null);
    JsonNode[] before = {valueAt(walker, pointer)};
    replay.walk(
        walker,
        (ordinal, event, step) -> {
          if (step == null || step.outcome() != Step.Outcome.HANDLED) {
            return;
          }
          JsonNode after = valueAt(walker, pointer);
          JsonNode was = before[0];
          if (JsonDiff.equal(was, after)) {
            return;
          }
          Change.Op op =
              was.isMissingNode()
                  ? Change.Op.ADDED
                  : after.isMissingNode() ? Change.Op.REMOVED : Change.Op.CHANGED;
          entries.add(
              new Entry(
                  ordinal,
                  event.version(),
                  event.type(),
                  event.timestamp(),
                  op,
                  was.isMissingNode() ? null : was,
                  after.isMissingNode() ? null : after));
          before[0] = after;
        },
        progress);
    return entries;
  }

  private static JsonNode valueAt(Fold fold, String pointer) {
    try {
      return fold.valueAt(pointer);
    } catch (ReducerException notJson) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }
}
