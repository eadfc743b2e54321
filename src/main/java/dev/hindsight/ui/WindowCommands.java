package dev.hindsight.ui;

import dev.hindsight.audit.Masking;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.StoreChoiceException;
import dev.hindsight.store.codec.Timestamps;
import dev.hindsight.store.open.Stores;
import dev.hindsight.tour.Tour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the window's menus, keys and buttons do: open a store (with a mapping, from Open Recent, the
 * demo), reducers, reports, tours, bookmarks, masking, Go to. Each asks what it needs through
 * {@link Dialogs}, so a cancelled question does nothing, and runs slow work on the {@link
 * TaskRunner}.
 */
public final class WindowCommands {

  static final List<Dialogs.Filter> STORES =
      List.of(
          new Dialogs.Filter("SQLite event stores", "*.db", "*.sqlite", "*.sqlite3", "*.db3"),
          new Dialogs.Filter("All files", "*"));
  static final List<Dialogs.Filter> JSON = List.of(new Dialogs.Filter("JSON", "*.json"));

  /** Asks for a seal (or a JSON evidence report) to verify the open store against. */
  java.util.Optional<java.nio.file.Path> openSeal() {
    return dialogs.openFile("Verify against a seal", null, JSON);
  }

  private final WindowViewModel window;
  private final TaskRunner tasks;
  private final ExplorerViewModel explorer;
  private final Dialogs dialogs;
  private final RecentFiles recent;
  private final Settings settings;
  private final ObservableList<StoreTarget> recentStores = FXCollections.observableArrayList();
  private final BookmarkCommands bookmarks;
  private Consumer<StoreTarget> onNewWindow;

  WindowCommands(
      WindowViewModel window,
      TaskRunner tasks,
      ExplorerViewModel explorer,
      Dialogs dialogs,
      RecentFiles recent,
      Settings settings) {
    this.window = window;
    this.tasks = tasks;
    this.explorer = explorer;
    this.dialogs = dialogs;
    this.recent = recent;
    this.settings = settings;
    this.bookmarks = new BookmarkCommands(window, explorer, dialogs);
    recentStores.setAll(recent.list());
    explorer.streams().setRecovery(this::recover);
  }

  /** Bookmark this event, export and import bookmarks, save them as a tour. */
  public BookmarkCommands bookmarks() {
    return bookmarks;
  }

  // ---------------------------------------------------------------------------------- stores

  /** A dropped or chosen file: reducers (.js or a folder) or a store. */
  public void open(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (name.endsWith(".js") || Files.isDirectory(path)) {
      explorer.loadReducers(path);
    } else {
      explorer.streams().open(StoreTarget.of(path));
    }
  }

  /** File › Open…. */
  public void openStore() {
    chooseStore().ifPresent(file -> explorer.streams().open(StoreTarget.of(file)));
  }

  /** File › Open with Mapping…: the store, then the mapping file that says how to read it. */
  public void openStoreWithMapping() {
    chooseStore()
        .ifPresent(
            file ->
                dialogs
                    .openFile(
                        "The mapping for " + file.getFileName(),
                        file.toAbsolutePath().getParent(),
                        List.of(new Dialogs.Filter("Mappings (JSON)", "*.json")))
                    .ifPresent(mapping -> explorer.streams().open(new StoreTarget(file, mapping))));
  }

  /**
   * File › Connect to PostgreSQL…: the server, database, user, schema and password, filled from the
   * server connected to last; the password goes with this connection alone.
   */
  public void connect() {
    ConnectViewModel form = ConnectViewModel.from(lastServer());
    if (dialogs.askConnection(form)) {
      explorer.streams().open(form.target());
    }
  }

  /** The server store open now, or the last one in Open Recent: what Connect starts from. */
  private String lastServer() {
    StoreTarget open = explorer.streams().targetProperty().get();
    if (open != null && open.isServer()) {
      return open.url();
    }
    return recentStores.stream()
        .filter(StoreTarget::isServer)
        .map(StoreTarget::url)
        .findFirst()
        .orElse(null);
  }

