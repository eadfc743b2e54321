package dev.hindsight.ui;

import dev.hindsight.audit.Bookmarks;
import dev.hindsight.audit.Evidence;
import dev.hindsight.audit.Masking;
import dev.hindsight.audit.OutputPaths;
import dev.hindsight.audit.ReportWriter;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One open store in the window: its streams, the reducers in use, the stream being explored, and
 * following the store while another process writes it. Opening a stream or loading reducers folds
 * in the background; new reducers refold the open stream and keep its position.
 */
public final class ExplorerViewModel {

  /** How often following asks the store whether another process wrote to it. */
  static final Duration FOLLOW_EVERY = Duration.ofMillis(500);

  private final TaskRunner tasks;
  private final StoreViewModel streams;
  private final Function<Path, ReducerSet> reducerLoader;
  private final AuditViewModel audit;
  private final ReadOnlyObjectWrapper<ReducerSet> reducers =
      new ReadOnlyObjectWrapper<>(this, "reducers", ReducerSet.generic());
  private final ReadOnlyObjectWrapper<Path> reducerPath =
      new ReadOnlyObjectWrapper<>(this, "reducerPath");
  private final ReadOnlyObjectWrapper<ReducerStatus> reducerStatus =
      new ReadOnlyObjectWrapper<>(this, "reducerStatus", ReducerStatus.NONE);
  private final ReadOnlyObjectWrapper<StreamViewModel> stream =
      new ReadOnlyObjectWrapper<>(this, "stream");
  private final ObjectProperty<Masking> masking =
      new SimpleObjectProperty<>(this, "masking", Masking.off());
  private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow");
  private final BooleanProperty stickToLatest =
      new SimpleBooleanProperty(this, "stickToLatest", true);
  private ReducerWatcher watcher;
  private boolean watch;
  private final LiveFollow live;

  public ExplorerViewModel(TaskRunner tasks, Function<StoreTarget, EventSource> opener) {
    this(tasks, opener, JsReducers::load);
  }

  ExplorerViewModel(
      TaskRunner tasks,
      Function<StoreTarget, EventSource> opener,
      Function<Path, ReducerSet> reducerLoader) {
    this.tasks = tasks;
    this.streams = new StoreViewModel(tasks, opener);
    this.reducerLoader = reducerLoader;
    this.audit = new AuditViewModel(tasks, streams.sourceProperty()::get, reducers::get);
    this.live = new LiveFollow(this, tasks, opener);
    streams
        .sourceProperty()
        .addListener(
            (obs, old, now) -> {
              stopStream(); // its fold reads the store being replaced
              stream.set(null);
              audit.storeChanged();
            });
    // another store is followed in its place (the same one opened again keeps its follower)
    streams.targetProperty().addListener((obs, old, now) -> live.restart());
    masking.addListener(
        (obs, old, now) -> {
          StreamViewModel open = stream.get();
          if (open != null) {
            open.refreshShown();
          }
        });
    follow.addListener((obs, was, on) -> live.restart());
  }

  /** The open store's findings and bookmarks. */
  public AuditViewModel audit() {
    return audit;
  }

  /**
   * What the window masks (field names and JSON pointers shown as •••): the state, the event, the
   * table, comparisons, histories, and exported reports.
   */
  public ObjectProperty<Masking> maskingProperty() {
    return masking;
  }

  /** The open store: its source and its streams. */
  public StoreViewModel streams() {
    return streams;
  }

  public ReadOnlyObjectProperty<StreamViewModel> streamProperty() {
    return stream.getReadOnlyProperty();
  }

  // ------------------------------------------------------------------------------------ streams

  /** Opens a stream of the open store at {@code ordinal} (-1: the initial state; MAX: the end). */
  public void openStream(StreamSummary summary, int ordinal) {
    openStream(summary, replay -> ordinal);
  }

  /** Opens a stream of the open store at the ordinal {@code target} picks once it is folded. */
  void openStream(StreamSummary summary, ToIntFunction<StreamReplay> target) {
    EventSource source = streams.sourceProperty().get();
    if (source == null) {
      return;
    }
    stopStream();
    StreamViewModel next = new StreamViewModel(tasks, source, summary);
    next.setMasking(masking::get);
    // folding first: whoever hears of the new stream (the list selects it) sees it loading, not
    // as one whose folding was cancelled
    next.build(reducers.get(), target);
    stream.set(next);
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
    return openStream(id, version, () -> {});
  }

  /**
   * Opens a stream by id at {@code version} (MAX: its last). False when the store has no such
   * stream; a server store's stream that is not listed yet is looked up in the background, and
   * {@code missing} runs when it is not there either.
   */
  public boolean openStream(String id, long version, Runnable missing) {
    ToIntFunction<StreamReplay> at =
        replay -> version == Long.MAX_VALUE ? replay.size() - 1 : replay.ordinalAtVersion(version);
    for (StreamSummary s : streams.allStreams()) {
      if (s.stream().equals(id)) {
        openStream(s, at);
        return true;
      }
    }
    EventSource source = streams.sourceProperty().get();
    if (streams.complete() || source == null) {
      return false;
    }
    tasks.run(
        () -> source.stream(id),
        found -> {
          if (streams.sourceProperty().get() != source) {
            return; // another store was opened meanwhile
          }
          if (found.isPresent()) {
            openStream(found.get(), at);
          } else {
            missing.run();
          }
        },
        failure -> missing.run());
    return true;
  }

