package dev.hindsight.ui;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.Words;
import dev.hindsight.replay.Blame;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.Finder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The questions an analyst asks of one stream: compare two points, the history of a value, when a
 * condition first holds, and which events match a search. Each runs in the background and lands in
 * a list the view shows; choosing an entry moves the stream's position.
 */
public final class AnalysisViewModel {

  /** No point chosen for A or B. */
  public static final int UNSET = Integer.MIN_VALUE;

  private final TaskRunner tasks;
  private final StreamViewModel stream;
  private final IntegerProperty compareA = new SimpleIntegerProperty(this, "compareA", UNSET);
  private final IntegerProperty compareB = new SimpleIntegerProperty(this, "compareB", UNSET);
  private final ObservableList<Change> comparison = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper historyPath = new ReadOnlyStringWrapper(this, "historyPath");
  private final ObservableList<Blame.Entry> history = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final ObservableList<Integer> searchHits = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final Map<Topic, ReadOnlyStringWrapper> messages = new EnumMap<>(Topic.class);
  private AtomicBoolean cancel = new AtomicBoolean();

  /**
   * Starts a long question (history, find, search): the previous one is cancelled, and the returned
   * progress reports to the view and says whether to go on.
   */
  private Progress startWork() {
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    busy.set(true);
    progress.set(0);
    return (done, total) -> {
      double p = total <= 0 ? 0 : (double) done / total;
      tasks.later(
          () -> {
            if (!mine.get()) {
              progress.set(p);
            }
          });
      return !mine.get();
    };
  }

  private void endWork() {
    busy.set(false);
    progress.set(1);
  }

  /** Stops the question being answered. */
  public void cancel() {
    cancel.set(true);
    busy.set(false);
  }

  /** Whether a history, find or search is running. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public AnalysisViewModel(TaskRunner tasks, StreamViewModel stream) {
    this.tasks = tasks;
    this.stream = stream;
    compareA.addListener((obs, old, now) -> compare());
    compareB.addListener((obs, old, now) -> compare());
    // new reducers refold the stream: answers computed with the old ones would be stale
    stream
        .replayProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                return;
              }
              compare();
              if (historyPath.get() != null) {
                historyOf(historyPath.get());
              }
            });
  }

  private StreamReplay replay() {
    return stream.replayProperty().get();
  }

  // ------------------------------------------------------------------------------------- compare

  /** Marks the current position as A (or B). */
  public void markA() {
    compareA.set(stream.ordinalProperty().get());
  }

  public void markB() {
    compareB.set(stream.ordinalProperty().get());
  }

  private void compare() {
    StreamReplay r = replay();
    int a = compareA.get();
    int b = compareB.get();
    if (r == null || a == UNSET || b == UNSET) {
      comparison.clear();
      return;
    }
    tasks.run(
        () -> JsonDiff.diff(r.stateAfter(a), r.stateAfter(b)),
        changes -> {
          if (compareA.get() == a && compareB.get() == b && replay() == r) {
            comparison.setAll(changes.stream().map(stream.masking()::apply).toList());
            say(
                Topic.COMPARE,
                changes.isEmpty()
                    ? "A and B have the same state"
                    : changes.size()
                        + " differences from A ("
                        + label(r, a)
                        + ") to B ("
                        + label(r, b)
                        + ")");
          }
        },
        e -> failed(Topic.COMPARE, e));
  }

  private static String label(StreamReplay r, int ordinal) {
    return ordinal < 0 ? "initial state" : "v" + r.version(ordinal);
  }

  // ------------------------------------------------------------------------------------- history

  /** Every event that changed the value at {@code pointer}. */
  public void historyOf(String pointer) {
    StreamReplay r = replay();
    if (r == null) {
      return;
    }
    historyPath.set(pointer);
    say(
        Topic.HISTORY,
        "Finding the history of " + (pointer.isEmpty() ? "the state" : pointer) + "…");
    Progress work = startWork();
    AtomicBoolean mine = cancel;
    tasks.run(
        () -> Blame.of(r, pointer, work),
        entries -> {
          if (mine.get()) {
            return; // cancelled, or superseded by a newer question
          }
          endWork();
          if (pointer.equals(historyPath.get()) && replay() == r) {
            history.setAll(
                entries.stream().map(en -> stream.masking().apply(en, pointer)).toList());
            say(
                Topic.HISTORY,
                entries.size() + " events changed " + (pointer.isEmpty() ? "the state" : pointer));
          }
        },
        e -> failed(Topic.HISTORY, e));
  }

  // ---------------------------------------------------------------------------------------- find