  /**
   * A server store that did not open may still: its server wants a password (none was given, or the
   * one given was refused: asked for, and tried), or several of its schemas hold a store (which one
   * is asked). True when it was taken over here.
   */
  private boolean recover(StoreTarget target, Throwable failure) {
    if (!target.isServer()) {
      return false;
    }
    if (failure instanceof StoreChoiceException choice && !choice.choices().isEmpty()) {
      dialogs
          .choose(
              "Which store?",
              "Several schemas of " + target.url() + " hold a store: which one to open?",
              choice.choices())
          .ifPresent(url -> explorer.streams().open(target.withUrl(url)));
      return true;
    }
    if (Stores.passwordRefused(failure)) {
      String user = target.url().replaceFirst("^[a-z]+://([^@]*)@.*$", "$1");
      dialogs
          .askPassword(
              target.password() == null
                  ? target.url() + " asks for " + user + "'s password"
                  : "The server refused that password: "
                      + target.url()
                      + " asks for "
                      + user
                      + "'s password again")
          .ifPresent(typed -> explorer.streams().open(target.withPassword(typed)));
      return true;
    }
    return false;
  }

  /** File › Open in New Window… (in this window when there are no others). */
  public void openInNewWindow() {
    chooseStore()
        .map(StoreTarget::of)
        .ifPresent(
            t -> {
              if (onNewWindow == null) {
                explorer.streams().open(t);
              } else {
                onNewWindow.accept(t);
              }
            });
  }

  /** What File › Open in New Window does with the chosen store (the application opens a window). */
  void setOnNewWindow(Consumer<StoreTarget> action) {
    this.onNewWindow = action;
  }

  private Optional<Path> chooseStore() {
    Path current = explorer.streams().fileProperty().get();
    Path folder = current == null || window.isDemo(current) ? null : current.getParent();
    return dialogs.openFile("Open an event store", folder, STORES);
  }

  /** File › Open Recent: a store that is gone is said so and forgotten. */
  public void openRecent(StoreTarget target) {
    if (target.isServer()) {
      explorer.streams().open(target); // a password is asked for when the server wants one
      return;
    }
    if (!Files.exists(target.file())) {
      recent.remove(target.file());
      recentStores.setAll(recent.list());
      flushRecent();
      dialogs.error(
          "The store is not there any more",
          target.file() + " does not exist (moved or deleted); it is gone from Open Recent.");
      return;
    }
    explorer.streams().open(target);
  }

  /** The stores opened lately, with their mappings, most recent first. */
  public ObservableList<StoreTarget> recentStores() {
    return recentStores;
  }

  void remember(StoreTarget target) {
    recent.add(target);
    recentStores.setAll(recent.list());
    flushRecent();
  }

  private void flushRecent() {
    tasks.run(
        () -> {
          recent.flush();
          return null;
        },
        done -> {},
        failure -> {});
  }

  /** File › Open Demo Store: a fresh copy of the bundled demo store, with its reducers. */
  public void openDemo(boolean tour) {
    openDemo(tour, true);
  }

  /**
   * A fresh copy of the bundled demo store (made in the background), with its reducers unless other
   * reducers were asked for; its tour starts when {@code tour} is set.
   */
  public void openDemo(boolean tour, boolean withReducers) {
    tasks.run(
        DemoStore::copy,
        copy -> {
          Path reducers = DemoStore.reducersOf(copy);
          window.demoCopied(copy, withReducers ? reducers : null);
          if (withReducers) {
            explorer.loadReducers(reducers);
          }
          explorer
              .streams()
              .open(
                  StoreTarget.of(copy),
                  streams -> {
                    if (tour && !streams.isEmpty()) {
                      startTour(DemoStore::tour);
                    }
                  });
        },
        failure ->
            dialogs.error("The demo store could not be opened", StoreViewModel.message(failure)));
  }

