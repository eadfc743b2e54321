package dev.hindsight.ui;

import dev.hindsight.store.codec.Timestamps;
import java.io.File;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window: menus, the streams on the left, the explorer of the open stream, and a status bar. It
 * builds nodes and binds them to the {@link ExplorerViewModel}; keys and playback timing live here
 * because they are about the window, not the data.
 */
public final class MainWindow extends BorderPane {

  /** Style class of right-aligned number columns (hindsight.css). */
  static final String NUMERIC = "numeric";

  private final ExplorerViewModel model;
  private final RecentFiles recent;
  private final Menu recentMenu = new Menu("Open _Recent");
  private final StreamsPane streamsPane;
  private final ExplorerPane explorer;
  private final Label reducerLabel = new Label();
  private final AnimationTimer player;
  private final Settings settings;
  private final SplitPane split;

  /**
   * Stops the window's playback timer: a closed window must not keep ticking (or stay reachable).
   */
  void dispose() {
    player.stop();
  }

  /**
   * Remembers the split positions (when the window closes; layout passes move them before that).
   */
  void saveLayout() {
    settings.setDivider("streams", split.getDividers().get(0).getPosition());
    explorer.splits.forEach(
        (name, pane) -> settings.setDivider(name, pane.getDividers().get(0).getPosition()));
  }

  /** For tests: settings kept under a node of their own, not the user's. */
  MainWindow(ExplorerViewModel model, RecentFiles recent, Runnable quit) {
    this(
        model,
        recent,
        quit,
        new Settings(java.util.prefs.Preferences.userRoot().node("dev/hindsight/test-window")));
  }