  // ----------------------------------------------------------------------------------- reducers

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
      watcher = ReducerWatcher.watch(path, tasks, () -> tasks.later(() -> reload(path)));
    } catch (IOException e) {
      reducerStatus.set(new ReducerStatus(ReducerStatus.Kind.NOT_WATCHED, path, e.getMessage()));
    }
  }

  private void reload(Path path) {
    if (!path.equals(reducerPath.get())) {
      return;
    }
    // a save while editing may be half-done: say so in the status line, keep the last good reducers
    reducerStatus.set(new ReducerStatus(ReducerStatus.Kind.RELOADING, path, null));
    tasks.run(
        () -> reducerLoader.apply(path),
        loaded -> {
          reducers.set(loaded);
          reducerStatus.set(new ReducerStatus(ReducerStatus.Kind.RELOADED, path, null));
          refold();
        },
        failure ->
            reducerStatus.set(
                new ReducerStatus(
                    ReducerStatus.Kind.RELOAD_FAILED, path, StoreViewModel.message(failure))));
  }

  /** Loads reducers from a file or folder in the background, then refolds the open stream. */
  public void loadReducers(Path path) {
    reducerStatus.set(new ReducerStatus(ReducerStatus.Kind.LOADING, path, null));
    tasks.run(
        () -> reducerLoader.apply(path),
        loaded -> {
          boolean changedPath = !path.equals(reducerPath.get());
          reducerPath.set(path);
          reducers.set(loaded);
          reducerStatus.set(new ReducerStatus(ReducerStatus.Kind.LOADED, path, null));
          if (changedPath) {
            rewatch(path);
          }
          refold();
        },
        failure ->
            reducerStatus.set(
                new ReducerStatus(
                    ReducerStatus.Kind.FAILED, path, StoreViewModel.message(failure))));
  }

  /** Goes back to the generic reducer. */
  public void clearReducers() {
    reducers.set(ReducerSet.generic());
    reducerPath.set(null);
    rewatch(null);
    reducerStatus.set(ReducerStatus.NONE);
    refold();
  }

  /** Refolds the open stream with the current reducers, keeping its position. */
  public void refold() {
    StreamViewModel vm = stream.get();
    if (vm != null) {
      vm.refold(reducers.get());
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

  /** What happened to the reducers last. */
  public ReadOnlyObjectProperty<ReducerStatus> reducerStatusProperty() {
    return reducerStatus.getReadOnlyProperty();
  }

  // ------------------------------------------------------------------------------------ reports

  /**
   * Writes an evidence report on the open stream (all of it) to {@code out}: HTML, or JSON or CSV
   * when the file's name ends so; with the window's reducer, masking and the store's bookmarks.
   * Runs in the background; {@code done} gets a line to show. A SQLite database or the open store
   * is never written over ({@link OutputPaths}): {@code failed} gets why.
   */
  public void exportReport(Path out, Consumer<String> done, Consumer<Throwable> failed) {
    StreamViewModel open = stream.get();
    EventSource source = streams.sourceProperty().get();
    if (open == null || source == null) {
      failed.accept(
          new IllegalStateException("Open a stream first: a report is about one stream."));
      return;
    }
    try {
      // the chooser has asked about replacing a file; a database or the open store is never
      // replaced
      OutputPaths.checkWritable(out, source.localFile().orElse(null), true);
    } catch (OutputPaths.Refused refused) {
      failed.accept(refused);
      return;
    }
    Reducer reducer = reducers.get().forStream(open.stream().stream(), open.stream().type());
    Path reducerFile = reducerPath.get();
    Masking mask = masking.get();
    String version =
        "hindsight "
            + Objects.requireNonNullElse(
                ExplorerViewModel.class.getPackage().getImplementationVersion(), "dev");
    tasks.run(
        () -> {
          Evidence evidence =
              Evidence.gather(
                  source,
                  open.stream(),
                  null,
                  null,
                  reducer,
                  reducerFile,
                  version,
                  Instant.now().truncatedTo(ChronoUnit.SECONDS),
                  mask,
                  Bookmarks.of(source).of(open.stream().stream(), Long.MIN_VALUE, Long.MAX_VALUE),
                  Progress.NONE);
          ReportWriter.write(evidence, ReportWriter.Format.forFile(out), out);
          return "Report written to "
              + out.getFileName()
              + ": "
              + Words.count(evidence.events().size(), "event")
              + ", "
              + Words.count(evidence.findings().size(), "finding")
              + (mask.on() ? ", masking on" : "");
        },
        done,
        failed);
  }

  // ------------------------------------------------------------------------------------- follow

  /**
   * Follow mode: a {@link LiveFollow} of the open store looks every {@link #FOLLOW_EVERY} for what
   * another process committed; when something was, the stream list is read again and the open
   * stream is folded again with its new events, at the same event, or at the newest with {@link
   * #stickToLatestProperty()}. It follows whichever store is open, and stops with the window.
   */
  public BooleanProperty followProperty() {
    return follow;
  }

  /** While following: show the newest event as events arrive. */
  public BooleanProperty stickToLatestProperty() {
    return stickToLatest;
  }

  /** Closes the store and stops what runs for it. */
  public void close() {
    follow.set(false);
    rewatch(null);
    stopStream();
    streams.close();
  }
}
