package dev.hindsight.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The JavaFX application. Started through {@link dev.hindsight.Main} (which does not extend {@code
 * Application}) as {@code hindsight [FILE] [--mapping M] [--reducer R] [--stream ID] [--at V]
 * [--measure-stalls]} ({@link WindowArgs}); with no file it opens a fresh copy of the bundled demo
 * store, with the demo reducers, and starts the demo tour.
 */
public final class HindsightApp extends Application {

  /**
   * JavaFX warns at start-up that it runs from the classpath, which is how this jar is meant to
   * run; its logger is quietened for the start-up only. Held in a field: a logger nobody references
   * may be collected, and its level with it.
   */
  private static final Logger FX_LOG = Logger.getLogger("javafx");

  private Stage mainStage;
  private MainWindow mainWindow;
  private Settings settings;
  private final List<MainWindow> others = new ArrayList<>();

  /** Starts the toolkit and the window; returns when the window is closed. */
  public static void start(String[] args) {
    try {
      WindowArgs.parse(List.of(args)); // mistakes get one clear line, before any window
    } catch (IllegalArgumentException e) {
      System.err.println("hindsight: " + e.getMessage());
      System.exit(2);
    }
    FX_LOG.setLevel(Level.SEVERE);
    Application.launch(HindsightApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    FX_LOG.setLevel(null); // started: JavaFX's warnings from now on are worth seeing
    settings = Settings.user();
    Settings.apply(settings.theme());
    WindowArgs args = WindowArgs.parse(getParameters().getRaw());
    mainStage = stage;
    mainWindow = WindowFactory.build(stage, settings, Platform::exit, this::openWindow);
    settings.restore(stage);
    stage.show();
    WindowViewModel model = mainWindow.model();
    ExplorerViewModel explorer = model.explorer();
    if (args.measureStalls) {
      new StallScenario(
              model.tasks(),
              explorer,
              mainWindow::selectStream,
              report -> {
                System.out.println(report);
                System.out.flush();
              },
              Platform::exit)
          .start();
    }
    if (args.reducer != null) {
      explorer.loadReducers(args.reducer);
    }
    if (args.stream != null) {
      explorer
          .streams()
          .locationProperty()
          .addListener(
              (obs, old, location) -> {
                if (location != null && old == null) {
                  model.commands().openStream(args.stream, args.at);
                }
              });
    }
    if (args.target() != null) {
      explorer.streams().open(args.target());
    } else {
      model.commands().openDemo(args.stream == null && !args.measureStalls, args.reducer == null);
    }
  }

  /** Another window on another store; each window has its own store, streams and reducers. */
  void openWindow(StoreTarget target) {
    Stage stage = new Stage();
    MainWindow window = WindowFactory.build(stage, Settings.user(), stage::close, this::openWindow);
    stage.setWidth(1300);
    stage.setHeight(820);
    others.add(window);
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> others.remove(window));
    stage.show();
    window.model().explorer().streams().open(target);
  }

  @Override
  public void stop() {
    // here, not on close request: Quit (Ctrl+Q) ends the application without one
    if (mainStage != null) {
      settings.save(mainStage);
      mainWindow.saveLayout();
      mainWindow.dispose();
      mainWindow.model().close();
    }
    List.copyOf(others).forEach(w -> w.model().close());
  }
}
