package dev.hindsight.ui;

import atlantafx.base.theme.PrimerLight;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started through {@link dev.hindsight.Main} (which does not extend {@code
 * Application}); opens the file named on the command line, or a fresh copy of the bundled demo
 * store.
 */
public final class HindsightApp extends Application {

  /**
   * JavaFX warns at start-up that it runs from the classpath, which is how this jar is meant to
   * run; its logger is quietened for the start-up only. Held in a field: a logger nobody references
   * may be collected, and its level with it.
   */
  private static final java.util.logging.Logger FX_LOG =
      java.util.logging.Logger.getLogger("javafx");

  /** Starts the toolkit and the window; returns when the window is closed. */
  public static void start(String[] args) {
    FX_LOG.setLevel(java.util.logging.Level.SEVERE);
    Application.launch(HindsightApp.class, args);
  }

  @Override
  public void start(Stage stage) throws IOException {
    FX_LOG.setLevel(null); // started: JavaFX's warnings from now on are worth seeing
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    StreamListViewModel model =
        new StreamListViewModel(TaskRunner.fx(), p -> SqliteEventSource.open(p, (Path) null));
    MainWindow window = new MainWindow(model, RecentFiles.user(), Platform::exit);
    Scene scene = new Scene(window, 1200, 720);
    stage.setTitle("Hindsight");
    stage
        .titleProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    model.fileProperty().get() == null
                        ? "Hindsight"
                        : model.fileProperty().get().getFileName() + " — Hindsight",
                model.fileProperty()));
    stage.setScene(scene);
    stage.show();
    List<String> args = getParameters().getUnnamed();
    model.open(args.isEmpty() ? DemoStore.copy() : Path.of(args.get(0)));
  }
}
