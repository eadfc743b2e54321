package dev.hindsight.ui;

import dev.hindsight.audit.Bookmarks;
import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Seal;
import dev.hindsight.audit.SealCheck;
import dev.hindsight.audit.StorePrint;
import dev.hindsight.audit.Verifier;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.store.EventSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open store's audit: its findings (from a verify run in the background, cancellable) and its
 * bookmarks and notes (kept in Hindsight's data folder).
 */
public final class AuditViewModel {

  private final TaskRunner tasks;
  private final Supplier<EventSource> source;
  private final Supplier<ReducerSet> reducers;
  private final ObservableList<Finding> findings = FXCollections.observableArrayList();
  private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private Bookmarks store;
  private AtomicBoolean cancel = new AtomicBoolean();

  AuditViewModel(TaskRunner tasks, Supplier<EventSource> source, Supplier<ReducerSet> reducers) {
    this.tasks = tasks;
    this.source = source;
    this.reducers = reducers;
  }

  /**
   * A new store is open: no findings until it is verified, and its bookmarks, loaded in the
   * background (finding a copied or moved store's bookmarks reads the store).
   */
  void storeChanged() {
    cancel();
    findings.clear();
    EventSource s = source.get();
    message.set(s == null ? "" : "Not verified yet: Verify checks the whole store.");
    store = null;
    bookmarks.clear();
    if (s == null) {
      return;
    }
    tasks.run(
        () -> Bookmarks.of(s),
        loaded -> {
          if (source.get() == s) {
            store = loaded;
            bookmarks.setAll(loaded.all());
          }
        },
        // a damaged bookmarks file is left as it is (saving over it would lose it), and said
        unreadable -> {
          if (source.get() == s) {
            message.set("Bookmarks are off for this store: " + StoreViewModel.message(unreadable));
          }
        });
  }

  // ------------------------------------------------------------------------------- findings

  /** Verifies the whole store in the background, with the window's reducers. */
  public void verify() {
    EventSource s = source.get();
    if (s == null) {
      return;
    }
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    verifying.set(true);
    progress.set(0);
    message.set("Verifying " + s.shortName() + "…");
    ReducerSet r = reducers.get();
    tasks.run(
        () ->
            Verifier.verify(
                s,
                r,
                (done, total) -> {
                  double p = total == 0 ? 0 : (double) done / total;
                  tasks.later(() -> progress.set(p));
                  return !mine.get();
                }),
        result -> {
          if (mine.get() || source.get() != s) {
            return;
          }
          verifying.set(false);
          progress.set(1);
          findings.setAll(result.findings());
          message.set(
              String.format(
                  Locale.ROOT,
                  "%s, %s checked: %s",
                  Words.count(result.streams(), "stream"),
                  Words.count(result.events(), "event"),
                  summary(result.findings())));
        },
        failure -> {
          verifying.set(false);
          if (!(failure instanceof CancellationException) && !mine.get()) {
            message.set("Verify failed: " + StoreViewModel.message(failure));
          }
        });
  }

  /**
   * Verifies the whole store and checks it against a seal ({@code hindsight seal}) or a JSON
   * evidence report, in the background: the findings of both, and whether the events are as sealed.
   */
  public void verifyAgainst(Path sealFile) {
    EventSource s = source.get();
    if (s == null) {
      return;
    }
    cancel.set(true);
    AtomicBoolean mine = new AtomicBoolean();
    cancel = mine;
    verifying.set(true);
    progress.set(0);
    message.set("Verifying " + s.shortName() + " against " + sealFile.getFileName() + "…");
    ReducerSet r = reducers.get();
    Progress halves =
        (done, total) -> {
          double p = total == 0 ? 0 : (double) done / total;
          tasks.later(() -> progress.set(p));
          return !mine.get();
        };
    tasks.run(
        () -> {
          // as verify --against: the seal first without its entries, the store's chain heads,
          // then prints (the seal's and the store's) only where the heads differ
          Seal seal = Seal.read(sealFile, (stream, head, events) -> false);
          String signature = seal.signatureProblem(sealFile, null);
          Verifier.Result checked = Verifier.verify(s, r, halves);
          StorePrint now;
          if (seal.wholeStore()) {
            SealCheck.Compared compared =
                SealCheck.prepare(s, sealFile, StorePrint.heads(s, halves), halves);
            seal = compared.seal();
            now = compared.now();
          } else {
            StorePrint reported = seal.print(); // a report's stream: its prints alone
            now = StorePrint.take(s, halves, id -> reported.stream(id) != null);
          }
          return new Against(
              seal,
              seal.matches(now),
              SealCheck.withSeal(checked.findings(), seal, signature, now, s));
        },
        result -> {
          if (mine.get() || source.get() != s) {
            return;
          }
          verifying.set(false);
          progress.set(1);
          findings.setAll(result.findings());
          Seal seal = result.seal();
          message.set(
              (seal.wholeStore()
                      ? (result.matches()
                              ? "The events are as sealed ("
                              : "The events differ from the seal (")
                          + seal.sealedAt()
                          + (seal.user() == null ? "" : ", " + seal.user() + "@" + seal.host())
                          + ")"
                      : (result.matches()
                              ? "The stream is as reported ("
                              : "The stream differs from the report (")
                          + seal.sealedAt()
                          + ")")
                  + ": "
                  + summary(result.findings()));
        },
        failure -> {
          verifying.set(false);
          if (!(failure instanceof CancellationException) && !mine.get()) {
            message.set("Verify failed: " + StoreViewModel.message(failure));
          }
        });
  }

  /** "no findings", or how many to look at and how many for information. */
  private static String summary(List<Finding> found) {
    if (found.isEmpty()) {
      return "no findings";
    }
    long counted = found.stream().filter(Finding::counts).count();
    return Words.count(counted, "finding")
        + " to look at, "
        + (found.size() - counted)
        + " for information";
  }

  /** What checking against a seal found. */
  private record Against(Seal seal, boolean matches, List<Finding> findings) {}

  public void cancel() {
    cancel.set(true);
    if (verifying.get()) {
      verifying.set(false);
      message.set("Verify cancelled.");
    }
  }

  public ObservableList<Finding> findings() {
    return findings;
  }

  public ReadOnlyBooleanProperty verifyingProperty() {
    return verifying.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  // ------------------------------------------------------------------------------ bookmarks

  /**
   * Marks {@code version} of {@code stream} with a note, now, and keeps it with the content hash of
   * the event (read in the background).
   */
  public void bookmark(
      StreamSummary stream, long version, String title, String text, String author) {
    Bookmarks kept = store;
    EventSource s = source.get();
    if (kept == null || s == null) {
      return;
    }
    Instant now = Instant.now();
    tasks.run(
        () -> Bookmarks.eventHash(s, stream.stream(), version),
        hash -> {
          kept.add(new Bookmark(stream.stream(), version, title, text, author, now, hash, null));
          if (store == kept) {
            bookmarks.setAll(kept.all());
          }
        },
        failure -> message.set("The bookmark was not kept: " + StoreViewModel.message(failure)));
  }

  public void remove(Bookmark bookmark) {
    if (store != null) {
      store.remove(bookmark);
      bookmarks.setAll(store.all());
    }
  }

  /**
   * Writes the store's bookmarks to a file to share, with the store's digest (read in the
   * background: a whole pass over the store).
   */
  public void exportBookmarks(Path target) {
    Bookmarks kept = store;
    EventSource s = source.get();
    if (kept == null || s == null) {
      return;
    }
    message.set("Exporting bookmarks (taking the store's digest)…");
    tasks.run(
        () -> {
          kept.exportTo(target, StorePrint.digest(s, Progress.NONE));
          return kept.all().size();
        },
        n -> message.set(Words.count(n, "bookmark") + " exported to " + target.getFileName()),
        failure ->
            message.set("The bookmarks were not exported: " + StoreViewModel.message(failure)));
  }

  /**
   * Adds the bookmarks of a shared file, each checked in the background against this store: one
   * whose event's content hash differs is kept, flagged.
   */
  public void importBookmarks(Path file) {
    importBookmarks(
        file,
        failure ->
            message.set("The bookmarks could not be imported: " + StoreViewModel.message(failure)));
  }

  /** {@link #importBookmarks(Path)}, with what to do when the file cannot be read. */
  public void importBookmarks(Path file, java.util.function.Consumer<Throwable> failed) {
    Bookmarks kept = store;
    EventSource s = source.get();
    if (kept == null || s == null) {
      return;
    }
    tasks.run(
        () -> Bookmarks.check(file, s),
        checked -> {
          int added = kept.merge(checked);
          long flagged = checked.stream().filter(b -> b.problem() != null).count();
          if (store == kept) {
            bookmarks.setAll(kept.all());
          }
          message.set(
              Words.count(added, "bookmark")
                  + " imported from "
                  + file.getFileName()
                  + (flagged == 0
                      ? ""
                      : "; "
                          + flagged
                          + (flagged == 1 ? " does" : " do")
                          + " not match the event marked (flagged)"));
        },
        failed::accept);
  }

  public ObservableList<Bookmark> bookmarks() {
    return bookmarks;
  }
}
