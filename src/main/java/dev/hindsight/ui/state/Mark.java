package dev.hindsight.ui.state;

/** What the current event did to a row; drives the row's pseudo-class. */
public enum Mark {
  /** Unchanged. */
  NONE,
  /** New at this event (or inside a value that is). */
  ADDED,
  /** A different value than before; the row also carries the old one. */
  CHANGED,
  /** Gone at this event: kept visible, with the value it had. */
  REMOVED,
  /** Unchanged itself, but something below it changed. */
  CONTAINS_CHANGE
}
