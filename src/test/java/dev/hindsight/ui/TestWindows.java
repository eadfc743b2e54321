package dev.hindsight.ui;

import dev.hindsight.store.sqlite.SqliteEventSource;
import java.util.prefs.Preferences;

/** Windows for the FX tests: the real window, with preferences of its own (not the user's). */
final class TestWindows {

  private TestWindows() {}

  /** An explorer on SQLite stores, on this runner. */
  static ExplorerViewModel explorer(TaskRunner tasks) {
    return new ExplorerViewModel(tasks, t -> SqliteEventSource.open(t.file(), t.mapping()));
  }

  /** The real window, on the fx() runner, with FxDialogs and preferences made for the test. */
  static MainWindow window() {
    return window(null);
  }

  /** The real window, on the fx() runner, asking {@code dialogs} (null: FxDialogs). */
  static MainWindow window(Dialogs dialogs) {
    return window(dialogs, Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime()));
  }

  /** The real window, with {@code prefs} as what an earlier session left. */
  static MainWindow window(Dialogs dialogs, Preferences prefs) {
    TaskRunner tasks = TaskRunner.fx();
    MainWindow[] self = {null};
    Settings settings = new Settings(prefs.node("window"));
    WindowViewModel model =
        new WindowViewModel(
            tasks,
            explorer(tasks),
            dialogs != null
                ? dialogs
                : new FxDialogs(
                    () ->
                        self[0] == null || self[0].getScene() == null
                            ? null
                            : self[0].getScene().getWindow()),
            new RecentFiles(prefs),
            settings);
    self[0] = new MainWindow(model, settings, () -> {});
    return self[0];
  }
}
