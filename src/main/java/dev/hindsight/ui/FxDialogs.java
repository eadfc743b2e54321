package dev.hindsight.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's {@link Dialogs}: JavaFX choosers, alerts and text dialogs, owned by the window. */
final class FxDialogs implements Dialogs {

  private final Supplier<Window> owner;

  FxDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  private static FileChooser chooser(String title, List<Filter> filters) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    for (Filter f : filters) {
      chooser
          .getExtensionFilters()
          .add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
    }
    return chooser;
  }

  private static Optional<Path> path(File chosen) {
    return Optional.ofNullable(chosen).map(File::toPath);
  }

  @Override
  public Optional<Path> openFile(String title, Path folder, List<Filter> filters) {
    FileChooser chooser = chooser(title, filters);
    if (folder != null && Files.isDirectory(folder)) {
      chooser.setInitialDirectory(folder.toFile());
    }
    return path(chooser.showOpenDialog(owner.get()));
  }

  @Override
  public Optional<Path> saveFile(String title, String name, List<Filter> filters) {
    FileChooser chooser = chooser(title, filters);
    chooser.setInitialFileName(name);
    return path(chooser.showSaveDialog(owner.get()));
  }

  @Override
  public Optional<Path> openFolder(String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    return path(chooser.showDialog(owner.get()));
  }

  @Override
  public Optional<String> askText(String title, String header, String label, String initial) {
    TextInputDialog dialog = new TextInputDialog(initial);
    dialog.initOwner(owner.get());
    dialog.setTitle(title);
    dialog.setHeaderText(header);
    dialog.setContentText(label);
    dialog.getEditor().setPrefColumnCount(36);
    return dialog.showAndWait();
  }

  @Override
  public Optional<Note> askNote(String header, String author) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner.get());
    dialog.setTitle("Bookmark");
    dialog.setHeaderText(header);
    BookmarkForm form = new BookmarkForm(author);
    dialog.getDialogPane().setContent(form);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setOnShown(e -> form.title.requestFocus());
    return dialog
        .showAndWait()
        .filter(ButtonType.OK::equals)
        .map(ok -> new Note(form.title.getText(), form.note.getText(), form.author.getText()));
  }

  @Override
  public boolean askConnection(ConnectViewModel form) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner.get());
    dialog.setTitle("Connect to PostgreSQL");
    dialog.setHeaderText("Open an event store in a PostgreSQL database (read-only)");
    ConnectForm content = new ConnectForm(form);
    dialog.getDialogPane().setContent(content);
    ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
    dialog
        .getDialogPane()
        .lookupButton(connect)
        .disableProperty()
        .bind(form.problemProperty().isNotNull());
    dialog.setOnShown(e -> content.focusFirstEmpty());
    boolean ok = dialog.showAndWait().filter(connect::equals).isPresent();
    if (!ok) {
      form.passwordProperty().set(""); // cancelled: the password goes with the dialog
    }
    return ok;
  }

  @Override
  public Optional<String> askPassword(String header) {
    Dialog<String> dialog = new Dialog<>();
    dialog.initOwner(owner.get());
    dialog.setTitle("Password");
    dialog.setHeaderText(header);
    PasswordField field = new PasswordField();
    field.setId("password-prompt");
    field.setPrefColumnCount(28);
    Label label = new Label("Password:");
    label.setLabelFor(field);
    javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, label, field);
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    dialog.getDialogPane().setContent(row);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
    dialog.setOnShown(e -> field.requestFocus());
    Optional<String> typed = dialog.showAndWait();
    field.clear();
    return typed;
  }

  @Override
  public Optional<String> choose(String title, String header, List<String> choices) {
    ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
    dialog.initOwner(owner.get());
    dialog.setTitle(title);
    dialog.setHeaderText(header);
    dialog.getDialogPane().setPrefWidth(620);
    return dialog.showAndWait();
  }

  /**
   * The one error dialog: the message wraps at a fixed width (a long one must not widen the dialog
   * off screen), and the same text is in the details, selectable, to copy into a bug report.
   */
  @Override
  public void error(String header, String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(owner.get());
    alert.setTitle("Hindsight");
    alert.setHeaderText(header);
    Label text = new Label(message);
    text.setWrapText(true);
    text.setPrefWidth(520);
    alert.getDialogPane().setContent(text);
    TextArea details = new TextArea(message);
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(6);
    alert.getDialogPane().setExpandableContent(details);
    alert.getDialogPane().setPrefWidth(580);
    alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    alert.setResizable(true);
    alert.show();
  }
}
