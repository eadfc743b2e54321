package dev.hindsight.replay;

import dev.hindsight.event.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a reducer's invariants along one stream, event by event: for each invariant, where it
 * first broke and why, how long it stayed broken, where it recovered, and how often it broke again.
 * Only the first break is told in full; an auditor goes there first.
 */
public final class InvariantTracker {

  /**
   * How one invariant went wrong in a stream.
   *
   * @param invariant its name
   * @param version the version of the first event after which it did not hold
   * @param position that event's global position
   * @param type that event's type
   * @param why "returned false", or how the check failed
   * @param events how many consecutive events it stayed broken for, the first included
   * @param recoveredAt the version of the first event after which it held again; null when it
   *     stayed broken to the end of the stream
   * @param laterBreaks how many more times it broke after it recovered
   */
  public record Violation(
      String invariant,
      long version,
      long position,
      String type,
      String why,
      long events,
      Long recoveredAt,
      long laterBreaks) {

    /** Whether it held again before the end of the stream. */
    public boolean recovered() {
      return recoveredAt != null;
    }
  }

  /** One invariant's record so far. */
  private static final class Track {
    StoredEvent first;
    String why;
    long events;
    Long recoveredAt;
    long laterBreaks;
    boolean broken;
  }

  private final Map<String, Track> tracks = new LinkedHashMap<>();

  /** Follows {@code invariants}, named in the reducer's order. */
  public InvariantTracker(List<String> invariants) {
    for (String name : invariants) {
      tracks.put(name, new Track());
    }
  }

  /** Records the invariants that did not hold after {@code event} (name to why). */
  public void after(StoredEvent event, Map<String, String> broken) {
    tracks.forEach(
        (name, t) -> {
          String why = broken.get(name);
          if (why == null) {
            if (t.broken && t.recoveredAt == null) {
              t.recoveredAt = event.version();
            }
            t.broken = false;
            return;
          }
          if (t.first == null) {
            t.first = event;
            t.why = why;
          } else if (!t.broken) {
            t.laterBreaks++;
          }
          if (t.recoveredAt == null) {
            t.events++;
          }
          t.broken = true;
        });
  }

  /** The invariants that broke at least once, in the reducer's order. */
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    tracks.forEach(
        (name, t) -> {
          if (t.first != null) {
            out.add(
                new Violation(
                    name,
                    t.first.version(),
                    t.first.position(),
                    t.first.type(),
                    t.why,
                    t.events,
                    t.recoveredAt,
                    t.laterBreaks));
          }
        });
    return out;
  }
}
