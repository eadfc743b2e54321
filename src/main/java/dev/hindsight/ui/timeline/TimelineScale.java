package dev.hindsight.ui.timeline;

import java.util.Arrays;

/**
 * Where events sit on the bar, with no toolkit: event {@code i} owns the slot {@code [x0 + i *
 * slot, x0 + (i + 1) * slot)} of a track {@code width} wide, and the initial state (-1) owns the
 * {@link #GUTTER} just left of the track, so a click or a drag past the start reaches it.
 *
 * @param x0 where the first event's slot starts
 * @param width the track's width, in pixels
 * @param size the number of events
 */
record TimelineScale(double x0, double width, int size) {

  /** The room left of the track that stands for the initial state. */
  static final double GUTTER = 12;

  /** Below this many pixels per event, ticks would merge: the bar draws a density strip. */
  static final double MIN_TICK = 3;

  double slot() {
    return size == 0 ? 0 : width / size;
  }

  /** True when every event gets its own tick. */
  boolean ticks() {
    return size > 0 && slot() >= MIN_TICK;
  }

  /** The ordinal under {@code x}, clamped to -1 .. size-1. */
  int ordinalAt(double x) {
    if (size == 0 || x < x0) {
      return -1;
    }
    long i = (long) Math.floor((x - x0) / slot());
    return (int) Math.min(i, size - 1);
  }

  /** Where the cursor stands for {@code ordinal}: the middle of its slot, or of the gutter. */
  double cursorX(int ordinal) {
    if (ordinal < 0 || size == 0) {
      return x0 - GUTTER / 2;
    }
    return x0 + (Math.min(ordinal, size - 1) + 0.5) * slot();
  }

  /** Clamps an ordinal to what a stream of {@code size} events can show. */
  static int clamp(int ordinal, int size) {
    return Math.max(-1, Math.min(ordinal, size - 1));
  }

  /**
   * Per pixel column: the type most of its events have, and how large a share of them that is.
   * Ordinals map evenly onto columns, so every column holds about the same number of events; what
   * tells columns apart is how mixed they are, which the share carries.
   *
   * @param dominant the dominant type id per column, -1 for unknown types
   * @param share the dominant type's share of the column's events, in (0, 1]
   */
  record Density(int[] dominant, float[] share) {

    int columns() {
      return dominant.length;
    }

    /**
     * The column that holds event {@code ordinal} of {@code size}, as {@link #density} split them.
     */
    int columnOf(int ordinal, int size) {
      int cols = columns();
      int c = (int) Math.min(cols - 1, (long) ordinal * cols / size);
      // columns start at floor(c * size / cols): step past any that start at or before ordinal
      while (c + 1 < cols && (long) (c + 1) * size / cols <= ordinal) {
        c++;
      }
      return c;
    }
  }

  /**
   * The density of {@code size} events over {@code columns} columns; {@code types[i]} is event i's
   * type id, and ids below 0 or events past the array's end count as unknown (-1). One pass over
   * the events: the bar calls it once per size, width or types change, never per frame.
   */
  static Density density(int[] types, int size, int columns) {
    int[] dominant = new int[Math.max(0, columns)];
    float[] share = new float[dominant.length];
    if (size <= 0 || columns <= 0) {
      Arrays.fill(dominant, -1);
      return new Density(dominant, share);
    }
    int maxId = -1;
    for (int i = 0; i < Math.min(size, types.length); i++) {
      maxId = Math.max(maxId, types[i]);
    }
    // counts[id + 1], so unknown (-1) has a slot; reset after each column, which keeps it O(N)
    int[] counts = new int[maxId + 2];
    for (int c = 0; c < columns; c++) {
      int lo = (int) ((long) c * size / columns);
      int hi = Math.max(lo + 1, (int) ((long) (c + 1) * size / columns));
      int best = -1;
      int bestCount = 0;
      for (int i = lo; i < hi; i++) {
        int id = typeOf(types, i);
        int n = ++counts[id + 1];
        if (n > bestCount) {
          bestCount = n;
          best = id;
        }
      }
      for (int i = lo; i < hi; i++) {
        counts[typeOf(types, i) + 1] = 0;
      }
      dominant[c] = best;
      share[c] = (float) bestCount / (hi - lo);
    }
    return new Density(dominant, share);
  }

  private static int typeOf(int[] types, int i) {
    return i < types.length && types[i] >= 0 ? types[i] : -1;
  }
}
