package dev.hindsight.store;

import dev.hindsight.store.EventSource.PositionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The global positions below the highest one a follower has handed over that it has not seen: each
 * may be a transaction still in flight (it took its position and has not committed yet) or one that
 * rolled back, or a row the layout does not count. Each gap is watched until its deadline (when it
 * was opened plus the timeout), then given up, as Axon's {@code GapAwareTrackingToken} and Pekko's
 * {@code JournalSequenceActor} do; at most {@code max} gaps are kept, the lowest given up first.
 * Memory is bounded by that count, not by the size of the gaps (a gap is a range).
 */
final class PositionGaps {

  /** A gap: its last position and when it is given up (by the follower's clock). */
  private record Gap(long to, long deadline) {}

  private final TreeMap<Long, Gap> gaps = new TreeMap<>();
  private final long timeout;
  private final int max;

  /**
   * @param timeout how long a gap is watched, in the clock's units
   * @param max how many gaps are kept at most
   */
  PositionGaps(long timeout, int max) {
    this.timeout = timeout;
    this.max = max;
  }

  /** Positions {@code from} to {@code to} were not seen as of {@code now}: watch them. */
  void open(long from, long to, long now) {
    if (from > to) {
      return;
    }
    gaps.put(from, new Gap(to, now + timeout));
    while (gaps.size() > max) {
      gaps.pollFirstEntry();
    }
  }

  /** Whether {@code position} was in a gap (and no longer is: it was seen). */
  boolean fill(long position) {
    Map.Entry<Long, Gap> e = gaps.floorEntry(position);
    if (e == null || e.getValue().to() < position) {
      return false;
    }
    long from = e.getKey();
    Gap gap = e.getValue();
    gaps.remove(from);
    if (from < position) {
      gaps.put(from, new Gap(position - 1, gap.deadline()));
    }
    if (position < gap.to()) {
      gaps.put(position + 1, new Gap(gap.to(), gap.deadline()));
    }
    return true;
  }

  /** Gives up the gaps whose deadline is past. */
  void expire(long now) {
    gaps.values().removeIf(g -> g.deadline() - now <= 0);
  }

  boolean isEmpty() {
    return gaps.isEmpty();
  }

  /** The gaps, lowest first. */
  List<PositionRange> ranges() {
    List<PositionRange> list = new ArrayList<>(gaps.size());
    gaps.forEach((from, g) -> list.add(new PositionRange(from, g.to())));
    return list;
  }
}
