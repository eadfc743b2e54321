package dev.hindsight.ui;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One open store in the window: its streams, the reducers in use, and the stream being explored.
 * Opening a stream or loading reducers folds in the background; new reducers refold the open stream
 * and keep its position.
 */
public final class ExplorerViewModel {

  private final TaskRunner tasks;
  private final StreamListViewModel streams;
  private final Function<Path, ReducerSet> reducerLoader;
  private final ReadOnlyObjectWrapper<ReducerSet> reducers =
      new ReadOnlyObjectWrapper<>(this, "reducers", ReducerSet.generic());
  private final ReadOnlyObjectWrapper<Path> reducerPath =
      new ReadOnlyObjectWrapper<>(this, "reducerPath");
  private final ReadOnlyStringWrapper reducerMessage =
      new ReadOnlyStringWrapper(this, "reducerMessage");
  private final ReadOnlyObjectWrapper<StreamViewModel> stream =
      new ReadOnlyObjectWrapper<>(this, "stream");
  private final AuditViewModel audit;

  /** The open store's findings and bookmarks. */
  public AuditViewModel audit() {
    return audit;
  }

  private final javafx.beans.property.ObjectProperty<dev.hindsight.audit.Masking> masking =
      new javafx.beans.property.SimpleObjectProperty<>(
          this, "masking", dev.hindsight.audit.Masking.off());

  public ExplorerViewModel(TaskRunner tasks, Function<Path, EventSource> opener) {
    this(tasks, opener, JsReducers::load);
  }

  ExplorerViewModel(
      TaskRunner tasks,
      Function<Path, EventSource> opener,
      Function<Path, ReducerSet> reducerLoader) {
    this.tasks = tasks;
    this.streams = new StreamListViewModel(tasks, opener);
    this.reducerLoader = reducerLoader;
    this.audit = new AuditViewModel(tasks, streams.sourceProperty()::get, reducers::get);
    streams
        .sourceProperty()
        .addListener(
            (obs, old, now) -> {
              stopStream(); // its fold reads the store being replaced
              stream.set(null);
              audit.storeChanged();
            });
    masking.addListener(
        (obs, old, now) -> {
          StreamViewModel open = stream.get();
          if (open != null) {
            open.refreshShown();
          }
        });
  }

  /**
   * Writes an evidence report on the open stream (all of it) to {@code out}: HTML, or JSON or CSV
   * when the file's name ends so; with the window's reducer, masking and the store's bookmarks.
   * Runs in the background; {@code done} gets a line to show.
   */
  public void exportReport(
      Path out,
      java.util.function.Consumer<String> done,
      java.util.function.Consumer<Throwable> failed) {
    StreamViewModel open = stream.get();
    EventSource source = streams.sourceProperty().get();
    if (open == null || source == null) {
      failed.accept(
          new IllegalStateException("Open a stream first: a report is about one stream."));
      return;
    }
    dev.hindsight.replay.Reducer reducer =
        reducers.get().forStream(open.stream().stream(), open.stream().type());
    Path reducerFile = reducerPath.get();
    dev.hindsight.audit.Masking mask = masking.get();
    String version =
        "hindsight "
            + java.util.Objects.requireNonNullElse(
                ExplorerViewModel.class.getPackage().getImplementationVersion(), "dev");
    tasks.run(
        () -> {
          dev.hindsight.audit.Evidence evidence =
              dev.hindsight.audit.Evidence.gather(
                  source,
                  open.stream(),
                  null,
                  null,
                  reducer,
                  reducerFile,
                  version,
                  java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                  mask,
                  dev.hindsight.audit.Bookmarks.of(source.file())
                      .of(open.stream().stream(), Long.MIN_VALUE, Long.MAX_VALUE),
                  dev.hindsight.replay.Progress.NONE);
          dev.hindsight.audit.ReportWriter.write(
              evidence, dev.hindsight.audit.ReportWriter.Format.forFile(out), out);
          return "Report written to "
              + out.getFileName()
              + ": "
              + dev.hindsight.event.Words.count(evidence.events().size(), "event")
              + ", "
              + dev.hindsight.event.Words.count(evidence.findings().size(), "finding")
              + (mask.on() ? ", masking on" : "");
        },
        done,
        failed);
  }

