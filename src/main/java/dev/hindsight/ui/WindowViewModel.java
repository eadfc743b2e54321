package dev.hindsight.ui;

import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Masking;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.timeline.Marker;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The window's rules, in one place and without a toolkit: what spans the open stream, the tour, the
 * audit and presentation mode. Which stream is selected, what the events table lists (only events
 * with findings, the future hidden), the timeline's markers, playback ticks (a tour step pauses
 * playback), what opening another store resets, and the reducer status. The commands the menus
 * call, which ask through {@link Dialogs}, are in {@link WindowCommands}.
 *
 * <p>Its listeners on the window-lifetime lists (findings, bookmarks) are added once; those on the
 * open stream are moved when another stream opens, so a stream no longer shown is not kept.
 */
public final class WindowViewModel {

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final Dialogs dialogs;
  private final Presentation presentation;
  private final TourViewModel tour;
  private final WindowCommands commands;
  private final Set<Path> demoCopies = new HashSet<>();
  private final StoreViews views;
  private final BooleanProperty onlyFindings = new SimpleBooleanProperty(this, "onlyFindings");
  private final ReadOnlyObjectWrapper<IntPredicate> shownEvents =
      new ReadOnlyObjectWrapper<>(this, "shownEvents");
  private final ObservableList<Marker> markers = FXCollections.observableArrayList();
  // one wrapper, kept: it hears the list through a weak listener, and so must not be collected
  private final ObservableList<Marker> markersView =
      FXCollections.unmodifiableObservableList(markers);
  private final ReadOnlyStringWrapper selectedStream =
      new ReadOnlyStringWrapper(this, "selectedStream");
  private final ReadOnlyObjectWrapper<StreamReplay.Point> point =
      new ReadOnlyObjectWrapper<>(this, "point");
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
  private final StringProperty findCondition = new SimpleStringProperty(this, "find", "");
  private final StringProperty searchType = new SimpleStringProperty(this, "searchType", "");
  private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
  private final StringProperty searchFrom = new SimpleStringProperty(this, "searchFrom", "");
  private final StringProperty searchTo = new SimpleStringProperty(this, "searchTo", "");
  private final ChangeListener<StreamReplay.Point> onPoint = (obs, old, p) -> pointShown(p);
  private final ChangeListener<Boolean> onPlaying = (obs, old, on) -> playing.set(on);
  private final InvalidationListener onReplay = obs -> refresh();
  private final ChangeListener<Number> onCompare = (obs, old, now) -> remark();
  private final ListChangeListener<Integer> onHits = c -> remark();
  private StreamViewModel watched;
  private Path demoReducers;
  private long lastTick;
  int markerUpdates; // for tests: how often the markers were worked out

  public WindowViewModel(
      TaskRunner tasks,
      ExplorerViewModel explorer,
      Dialogs dialogs,
      RecentFiles recent,
      Settings settings) {
    this.tasks = tasks;
    this.explorer = explorer;
    this.dialogs = dialogs;
    this.presentation = new Presentation(settings);
    this.tour = new TourViewModel(explorer);
    this.commands = new WindowCommands(this, tasks, explorer, dialogs, recent, settings);
    explorer.maskingProperty().set(Masking.parse(settings.masking()));
    this.views = new StoreViews(tasks, explorer);
    tour.setOnFlow(views.flow()::show);
    explorer.streamProperty().addListener((obs, old, now) -> watch(now));
    explorer.audit().findings().addListener((ListChangeListener<Finding>) c -> refresh());
    explorer.audit().bookmarks().addListener((ListChangeListener<Bookmark>) c -> remark());
    explorer.streams().targetProperty().addListener((obs, old, now) -> storeChanged(now));
    explorer
        .streams()
        .errorProperty()
        .addListener(
            (obs, old, message) -> {
              if (message != null) {
                dialogs.error("The store could not be opened", message);
              }
            });
    explorer
        .reducerStatusProperty()
        .addListener(
            (obs, old, status) -> {
              if (status.kind() == ReducerStatus.Kind.FAILED) {
                dialogs.error("The reducers could not be loaded", status.detail());
              }
            });
    onlyFindings.addListener(obs -> refreshShown());
    presentation
        .hideFutureProperty()
        .addListener(
            obs -> {
              refreshShown();
              pointShown(point.get());
            });
  }

