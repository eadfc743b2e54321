package dev.hindsight.ui;

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
 * Application}) as {@code hindsight [FILE] [--reducer R] [--stream ID] [--at V]
 * [--measure-stalls]}; with no file it opens a fresh copy of the bundled demo store, with the demo
 * reducers, and starts the demo tour.
 */
public final class HindsightApp extends Application {

  /**
   * JavaFX warns at start-up that it runs from the classpath, which is how this jar is meant to
   * run; its logger is quietened for the start-up only. Held in a field: a logger nobody references
   * may be collected, and its level with it.
   */
  private static final java.util.logging.Logger FX_LOG =
      java.util.logging.Logger.getLogger("javafx");

  private ExplorerViewModel model;
  private Stage mainStage;
  private MainWindow mainWindow;
  private Settings settings;
  private final java.util.List<ExplorerViewModel> others = new java.util.ArrayList<>();

  /** Starts the toolkit and the window; returns when the window is closed. */
  public static void start(String[] args) {
    try {
      LaunchArgs.parse(List.of(args)); // mistakes get one clear line, before any window
    } catch (IllegalArgumentException e) {
      System.err.println("hindsight: " + e.getMessage());
      System.exit(2);
    }
    FX_LOG.setLevel(java.util.logging.Level.SEVERE);
    Application.launch(HindsightApp.class, args);
  }

  @Override
  public void start(Stage stage) throws IOException {
    FX_LOG.setLevel(null); // started: JavaFX's warnings from now on are worth seeing
    Settings settings = Settings.user();
    Settings.apply(settings.theme());
    LaunchArgs args = LaunchArgs.parse(getParameters().getRaw());
    model = new ExplorerViewModel(TaskRunner.fx(), p -> SqliteEventSource.open(p, (Path) null));
    model.watchReducers(true);
    MainWindow window = new MainWindow(model, RecentFiles.user(), Platform::exit, settings);
    window.setOnNewWindow(this::openWindow);
    Scene scene = new Scene(window);
    settings.restore(stage);
    this.mainStage = stage;
    this.mainWindow = window;
    this.settings = settings;
    stage.setTitle("Hindsight");
    stage
        .titleProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    model.streams().fileProperty().get() == null
                        ? "Hindsight"
                        : model.streams().fileProperty().get().getFileName() + " — Hindsight",
                model.streams().fileProperty()));
    stage.setScene(scene);
    stage.getIcons().setAll(icons());
    stage.show();
    if (args.measureStalls()) {
      new StallScenario(
              model,
              window::selectStream,
              report -> {
                System.out.println(report);
                System.out.flush();
              },
              Platform::exit)
          .start();
    }
    if (args.reducer() != null) {
      model.loadReducers(args.reducer());
    }
    if (args.stream() != null) {
      onFirstOpen(
          file -> {
            if (model.openStream(args.stream(), args.at() == null ? Long.MAX_VALUE : args.at())) {
              window.selectStream(args.stream());
            } else {
              window.showError(
                  "No such stream", "There is no stream '" + args.stream() + "' in " + file + ".");
            }
          });
    }
    if (args.file() != null) {
      model.streams().open(args.file());
    } else {
      // the demo: a copy of the bundled store, with its reducers and its tour
      Path demo = DemoStore.copy();
      if (args.reducer() == null) {
        model.loadReducers(DemoStore.reducersOf(demo));
      }
      if (args.stream() == null && !args.measureStalls()) {
        onFirstOpen(file -> window.startTour(DemoStore::tour));
      }
      model.streams().open(demo);
    }
  }

  /** Runs {@code action} with the first store the window opens, once it is listed. */
  private void onFirstOpen(java.util.function.Consumer<Path> action) {
    model
        .streams()
        .fileProperty()
        .addListener(
            (obs, old, file) -> {
              if (file != null && old == null) {
                action.accept(file);
              }
            });
  }

  /** Another window on another store; each window has its own store, streams and reducers. */
  void openWindow(Path file) {
    ExplorerViewModel vm =
        new ExplorerViewModel(TaskRunner.fx(), p -> SqliteEventSource.open(p, (Path) null));
    vm.watchReducers(true);
    others.add(vm);
    Stage stage = new Stage();
    MainWindow window = new MainWindow(vm, RecentFiles.user(), stage::close, Settings.user());
    window.setOnNewWindow(this::openWindow);
    stage.setScene(new Scene(window, 1300, 820));
    stage.getIcons().setAll(icons());
    stage
        .titleProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.streams().fileProperty().get() == null
                        ? "Hindsight"
                        : vm.streams().fileProperty().get().getFileName() + " — Hindsight",
                vm.streams().fileProperty()));
    stage.setOnHidden(
        e -> {
          window.dispose();
          vm.close();
          others.remove(vm);
        });
    stage.show();
    vm.streams().open(file);
  }

  /** The application icon (installers/icons), in the sizes title bars and task switchers use. */
  static java.util.List<javafx.scene.image.Image> icons() {
    java.util.List<javafx.scene.image.Image> out = new java.util.ArrayList<>();
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      var url = HindsightApp.class.getResource("icons/hindsight-" + size + ".png");
      if (url != null) {
        out.add(new javafx.scene.image.Image(url.toExternalForm()));
      }
    }
    return out;
  }

  @Override
  public void stop() {
    // here, not on close request: Quit (Ctrl+Q) ends the application without one
    if (mainStage != null) {
      settings.save(mainStage);
      mainWindow.saveLayout();
      mainWindow.dispose();
    }
    if (model != null) {
      model.close();
    }
    others.forEach(ExplorerViewModel::close);
  }

  /**
   * The window's command line: {@code [FILE] [--reducer R] [--stream ID] [--at V]
   * [--measure-stalls]}.
   */
  record LaunchArgs(Path file, Path reducer, String stream, Long at, boolean measureStalls) {
    static LaunchArgs parse(List<String> raw) {
      Path file = null;
      Path reducer = null;
      String stream = null;
      Long at = null;
      boolean measureStalls = false;
      for (int i = 0; i < raw.size(); i++) {
        String a = raw.get(i);
        String next = i + 1 < raw.size() ? raw.get(i + 1) : null;
        if (a.equals("--measure-stalls")) {
          measureStalls = true;
          continue;
        }
        if (a.startsWith("--") && next == null) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        switch (a) {
          case "--reducer" -> {
            reducer = Path.of(next);
            i++;
          }
          case "--stream" -> {
            stream = next;
            i++;
          }
          case "--at" -> {
            try {
              at = Long.valueOf(next);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--at needs a version number, not '" + next + "'");
            }
            i++;
          }
          default -> {
            if (a.startsWith("--")) {
              throw new IllegalArgumentException(
                  "unknown option "
                      + a
                      + " (the window takes FILE --reducer R --stream ID --at V"
                      + " --measure-stalls)");
            }
            file = Path.of(a);
          }
        }
      }
      return new LaunchArgs(file, reducer, stream, at, measureStalls);
    }
  }
}
