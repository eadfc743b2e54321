package dev.hindsight.ui;

import dev.hindsight.replay.StreamReplay;
import dev.hindsight.tour.Tour;
import java.io.IOException;
import java.util.List;

/**
 * The bookmark commands: bookmark the current event with a note, export and import a store's
 * bookmarks, save them as a tour. Each asks through {@link Dialogs}; cancelled, it does nothing.
 */
public final class BookmarkCommands {

  private final WindowViewModel window;
  private final ExplorerViewModel explorer;
  private final Dialogs dialogs;

  BookmarkCommands(WindowViewModel window, ExplorerViewModel explorer, Dialogs dialogs) {
    this.window = window;
    this.explorer = explorer;
    this.dialogs = dialogs;
  }

  /** Go › Bookmark This Event…: a title, a note and an author for the current event. */
  public void bookmarkHere() {
    StreamViewModel open = explorer.streamProperty().get();
    if (open == null || open.pointProperty().get() == null) {
      return;
    }
    StreamReplay.Point p = open.pointProperty().get();
    long version = p.event() == null ? open.stream().firstVersion() - 1 : p.event().version();
    dialogs
        .askNote(
            open.stream().stream() + ", version " + version, System.getProperty("user.name", ""))
        .ifPresent(
            note ->
                explorer
                    .audit()
                    .bookmark(
                        open.stream(),
                        version,
                        note.title().isBlank() ? "Bookmark" : note.title().strip(),
                        note.text().strip(),
                        note.author().strip()));
  }

  /** The Bookmarks tab's Export…. */
  public void exportBookmarks() {
    dialogs
        .saveFile("Export bookmarks", "bookmarks.json", WindowCommands.JSON)
        .ifPresent(explorer.audit()::exportBookmarks);
  }

  /** The Bookmarks tab's Import…. */
  public void importBookmarks() {
    dialogs
        .openFile("Import bookmarks", null, WindowCommands.JSON)
        .ifPresent(
            file ->
                explorer
                    .audit()
                    .importBookmarks(
                        file,
                        failure ->
                            dialogs.error(
                                "The bookmarks could not be imported", failure.getMessage())));
  }

  /** Tour › Save Bookmarks as Tour…: every bookmark of the store, a step each, in their order. */
  public void saveBookmarksAsTour() {
    StoreTarget open = explorer.streams().targetProperty().get();
    String store = open == null ? null : open.isServer() ? null : open.name();
    String name = store == null ? "tour" : store.replaceFirst("\\.[^.]*$", "");
    dialogs
        .saveFile(
            "Save the bookmarks as a tour",
            name + "-tour.json",
            List.of(new Dialogs.Filter("Tours (JSON)", "*.json")))
        .ifPresent(
            file -> {
              Tour t =
                  Tour.fromBookmarks(
                      "Bookmarks of " + (open == null ? "the store" : open.name()),
                      List.copyOf(explorer.audit().bookmarks()));
              try {
                t.write(file);
                window.notice(
                    "Tour saved: " + file.getFileName() + " (" + t.steps().size() + " steps)");
              } catch (IOException e) {
                dialogs.error("The tour could not be saved", e.getMessage());
              }
            });
  }
}
