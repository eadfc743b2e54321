package dev.hindsight.ui;

import java.time.Instant;
import java.util.Arrays;

/**
 * The Log's index: each listed event's global position and time, in global order (8 + 8 bytes an
 * event), and what it says about the store over time: how many events fall in each stretch of time
 * ({@link #density}), and the first event at or after a time ({@link #rowAt}).
 */
final class LogIndex {

  /** A time the event does not have. */
  static final long NO_TIME = Long.MIN_VALUE;

  private long[] positions = new long[1 << 12];
  private long[] millis = new long[1 << 12];
  private int size;

  void add(long position, Instant time) {
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      millis = Arrays.copyOf(millis, size * 2);
    }
    positions[size] = position;
    millis[size] = time == null ? NO_TIME : time.toEpochMilli();
    size++;
  }

  /**
   * Takes the events' times, read apart (in global order, as the positions): the positions come
   * first, in a fraction of the time, so that the Log can be scrolled while its times are read.
   * Times beyond the positions (events written since) are left out.
   */
  void setTimes(long[] times) {
    System.arraycopy(times, 0, millis, 0, Math.min(size, times.length));
  }

  int size() {
    return size;
  }

  long position(int row) {
    return positions[row];
  }

  /** How many events fall in each of {@code buckets} equal stretches of the time they span. */
  record Density(Instant from, Instant to, int[] counts) {}

  /** The events over time, or null when none has a time. */
  Density density(int buckets) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      if (millis[i] != NO_TIME) {
        min = Math.min(min, millis[i]);
        max = Math.max(max, millis[i]);
      }
    }
    if (min > max) {
      return null;
    }
    int[] counts = new int[buckets];
    double span = Math.max(1, max - min);
    for (int i = 0; i < size; i++) {
      if (millis[i] != NO_TIME) {
        counts[(int) Math.min(buckets - 1, (millis[i] - min) / span * buckets)]++;
      }
    }
    return new Density(Instant.ofEpochMilli(min), Instant.ofEpochMilli(max), counts);
  }

  /**
   * The first row whose event happened at or after {@code time} (events in global order need not be
   * in time order: the first such in global order); the last row when none did; -1 when empty.
   */
  int rowAt(Instant time) {
    long t = time.toEpochMilli();
    for (int i = 0; i < size; i++) {
      if (millis[i] != NO_TIME && millis[i] >= t) {
        return i;
      }
    }
    return size - 1;
  }
}