  /** Opens stream {@code id} at version {@code at} (null: the last), or says there is none. */
  public void openStream(String id, Long at) {
    Runnable missing =
        () ->
            dialogs.error(
                "No such stream",
                "There is no stream '"
                    + id
                    + "' in "
                    + explorer.streams().locationProperty().get()
                    + ".");
    if (!explorer.openStream(id, at == null ? Long.MAX_VALUE : at, missing)) {
      missing.run();
    }
  }

  // -------------------------------------------------------------------------------- reducers

  /** File › Open Reducers… or Open Reducer Folder…. */
  public void chooseReducers(boolean folder) {
    Optional<Path> chosen =
        folder
            ? dialogs.openFolder("Open a folder of reducers")
            : dialogs.openFile(
                "Open a reducer file",
                null,
                List.of(new Dialogs.Filter("JavaScript reducers", "*.js")));
    chosen.ifPresent(explorer::loadReducers);
  }

  /**
   * File › Compare with Other Reducers…: a file when the window's reducers are one, a folder when
   * they are a folder; the comparison is shown in the main area.
   */
  public void compareReducers() {
    Path loaded = explorer.reducerPathProperty().get();
    boolean folder = loaded == null || Files.isDirectory(loaded);
    Optional<Path> chosen =
        folder
            ? dialogs.openFolder("Compare with a folder of reducers")
            : dialogs.openFile(
                "Compare with a reducer file",
                loaded.toAbsolutePath().getParent(),
                List.of(new Dialogs.Filter("JavaScript reducers", "*.js")));
    chosen.ifPresent(
        path -> {
          window.views().viewProperty().set(StoreViews.View.REDUCERS);
          window.views().reducers().compare(path);
        });
  }

  /** File › Reload Reducers. */
  public void reloadReducers() {
    Path path = explorer.reducerPathProperty().get();
    if (path != null) {
      explorer.loadReducers(path);
    }
  }

  // --------------------------------------------------------------------------------- reports

  /** File › Export Report…: the open stream's evidence report, written in the background. */
  public void exportReport() {
    StreamViewModel open = explorer.streamProperty().get();
    if (open == null) {
      return;
    }
    String name = open.stream().stream().replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
    dialogs
        .saveFile(
            "Export an evidence report",
            name,
            List.of(
                new Dialogs.Filter("HTML report", "*.html"),
                new Dialogs.Filter("JSON", "*.json"),
                new Dialogs.Filter("CSV, one row per event", "*.csv")))
        .ifPresent(
            out -> {
              window.notice("Writing the report…");
              explorer.exportReport(
                  out,
                  window::notice,
                  failure -> {
                    window.notice("");
                    dialogs.error(
                        "The report could not be written", StoreViewModel.message(failure));
                  });
            });
  }

  /** Find in All Streams' Export…: the hits listed, as JSON (as the CLI prints them) or CSV. */
  public void exportFindAll() {
    FindAllViewModel find = window.views().findAll();
    if (find.hits().isEmpty()) {
      return;
    }
    dialogs
        .saveFile(
            "Export the streams found",
            "find-all-streams.json",
            List.of(new Dialogs.Filter("JSON", "*.json"), new Dialogs.Filter("CSV", "*.csv")))
        .ifPresent(
            out ->
                find.export(
                    out,
                    window::notice,
                    failure ->
                        dialogs.error(
                            "The list could not be exported", StoreViewModel.message(failure))));
  }

  // ----------------------------------------------------------------------------------- go to

  /** Go › Go to… (Ctrl+G): a version number, or a date-time (the last event at or before it). */
  public void goTo() {
    StreamViewModel vm = explorer.streamProperty().get();
    if (vm == null || vm.replayProperty().get() == null) {
      return;
    }
    dialogs
        .askText(
            "Go to",
            "Go to a version, or to a time (ISO-8601, UTC unless it says otherwise)",
            "Version or time:",
            "")
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .ifPresent(this::goTo);
  }