  MainWindow(ExplorerViewModel model, RecentFiles recent, Runnable quit, Settings settings) {
    this.model = model;
    this.recent = recent;
    getStyleClass().add("hindsight-main");
    getStylesheets().add(MainWindow.class.getResource("hindsight.css").toExternalForm());
    StreamListViewModel streams = model.streams();
    streamsPane =
        new StreamsPane(
            streams,
            s -> {
              StreamViewModel open = model.streamProperty().get();
              boolean same = open != null && open.stream().stream().equals(s.stream());
              boolean shown =
                  same && (open.replayProperty().get() != null || open.loadingProperty().get());
              if (!shown) { // a new stream, or one whose folding was cancelled
                model.openStream(s, Integer.MAX_VALUE);
              }
            });
    ExplorerPane.TimelineSlot timelineSlot = Slots.timeline(model.audit());
    ExplorerPane.StateSlot stateSlot = Slots.state(this::showHistory);
    timelineBar = (dev.hindsight.ui.timeline.TimelineBar) timelineSlot.node();
    stateView = (dev.hindsight.ui.state.StateView) stateSlot.node();
    explorer = new ExplorerPane(timelineSlot, stateSlot);
    tour = new TourViewModel(model);
    tour.setOnStreamOpened(this::selectStream);
    presentation = new Presentation(settings, this);
    presenterBar = new PresenterBar(tour, presentation);
    audit = new AuditTabs(model, this::window);
    explorer.analysis.addTabs(audit.findings, audit.bookmarks);
    model
        .audit()
        .findings()
        .addListener(
            (javafx.collections.ListChangeListener<dev.hindsight.audit.Finding>)
                c -> refreshOnlyFindings());
    model
        .streamProperty()
        .addListener(
            (obs, old, now) -> {
              refreshOnlyFindings();
              if (now != null) {
                now.replayProperty().addListener((o, was, r) -> refreshOnlyFindings());
              }
            });
    this.settings = settings;
    model.maskingProperty().set(dev.hindsight.audit.Masking.parse(settings.masking()));
    SplitPane split = new SplitPane(streamsPane, explorer);
    split.setDividerPositions(settings.divider("streams", 0.24));
    java.util.Map<String, Double> dividers = new java.util.HashMap<>();
    explorer.splits.forEach(
        (name, pane) -> dividers.put(name, settings.divider(name, pane.getDividerPositions()[0])));
    Runnable placeDividers =
        () -> explorer.splits.forEach((name, pane) -> pane.setDividerPositions(dividers.get(name)));
    placeDividers.run();
    // again when the first stream shows: laid out hidden at the window's first sizes, the splits
    // may have been pushed from where they belong
    explorer.onFirstShown(placeDividers);
    this.split = split;
    SplitPane.setResizableWithParent(streamsPane, false);
    setTop(new VBox(menu(quit), header()));
    VBox centre = new VBox(presenterBar, split);
    VBox.setVgrow(split, Priority.ALWAYS);
    setCenter(centre);
    wirePresentation();
    setBottom(statusBar());

    streams
        .errorProperty()
        .addListener(
            (obs, old, message) -> {
              if (message != null) {
                showError("The store could not be opened", message);
              }
            });
    model
        .reducerMessageProperty()
        .addListener(
            (obs, old, message) -> {
              if (message != null && message.startsWith("Reducers not loaded: ")) {
                showError(
                    "The reducers could not be loaded",
                    message.substring("Reducers not loaded: ".length()));
              }
            });
    streams
        .fileProperty()
        .addListener(
            (obs, old, file) -> {
              if (file != null) {
                recent.add(file);
                refreshRecent();
              }
            });
    model.streamProperty().addListener((obs, old, vm) -> explorer.show(vm));
    // a stream opened again (following, or from a tour) is the one chosen in the list
    model
        .streamProperty()
        .addListener(
            (obs, old, vm) -> {
              if (vm != null && model.followProperty().get()) {
                streamsPane.select(vm.stream().stream());
              }
            });
    model.streamProperty().addListener((obs, old, vm) -> updateReducerLabel());
    model.reducersProperty().addListener((obs, old, r) -> updateReducerLabel());
    updateReducerLabel();

    player = new Player();
    setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    setOnDragDropped(
        e -> {
          var files = e.getDragboard().getFiles();
          if (!files.isEmpty()) {
            open(files.get(0).toPath());
          }
          e.setDropCompleted(!files.isEmpty());
          e.consume();
        });
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  /** A dropped or chosen file: reducers (.js or a folder) or a store. */
  void open(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (name.endsWith(".js") || path.toFile().isDirectory()) {
      model.loadReducers(path);
    } else {
      model.streams().open(path);
    }
  }

  private MenuBar menu(Runnable quit) {
    MenuItem open = new MenuItem("_Open…", new FontIcon(Feather.FOLDER));
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(e -> chooseFile());
    MenuItem newWindow = new MenuItem("Open in New _Window…");
    newWindow.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
    newWindow.setOnAction(
        e -> {
          File chosen = storeChooser().showOpenDialog(window());
          if (chosen != null) {
            if (onNewWindow == null) {
              model.streams().open(chosen.toPath());
            } else {
              onNewWindow.accept(chosen.toPath());
            }
          }
        });
    MenuItem reducers = new MenuItem("Open _Reducers…", new FontIcon(Feather.CODE));
    reducers.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
    reducers.setOnAction(e -> chooseReducers(false));
    MenuItem reducerFolder = new MenuItem("Open Reducer _Folder…");
    reducerFolder.setOnAction(e -> chooseReducers(true));
    MenuItem reload = new MenuItem("Re_load Reducers");
    reload.setAccelerator(KeyCombination.keyCombination("F5"));
    reload.setOnAction(
        e -> {
          if (model.reducerPathProperty().get() != null) {
            model.loadReducers(model.reducerPathProperty().get());
          }
        });
    MenuItem generic = new MenuItem("Use the _Generic Reducer");
    generic.setOnAction(e -> model.clearReducers());
    MenuItem export = new MenuItem("_Export Report…", new FontIcon(Feather.FILE_TEXT));
    export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
    export.setOnAction(e -> exportReport());
    export.disableProperty().bind(model.streamProperty().isNull());
    MenuItem exit = new MenuItem("_Quit");
    exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    exit.setOnAction(e -> quit.run());
    refreshRecent();
    Menu file =
        new Menu(
            "_File",
            null,
            open,
            newWindow,
            recentMenu,
            new SeparatorMenuItem(),
            reducers,
            reducerFolder,
            reload,
            generic,
            new SeparatorMenuItem(),
            export,
            new SeparatorMenuItem(),
            exit);
    MenuItem goTo = new MenuItem("_Go to…");
    goTo.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
    goTo.setOnAction(e -> goTo());
    MenuItem find = new MenuItem("_Find When…");
    find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
    find.setOnAction(e -> explorer.analysis.focusFind());
    MenuItem bookmark = new MenuItem("_Bookmark This Event…");
    bookmark.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
    bookmark.setOnAction(e -> audit.bookmarkCurrent());
    bookmark.disableProperty().bind(model.streamProperty().isNull());
    MenuItem verify = new MenuItem("_Verify Store");
    verify.setOnAction(
        e -> {
          explorer.analysis.select(audit.findings);
          model.audit().verify();
        });
    verify.disableProperty().bind(model.streams().sourceProperty().isNull());
    MenuItem markA = new MenuItem("Set Compare Point _A");
    markA.setAccelerator(KeyCombination.keyCombination("Shortcut+1"));
    markA.setOnAction(e -> withStream(s -> s.analysis().markA()));
    MenuItem markB = new MenuItem("Set Compare Point _B");
    markB.setAccelerator(KeyCombination.keyCombination("Shortcut+2"));
    markB.setOnAction(e -> withStream(s -> s.analysis().markB()));
    Menu go =
        new Menu("_Go", null, goTo, find, markA, markB, new SeparatorMenuItem(), bookmark, verify);
    return new MenuBar(file, go, view(), tourMenu());
  }

  private Menu view() {
    javafx.scene.control.ToggleGroup themes = new javafx.scene.control.ToggleGroup();
    Menu theme = new Menu("_Theme");
    for (Settings.Theme t : Settings.Theme.values()) {
      javafx.scene.control.RadioMenuItem item =
          new javafx.scene.control.RadioMenuItem(
              switch (t) {
                case SYSTEM -> "Follow the System";
                case LIGHT -> "Light";
                case DARK -> "Dark";
              });
      item.setToggleGroup(themes);
      item.setSelected(settings.theme() == t);
      item.setOnAction(e -> settings.setTheme(t));
      theme.getItems().add(item);
    }
    onlyFindings.setOnAction(e -> refreshOnlyFindings());
    onlyFindings.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
    MenuItem masking = new MenuItem("_Masking…", new FontIcon(Feather.EYE_OFF));
    masking.setOnAction(e -> editMasking());
    MenuItem zoomIn = new MenuItem("Zoom _In");
    zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+Plus"));
    zoomIn.setOnAction(e -> presentation.zoomIn());
    MenuItem zoomOut = new MenuItem("Zoom _Out");
    zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+Minus"));
    zoomOut.setOnAction(e -> presentation.zoomOut());
    MenuItem actual = new MenuItem("_Actual Size");
    actual.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
    actual.setOnAction(e -> presentation.actualSize());
    javafx.scene.control.CheckMenuItem contrast =
        new javafx.scene.control.CheckMenuItem("_High Contrast");
    contrast.selectedProperty().bindBidirectional(presentation.highContrastProperty());
    javafx.scene.control.CheckMenuItem future =
        new javafx.scene.control.CheckMenuItem("Hide the F_uture");
    future.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+H"));
    future.selectedProperty().bindBidirectional(presentation.hideFutureProperty());
    javafx.scene.control.CheckMenuItem followLive =
        new javafx.scene.control.CheckMenuItem("_Follow Live Changes");
    followLive.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
    followLive.selectedProperty().bindBidirectional(model.followProperty());
    javafx.scene.control.CheckMenuItem stick =
        new javafx.scene.control.CheckMenuItem("_Stick to Latest");
    stick.selectedProperty().bindBidirectional(model.stickToLatestProperty());
    stick.disableProperty().bind(model.followProperty().not());
    javafx.scene.control.CheckMenuItem present =
        new javafx.scene.control.CheckMenuItem("_Presentation Mode");
    present.setAccelerator(KeyCombination.keyCombination("F11"));
    present.selectedProperty().bindBidirectional(presentation.presentingProperty());
    return new Menu(
        "_View",
        null,
        theme,
        onlyFindings,
        masking,
        new SeparatorMenuItem(),
        zoomIn,
        zoomOut,
        actual,
        contrast,
        future,
        new SeparatorMenuItem(),
        followLive,
        stick,
        new SeparatorMenuItem(),
        present);
  }

  private Menu tourMenu() {
    MenuItem demo = new MenuItem("Start the _Demo Tour");
    demo.setOnAction(e -> startTour(DemoStore::tour));
    MenuItem open = new MenuItem("_Open Tour…", new FontIcon(Feather.MAP));
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
    open.setOnAction(e -> chooseTour());
    MenuItem next = new MenuItem("_Next Step (Page Down)");
    next.setOnAction(e -> tour.next());
    MenuItem previous = new MenuItem("_Previous Step (Page Up)");
    previous.setOnAction(e -> tour.previous());
    MenuItem save = new MenuItem("_Save Bookmarks as Tour…");
    save.setOnAction(e -> saveBookmarksAsTour());
    save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.audit().bookmarks()));
    MenuItem close = new MenuItem("_Close Tour");
    close.setOnAction(e -> tour.close());
    for (MenuItem m : new MenuItem[] {next, previous, close}) {
      m.disableProperty().bind(tour.tourProperty().isNull());
    }
    demo.disableProperty().bind(model.streams().sourceProperty().isNull());
    return new Menu(
        "_Tour",
        null,
        demo,
        open,
        new SeparatorMenuItem(),
        next,
        previous,
        close,
        new SeparatorMenuItem(),
        save);
  }

  /** Starts a tour; a tour that cannot be read gets an error dialog. */
  void startTour(java.util.function.Supplier<dev.hindsight.tour.Tour> source) {
    try {
      tour.start(source.get());
    } catch (dev.hindsight.tour.Tour.TourException e) {
      showError("The tour could not be opened", e.getMessage());
    }
  }

  private void chooseTour() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a tour");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tours (JSON)", "*.json"));
    File chosen = chooser.showOpenDialog(window());
    if (chosen != null) {
      startTour(() -> dev.hindsight.tour.Tour.read(chosen.toPath()));
    }
  }

  /** Tour › Save Bookmarks as Tour…: every bookmark of the store, a step each, in their order. */
  private void saveBookmarksAsTour() {
    Path store = model.streams().fileProperty().get();
    String name =
        store == null ? "tour" : store.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the bookmarks as a tour");
    chooser.setInitialFileName(name + "-tour.json");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tours (JSON)", "*.json"));
    File chosen = chooser.showSaveDialog(window());
    if (chosen == null) {
      return;
    }
    dev.hindsight.tour.Tour t =
        dev.hindsight.tour.Tour.fromBookmarks(
            "Bookmarks of " + (store == null ? "the store" : store.getFileName()),
            java.util.List.copyOf(model.audit().bookmarks()));
    try {
      t.write(chosen.toPath());
      reportStatus.setText("Tour saved: " + chosen.getName() + " (" + t.steps().size() + " steps)");
    } catch (java.io.IOException e) {
      showError("The tour could not be saved", e.getMessage());
    }
  }

  private void refreshRecent() {
    recentMenu.getItems().clear();
    for (Path p : recent.list()) {
      MenuItem item = new MenuItem(p.toString());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> model.streams().open(p));
      recentMenu.getItems().add(item);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }

  private final javafx.scene.control.CheckMenuItem onlyFindings =
      new javafx.scene.control.CheckMenuItem("Only Events with _Findings");

  /**
   * View › Only Events with Findings: the table lists the open stream's events that have a finding
   * of Verify Store (warnings and errors) or a reducer error; off, all of them.
   */
  private void refreshOnlyFindings() {
    StreamViewModel open = model.streamProperty().get();
    dev.hindsight.replay.StreamReplay r = open == null ? null : open.replayProperty().get();
    java.util.function.IntPredicate shown = futureHidden(open);
    if (!onlyFindings.isSelected() || r == null) {
      explorer.showOnly(shown);
      return;
    }
    java.util.Set<Integer> marked = new java.util.HashSet<>(r.errors().keySet());
    String id = r.stream().stream();
    for (dev.hindsight.audit.Finding f : model.audit().findings()) {
      if (f.counts() && id.equals(f.stream()) && f.version() != null) {
        int o = r.ordinalAtVersion(f.version());
        if (o >= 0) {
          marked.add(o);
        }
      }
    }
    explorer.showOnly(shown == null ? marked::contains : o -> marked.contains(o) && shown.test(o));
  }

  /** With the future hidden, the events up to the current one; else null (all). */
  private java.util.function.IntPredicate futureHidden(StreamViewModel open) {
    if (!presentation.hideFutureProperty().get() || open == null) {
      return null;
    }
    int current = open.ordinalProperty().get();
    return o -> o <= current;
  }

  /** View › Masking…: the rules, comma-separated; kept in the settings. */
  private void editMasking() {
    javafx.scene.control.TextInputDialog dialog =
        new javafx.scene.control.TextInputDialog(
            String.join(", ", model.maskingProperty().get().rules()));
    dialog.initOwner(window());
    dialog.setTitle("Masking");
    dialog.setHeaderText(
        "Values to show as •••, in the window and in every report.\n"
            + "Field names (email) match at any depth; JSON pointers (/customer/address,"
            + " /items/*/price) match with everything under them. Empty: masking off.");
    dialog.setContentText("Mask:");
    dialog.getEditor().setPrefColumnCount(36);
    dialog
        .showAndWait()
        .ifPresent(
            text -> {
              dev.hindsight.audit.Masking rules = dev.hindsight.audit.Masking.parse(text);
              settings.setMasking(String.join(",", rules.rules()));
              model.maskingProperty().set(rules);
            });
  }

  /** File › Export Report…: the open stream's evidence report, written in the background. */
  private void exportReport() {
    StreamViewModel open = model.streamProperty().get();
    if (open == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export an evidence report");
    chooser.setInitialFileName(open.stream().stream().replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("HTML report", "*.html"),
            new FileChooser.ExtensionFilter("JSON", "*.json"),
            new FileChooser.ExtensionFilter("CSV, one row per event", "*.csv"));
    File chosen = chooser.showSaveDialog(window());
    if (chosen == null) {
      return;
    }
    reportStatus.setText("Writing the report…");
    model.exportReport(
        chosen.toPath(),
        reportStatus::setText,
        failure -> {
          reportStatus.setText("");
          showError("The report could not be written", StreamListViewModel.message(failure));
        });
  }

  private final Label reportStatus = new Label();
  private final dev.hindsight.ui.timeline.TimelineBar timelineBar;
  private final dev.hindsight.ui.state.StateView stateView;
  private final TourViewModel tour;
  private final Presentation presentation;
  private final PresenterBar presenterBar;
  private StreamViewModel watched;
  private final javafx.beans.value.ChangeListener<dev.hindsight.replay.StreamReplay.Point> onPoint =
      (obs, old, p) -> pointShown(p);

  /** Binds the presenter bar, the tour and presentation mode to the open stream and the stage. */
  private void wirePresentation() {
    model
        .streamProperty()
        .addListener(
            (obs, old, vm) -> {
              if (watched != null) {
                watched.pointProperty().removeListener(onPoint);
              }
              watched = vm;
              if (vm != null) {
                vm.pointProperty().addListener(onPoint);
              }
              pointShown(vm == null ? null : vm.pointProperty().get());
            });
    tour.highlightProperty().addListener((obs, old, path) -> stateView.setHighlight(path));
    presentation
        .hideFutureProperty()
        .addListener(
            (obs, old, on) -> {
              timelineBar.setHideFuture(on);
              refreshOnlyFindings();
              pointShown(watched == null ? null : watched.pointProperty().get());
            });
    presentation
        .presentingProperty()
        .addListener(
            (obs, old, on) -> {
              if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage st) {
                st.setFullScreenExitHint("Esc or F11 ends presentation mode");
                st.setFullScreen(on);
                if (on) {
                  st.fullScreenProperty()
                      .addListener(
                          new javafx.beans.value.ChangeListener<Boolean>() {
                            @Override
                            public void changed(
                                javafx.beans.value.ObservableValue<? extends Boolean> o,
                                Boolean was,
                                Boolean full) {
                              if (!full) {
                                o.removeListener(this);
                                presentation.presentingProperty().set(false);
                              }
                            }
                          });
                }
              }
            });
  }

  private void pointShown(dev.hindsight.replay.StreamReplay.Point p) {
    StreamViewModel vm = model.streamProperty().get();
    dev.hindsight.replay.StreamReplay r = vm == null ? null : vm.replayProperty().get();
    presenterBar.showPoint(p, r == null ? 0 : r.size(), presentation.hideFutureProperty().get());
    if (p != null && p.event() != null && vm != null) {
      if (tour.arrivedAt(vm.stream().stream(), p.event().version()) && vm.playingProperty().get()) {
        vm.playingProperty().set(false); // a tour step: stop so the room can read it
      }
    } else {
      tour.arrivedAt("", Long.MIN_VALUE);
    }
    if (presentation.hideFutureProperty().get()) {
      refreshOnlyFindings();
    }
  }

  /** The tour in this window (for tests and the application: the demo starts its tour). */
  TourViewModel tour() {
    return tour;
  }

  Presentation presentation() {
    return presentation;
  }

  private final AuditTabs audit;

  private java.util.function.Consumer<Path> onNewWindow; // set by the application; else opens here

  /** What File › Open in New Window does with the chosen store (the application opens a window). */
  void setOnNewWindow(java.util.function.Consumer<Path> action) {
    this.onNewWindow = action;
  }

  private void chooseFile() {
    File chosen = storeChooser().showOpenDialog(window());
    if (chosen != null) {
      model.streams().open(chosen.toPath());
    }
  }

  private FileChooser storeChooser() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open an event store");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "SQLite event stores", "*.db", "*.sqlite", "*.sqlite3", "*.db3"),
            new FileChooser.ExtensionFilter("All files", "*"));
    Path current = model.streams().fileProperty().get();
    if (current != null && current.getParent() != null) {
      chooser.setInitialDirectory(current.getParent().toFile());
    }
    return chooser;
  }

  private void chooseReducers(boolean folder) {
    File chosen;
    if (folder) {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Open a folder of reducers");
      chosen = chooser.showDialog(window());
    } else {
      FileChooser chooser = new FileChooser();
      chooser.setTitle("Open a reducer file");
      chooser
          .getExtensionFilters()
          .add(new FileChooser.ExtensionFilter("JavaScript reducers", "*.js"));
      chosen = chooser.showOpenDialog(window());
    }
    if (chosen != null) {
      model.loadReducers(chosen.toPath());
    }
  }

  /** Ctrl+G: a version number, or a date-time (the last event at or before it). */
  void goTo() {
    StreamViewModel vm = model.streamProperty().get();
    if (vm == null || vm.replayProperty().get() == null) {
      return;
    }
    TextInputDialog dialog = new TextInputDialog();
    dialog.initOwner(window());
    dialog.setTitle("Go to");
    dialog.setHeaderText("Go to a version, or to a time (ISO-8601, UTC unless it says otherwise)");
    dialog.setContentText("Version or time:");
    Optional<String> answer = dialog.showAndWait();
    answer.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(s -> goTo(vm, s));
  }

  static void goTo(StreamViewModel vm, String target) {
    if (target.matches("-?\\d+")) {
      vm.goToVersion(Long.parseLong(target));
      return;
    }
    try {
      Instant t = Timestamps.parse(target, "iso");
      if (t != null) {
        vm.goToTime(t);
      }
    } catch (DateTimeException e) {
      // an unreadable answer goes nowhere; the dialog said what it takes
    }
  }

  private void onKey(KeyEvent e) {
    if (e.isShortcutDown() && zoomKey(e.getCode())) {
      e.consume();
      return;
    }
    // a presenter's clicker sends Page Up and Page Down: they go through a tour even while a text
    // field (say, Find's condition) has the focus
    if (tour.active() && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
      if (e.getCode() == KeyCode.PAGE_DOWN) {
        tour.next();
      } else {
        tour.previous();
      }
      e.consume();
      return;
    }
    StreamViewModel vm = model.streamProperty().get();
    if (vm == null || e.getTarget() instanceof TextInputControl) {
      return;
    }
    boolean inTree = e.getTarget() instanceof TreeView<?>;
    KeyCode code = e.getCode();
    switch (code) {
      case LEFT, RIGHT -> {
        if (!inTree) {
          vm.step(code == KeyCode.LEFT ? -1 : 1);
          e.consume();
        }
      }
      case PAGE_UP -> {
        vm.step(-10);
        e.consume();
      }
      case PAGE_DOWN -> {
        vm.step(10);
        e.consume();
      }
      case HOME -> {
        if (!inTree) {
          vm.first();
          e.consume();
        }
      }
      case END -> {
        if (!inTree) {
          vm.last();
          e.consume();
        }
      }
      case SPACE -> {
        vm.playingProperty().set(!vm.playingProperty().get());
        e.consume();
      }
      default -> {}
    }
  }

  /**
   * Ctrl with + (however the keyboard makes it: =, +, the keypad's +), -, or 0: zoom in, out, back
   * to 100 %. The menu items show one combination each; these are all of them.
   */
  private boolean zoomKey(KeyCode code) {
    switch (code) {
      case EQUALS, PLUS, ADD -> presentation.zoomIn();
      case MINUS, SUBTRACT -> presentation.zoomOut();
      case DIGIT0, NUMPAD0 -> presentation.actualSize();
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Steps the open stream at its playback speed while it plays. */
  private final class Player extends AnimationTimer {
    private long last;

    Player() {
      start();
    }

    @Override
    public void handle(long now) {
      StreamViewModel vm = model.streamProperty().get();
      if (vm == null || !vm.playingProperty().get()) {
        last = 0;
        return;
      }
      if (last == 0) {
        last = now;
        vm.tick();
      } else if (now - last >= vm.nextDelayNanos()) {
        last = now;
        vm.tick();
      }
    }
  }

  private HBox header() {
    Label title = new Label();
    title.getStyleClass().add("title-3");
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.streams().fileProperty().get() == null
                        ? "Hindsight"
                        : model.streams().fileProperty().get().getFileName().toString(),
                model.streams().fileProperty()));
    Label layout = new Label();
    layout.getStyleClass().add("text-muted");
    layout.textProperty().bind(Bindings.concat("layout: ", model.streams().layoutNameProperty()));
    layout.visibleProperty().bind(model.streams().layoutNameProperty().isNotEmpty());
    reducerLabel.setId("reducer");
    reducerLabel.getStyleClass().add("text-muted");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label masked = new Label();
    masked.setId("masking");
    masked.getStyleClass().add("text-muted");
    masked
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.maskingProperty().get().on()
                        ? "masking: " + String.join(", ", model.maskingProperty().get().rules())
                        : "",
                model.maskingProperty()));
    HBox box =
        new HBox(12, new FontIcon(Feather.CLOCK), title, layout, reducerLabel, masked, spacer);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(8, 12, 8, 12));
    return box;
  }

  private void updateReducerLabel() {
    reducerLabel.setText("reducer: " + model.reducerName());
  }

  private HBox statusBar() {
    Label status = new Label();
    status.setId("status");
    status.textProperty().bind(model.streams().statusProperty());
    Label reducerStatus = new Label();
    reducerStatus.textProperty().bind(model.reducerMessageProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.streams().busyProperty());
    reportStatus.setId("report-status");
    Label zoom = new Label();
    zoom.setId("zoom");
    zoom.getStyleClass().add("text-muted");
    zoom.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    presentation.zoomProperty().get() == Presentation.MIN_ZOOM
                        ? ""
                        : "zoom " + presentation.zoomProperty().get() + " %",
                presentation.zoomProperty()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Label live = new Label("● following live changes");
    live.setId("following");
    live.getStyleClass().add("success");
    live.visibleProperty().bind(model.followProperty());
    live.managedProperty().bind(live.visibleProperty());
    HBox bar = new HBox(8, spinner, status, reducerStatus, reportStatus, gap, live, zoom);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 12, 4, 12));
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  void showError(String header, String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(window());
    alert.setTitle("Hindsight");
    alert.setHeaderText(header);
    Label text = new Label(message);
    text.setWrapText(true);
    text.setPrefWidth(520);
    // a fixed width: a long message must wrap, not widen (and push off screen) the dialog
    alert.getDialogPane().setContent(text);
    // the details: the same text, selectable, to copy into a bug report or a colleague's chat
    javafx.scene.control.TextArea details = new javafx.scene.control.TextArea(message);
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(6);
    alert.getDialogPane().setExpandableContent(details);
    alert.getDialogPane().setPrefWidth(580);
    alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    alert.setResizable(true);
    alert.show();
  }

  private void withStream(java.util.function.Consumer<StreamViewModel> action) {
    StreamViewModel vm = model.streamProperty().get();
    if (vm != null && vm.replayProperty().get() != null) {
      action.accept(vm);
    }
  }

  /** Shows the history of a state value (the state view's context menu asks for it). */
  void showHistory(String pointer) {
    explorer.analysis.showHistory(pointer);
  }

  /** Selects a stream in the list by id (the command line's --stream). */
  void selectStream(String id) {
    streamsPane.select(id);
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }
}