  /**
   * What the window masks (field names and JSON pointers shown as •••): the state, the event, the
   * table, comparisons, histories, and exported reports.
   */
  public javafx.beans.property.ObjectProperty<dev.hindsight.audit.Masking> maskingProperty() {
    return masking;
  }

  public StreamListViewModel streams() {
    return streams;
  }

  /** Opens a stream of the open store at {@code ordinal} (-1: the initial state; MAX: the end). */
  public void openStream(StreamSummary summary, int ordinal) {
    openStream(summary, replay -> ordinal);
  }

  /** Opens a stream of the open store at the ordinal {@code target} picks once it is folded. */
  private void openStream(
      StreamSummary summary,
      java.util.function.ToIntFunction<dev.hindsight.replay.StreamReplay> target) {
    EventSource source = streams.sourceProperty().get();
    if (source == null) {
      return;
    }
    stopStream();
    StreamViewModel next = new StreamViewModel(tasks, source, summary);
    next.setMasking(masking::get);
    stream.set(next);
    next.build(reducers.get(), target);
  }

  private void stopStream() {
    StreamViewModel previous = stream.get();
    if (previous != null) {
      previous.cancelBuild();
      previous.playingProperty().set(false);
    }
  }

  /** Opens a stream by id (from the command line); false when the store has no such stream. */
  public boolean openStream(String id, long version) {
    for (StreamSummary s : streams.allStreams()) {
      if (s.stream().equals(id)) {
        openStreamAtVersion(s, version);
        return true;
      }
    }
    return false;
  }

  private void openStreamAtVersion(StreamSummary summary, long version) {
    openStream(
        summary,
        replay -> version == Long.MAX_VALUE ? replay.size() - 1 : replay.ordinalAtVersion(version));
  }

  private ReducerWatcher watcher;
  private boolean watch;

  /** Reloads the reducers whenever their file changes (the window turns this on). */
  public void watchReducers(boolean on) {
    this.watch = on;
  }

  private void rewatch(Path path) {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    if (!watch || path == null) {
      return;
    }
    try {
      watcher = ReducerWatcher.watch(path, () -> tasks.later(() -> reload(path)));
    } catch (java.io.IOException e) {
      reducerMessage.set("Not watching " + path.getFileName() + " for changes: " + e.getMessage());
    }
  }

  private void reload(Path path) {
    if (!path.equals(reducerPath.get())) {
      return;
    }
    // a save while editing may be half-done: say so in the status line, keep the last good reducers
    reducerMessage.set("Reloading " + path.getFileName() + "…");
    tasks.run(
        () -> reducerLoader.apply(path),
        loaded -> {
          reducers.set(loaded);
          reducerMessage.set("Reducers reloaded from " + path.getFileName());
          refold();
        },
        failure ->
            reducerMessage.set(
                "Reducers not reloaded (the last good ones stay): "
                    + StreamListViewModel.message(failure)));
  }

  /** Loads reducers from a file or folder in the background, then refolds the open stream. */
  public void loadReducers(Path path) {
    reducerMessage.set("Loading reducers from " + path.getFileName() + "…");
    tasks.run(
        () -> reducerLoader.apply(path),
        loaded -> {
          boolean changedPath = !path.equals(reducerPath.get());
          reducerPath.set(path);
          reducers.set(loaded);
          reducerMessage.set("Reducers loaded from " + path.getFileName());
          if (changedPath) {
            rewatch(path);
          }
          refold();
        },
        failure ->
            reducerMessage.set("Reducers not loaded: " + StreamListViewModel.message(failure)));
  }

  /** Goes back to the generic reducer. */
  public void clearReducers() {
    reducers.set(ReducerSet.generic());
    reducerPath.set(null);
    rewatch(null);
    reducerMessage.set(null);
    refold();
  }

  /** Refolds the open stream with the current reducers, keeping its position. */
  public void refold() {
    StreamViewModel vm = stream.get();
    if (vm != null) {
      vm.build(reducers.get(), vm.ordinalProperty().get());
    }
  }