  /**
   * Goes to {@code target}, a version or a time, in the open stream. A version outside the stream
   * goes to its first or last event and the status bar says so; an answer that is neither a version
   * nor a time gets an error.
   */
  public void goTo(String target) {
    StreamViewModel vm = explorer.streamProperty().get();
    StreamReplay r = vm == null ? null : vm.replayProperty().get();
    if (r == null) {
      return;
    }
    window.notice("");
    if (target.matches("[+-]?\\d+")) {
      long v;
      try {
        v = Long.parseLong(target);
      } catch (NumberFormatException tooLong) {
        v = target.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      String id = r.stream().stream();
      if (r.size() > 0 && v > r.version(r.size() - 1)) {
        long last = r.version(r.size() - 1);
        window.notice(
            "Version "
                + target
                + " is after the last version of "
                + id
                + " ("
                + last
                + ")"
                + ": showing v"
                + last);
      } else if (r.size() > 0 && v < r.version(0)) {
        window.notice(
            "Version "
                + target
                + " is before the first version of "
                + id
                + " ("
                + r.version(0)
                + "): showing the initial state");
      }
      vm.goToVersion(v);
      return;
    }
    try {
      Instant t =
          target.matches("\\d{4}-\\d{2}-\\d{2}")
              ? LocalDate.parse(target).atStartOfDay(ZoneOffset.UTC).toInstant() // a day: its start
              : Timestamps.parse(target, "iso");
      if (t != null) {
        vm.goToTime(t);
        return;
      }
    } catch (DateTimeException unreadable) {
      // said below
    }
    dialogs.error(
        "Go to what?",
        "'"
            + target
            + "' is neither a version number nor an ISO-8601 time"
            + " (e.g. 12, 2026-03-12, or 2026-03-12T09:30:00Z).");
  }

  /** View › Masking…: the rules, comma-separated; kept in the settings. */
  public void editMasking() {
    dialogs
        .askText(
            "Masking",
            "Values to show as •••, in the window and in every report.\n"
                + "Field names (email) match at any depth; JSON pointers (/customer/address,"
                + " /items/*/price) match with everything under them. Empty: masking off.",
            "Mask:",
            String.join(", ", explorer.maskingProperty().get().rules()))
        .ifPresent(
            text -> {
              Masking rules = Masking.parse(text);
              settings.setMasking(String.join(",", rules.rules()));
              explorer.maskingProperty().set(rules);
            });
  }

  // ----------------------------------------------------------------------------------- tours

  /** Tour › Start the Demo Tour: here when the demo is open, else on a fresh copy of it. */
  public void startDemoTour() {
    if (window.isDemo(explorer.streams().fileProperty().get())) {
      startTour(DemoStore::tour);
    } else {
      openDemo(true);
    }
  }

  /** Tour › Open Tour…. */
  public void openTour() {
    dialogs
        .openFile("Open a tour", null, List.of(new Dialogs.Filter("Tours (JSON)", "*.json")))
        .ifPresent(file -> startTour(() -> Tour.read(file)));
  }

  /** Starts a tour on the open store; a tour that cannot be read gets an error dialog. */
  public void startTour(Supplier<Tour> source) {
    try {
      window.tour().start(source.get());
    } catch (Tour.TourException e) {
      dialogs.error("The tour could not be opened", e.getMessage());
    }
  }

  /** Go › Set Compare Point A / B: on the open stream, once it is folded. */
  public void mark(boolean a) {
    StreamViewModel vm = explorer.streamProperty().get();
    if (vm != null && vm.replayProperty().get() != null) {
      window
          .presentation()
          .analysisAskedFor(); // the comparison shows in its tab, while presenting too
      if (a) {
        vm.analysis().markA();
      } else {
        vm.analysis().markB();
      }
    }
  }
}
