package dev.hindsight.ui;

import dev.hindsight.audit.OutputPaths;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.AllStreams;
import dev.hindsight.replay.ReducerException;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.FindInAllStreams;
import dev.hindsight.replay.js.Finder;
import dev.hindsight.store.EventSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Find in all streams: for every stream the window's reducers apply to (with the generic reducer:
 * every stream, or those a glob picks), the first event after which a condition holds, searched in
 * the background ({@link FindInAllStreams}). Hits are listed as they are found, handed to the UI
 * thread in batches (one hop at a time, however many streams); a hit opens its stream there.
 */
public final class FindAllViewModel {

  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final StringProperty condition = new SimpleStringProperty(this, "condition", "");
  private final StringProperty streams = new SimpleStringProperty(this, "streams", "");
  private final ObservableList<FindInAllStreams.Hit> hits = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private Search search;
  private Runnable onOpen = () -> {};

  FindAllViewModel(TaskRunner tasks, ExplorerViewModel explorer) {
    this.tasks = tasks;
    this.explorer = explorer;
    explorer.streams().sourceProperty().addListener(obs -> clear());
  }

  /** One search: its cancel flag, its handle, and what its workers found not yet listed. */
  private final class Search {
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicBoolean drainPlanned = new AtomicBoolean();
    final Queue<FindInAllStreams.Hit> found = new ConcurrentLinkedQueue<>();
    final AtomicLong done = new AtomicLong(); // events, of the streams' total
    final AtomicLong total = new AtomicLong();
    TaskRunner.Handle handle;

    /** From a worker: one hop to the UI thread, unless one is already on its way. */
    void planDrain() {
      if (drainPlanned.compareAndSet(false, true)) {
        tasks.later(this::drain);
      }
    }

    /** On the UI thread: lists what was found since the last hop (synchronized for sameThread). */
    synchronized void drain() {
      drainPlanned.set(false);
      if (cancelled.get() || search != this) {
        return;
      }
      List<FindInAllStreams.Hit> batch = new ArrayList<>();
      for (FindInAllStreams.Hit h; (h = found.poll()) != null; ) {
        batch.add(h);
      }
      if (!batch.isEmpty()) {
        hits.addAll(batch);
      }
      if (cancelled.get()) {
        return; // cancelled by someone who heard of the batch
      }
      long all = total.get();
      progress.set(all == 0 ? 0 : (double) done.get() / all);
      message.set(
          all == 0
              ? "Searching: " + Words.count(hits.size(), "hit") + " so far…"
              : String.format(
                  Locale.ROOT,
                  "Searching: %,d of %,d events read, %s so far…",
                  done.get(),
                  all,
                  Words.count(hits.size(), "hit")));
    }

    void cancel() {
      cancelled.set(true);
      if (handle != null) {
        handle.cancel();
      }
    }
  }

  /**
   * Searches every stream (those the glob picks) in the background with the window's reducers; a
   * search under way is cancelled first.
   *
   * @return null when it started, or why not (no store, a condition that does not compile)
   */
  public String find() {
    EventSource source = explorer.streams().sourceProperty().get();
    if (source == null) {
      return say("Open a store first.");
    }
    Finder finder;
    try {
      finder = Finder.compile(condition.get());
    } catch (ReducerException | IllegalArgumentException e) {
      return say("The condition: " + e.getMessage());
    }
    String glob = streams.get() == null || streams.get().isBlank() ? null : streams.get().strip();
    AllStreams.Selection selection = new AllStreams.Selection(null, glob);
    boolean complete = explorer.streams().complete();
    List<StreamSummary> listed;
    try {
      // a server store's streams are read when the search runs, in the background, not at open
      listed = selection.of(complete ? explorer.streams().allStreams() : List.of());
    } catch (IllegalArgumentException e) {
      return say("The streams: " + e.getMessage());
    }
    var everyStream = explorer.streams().everyStream();
    ReducerSet reducers = explorer.reducersProperty().get();
    FindInAllStreams engine =
        new FindInAllStreams(finder, reducers == null ? ReducerSet.generic() : reducers);
    stop();
    problem.set("");
    hits.clear();
    Search mine = new Search();
    search = mine;
    busy.set(true);
    progress.set(0);
    message.set(
        complete
            ? "Searching " + Words.count(engine.streams(listed).size(), "stream") + "…"
            : "Reading the streams, then searching them…");
    mine.handle =
        tasks.run(
            () ->
                engine.run(
                    source,
                    complete ? listed : selection.of(everyStream.get()),
                    hit -> {
                      mine.found.add(hit);
                      mine.planDrain();
                    },
                    (done, total) -> {
                      mine.done.set(done);
                      mine.total.set(total);
                      mine.planDrain();
                      return !mine.cancelled.get();
                    }),
            result -> {
              if (search != mine || mine.cancelled.get()) {
                return;
              }
              busy.set(false);
              progress.set(1);
              hits.setAll(result.hits()); // in stream-id order, as the CLI prints them
              message.set(summary(result));
            },
            failure -> {
              if (search == mine && !mine.cancelled.get()) {
                busy.set(false);
                message.set("The search failed: " + StoreViewModel.message(failure));
              }
            });
    return null;
  }

