package dev.hindsight.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The stores opened lately, most recent first (files and database servers' URLs, never a password),
 * each with the mapping it was opened with, kept in Hindsight's own preferences (never the store).
 * Writing them to disk ({@link #flush}) is slow enough to be a visible pause: the window does it in
 * the background.
 */
public final class RecentFiles {

  static final int MAX = 10;
  private static final String KEY = "recent.";
  private static final String MAPPING = ".mapping";

  /** Before a server's URL in the list, so a file named like one is never taken for it. */
  private static final String URL = "url:";

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
        Path mapping = m == null ? null : Path.of(m);
        files.add(
            p.startsWith(URL)
                ? new StoreTarget(null, p.substring(URL.length()), mapping, null)
                : new StoreTarget(Path.of(p), mapping));
      }
    }
    return files;
  }

  /**
   * Puts {@code target} first (without its password), dropping an earlier mention of its file or
   * URL (with whatever mapping) and the oldest beyond {@value #MAX}.
   */
  public void add(StoreTarget target) {
    StoreTarget abs = target.absolute();
    List<StoreTarget> files = new ArrayList<>(list());
    files.removeIf(t -> t.location().equals(abs.location()));
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
        StoreTarget t = files.get(i);
        prefs.put(KEY + i, t.isServer() ? URL + t.url() : t.file().toString());
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
