package dev.hindsight.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The stores opened lately, most recent first, each with the mapping it was opened with, kept in
 * Hindsight's own preferences (never the store). Writing them to disk ({@link #flush}) is slow
 * enough to be a visible pause: the window does it in the background.
 */
public final class RecentFiles {

  static final int MAX = 10;
  private static final String KEY = "recent.";
  private static final String MAPPING = ".mapping";

  private final Preferences prefs;

  public RecentFiles(Preferences prefs) {
    this.prefs = prefs;
  }

  public static RecentFiles user() {
    return new RecentFiles(Preferences.userRoot().node("dev/hindsight"));
  }

  public List<StoreTarget> list() {
    List<StoreTarget> files = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      String p = prefs.get(KEY + i, null);
      if (p != null) {
        String m = prefs.get(KEY + i + MAPPING, null);
        files.add(new StoreTarget(Path.of(p), m == null ? null : Path.of(m)));
      }
    }
    return files;
  }

  /**
   * Puts {@code target} first, dropping an earlier mention of its file (with whatever mapping) and
   * the oldest beyond {@value #MAX}.
   */
  public void add(StoreTarget target) {
    StoreTarget abs = target.absolute();
    List<StoreTarget> files = new ArrayList<>(list());
    files.removeIf(t -> t.file().equals(abs.file()));
    files.add(0, abs);
    write(files);
  }

  /** Forgets {@code file} (it is gone). */
  public void remove(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    List<StoreTarget> files = new ArrayList<>(list());
    if (files.removeIf(t -> t.file().equals(abs))) {
      write(files);
    }
  }

  private void write(List<StoreTarget> files) {
    for (int i = 0; i < MAX; i++) {
      if (i < files.size()) {
        prefs.put(KEY + i, files.get(i).file().toString());
        Path mapping = files.get(i).mapping();
        if (mapping == null) {
          prefs.remove(KEY + i + MAPPING);
        } else {
          prefs.put(KEY + i + MAPPING, mapping.toString());
        }
      } else {
        prefs.remove(KEY + i);
        prefs.remove(KEY + i + MAPPING);
      }
    }
  }

  /** Writes the list to disk (in the background: see the class). */
  public void flush() {
    try {
      prefs.flush();
    } catch (BackingStoreException | IllegalStateException ignored) {
      // recent files are a convenience; losing the list loses nothing else
    }
  }
}
