package dev.hindsight.ui;

/**
 * Where the events table scrolls to keep the current row in view, with no toolkit. The row goes a
 * few rows below the top, so the events before it stay in sight; at a large zoom, when only a few
 * rows fit, that margin shrinks so the row itself never falls below the bottom edge. Near the end
 * of the stream the last row sits on the bottom edge: a flow scrolled further would fill the room
 * below with empty rows, which is where JavaFX's "index exceeds maxCellCount" came from.
 */
final class RowScroll {

  /** How many rows stay in sight above the current one, room permitting. */
  static final int MARGIN = 3;

  /** Scroll so that the last row ends at the bottom edge. */
  static final int TO_END = -1;

  private RowScroll() {}

  /**
   * The row to put at the top, or {@link #TO_END}.
   *
   * @param index the current row
   * @param size the number of rows
   * @param rows how many whole rows fit in the viewport (at least 1 is assumed)
   */
  static int top(int index, int size, int rows) {
    int fit = Math.max(1, rows);
    int margin = Math.min(MARGIN, (fit - 1) / 2);
    int top = Math.max(0, index - margin);
    if (size > fit && top + fit >= size) {
      return TO_END;
    }
    return top;
  }

  /**
   * Whether {@code index} lies wholly within the rows {@code first} .. {@code last} shown whole.
   */
  static boolean inView(int index, int first, int last) {
    return index >= first && index <= last;
  }
}
