package dev.hindsight.ui;

import java.nio.file.Path;

/**
 * A store to open: its file, and the mapping file to read it with (null: the layout is detected).
 * What Open Recent remembers, so a store that needs a mapping opens with it again.
 */
public record StoreTarget(Path file, Path mapping) {

  public StoreTarget {
    if (file == null) {
      throw new IllegalArgumentException("a store target needs a file");
    }
  }

  /** A store whose layout is detected. */
  public static StoreTarget of(Path file) {
    return new StoreTarget(file, null);
  }

  /** The same, with paths made absolute (as remembered). */
  StoreTarget absolute() {
    return new StoreTarget(
        file.toAbsolutePath().normalize(),
        mapping == null ? null : mapping.toAbsolutePath().normalize());
  }

  /** The file, and the mapping when there is one: for a menu. */
  String label() {
    return mapping == null ? file.toString() : file + "  (mapping " + mapping.getFileName() + ")";
  }
}
