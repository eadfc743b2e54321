package dev.hindsight.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The stores opened lately, most recent first, kept in Hindsight's own preferences (never the
 * store).
 */
public final class RecentFiles {

  static final int MAX = 10;
  private static final String KEY = "recent.";

  private final Preferences prefs;

  public RecentFiles(Preferences prefs) {
    this.prefs = prefs;
  }

  public static RecentFiles user() {
    return new RecentFiles(Preferences.userRoot().node("dev/hindsight"));
  }

  public List<Path> list() {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      String p = prefs.get(KEY + i, null);
      if (p != null) {
        files.add(Path.of(p));
      }
    }
    return files;
  }

  /** Puts {@code file} first, dropping a previous mention and the oldest beyond {@value #MAX}. */
  public void add(Path file) {
    List<Path> files = new ArrayList<>(list());
    Path abs = file.toAbsolutePath().normalize();
    files.remove(abs);
    files.add(0, abs);
    for (int i = 0; i < MAX; i++) {
      if (i < files.size()) {
        prefs.put(KEY + i, files.get(i).toString());
      } else {
        prefs.remove(KEY + i);
      }
    }
    // written to disk on a thread of its own: the window calls this as a store opens, and a
    // preferences file written on the FX thread is a visible pause (Java also writes them at exit)
    Thread flush =
        new Thread(
            () -> {
              try {
                prefs.flush();
              } catch (BackingStoreException | IllegalStateException ignored) {
                // recent files are a convenience; losing the list loses nothing else
              }
            },
            "hindsight-recent-files");
    flush.setDaemon(true);
    flush.start();
  }
}
