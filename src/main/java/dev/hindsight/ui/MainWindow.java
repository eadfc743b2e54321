package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.ui.layout.ShownStack;
import dev.hindsight.ui.layout.WrapRow;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's layout: menus, the streams on the left, the explorer of the open stream, a header
 * and a status bar. It builds nodes and binds them to the {@link WindowViewModel}, which owns the
 * rules; the menus ({@link WindowMenus}), keys ({@link WindowKeys}) and playback timing ({@link
 * PlaybackTimer}) are classes of their own.
 */
public final class MainWindow extends BorderPane {

  private final WindowViewModel model;
  private final ExplorerViewModel explorerModel;
  private final Settings settings;
  private final StreamsPane streamsPane;
  private final ExplorerPane explorer;
  private final TimelineBinding timeline;
  private final StateBinding state;
  private final AuditTabs audit;
  private final Tab flowTab;
  private final PresenterBar presenterBar;
  private final PlaybackTimer player;
  private final SplitPane split;
  private final Label reducerLabel = new Label();
  private FindAllPane findAllPane;

  /** Where the stream list's divider was when presentation mode took the list away. */
  private double streamsShare = Settings.STREAMS_DEFAULT;

  MainWindow(WindowViewModel model, Settings settings, Runnable quit) {
    this.model = model;
    this.explorerModel = model.explorer();
    this.settings = settings;
    getStyleClass().add(UiStyles.HINDSIGHT_MAIN);
    getStylesheets().add(MainWindow.class.getResource("hindsight.css").toExternalForm());
    streamsPane = new StreamsPane(explorerModel.streams(), this::streamChosen);
    timeline = new TimelineBinding(model.markers());
    state = new StateBinding(this::showHistory);
    explorer = new ExplorerPane(timeline, state, model::later);
    explorer.analysis.bindQueries(model);
    presenterBar = new PresenterBar(model.tour(), model.presentation());
    audit = new AuditTabs(model);
    flowTab = new Tab("Flow", new FlowPane(model.views().flow()));
    flowTab.setId("flow-tab");
    explorer.analysis.addTabs(flowTab, audit.findings, audit.bookmarks);
    explorer.setOnFlow(this::showFlow);
    // a flow read (asked for, or a tour's step) is shown in its tab
    model
        .views()
        .flow()
        .flowProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                // in sight while presenting too; room is made only when the user asked (Ctrl+J)
                model.presentation().analysisAskedFor();
                explorer.analysis.select(flowTab);
              }
            });
    split = new SplitPane(streamsPane, views());
    split.setId("main-split");
    SplitPane.setResizableWithParent(streamsPane, false);
    placeDividers();
    // presenting, the room reads the presenter bar: the store's header and the status bar step
    // aside so that the caption and the state keep their room at a projector's zoom
    HBox header = header();
    setTop(new VBox(WindowMenus.build(model, settings, this, quit), header));
    // the caption is never cut to "…": the bar keeps the height its lines take at its width (up to
    // a fifth of the window, then the caption scrolls: CaptionBox), and the split has what is left
    presenterBar.setMinHeight(Region.USE_PREF_SIZE);
    VBox centre = new VBox(presenterBar, split);
    VBox.setVgrow(split, Priority.ALWAYS);
    setCenter(centre);
    HBox statusBar = statusBar();
    setBottom(statusBar);
    for (HBox chrome : new HBox[] {header, statusBar}) {
      chrome.visibleProperty().bind(model.presentation().presentingProperty().not());
      chrome.managedProperty().bind(chrome.visibleProperty());
    }
    bind();
    player = new PlaybackTimer(model);
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
            model.commands().open(files.get(0).toPath());
          }
          e.setDropCompleted(!files.isEmpty());
          e.consume();
        });
    addEventFilter(KeyEvent.KEY_PRESSED, new WindowKeys(model, model.presentation())::onKey);
  }

  /**
   * The open stream, the Log of the whole store, the store as of a time, Find in all streams or the
   * comparison with other reducers, in one place.
   */
  private ShownStack views() {
    LogPane logPane = new LogPane(model.views().log());
    logPane.setId("log-pane");
    AsOfPane asOfPane = new AsOfPane(model.views().asOf());
    var view = model.views().viewProperty();
    ReducerComparePane reducersPane =
        new ReducerComparePane(model.views().reducers(), () -> view.set(StoreViews.View.STREAM));
    reducersPane.visibleProperty().bind(view.isEqualTo(StoreViews.View.REDUCERS));
    explorer.visibleProperty().bind(view.isEqualTo(StoreViews.View.STREAM));
    logPane.visibleProperty().bind(view.isEqualTo(StoreViews.View.LOG));
    asOfPane.visibleProperty().bind(view.isEqualTo(StoreViews.View.AS_OF));
    findAllPane = new FindAllPane(model.views().findAll(), model.commands()::exportFindAll);
    findAllPane.visibleProperty().bind(view.isEqualTo(StoreViews.View.FIND_ALL));
    return new ShownStack(explorer, logPane, asOfPane, findAllPane, reducersPane);
  }

  /** Stream | Log | As of | Find all, in the header: which of the four the window shows. */
  private HBox viewSwitch() {
    ToggleGroup group = new ToggleGroup();
    HBox box = new HBox();
    String[][] views = {
      {"Stream", "show-stream", Styles.LEFT_PILL, "The open stream, event by event"},
      {"Log", "show-log", Styles.CENTER_PILL, "Every event of the store (Ctrl+Shift+L)"},
      {"As of", "show-as-of", Styles.CENTER_PILL, "A type's streams as of a time (Ctrl+Shift+A)"},
      {
        "Find all",
        "show-find-all",
        Styles.RIGHT_PILL,
        "Every stream where a condition holds (Ctrl+Shift+F)"
      }
    };
    for (int i = 0; i < views.length; i++) {
      StoreViews.View v = StoreViews.View.values()[i];
      ToggleButton b = new ToggleButton(views[i][0]);
      b.setId(views[i][1]);
      b.getStyleClass().addAll(views[i][2], Styles.SMALL);
      b.setTooltip(new Tooltip(views[i][3]));
      b.setToggleGroup(group);
      b.setMinWidth(Region.USE_PREF_SIZE);
      b.setSelected(model.views().viewProperty().get() == v);
      b.setOnAction(e -> model.views().viewProperty().set(v));
      model.views().viewProperty().addListener((obs, old, now) -> b.setSelected(now == v));
      box.getChildren().add(b);
    }
    // one of them is always chosen (a click on the chosen one keeps it), but for the comparison
    // with other reducers, which none of them is
    group
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null && model.views().viewProperty().get() != StoreViews.View.REDUCERS) {
                old.setSelected(true);
              }
            });
    return box;
  }

  /** The split positions as the user left them (the explorer's once its first stream shows). */
  private void placeDividers() {
    split.setDividerPositions(
        Settings.streamsShare(settings.divider("streams", Settings.STREAMS_DEFAULT)));
    // the list's width within bounds of the window's, never from the ids it lists
    split
        .widthProperty()
        .addListener(
            (obs, old, w) -> {
              if (w.doubleValue() > 0) {
                streamsPane.setMinWidth(w.doubleValue() * Settings.STREAMS_MIN);
                streamsPane.setMaxWidth(w.doubleValue() * Settings.STREAMS_MAX);
              }
            });
    Map<String, Double> dividers = new HashMap<>();
    explorer.splits.forEach(
        (name, pane) -> dividers.put(name, settings.divider(name, pane.getDividerPositions()[0])));
    Runnable place =
        () -> explorer.splits.forEach((name, pane) -> pane.setDividerPositions(dividers.get(name)));
    place.run();
    // again when the first stream shows: laid out hidden at the window's first sizes, the splits
    // may have been pushed from where they belong
    explorer.onFirstShown(place);
  }

  private void bind() {
    explorerModel.streamProperty().addListener((obs, old, vm) -> explorer.show(vm));
    model
        .selectedStreamProperty()
        .addListener(
            (obs, old, id) -> {
              if (id != null) {
                streamsPane.select(id);
              }
            });
    model.shownEventsProperty().addListener((obs, old, shown) -> explorer.showOnly(shown));
    model
        .tour()
        .highlightProperty()
        .addListener((obs, old, path) -> state.view().setHighlight(path));
    // every step follows its highlight, also a step on the same path as the one before
    model.tour().indexProperty().addListener((obs, old, i) -> state.view().followHighlight());
    model.pointProperty().addListener((obs, old, p) -> showPoint());
    Presentation presentation = model.presentation();
    presentation
        .hideFutureProperty()
        .addListener(
            (obs, old, on) -> {
              timeline.bar().setHideFuture(on);
              explorer.setHideFuture(on);
              showPoint();
            });
    zoomTo(presentation.zoomProperty().get());
    presentation.zoomProperty().addListener((obs, old, z) -> zoomTo(z.intValue()));
    UiStyles.toggle(this, UiStyles.HIGH_CONTRAST, presentation.highContrastProperty().get());
    presentation
        .highContrastProperty()
        .addListener((obs, old, on) -> UiStyles.toggle(this, UiStyles.HIGH_CONTRAST, on));
    presentation
        .presentingProperty()
        .addListener(
            (obs, old, on) -> {
              UiStyles.toggle(this, UiStyles.PRESENTING, on);
              fullScreen(on);
            });
    presentation.streamListShownProperty().addListener((obs, old, shown) -> showStreamList(shown));
    presentation
        .analysisShownProperty()
        .addListener((obs, old, shown) -> explorer.showAnalysis(shown));
    explorerModel.streamProperty().addListener((obs, old, vm) -> updateReducerLabel());
    explorerModel.reducersProperty().addListener((obs, old, r) -> updateReducerLabel());
    updateReducerLabel();
  }

  /** The stream list in the split, where the user left its divider, or out of it. */
  private void showStreamList(boolean shown) {
    if (!shown) {
      streamsShare = split.getDividers().get(0).getPosition();
      split.getItems().remove(streamsPane);
    } else if (!split.getItems().contains(streamsPane)) {
      split.getItems().add(0, streamsPane);
      split.setDividerPositions(Settings.streamsShare(streamsShare));
    }
  }

  private void zoomTo(int zoom) {
    setStyle(Presentation.style(zoom));
    explorer.setZoom(zoom);
  }

  /** A stream chosen in the list: opened, unless it is shown already (or folding). */
  private void streamChosen(StreamSummary s) {
    StreamViewModel open = explorerModel.streamProperty().get();
    boolean same = open != null && open.stream().stream().equals(s.stream());
    if (!same || (open.replayProperty().get() == null && !open.loadingProperty().get())) {
      explorerModel.openStream(s, Integer.MAX_VALUE); // new, or one whose folding was cancelled
    }
  }

  private void showPoint() {
    StreamViewModel vm = explorerModel.streamProperty().get();
    var r = vm == null ? null : vm.replayProperty().get();
    presenterBar.showPoint(
        model.pointProperty().get(),
        r == null ? 0 : r.size(),
        model.presentation().hideFutureProperty().get());
  }

  /** Presentation mode fills the screen; leaving full screen (Esc) ends it. */
  private void fullScreen(boolean on) {
    if (getScene() == null || !(getScene().getWindow() instanceof Stage stage)) {
      return;
    }
    stage.setFullScreenExitHint("Esc or F11 ends presentation mode");
    stage.setFullScreen(on);
    if (on) {
      stage
          .fullScreenProperty()
          .addListener(
              new ChangeListener<Boolean>() {
                @Override
                public void changed(
                    ObservableValue<? extends Boolean> o, Boolean was, Boolean full) {
                  if (!full) {
                    o.removeListener(this);
                    model.presentation().presentingProperty().set(false);
                  }
                }
              });
    }
  }

  private HBox header() {
    Label title = new Label();
    title.getStyleClass().add(Styles.TITLE_3);
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> storeName("Hindsight"), explorerModel.streams().locationProperty()));
    Label layout = new Label();
    layout.getStyleClass().add(Styles.TEXT_MUTED);
    layout
        .textProperty()
        .bind(Bindings.concat("layout: ", explorerModel.streams().layoutNameProperty()));
    layout.visibleProperty().bind(explorerModel.streams().layoutNameProperty().isNotEmpty());
    layout.managedProperty().bind(layout.visibleProperty());
    reducerLabel.setId("reducer");
    reducerLabel.getStyleClass().add(Styles.TEXT_MUTED);
    Label masked = new Label();
    masked.setId("masking");
    masked.getStyleClass().add(Styles.TEXT_MUTED);
    masked
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    explorerModel.maskingProperty().get().on()
                        ? "masking: "
                            + String.join(", ", explorerModel.maskingProperty().get().rules())
                        : "",
                explorerModel.maskingProperty()));
    // the names wrap to a second row rather than shrink to "reducer: …" when the window is narrow
    // or the zoom large; the view switch keeps its words
    Pane names = WrapRow.of(12, 2, title, layout, reducerLabel, masked);
    HBox.setHgrow(names, Priority.ALWAYS);
    HBox box = new HBox(12, new FontIcon(Feather.CLOCK), names, viewSwitch());
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(6, 12, 6, 12)); // the view switch is a little taller than the labels
    return box;
  }

  /** The open store's file name or server URL, or {@code none}. */
  String storeName(String none) {
    StoreTarget open = explorerModel.streams().targetProperty().get();
    return open == null ? none : open.name();
  }

  private void updateReducerLabel() {
    reducerLabel.setText("reducer: " + explorerModel.reducerName());
  }

  private HBox statusBar() {
    Label status = new Label();
    status.setId("status");
    status.textProperty().bind(explorerModel.streams().statusProperty());
    Label reducerStatus = new Label();
    reducerStatus.setId("reducer-status");
    reducerStatus
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> explorerModel.reducerStatusProperty().get().text(),
                explorerModel.reducerStatusProperty()));
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(explorerModel.streams().busyProperty());
    Label notice = new Label();
    notice.setId("report-status");
    notice.textProperty().bind(model.noticeProperty());
    Label zoom = new Label();
    zoom.setId("zoom");
    zoom.getStyleClass().add(Styles.TEXT_MUTED);
    Presentation presentation = model.presentation();
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
    live.getStyleClass().add(Styles.SUCCESS);
    live.visibleProperty().bind(explorerModel.followProperty());
    live.managedProperty().bind(live.visibleProperty());
    HBox bar = new HBox(8, spinner, status, reducerStatus, notice, gap, live, zoom);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 12, 4, 12));
    bar.getStyleClass().add(UiStyles.STATUS_BAR);
    return bar;
  }

  // ------------------------------------------------------------- for the menus and the tests

  /** Shows the history of a state value (the state view's context menu asks for it). */
  void showHistory(String pointer) {
    model.presentation().analysisAskedFor();
    explorer.analysis.showHistory(pointer);
  }

  /** One of the analysis tabs, chosen and in sight (while presenting too: it was asked for). */
  private void showTab(Tab tab) {
    model.presentation().analysisAskedFor();
    explorer.analysis.choose(tab);
  }

  /** Go › Find When… (Ctrl+F). */
  void focusFind() {
    model.presentation().analysisAskedFor();
    explorer.analysis.focusFind();
  }

  /** Go › Find in All Streams… (Ctrl+Shift+F): its view, the condition focused. */
  void showFindAll() {
    model.views().viewProperty().set(StoreViews.View.FIND_ALL);
    findAllPane.focusCondition();
  }

  /** Go › Flow of This Event (Ctrl+J): the Flow tab, with the current event's flow. */
  void showFlow() {
    showTab(flowTab);
    model.views().flow().showCurrent();
  }

  /** Go › Verify Store: the findings tab, and the store verified. */
  void verify() {
    showTab(audit.findings);
    explorerModel.audit().verify();
  }

  /** Go › Verify Against Seal…: a seal (or a JSON report) to check the store against. */
  void verifyAgainstSeal() {
    model
        .commands()
        .openSeal()
        .ifPresent(
            seal -> {
              showTab(audit.findings);
              explorerModel.audit().verifyAgainst(seal);
            });
  }

  /** Selects a stream in the list by id. */
  void selectStream(String id) {
    streamsPane.select(id);
  }

  WindowViewModel model() {
    return model;
  }

  /** Remembers the split positions (when the window closes; layouts move them before that). */
  void saveLayout() {
    double streams =
        split.getItems().contains(streamsPane)
            ? split.getDividers().get(0).getPosition()
            : streamsShare;
    settings.setDivider("streams", Settings.streamsShare(streams));
    explorer.splits.forEach(
        (name, pane) -> {
          if (!pane.getDividers().isEmpty()) { // the analysis is away while presenting
            settings.setDivider(name, pane.getDividers().get(0).getPosition());
          }
        });
  }

  /** Stops the playback timer: a closed window must not keep ticking (or stay reachable). */
  void dispose() {
    player.stop();
  }
}