  /**
   * Goes to the first event after which {@code condition} holds; next/previous from the position.
   */
  public void find(String condition, Direction direction) {
    StreamReplay r = replay();
    if (r == null || condition == null || condition.isBlank()) {
      return;
    }
    int from = stream.ordinalProperty().get();
    say(Topic.FIND, "Searching…");
    Progress work = startWork();
    AtomicBoolean mine = cancel;
    tasks.run(
        () -> {
          Finder finder = Finder.compile(condition);
          return switch (direction) {
            case FIRST -> finder.first(r, work);
            case NEXT -> finder.next(r, from, work);
            case PREVIOUS -> finder.previous(r, from, work);
          };
        },
        result -> {
          if (mine.get()) {
            return; // cancelled, or superseded by a newer question
          }
          endWork();
          if (result.found()) {
            stream.ordinalProperty().set(result.ordinal());
            say(Topic.FIND, "\"" + condition + "\" holds after v" + r.version(result.ordinal()));
          } else {
            say(
                Topic.FIND,
                "\""
                    + condition
                    + "\" holds "
                    + (direction == Direction.FIRST
                        ? "after no event"
                        : direction == Direction.NEXT
                            ? "after no later event"
                            : "after no earlier event")
                    + (result.error() == null
                        ? ""
                        : " (it failed on some events: " + result.error() + ")")
                    + notePart(result, direction));
          }
        },
        e -> failed(Topic.FIND, e));
  }

  /** "; note: state.balanc was undefined at every event — a typo?", or nothing. */
  private static String notePart(Finder.Result result, Direction direction) {
    String note =
        result.note(
            switch (direction) {
              case FIRST -> "every event";
              case NEXT -> "every later event";
              case PREVIOUS -> "every earlier event";
            });
    return note.isEmpty() ? "" : "; " + note;
  }

  /** Where {@link #find} looks. */
  public enum Direction {
    FIRST,
    NEXT,
    PREVIOUS
  }

  // -------------------------------------------------------------------------------------- search

  /**
   * Every event whose type contains {@code type}, whose data or metadata contains {@code text}, and
   * whose time lies in [{@code from}, {@code to}]; each part may be null or blank.
   */
  public void search(String type, String text, Instant from, Instant to) {
    StreamReplay r = replay();
    if (r == null) {
      return;
    }
    String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    String x = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    say(Topic.SEARCH, "Searching " + r.size() + " events…");
    Progress work = startWork();
    AtomicBoolean mine = cancel;
    tasks.run(
        () -> {
          List<Integer> hits = new ArrayList<>();
          if (r.size() > 0) {
            r.forEachWhile(
                0,
                r.size() - 1,
                (o, e) -> {
                  if ((o & 255) == 0 && !work.report(o, r.size())) {
                    throw new CancellationException("search cancelled");
                  }
                  if (matches(e, t, x, from, to)) {
                    hits.add(o);
                  }
                  return true;
                });
          }
          return hits;
        },
        hits -> {
          if (mine.get()) {
            return; // cancelled, or superseded by a newer question
          }
          endWork();
          searchHits.setAll(hits);
          say(
              Topic.SEARCH,
              Words.count(hits.size(), "event") + (hits.size() == 1 ? " matches" : " match"));
        },
        e -> failed(Topic.SEARCH, e));
  }

  static boolean matches(StoredEvent e, String type, String text, Instant from, Instant to) {
    if (!type.isEmpty()
        && (e.type() == null || !e.type().toLowerCase(Locale.ROOT).contains(type))) {
      return false;
    }
    if (from != null && (e.timestamp() == null || e.timestamp().isBefore(from))) {
      return false;
    }
    if (to != null && (e.timestamp() == null || e.timestamp().isAfter(to))) {
      return false;
    }
    if (!text.isEmpty()) {
      String hay = e.data().toString() + (e.metadata() == null ? "" : e.metadata().toString());
      return hay.toLowerCase(Locale.ROOT).contains(text);
    }
    return true;
  }

  /** Goes to the next (or previous) search hit from the position. */
  public void nextHit(boolean forward) {
    int at = stream.ordinalProperty().get();
    Integer target = null;
    for (Integer h : searchHits) {
      if (forward && h > at) {
        target = h;
        break;
      }
      if (!forward && h < at) {
        target = h;
      }
    }
    if (target != null) {
      stream.ordinalProperty().set(target);
    }
  }

  private void failed(Topic topic, Throwable failure) {
    endWork();
    say(
        topic,
        failure instanceof CancellationException ? "Cancelled" : StoreViewModel.message(failure));
  }

  /** Which question a message answers: each tab shows its own. */
  public enum Topic {
    COMPARE,
    HISTORY,
    FIND,
    SEARCH
  }

  private ReadOnlyStringWrapper messageOf(Topic topic) {
    return messages.computeIfAbsent(topic, t -> new ReadOnlyStringWrapper(this, "message" + t));
  }

  private void say(Topic topic, String text) {
    messageOf(topic).set(text);
    message.set(text);
  }

  /** What the last question on {@code topic} found. */
  public ReadOnlyStringProperty messageProperty(Topic topic) {
    return messageOf(topic).getReadOnlyProperty();
  }

  // ---------------------------------------------------------------------------------- properties

  public IntegerProperty compareAProperty() {
    return compareA;
  }

  public IntegerProperty compareBProperty() {
    return compareB;
  }

  public ObservableList<Change> comparison() {
    return comparison;
  }

  public ReadOnlyStringProperty historyPathProperty() {
    return historyPath.getReadOnlyProperty();
  }

  public ObservableList<Blame.Entry> history() {
    return history;
  }

  public ObservableList<Integer> searchHits() {
    return searchHits;
  }

  /** What the last question found, for the status line of the panel. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
