package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.audit.Finding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    this.findings = new Tab("Findings", findingsForm());
    this.bookmarks = new Tab("Bookmarks", bookmarksForm());
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
    HBox bar = new HBox(8, verify, progress, cancel);
    bar.setAlignment(Pos.CENTER_LEFT);
    ListView<Finding> list = new ListView<>(audit.findings());
    list.setId("findings");
    list.setPlaceholder(new Label("No findings to show."));
    list.setCellFactory(
        v ->
            new ListCell<>() {
              private final Tooltip tip = new Tooltip();

              @Override
              protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                for (PseudoClass severity : UiStyles.SEVERITIES.values()) {
                  pseudoClassStateChanged(severity, false);
                }
                if (empty || f == null) {
                  setText(null);
                  setTooltip(null);
                  return;
                }
                tip.setText(f.message()); // the whole message: the pane cuts the line
                tip.setWrapText(true);
                tip.setMaxWidth(480);
                setTooltip(tip);
                pseudoClassStateChanged(UiStyles.SEVERITIES.get(f.severity()), true);
                setText(
                    f.severity().label()
                        + " · "
                        + f.kind()
                        + " · "
                        + (f.stream() == null ? "" : f.stream())
                        + (f.version() == null ? "" : " v" + f.version())
                        + ": "
                        + f.message());
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
    Label message = new Label();
    message.setId("audit-message");
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE); // every line of it, never cut with "…"
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
    list.setPlaceholder(new Label("No bookmarks yet: Ctrl+D bookmarks the current event."));
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Bookmark b, boolean empty) {
                super.updateItem(b, empty);
                boolean flagged = !empty && b != null && b.problem() != null;
                setTooltip(flagged ? new javafx.scene.control.Tooltip(b.problem()) : null);
                setText(
                    empty || b == null
                        ? null
                        : (flagged ? "⚠ " : "")
                            + b.stream()
                            + " v"
                            + b.version()
                            + " — "
                            + b.title()
                            + (b.author().isEmpty() ? "" : " (" + b.author() + ")")
                            + (b.text().isEmpty() ? "" : ": " + b.text()));
              }
            });
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
    FlowPane bar = new FlowPane(8, 6, add, remove, export, importButton);
    bar.setId("bookmark-buttons");
    bar.setAlignment(Pos.CENTER_LEFT);
    for (Button b : new Button[] {add, remove, export, importButton}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    VBox.setVgrow(list, Priority.ALWAYS);
    Label said = new Label();
    said.setId("bookmarks-message");
    said.getStyleClass().add(Styles.TEXT_MUTED);
    said.setWrapText(true);
    said.setMinHeight(Region.USE_PREF_SIZE); // every line of it, never cut with "…"
    said.textProperty().bind(audit.messageProperty());
    VBox box = new VBox(6, bar, list, said);
    box.setPadding(new Insets(8));
    return box;
  }
}
