package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.TypeNames;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.layout.WrapRow;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The work area for one stream: the playback bar and the timeline on top, the events and the
 * current event's details in the middle, the state on the right. It binds to whichever {@link
 * StreamViewModel} is open and only builds and binds nodes.
 */
final class ExplorerPane extends BorderPane {

  /**
   * How often, at most, the state and the event's details follow a moving position. Someone
   * dragging the slider cannot read them at 60 frames a second, and on a large state each refresh
   * takes most of a frame; the timeline, the position and the table follow every frame, and the
   * last position is always shown.
   */
  static final long DETAILS_EVERY_NANOS = 150_000_000L;

  private final Label position = new Label("No stream open");
  private final Label eventType = new Label();
  private final Tooltip typeTip = new Tooltip();
  private final ToggleButton play = new ToggleButton();
  private final Slider speed = new Slider(0.5, 50, 5);
  private final Label speedText = new Label();
  private final ToggleButton realTime = new ToggleButton("Real time");
  private final ComboBox<Double> compression =
      new ComboBox<>(FXCollections.observableArrayList(1.0, 10.0, 60.0, 600.0, 3600.0, 86400.0));
  private final ProgressBar progress = new ProgressBar();
  private final Button cancel = new Button("Cancel");
  private final HBox loadingBox;
  private final EventsTable events = new EventsTable();
  private final EventDetailPane detail = new EventDetailPane();
  private final TimelineSlot timeline;
  private final StateSlot state;
  final AnalysisPane analysis = new AnalysisPane();
  private final Label placeholder = new Label("Choose a stream on the left to see its history.");
  private StreamViewModel model;
  private ObjectProperty<Double> compressionValue;
  private final ChangeListener<StreamReplay.Point> onPoint = (obs, old, p) -> showPoint(p);
  private final Consumer<Runnable> later;
  private final Node[] controls;
  private final SplitPane body;
  private final SplitPane right;
  private double analysisAt = 0.56;
  private int zoom = Presentation.MIN_ZOOM;

  /** The room a chosen analysis tab gets under its headers, at least, in em. */
  static final double ANALYSIS_LINES_EM = 8;

  private final StackPane placeholderPane = new StackPane(placeholder);
  private Runnable firstShown;
  private boolean hideFuture;

  /** The splits whose positions the window remembers, by name. */
  final Map<String, SplitPane> splits = new LinkedHashMap<>();

  private final PauseTransition detailsLater = new PauseTransition();
  private long detailsShownAt;
  private StreamReplay.Point pendingDetails;

  /**
   * @param later runs something on the UI thread after the current event (the window's runner)
   */
  ExplorerPane(TimelineSlot timeline, StateSlot state, Consumer<Runnable> later) {
    this.later = later;
    this.timeline = timeline;
    this.state = state;
    getStyleClass().add(UiStyles.EXPLORER);

    Button back = iconButton(Feather.CHEVRON_LEFT, "Step back (←)", "step-back");
    back.setOnAction(e -> model.step(-1));
    Button forward = iconButton(Feather.CHEVRON_RIGHT, "Step forward (→)", "step-forward");
    forward.setOnAction(e -> model.step(1));
    Button first = iconButton(Feather.SKIP_BACK, "First event (Home)", "first");
    first.setOnAction(e -> model.first());
    Button last = iconButton(Feather.SKIP_FORWARD, "Last event (End)", "last");
    last.setOnAction(e -> model.last());
    play.setGraphic(new FontIcon(Feather.PLAY));
    play.setId("play");
    play.setTooltip(new Tooltip("Play / pause (Space)"));
    play.selectedProperty()
        .addListener(
            (obs, old, on) ->
                ((FontIcon) play.getGraphic()).setIconCode(on ? Feather.PAUSE : Feather.PLAY));
    speed.setPrefWidth(110);
    speed.setTooltip(new Tooltip("Playback speed, events per second"));
    speedText.setMinWidth(60);
    position.setId("position");
    // at least a fixed width (in the stylesheet, in em): the bar must not shift under the pointer
    // as the numbers change while scrubbing; never less than its text
    position.getStyleClass().add(UiStyles.POSITION);
    eventType.getStyleClass().add(UiStyles.CURRENT_TYPE);
    eventType.setTooltip(typeTip);
    speedText.setMinWidth(Region.USE_PREF_SIZE);
    position.getStyleClass().add(Styles.TEXT_BOLD);
    eventType.setId("current-type");
    eventType.getStyleClass().add(Styles.TEXT_MUTED);
    progress.setPrefWidth(160);
    cancel.setOnAction(
        e -> {
          model.cancelBuild();
          if (model.replayProperty().get() == null) {
            position.setText("Cancelled: click the stream again to open it");
          }
        });
    loadingBox = new HBox(6, new Label("Folding…"), progress, cancel);
    loadingBox.setAlignment(Pos.CENTER_LEFT);
    loadingBox.setVisible(false);
    loadingBox.managedProperty().bind(loadingBox.visibleProperty());

    realTime.setId("real-time");
    realTime.setTooltip(
        new Tooltip("Play with the original gaps between events, compressed by the factor"));
    compression.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Double f) {
            return f == null ? "" : "×" + String.format(Locale.ROOT, "%,.0f", f);
          }

