package dev.hindsight.ui;

import dev.hindsight.store.EventSource;
import dev.hindsight.store.open.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Builds a window: its task runner, its store (the one place the window names a store
 * implementation: everything else reads an {@code EventSource}), its view model and its nodes, on a
 * stage. Closing the stage stops everything that ran for the window.
 */
final class WindowFactory {

  private WindowFactory() {}

  /**
   * A window on {@code stage}: empty until something opens a store in it.
   *
   * @param quit what File › Quit does
   * @param onNewWindow what File › Open in New Window does with the chosen store
   */
  static MainWindow build(
      Stage stage, Settings settings, Runnable quit, Consumer<StoreTarget> onNewWindow) {
    TaskRunner tasks = TaskRunner.fx();
    ExplorerViewModel explorer = new ExplorerViewModel(tasks, WindowFactory::open);
    explorer.watchReducers(true);
    WindowViewModel model =
        new WindowViewModel(
            tasks, explorer, new FxDialogs(() -> stage), RecentFiles.user(), settings);
    model.commands().setOnNewWindow(onNewWindow);
    MainWindow window = new MainWindow(model, settings, quit);
    stage.setScene(new Scene(window)); // sized by the caller (the main window: as it was left)
    stage.getIcons().setAll(icons());
    stage
        .titleProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    window.storeName(null) == null
                        ? "Hindsight"
                        : window.storeName(null) + " — Hindsight",
                explorer.streams().locationProperty()));
    stage.setOnHidden(
        e -> {
          window.dispose();
          model.close();
        });
    return window;
  }

  /**
   * Opens a store, a file or a database server (with the password the user typed, if any), by
   * {@link Stores}: the window never knows which backend it reads.
   */
  static EventSource open(StoreTarget t) {
    if (t.isServer()) {
      return Stores.open(t.url(), t.password() == null ? null : t.password().reveal(), t.mapping());
    }
    return Stores.open(t.file().toString(), t.mapping());
  }

  /** The application icon (installers/icons), in the sizes title bars and task switchers use. */
  static List<Image> icons() {
    List<Image> out = new ArrayList<>();
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      var url = HindsightApp.class.getResource("icons/hindsight-" + size + ".png");
      if (url != null) {
        out.add(new Image(url.toExternalForm()));
      }
    }
    return out;
  }
}