  private String say(String why) {
    problem.set(why);
    return why;
  }

  /** "N of M streams: the condition holds", and the errors met, in one line. */
  static String summary(FindInAllStreams.Result r) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%,d of %,d %s: the condition holds",
                r.hits().size(),
                r.streams(),
                r.streams() == 1 ? "stream" : "streams"));
    if (!r.reducerErrors().isEmpty()) {
      out.append(" · ").append(Words.count(r.reducerErrors().size(), "reducer error"));
    }
    if (r.conditionError() != null) {
      out.append(" · the condition failed in ")
          .append(Words.count(r.conditionErrorStreams(), "stream"))
          .append(" (counted as false), first in ")
          .append(r.conditionError());
    }
    if (!r.note().isEmpty()) {
      out.append("; ").append(r.note());
    }
    return out.toString();
  }

  /** Stops the search under way; what it found so far stays listed. */
  public void cancel() {
    if (stop()) {
      message.set("Cancelled: " + Words.count(hits.size(), "hit") + " so far.");
    }
  }

  private boolean stop() {
    boolean was = busy.get();
    if (search != null) {
      search.cancel();
      search = null;
    }
    busy.set(false);
    return was;
  }

  /** Another store (or none): the search stops and its hits go. */
  private void clear() {
    stop();
    hits.clear();
    problem.set("");
    message.set("");
    progress.set(0);
  }

  /** A hit chosen: its stream, at the event where the condition first holds. */
  public void open(FindInAllStreams.Hit hit) {
    if (hit != null && explorer.openStream(hit.stream(), hit.version())) {
      onOpen.run();
    }
  }

  /** What the window does once a hit's stream is open (shows it). */
  void setOnOpen(Runnable action) {
    this.onOpen = action;
  }

  /**
   * Writes the hits listed to {@code file} in the background: CSV when its name ends with .csv,
   * otherwise JSON as {@code find --all-streams --json} prints it; never over a SQLite database or
   * the open store ({@link OutputPaths}).
   */
  public void export(Path file, Consumer<String> onDone, Consumer<Throwable> onFailed) {
    EventSource source = explorer.streams().sourceProperty().get();
    try {
      OutputPaths.checkWritable(
          file, source == null ? null : source.localFile().orElse(null), true);
    } catch (OutputPaths.Refused refused) {
      onFailed.accept(refused);
      return;
    }
    List<FindInAllStreams.Hit> listed = List.copyOf(hits);
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    tasks.run(
        () -> {
          String text = csv ? FindInAllStreams.csv(listed) : FindInAllStreams.json(listed);
          Files.writeString(file, text, StandardCharsets.UTF_8);
          return Words.count(listed.size(), "hit") + " exported to " + file.getFileName();
        },
        onDone,
        onFailed);
  }

  /** The condition over state (after the event) and event, e.g. state.balance &lt; 0. */
  public StringProperty conditionProperty() {
    return condition;
  }

  /** A glob the streams' ids must match (empty: every stream), e.g. payment-*. */
  public StringProperty streamsProperty() {
    return streams;
  }

  /** The hits: as they arrive while searching, then in stream-id order. */
  public ObservableList<FindInAllStreams.Hit> hits() {
    return hits;
  }

  /** The status line: how far, or what was found and the errors met. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Why a search could not start (the condition does not compile), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }
}