  public ExplorerViewModel explorer() {
    return explorer;
  }

  TourViewModel tour() {
    return tour;
  }

  Presentation presentation() {
    return presentation;
  }

  /** What the menus do. */
  public WindowCommands commands() {
    return commands;
  }

  TaskRunner tasks() {
    return tasks;
  }

  Dialogs dialogs() {
    return dialogs;
  }

  /** The views of the whole store: the Log, the Flow, the store as of a time. */
  public StoreViews views() {
    return views;
  }

  // ------------------------------------------------------------------------------ the store

  /** Remembers that {@code copy} is a copy of the demo store, opened with {@code reducers}. */
  void demoCopied(Path copy, Path reducers) {
    demoCopies.add(copy);
    demoReducers = reducers;
  }

  /** Whether {@code file} is one of the demo store's temporary copies. */
  boolean isDemo(Path file) {
    return file != null && demoCopies.contains(file);
  }

  /**
   * Another store is open: what belonged to the one before goes. The tour ends unless it is this
   * store's, reducers that came with the demo are unloaded, Find and Search are cleared; the store
   * joins Open Recent unless it is a temporary copy of the demo.
   */
  private void storeChanged(StoreTarget now) {
    if (now == null) {
      return;
    }
    boolean demo = isDemo(now.file());
    if (tour.active() && !tour.belongsTo(now.location())) {
      tour.close();
    }
    if (!demo && demoReducers != null) {
      if (demoReducers.equals(explorer.reducerPathProperty().get())) {
        explorer.clearReducers();
      }
      demoReducers = null;
    }
    findCondition.set("");
    searchType.set("");
    searchText.set("");
    searchFrom.set("");
    searchTo.set("");
    notice.set("");
    if (!demo) {
      commands.remember(now);
    }
  }

  // ------------------------------------------------------------------------- the open stream

  /** Moves the stream listeners to the stream now open (and off the one before). */
  private void watch(StreamViewModel now) {
    if (watched != null) {
      watched.pointProperty().removeListener(onPoint);
      watched.playingProperty().removeListener(onPlaying);
      watched.replayProperty().removeListener(onReplay);
      watched.analysis().compareAProperty().removeListener(onCompare);
      watched.analysis().compareBProperty().removeListener(onCompare);
      watched.analysis().searchHits().removeListener(onHits);
    }
    watched = now;
    lastTick = 0;
    if (now != null) {
      now.pointProperty().addListener(onPoint);
      now.playingProperty().addListener(onPlaying);
      now.replayProperty().addListener(onReplay);
      now.analysis().compareAProperty().addListener(onCompare);
      now.analysis().compareBProperty().addListener(onCompare);
      now.analysis().searchHits().addListener(onHits);
      selectedStream.set(now.stream().stream());
    }
    playing.set(now != null && now.playingProperty().get());
    refresh();
    pointShown(now == null ? null : now.pointProperty().get());
  }

  private void refresh() {
    refreshShown();
    remark();
  }

  /** The stream now open; null when none is. */
  StreamViewModel stream() {
    return watched;
  }

  private void pointShown(StreamReplay.Point p) {
    point.set(p);
    StreamViewModel vm = watched;
    views.flow().pointAt(p == null || p.event() == null ? -1 : p.event().position());
    if (p != null && p.event() != null && vm != null) {
      if (tour.arrivedAt(vm.stream().stream(), p.event().version()) && vm.playingProperty().get()) {
        vm.playingProperty().set(false); // a tour step: stop so the room can read it
      }
    } else {
      tour.arrivedAt(vm == null ? null : vm.stream().stream(), Long.MIN_VALUE);
    }
    if (presentation.hideFutureProperty().get()) {
      refreshShown();
    }
  }

