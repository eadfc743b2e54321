package dev.hindsight.ui;

import dev.hindsight.audit.OutputPaths;
import dev.hindsight.event.StreamGlob;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.ReducerException;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The open store: which store it is (and the mapping it was read with), its source, its streams and
 * the stream list's filter, and what to tell the user about it. It owns the source: the previous
 * one is closed when another store opens, the last one when the window closes. It never sees a
 * control; opening and reading run through the {@link TaskRunner}.
 *
 * <p>A file's streams are read whole at open, and the filter works on that list. A database
 * server's (a store that is no local file) may hold millions: its list is paged and filtered on the
 * server. The first {@value #PAGE} show at once, the next page loads when the list is scrolled to
 * its end ({@link #loadMore}), and the filter becomes a glob the server matches (a plain word
 * {@code w} is {@code *w*}). What needs every stream reads them when it runs ({@link
 * #everyStream}), not at open.
 */
public final class StoreViewModel {

  /** How many streams of a server store one page holds. */
  static final int PAGE = 200;

  private final TaskRunner tasks;
  private final Function<StoreTarget, EventSource> opener;
  private final ObservableList<StreamSummary> streams = FXCollections.observableArrayList();
  private final FilteredList<StreamSummary> visible = new FilteredList<>(streams, s -> true);
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper(this, "location");
  private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
  private final ReadOnlyObjectWrapper<StoreTarget> target =
      new ReadOnlyObjectWrapper<>(this, "target");
  private final ReadOnlyObjectWrapper<EventSource> source =
      new ReadOnlyObjectWrapper<>(this, "source");
  private final ReadOnlyStringWrapper layoutName =
      new ReadOnlyStringWrapper(this, "layoutName", "");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(this, "status", "No store open");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private long generation;
  private boolean paged; // the open store's list is paged and filtered on its server
  private String glob; // the server's filter of a paged list (null: every stream)
  private long pages; // which paging of the list (a new filter starts another) a page is for
  private boolean loadingPage;
  private Recovery recovery = (t, failure) -> false;
  private int page = PAGE;

  /**
   * What may still open a store that failed to: ask for a password the server wants, or which of
   * several stores to open. True when it took the failure over (no error is shown then).
   */
  @FunctionalInterface
  public interface Recovery {
    boolean recover(StoreTarget target, Throwable failure);
  }

  public StoreViewModel(TaskRunner tasks, Function<StoreTarget, EventSource> opener) {
    this.tasks = tasks;
    this.opener = opener;
    filter.addListener((obs, old, text) -> applyFilter(text));
  }

  /** Opens {@code path}, its layout detected, in the background. */
  public void open(Path path) {
    open(StoreTarget.of(path), list -> {});
  }

  /** Opens {@code target} in the background. */
  public void open(StoreTarget target) {
    open(target, list -> {});
  }

  /**
   * Opens {@code target} in the background; the previous store stays shown until this one is read.
   * Then {@code after} runs with its streams, or with none when it failed or another store was
   * opened meanwhile: it always runs.
   */
  public void open(StoreTarget target, Consumer<List<StreamSummary>> after) {
    long mine = ++generation;
    Path path = target.file();
    busy.set(true);
    error.set(null);
    status.set((target.isServer() ? "Connecting to " : "Opening ") + target.name() + "…");
    String firstGlob = globOf(filter.get());
    int size = page;
    tasks.run(
        () -> {
          EventSource opened = opener.apply(target);
          try {
            boolean server = opened.localFile().isEmpty();
            return new Opened(
                opened,
                opened.layout().name(),
                server ? opened.streams(null, firstGlob, size) : opened.streams(),
                server);
          } catch (RuntimeException e) {
            opened.close();
            throw e;
          }
        },
        opened -> {
          if (mine != generation) {
            closeLater(opened.source());
            after.accept(List.of());
            return;
          }
          EventSource previous = this.source.get();
          this.source.set(opened.source());
          closeLater(previous);
          layoutName.set(opened.layout());
          paged = opened.paged();
          pages++;
          loadingPage = false;
          glob = paged ? firstGlob : null;
          more.set(paged && opened.streams().size() >= size);
          visible.setPredicate(s -> true);
          streams.setAll(opened.streams());
          if (!paged) {
            applyFilter(filter.get());
          }
          this.target.set(target);
          file.set(path);
          // last: whoever listens to it finds the store's streams in place
          location.set(target.location());
          busy.set(false);
          updateStatus();
          after.accept(opened.streams());
        },
        failure -> {
          if (mine == generation) {
            busy.set(false);
            // what the status says while the user is asked (a password, which store)
            if (location.get() == null) {
              status.set("No store open");
            } else {
              updateStatus();
            }
            if (recovery.recover(target, failure)) {
              after.accept(List.of()); // and another open may be under way now
              return;
            }
            error.set(message(failure));
            if (location.get() == null) {
              status.set("Could not open " + target.name());
            } else {
              updateStatus(); // the store that was open stays open, and the status says so
            }
          }
          after.accept(List.of());
        });
  }

  /** Closes a source in the background: closing waits for a read in progress on it. */
  private void closeLater(EventSource old) {
    if (old != null) {
      tasks.run(
          () -> {
            old.close();
            return null;
          },
          done -> {},
          failure -> {});
    }
  }

  private record Opened(
      EventSource source, String layout, List<StreamSummary> streams, boolean paged) {}

  /** How many streams of a server store one page holds (tests page by a few). */
  void setPageSize(int streams) {
    this.page = streams;
  }

  /** Who may still open a store that failed to (the window's commands: they ask the user). */
  void setRecovery(Recovery recovery) {
    this.recovery = recovery;
  }

  /**
   * Opens the same store again (one that had to be: see {@code EventSource.Change}), then runs
   * {@code after} with its streams.
   */
  public void reopen(Consumer<List<StreamSummary>> after) {
    StoreTarget t = target.get();
    if (t == null) {
      after.accept(List.of());
    } else {
      open(t, after);
    }
  }

  /**
   * Reads the open store's streams again (it was written to) and shows them; then runs {@code
   * after} on the UI thread with the new list. The filter stays as it is.
   */
  public void refresh(Consumer<List<StreamSummary>> after) {
    EventSource open = source.get();
    if (open == null) {
      after.accept(List.of());
      return;
    }
    long mine = generation;
    boolean serverList = paged;
    String serverGlob = glob;
    int count = Math.max(page, streams.size());
    tasks.run(
        () -> serverList ? open.streams(null, serverGlob, count) : open.streams(),
        list -> {
          if (mine != generation || source.get() != open) {
            after.accept(List.of()); // another store was opened meanwhile: nothing to show
            return;
          }
          if (serverList) {
            pages++; // a page still loading was of the list before
            loadingPage = false;
            more.set(list.size() >= count);
          }
          streams.setAll(list);
          updateStatus();
          after.accept(list);
        },
        failure -> {
          error.set(message(failure));
          after.accept(List.of()); // the caller's work is done, if not well
        });
  }

  /** The open store, kept open while it is shown; the previous one is closed when another opens. */
  public ReadOnlyObjectProperty<EventSource> sourceProperty() {
    return source.getReadOnlyProperty();
  }

  /** Closes the open store (when the window closes). */
  public void close() {
    generation++; // an open still running installs nothing now: its source is closed when it ends
    EventSource s = source.get();
    source.set(null);
    if (s != null) {
      s.close();
    }
  }

  static String message(Throwable failure) {
    if (failure instanceof StoreException
        || failure instanceof ReducerException
        || failure instanceof OutputPaths.Refused) {
      return failure.getMessage();
    }
    String m = failure.getMessage();
    return failure.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /**
   * The next page of a server store's list (the view calls this when the list is scrolled to its
   * end); nothing when every stream the filter picks is listed, or a page is on its way.
   */
  public void loadMore() {
    EventSource open = source.get();
    if (!paged || !more.get() || loadingPage || open == null) {
      return;
    }
    loadingPage = true;
    long mine = pages;
    String after = streams.isEmpty() ? null : streams.get(streams.size() - 1).stream();
    String g = glob;
    int size = page;
    tasks.run(
        () -> open.streams(after, g, size),
        next -> {
          if (mine != pages || source.get() != open) {
            return; // the list was filtered or read again meanwhile
          }
          loadingPage = false;
          more.set(next.size() >= size);
          streams.addAll(next);
          updateStatus();
        },
        failure -> {
          if (mine == pages) {
            loadingPage = false;
            error.set(message(failure));
          }
        });
  }

  /**
   * The glob a server matches for the filter box's text: none for no text, a glob as written, a
   * plain word {@code w} as {@code *w*}.
   */
  static String globOf(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    return t.contains("*") || t.contains("?") ? t : "*" + t + "*";
  }

  /** A server store's list, filtered again on the server: its first page. */
  private void refilterOnServer(String text) {
    EventSource open = source.get();
    String g = globOf(text);
    glob = g;
    long mine = ++pages;
    loadingPage = true;
    busy.set(true);
    int size = page;
    tasks.run(
        () -> open.streams(null, g, size),
        first -> {
          if (mine != pages || source.get() != open) {
            return;
          }
          loadingPage = false;
          busy.set(false);
          more.set(first.size() >= size);
          streams.setAll(first);
          updateStatus();
        },
        failure -> {
          if (mine == pages) {
            loadingPage = false;
            busy.set(false);
            error.set(message(failure));
          }
        });
  }

  private void applyFilter(String text) {
    if (paged && source.get() != null) {
      refilterOnServer(text);
      return;
    }
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      visible.setPredicate(s -> true);
    } else if (t.contains("*") || t.contains("?")) {
      Pattern glob = StreamGlob.compile(t, true);
      visible.setPredicate(s -> glob.matcher(s.stream()).matches());
    } else {
      String lower = t.toLowerCase(Locale.ROOT);
      visible.setPredicate(
          s ->
              s.stream().toLowerCase(Locale.ROOT).contains(lower)
                  || (s.type() != null && s.type().toLowerCase(Locale.ROOT).equals(lower)));
    }
    updateStatus();
  }

  private void updateStatus() {
    if (location.get() == null && target.get() == null) {
      return;
    }
    long events = streams.stream().mapToLong(StreamSummary::events).sum();
    if (paged) {
      String matching = glob == null ? "" : " matching " + glob;
      status.set(
          more.get()
              ? String.format(
                  Locale.ROOT, "first %,d streams%s · more as you scroll", streams.size(), matching)
              : String.format(
                  Locale.ROOT, "%,d streams%s · %,d events", streams.size(), matching, events));
      return;
    }
    String shown = visible.size() == streams.size() ? "" : visible.size() + " of ";
    status.set(
        String.format(Locale.ROOT, "%s%,d streams · %,d events", shown, streams.size(), events));
  }

  /**
   * The streams read so far: every stream of a file, whatever the filter; of a server store, the
   * pages listed (see {@link #everyStream} for all of them).
   */
  public List<StreamSummary> allStreams() {
    return streams;
  }

  /** Whether {@link #allStreams} holds every stream of the open store. */
  public boolean complete() {
    return !paged || (!more.get() && glob == null);
  }

  /**
   * What reads every stream of the open store: to call in the background, when a question that
   * needs them all runs (a server store's list is read then, not at open).
   */
  public Supplier<List<StreamSummary>> everyStream() {
    if (complete()) {
      List<StreamSummary> copy = List.copyOf(streams);
      return () -> copy;
    }
    EventSource open = source.get();
    return open == null ? List::of : open::streams;
  }

  /** Whether the open store's list is paged and filtered on its server. */
  public boolean paged() {
    return paged;
  }

  /** Whether a server store has more streams than listed (they load on scrolling to the end). */
  public ReadOnlyBooleanProperty moreProperty() {
    return more.getReadOnlyProperty();
  }

  public ObservableList<StreamSummary> visibleStreams() {
    return visible;
  }

  public StringProperty filterProperty() {
    return filter;
  }

  /** The open store and its mapping; null before one is open. */
  public ReadOnlyObjectProperty<StoreTarget> targetProperty() {
    return target.getReadOnlyProperty();
  }

  /** The open store's file; null before one is open, and for a database server. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /**
   * Where the open store is, as shown: a file's path or a server's URL (never a password); null
   * before one is open. Set last when a store opens.
   */
  public ReadOnlyStringProperty locationProperty() {
    return location.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty layoutNameProperty() {
    return layoutName.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The last failure's message, or null; the view shows it in a dialog. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