  /** The name of the reducer that folds the open stream. */
  public String reducerName() {
    StreamViewModel vm = stream.get();
    if (vm == null) {
      Path path = reducerPath.get();
      return path == null ? "generic" : String.valueOf(path.getFileName());
    }
    return reducers.get().forStream(vm.stream().stream(), vm.stream().type()).name();
  }

  public ReadOnlyObjectProperty<ReducerSet> reducersProperty() {
    return reducers.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Path> reducerPathProperty() {
    return reducerPath.getReadOnlyProperty();
  }

  /** What happened to the last reducer load (null when it loaded). */
  public ReadOnlyStringProperty reducerMessageProperty() {
    return reducerMessage.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<StreamViewModel> streamProperty() {
    return stream.getReadOnlyProperty();
  }

  /** Closes the store. */
  public void close() {
    follow.set(false);
    rewatch(null);
    stopStream();
    streams.close();
  }

  // ------------------------------------------------------------------------------------ follow

  /** How often following asks the store whether another process wrote to it. */
  static long followPollMillis = 500;

  private final javafx.beans.property.BooleanProperty follow =
      new javafx.beans.property.SimpleBooleanProperty(this, "follow");
  private final javafx.beans.property.BooleanProperty stickToLatest =
      new javafx.beans.property.SimpleBooleanProperty(this, "stickToLatest", true);
  private java.util.concurrent.ScheduledExecutorService poller;
  private volatile boolean refreshing;

  {
    follow.addListener((obs, was, on) -> following(on));
  }

  /**
   * Follow mode: the store is polled ({@code PRAGMA data_version}) every {@link #followPollMillis}
   * ms; when another process wrote to it, the stream list is read again and the open stream is
   * folded again with its new events, at the same event, or at the newest with {@link
   * #stickToLatestProperty()}.
   */
  public javafx.beans.property.BooleanProperty followProperty() {
    return follow;
  }

  /** While following: show the newest event as events arrive. */
  public javafx.beans.property.BooleanProperty stickToLatestProperty() {
    return stickToLatest;
  }

  private void following(boolean on) {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    if (on) {
      poller =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "hindsight-follow");
                t.setDaemon(true);
                return t;
              });
      poller.scheduleWithFixedDelay(
          this::pollOnce,
          followPollMillis,
          followPollMillis,
          java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  /** On the follow thread: one look at the store; any work is handed to the UI thread. */
  private void pollOnce() {
    if (refreshing) {
      return;
    }
    EventSource open = streams.sourceProperty().get();
    if (!(open instanceof dev.hindsight.store.sqlite.SqliteEventSource s)) {
      return;
    }
    EventSource.Change change;
    try {
      change = s.poll();
    } catch (RuntimeException closedOrGone) {
      return; // the store was closed or replaced meanwhile; the next poll looks at the new one
    }
    if (change == EventSource.Change.NONE) {
      return;
    }
    refreshing = true;
    boolean reopen = change == EventSource.Change.REOPEN;
    tasks.later(() -> refresh(reopen));
  }

  /** UI thread: the store changed. */
  private void refresh(boolean reopen) {
    StreamViewModel open = stream.get();
    String id = open == null ? null : open.stream().stream();
    long version = -1;
    if (open != null && open.replayProperty().get() != null) {
      int o = open.ordinalProperty().get();
      version = o < 0 ? -1 : open.replayProperty().get().version(o);
    }
    long at = version;
    java.util.function.Consumer<java.util.List<StreamSummary>> reopenStream =
        list -> {
          refreshing = false;
          if (id == null) {
            return;
          }
          for (StreamSummary s : list) {
            if (s.stream().equals(id)) {
              StreamViewModel now = stream.get();
              boolean grew = now == null || !now.stream().equals(s) || reopen;
              if (grew) {
                openStream(
                    s,
                    replay ->
                        stickToLatest.get() || at < 0
                            ? (stickToLatest.get() ? replay.size() - 1 : -1)
                            : replay.ordinalAtVersion(at));
              }
              return;
            }
          }
        };
    if (reopen) {
      streams.reopen(reopenStream);
    } else {
      streams.refresh(reopenStream);
    }
  }
}