  /**
   * What the events table lists: with Only Events with Findings, the open stream's events that have
   * a finding of Verify Store (warnings and errors) or a reducer error; with the future hidden,
   * none after the current one. Null: all.
   */
  private void refreshShown() {
    StreamReplay r = watched == null ? null : watched.replayProperty().get();
    IntPredicate past = null;
    if (presentation.hideFutureProperty().get() && watched != null) {
      int current = watched.ordinalProperty().get();
      past = o -> o <= current;
    }
    if (!onlyFindings.get() || r == null) {
      shownEvents.set(past);
      return;
    }
    Set<Integer> marked = new HashSet<>(r.errors().keySet());
    for (Finding f : explorer.audit().findings()) {
      int o = TimelineMarkers.ordinalOf(r, f);
      if (o >= 0) {
        marked.add(o);
      }
    }
    IntPredicate shown = past;
    shownEvents.set(shown == null ? marked::contains : o -> marked.contains(o) && shown.test(o));
  }

  /** The timeline's markers, worked out again (the open stream or what marks it changed). */
  private void remark() {
    markerUpdates++;
    List<Marker> out =
        watched == null || watched.replayProperty().get() == null
            ? List.of()
            : TimelineMarkers.of(
                watched.replayProperty().get(), watched.analysis(), explorer.audit());
    if (!out.equals(markers)) {
      markers.setAll(out);
    }
  }

  // ------------------------------------------------------------------------------- playback

  /**
   * One frame of playback at {@code nanos} (the view's timer calls this while {@link
   * #playingProperty()} is on): the open stream steps once its delay has passed.
   */
  public void tick(long nanos) {
    StreamViewModel vm = watched;
    if (vm == null || !vm.playingProperty().get()) {
      lastTick = 0;
      return;
    }
    if (lastTick == 0 || nanos - lastTick >= vm.nextDelayNanos()) {
      lastTick = nanos;
      vm.tick();
    }
  }

  /** Whether the open stream is playing. */
  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  // ----------------------------------------------------------------------------- properties

  /** View › Only Events with Findings. */
  public BooleanProperty onlyFindingsProperty() {
    return onlyFindings;
  }

  /** Which of the open stream's events the table lists, by ordinal; null: all of them. */
  public ReadOnlyObjectProperty<IntPredicate> shownEventsProperty() {
    return shownEvents.getReadOnlyProperty();
  }

  /** The open stream's timeline markers. */
  public ObservableList<Marker> markers() {
    return markersView;
  }

  /** The id of the stream open in the window, to select in the list; null before one is. */
  public ReadOnlyStringProperty selectedStreamProperty() {
    return selectedStream.getReadOnlyProperty();
  }

  /** The open stream's current point (the presenter bar shows it); null when none. */
  public ReadOnlyObjectProperty<StreamReplay.Point> pointProperty() {
    return point.getReadOnlyProperty();
  }

  /** A line for the status bar: what a command did, or why it did less than asked. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  void notice(String text) {
    notice.set(text == null ? "" : text);
  }

  /** Find's condition, cleared when another store opens. */
  public StringProperty findConditionProperty() {
    return findCondition;
  }

  /** Search's event type, text, and times from and to: cleared when another store opens. */
  public StringProperty searchTypeProperty() {
    return searchType;
  }

  public StringProperty searchTextProperty() {
    return searchText;
  }

  public StringProperty searchFromProperty() {
    return searchFrom;
  }

  public StringProperty searchToProperty() {
    return searchTo;
  }

  /** Runs {@code action} on the UI thread, soon (after the current event). */
  public void later(Runnable action) {
    tasks.later(action);
  }

  /** The window closes: the store, following, watching and all background work stop. */
  public void close() {
    explorer.close();
    tasks.shutdown();
  }
}
