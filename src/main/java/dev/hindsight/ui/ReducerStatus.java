package dev.hindsight.ui;

import java.nio.file.Path;

/**
 * What happened to the window's reducers last: a typed value the window decides on (a failed load
 * gets a dialog, a failed reload only a line), and the line the status bar shows.
 *
 * @param kind what happened
 * @param path the reducer file or folder it happened to (null for the generic reducer)
 * @param detail why it failed, for the failures; else null
 */
public record ReducerStatus(Kind kind, Path path, String detail) {

  /** What happened. */
  public enum Kind {
    /** The generic reducer, nothing loaded: no line. */
    NONE,
    LOADING,
    LOADED,
    /** Loading failed: the reducers in use before stay. */
    FAILED,
    /** The watched file changed and is read again. */
    RELOADING,
    RELOADED,
    /** The changed file did not load: the last good reducers stay. */
    RELOAD_FAILED,
    /** Loaded, but changes to the file cannot be watched. */
    NOT_WATCHED
  }

  static final ReducerStatus NONE = new ReducerStatus(Kind.NONE, null, null);

  /** The status bar's line (empty for {@link Kind#NONE}). */
  public String text() {
    String name = path == null ? "" : String.valueOf(path.getFileName());
    return switch (kind) {
      case NONE -> "";
      case LOADING -> "Loading reducers from " + name + "…";
      case LOADED -> "Reducers loaded from " + name;
      case FAILED -> "Reducers not loaded: " + detail;
      case RELOADING -> "Reloading " + name + "…";
      case RELOADED -> "Reducers reloaded from " + name;
      case RELOAD_FAILED -> "Reducers not reloaded (the last good ones stay): " + detail;
      case NOT_WATCHED -> "Not watching " + name + " for changes: " + detail;
    };
  }
}
