package dev.hindsight.ui.timeline;

/** Something worth seeing at one event of the timeline; {@code ordinal} -1 is the initial state. */
public record Marker(int ordinal, Kind kind) {

  /** What the marker says, which decides its glyph and where it sits. */
  public enum Kind {
    /** The reducer failed at this event: a red triangle under the strip. */
    ERROR,
    /** The event matches the current search: an accent bar under the strip. */
    SEARCH_HIT,
    /** The user bookmarked the event: a ribbon above the strip. */
    BOOKMARK,
    /** The left side of a comparison: an "A" label above the strip. */
    COMPARE_A,
    /** The right side of a comparison: a "B" label above the strip. */
    COMPARE_B
  }

  public Marker {
    if (kind == null) {
      throw new IllegalArgumentException("a marker needs a kind");
    }
  }
}
