package dev.hindsight.ui;

import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.audit.Finding;
import java.io.File;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The store's audit in the window: a Findings tab (Verify, the findings, a double-click goes there)
 * and a Bookmarks tab (bookmark the current event with a note, go to one, remove, share).
 */
final class AuditTabs {

  private final ExplorerViewModel model;
  private final java.util.function.Supplier<Window> owner;
  final Tab findings;
  final Tab bookmarks;

  AuditTabs(ExplorerViewModel model, java.util.function.Supplier<Window> owner) {
    this.model = model;
    this.owner = owner;
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
              private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

              @Override
              protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("finding-error", "finding-warning", "finding-info");
                if (empty || f == null) {
                  setText(null);
                  setTooltip(null);
                  return;
                }
                tip.setText(f.message()); // the whole message: the pane cuts the line
                tip.setWrapText(true);
                tip.setMaxWidth(480);
                setTooltip(tip);
                getStyleClass().add("finding-" + f.severity().label());
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
    message.getStyleClass().add("text-muted");
    message.setWrapText(true);
    message.textProperty().bind(audit.messageProperty());
    VBox box = new VBox(6, bar, list, message);
    box.setPadding(new Insets(8));
    return box;
  }

  private VBox bookmarksForm() {
    AuditViewModel audit = model.audit();
    Button add = new Button("Bookmark This Event…");
    add.setId("add-bookmark");
    add.setOnAction(e -> bookmarkCurrent());
    add.disableProperty().bind(model.streamProperty().isNull());
    Button remove = new Button("Remove");
    Button export = new Button("Export…");
    export.setOnAction(
        e -> {
          File f = jsonChooser("Export bookmarks").showSaveDialog(owner.get());
          if (f != null) {
            audit.exportBookmarks(f.toPath());
          }
        });
    Button importButton = new Button("Import…");
    importButton.setOnAction(
        e -> {
          File f = jsonChooser("Import bookmarks").showOpenDialog(owner.get());
          if (f != null) {
            try {
              audit.importBookmarks(f.toPath());
            } catch (RuntimeException failure) {
              error("The bookmarks could not be imported", failure.getMessage());
            }
          }
        });
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
                setText(
                    empty || b == null
                        ? null
                        : b.stream()
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
    HBox bar = new HBox(8, add, remove, export, importButton);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox.setVgrow(list, Priority.ALWAYS);
    VBox box = new VBox(6, bar, list);
    box.setPadding(new Insets(8));
    return box;
  }

  /** Asks for a title, a note and an author, and bookmarks the current event with them. */
  void bookmarkCurrent() {
    StreamViewModel open = model.streamProperty().get();
    if (open == null || open.pointProperty().get() == null) {
      return;
    }
    var point = open.pointProperty().get();
    long version =
        point.event() == null ? open.stream().firstVersion() - 1 : point.event().version();
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner.get());
    dialog.setTitle("Bookmark");
    dialog.setHeaderText(open.stream().stream() + ", version " + version);
    TextField title = new TextField();
    title.setId("bookmark-title");
    title.setPromptText("A short title");
    TextArea text = new TextArea();
    text.setPrefRowCount(4);
    text.setWrapText(true);
    text.setPromptText("What you saw, and why it matters");
    TextField author = new TextField(System.getProperty("user.name", ""));
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("Title"), title);
    grid.addRow(1, new Label("Note"), text);
    grid.addRow(2, new Label("Author"), author);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    javafx.application.Platform.runLater(title::requestFocus);
    Optional<ButtonType> answer = dialog.showAndWait();
    if (answer.isPresent() && answer.get() == ButtonType.OK) {
      model
          .audit()
          .bookmark(
              open.stream(),
              version,
              title.getText().isBlank() ? "Bookmark" : title.getText().strip(),
              text.getText().strip(),
              author.getText().strip());
    }
  }

  private static FileChooser jsonChooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.setInitialFileName("bookmarks.json");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Bookmarks (JSON)", "*.json"));
    return chooser;
  }

  private void error(String header, String message) {
    javafx.scene.control.Alert alert =
        new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, message);
    alert.initOwner(owner.get());
    alert.setHeaderText(header);
    alert.showAndWait();
  }
}
