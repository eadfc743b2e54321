package dev.hindsight.ui;

import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.audit.Finding;
import dev.hindsight.ui.layout.WrapRow;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The store's audit in the window: a Findings tab (Verify, the findings, a double-click goes there)
 * and a Bookmarks tab (bookmark the current event with a note, go to one, remove, share).
 */
final class AuditTabs {

  private final WindowViewModel window;
  private final ExplorerViewModel model;
  final Tab findings;
  final Tab bookmarks;

  AuditTabs(WindowViewModel window) {
    this.window = window;
    this.model = window.explorer();
    this.findings = new Tab("Findings", TabForms.scrolling(findingsForm()));
    this.bookmarks = new Tab("Bookmarks", TabForms.scrolling(bookmarksForm()));
  }

  private VBox findingsForm() {
    AuditViewModel audit = model.audit();
    Button verify = new Button("Verify Store");
    verify.setId("verify");
    verify.setOnAction(e -> audit.verify());
    verify
        .disableProperty()
        .bind(audit.verifyingProperty().or(model.streams().sourceProperty().isNull()));
    Button cancel = new Button("Cancel");
    cancel.setOnAction(e -> audit.cancel());
    cancel.visibleProperty().bind(audit.verifyingProperty());
    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(audit.progressProperty());
    progress.visibleProperty().bind(audit.verifyingProperty());
    progress.setPrefWidth(120);
    Pane bar = WrapRow.of(8, 6, verify, progress, cancel);
    ListView<Finding> list = new ListView<>(audit.findings());
    list.setId("findings");
    TabForms.list(list, new Label("No findings to show."));
    list.setCellFactory(
        v ->
            // the whole line one hover away when the pane cuts it
            new LineCell<>(AuditTabs::line) {
              @Override
              protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                for (PseudoClass severity : UiStyles.SEVERITIES.values()) {
                  pseudoClassStateChanged(severity, false);
                }
                if (!empty && f != null) {
                  pseudoClassStateChanged(UiStyles.SEVERITIES.get(f.severity()), true);
                }
              }
            });
    list.setOnMouseClicked(
        e -> {
          Finding f = list.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && f != null && f.stream() != null) {
            model.openStream(f.stream(), f.version() == null ? Long.MAX_VALUE : f.version());
          }
        });
    VBox.setVgrow(list, Priority.ALWAYS);
    Label message = TabForms.note("audit-message");
    message.textProperty().bind(audit.messageProperty());
    VBox box = new VBox(6, bar, list, message);
    box.setPadding(new Insets(8));
    return box;
  }

  private VBox bookmarksForm() {
    AuditViewModel audit = model.audit();
    Button add = new Button("Bookmark This Event…");
    add.setId("add-bookmark");
    add.setOnAction(e -> window.commands().bookmarks().bookmarkHere());
    add.disableProperty().bind(model.streamProperty().isNull());
    Button remove = new Button("Remove");
    Button export = new Button("Export…");
    export.setOnAction(e -> window.commands().bookmarks().exportBookmarks());
    Button importButton = new Button("Import…");
    importButton.setOnAction(e -> window.commands().bookmarks().importBookmarks());
    export.disableProperty().bind(model.streams().sourceProperty().isNull());
    importButton.disableProperty().bind(model.streams().sourceProperty().isNull());
    ListView<Bookmark> list = new ListView<>(audit.bookmarks());
    list.setId("bookmarks");
    TabForms.list(list, new Label("No bookmarks yet: Ctrl+D bookmarks the current event."));
    // a bookmark's problem on hover, and its whole line when the pane cuts it
    list.setCellFactory(v -> new LineCell<>(AuditTabs::line, Bookmark::problem));
    list.setOnMouseClicked(
        e -> {
          Bookmark b = list.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && b != null) {
            model.openStream(b.stream(), b.version());
          }
        });
    remove.setOnAction(
        e -> {
          Bookmark b = list.getSelectionModel().getSelectedItem();
          if (b != null) {
            audit.remove(b);
          }
        });
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    // the buttons keep their words: a narrow pane wraps them to a second row instead of "…"
    Pane bar = WrapRow.of(8, 6, add, remove, export, importButton);
    bar.setId("bookmark-buttons");
    VBox.setVgrow(list, Priority.ALWAYS);
    Label said = TabForms.note("bookmarks-message");
    said.textProperty().bind(audit.messageProperty());
    VBox box = new VBox(6, bar, list, said);
    box.setPadding(new Insets(8));
    return box;
  }

  /** A finding as one line: its severity, kind, where, and what. */
  private static String line(Finding f) {
    return f.severity().label()
        + " · "
        + f.kind()
        + " · "
        + (f.stream() == null ? "" : f.stream())
        + (f.version() == null ? "" : " v" + f.version())
        + ": "
        + f.message();
  }

  /** A bookmark as one line: ⚠ if it has a problem, where, its title, author and note. */
  private static String line(Bookmark b) {
    return (b.problem() != null ? "⚠ " : "")
        + b.stream()
        + " v"
        + b.version()
        + " — "
        + b.title()
        + (b.author().isEmpty() ? "" : " (" + b.author() + ")")
        + (b.text().isEmpty() ? "" : ": " + b.text());
  }
}