          @Override
          public Double fromString(String s) {
            return Double.valueOf(s.replace("×", "").replace(",", ""));
          }
        });
    compression.setTooltip(
        new Tooltip("Real time, this many times faster (×60: a minute a second)"));
    compression.disableProperty().bind(realTime.selectedProperty().not());
    realTime.setMinWidth(Region.USE_PREF_SIZE);
    compression.setMinWidth(Region.USE_PREF_SIZE);
    // three groups that wrap to a second row when the window is narrow or the zoom large, rather
    // than cut the position or the event's type short
    HBox steps = new HBox(6, first, back, play, forward, last, position);
    steps.setAlignment(Pos.CENTER_LEFT);
    HBox playback = new HBox(6, loadingBox, speed, speedText, realTime, compression);
    playback.setAlignment(Pos.CENTER_LEFT);
    Pane bar = WrapRow.of(8, 2, steps, eventType, playback);
    bar.setId("player-bar");
    bar.setPadding(new Insets(6, 10, 4, 10));
    VBox top = new VBox(bar, timeline.node());
    top.setPadding(new Insets(0, 0, 4, 0));

    SplitPane middle = new SplitPane(events, detail);
    middle.setOrientation(Orientation.VERTICAL);
    middle.setDividerPositions(0.62);
    splits.put("events", middle);
    right = new SplitPane(state.node(), analysis);
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(0.56);
    splits.put("state", right);
    analysis.setOnChosen(this::roomForAnalysis);
    SplitPane body = new SplitPane(middle, right);
    body.setDividerPositions(0.6);
    splits.put("body", body);
    setTop(top);
    placeholder.getStyleClass().add(Styles.TEXT_MUTED);
    placeholderPane.getStyleClass().add(UiStyles.EXPLORER_PLACEHOLDER);
    // the body is in the scene from the start, under the placeholder: its skins and styles are made
    // with the window, not in the middle of opening the first stream (a third of a second on a
    // slow machine, all on the FX thread)
    body.setVisible(false);
    setCenter(new StackPane(body, placeholderPane));
    disableControls(true, first, back, forward, last);
    this.controls = new Node[] {first, back, forward, last, play, speed, realTime};
    this.body = body;
    disableControls(true, controls);
  }

  /**
   * The analysis tabs under the state, where the user left their divider, or out of the way (in
   * presentation mode the state takes the whole column).
   */
  void showAnalysis(boolean shown) {
    if (!shown && right.getItems().contains(analysis)) {
      analysisAt = right.getDividerPositions()[0];
      right.getItems().remove(analysis);
    } else if (shown && !right.getItems().contains(analysis)) {
      right.getItems().add(analysis);
      right.setDividerPositions(analysisAt);
    }
  }

  /** Runs {@code action} when the first stream is shown (the body is laid out hidden till then). */
  void onFirstShown(Runnable action) {
    this.firstShown = action;
  }

  private static void disableControls(boolean off, Node... nodes) {
    for (Node n : nodes) {
      n.setDisable(off);
    }
  }

  private static Button iconButton(Feather icon, String tip, String id) {
    Button b = new Button(null, new FontIcon(icon));
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    b.getStyleClass().add(Styles.FLAT);
    return b;
  }

  /** What the event details' flow link and the events' context menu do. */
  void setOnFlow(Runnable action) {
    detail.setOnFlow(action);
    events.setOnFlow(action);
  }

  /**
   * The events table at {@code zoom} per cent: its rows and columns (see {@link
   * EventsTable#setZoom}).
   */
  void setZoom(int zoom) {
    this.zoom = zoom;
    events.setZoom(zoom);
  }

  /**
   * A tab of the analysis was chosen: when the pane under the state is too short to show any of it
   * (its headers take three rows at 200 % on a laptop), the divider moves up so that the tab has
   * room for a few lines under its headers; the state keeps at least its least height.
   */
  private void roomForAnalysis() {
    double column = right.getHeight();
    if (column <= 0 || !right.getItems().contains(analysis) || right.getDividers().isEmpty()) {
      return;
    }
    double em = Presentation.BASE_FONT * zoom / 100;
    double need = analysis.headersHeight() + ANALYSIS_LINES_EM * em;
    if (analysis.getHeight() >= need) {
      return;
    }
    double stateLeast = state.node().minHeight(-1);
    double at = Math.max(stateLeast / column, 1 - need / column);
    if (at < right.getDividerPositions()[0]) {
      right.setDividerPositions(at);
    }
  }

  /** Lists only the events {@code ordinals} accepts in the table (null: all). */
  void showOnly(IntPredicate ordinals) {
    events.showOnly(ordinals);
  }

  /** Shows a stream (or nothing when null). */
  void show(StreamViewModel next) {
    if (model != null) {
      model.pointProperty().removeListener(onPoint);
      play.selectedProperty().unbindBidirectional(model.playingProperty());
      realTime.selectedProperty().unbindBidirectional(model.realTimeProperty());
      compression.valueProperty().unbindBidirectional(compressionValue);
      speed.valueProperty().unbindBidirectional(model.speedProperty());
      loadingBox.visibleProperty().unbind();
      progress.progressProperty().unbind();
    }
    model = next;
    detailsLater.stop(); // a refresh planned for the stream shown before
    pendingDetails = null;
    analysis.show(next);
    disableControls(next == null, controls);
    if (next == null) {
      body.setVisible(false);
      placeholderPane.setVisible(true);
      position.setText("No stream open");
      eventType.setText("");
      timeline.show(null);
      state.show(null);
      detail.show(null);
      return;
    }
    if (!body.isVisible() && firstShown != null) {
      firstShown.run(); // once: the split positions, which hidden layouts at other sizes moved
      firstShown = null;
    }
    body.setVisible(true);
    placeholderPane.setVisible(false);
    play.selectedProperty().bindBidirectional(next.playingProperty());
    realTime.selectedProperty().bindBidirectional(next.realTimeProperty());
    compressionValue = next.compressionProperty().asObject();
    compression.valueProperty().bindBidirectional(compressionValue);
    speed.valueProperty().bindBidirectional(next.speedProperty());
    speedText.textProperty().bind(Bindings.format(Locale.ROOT, "%.1f/s", next.speedProperty()));
    loadingBox.visibleProperty().bind(next.loadingProperty());
    progress.progressProperty().bind(next.progressProperty());
    next.pointProperty().addListener(onPoint);
    events.show(next);
    // keys step through the stream at once, without a click into the table first
    later.accept(events::requestFocus);
    timeline.show(next);
    position.setText("Folding " + next.stream().stream() + "…");
    eventType.setText("");
    showPoint(next.pointProperty().get());
  }

  /** With the future hidden, the position does not tell how many events there are. */
  void setHideFuture(boolean on) {
    hideFuture = on;
    if (model != null) {
      showPoint(model.pointProperty().get());
    }
  }

  private void showPoint(StreamReplay.Point p) {
    if (p == null || model == null) {
      return;
    }
    StreamReplay replay = model.replayProperty().get();
    int size = replay == null ? 0 : replay.size();
    position.setText(PlayerText.position(p, size, hideFuture));
    if (p.event() == null) {
      eventType.setText("");
    } else {
      // the short name, which tells events apart and leaves the bar one row on a laptop; the stored
      // name and the time are in the event's details, and one hover away
      eventType.setText(TypeNames.shortName(p.event().type()));
      typeTip.setText(
          p.event().type()
              + (p.event().timestamp() == null
                  ? ""
                  : " · " + EventJson.iso(p.event().timestamp())));
    }
    showDetails(p);
  }

  private void showDetails(StreamReplay.Point p) {
    pendingDetails = p;
    if (detailsLater.getStatus() == Animation.Status.RUNNING) {
      return; // the refresh already planned shows this point
    }
    long wait = detailsShownAt + DETAILS_EVERY_NANOS - System.nanoTime();
    if (wait <= 0) {
      flushDetails();
    } else {
      detailsLater.setDuration(Duration.millis(wait / 1e6));
      detailsLater.setOnFinished(e -> flushDetails());
      detailsLater.playFromStart();
    }
  }

  private void flushDetails() {
    StreamReplay.Point p = pendingDetails;
    pendingDetails = null;
    detailsShownAt = System.nanoTime();
    if (p != null && model != null) {
      state.show(p);
      detail.show(p);
    }
  }

  /** Where the timeline control goes; filled by the window. */
  interface TimelineSlot {
    Node node();

    void show(StreamViewModel stream);
  }

  /** Where the state view goes; filled by the window. */
  interface StateSlot {
    Node node();

    void show(StreamReplay.Point point);
  }
}
