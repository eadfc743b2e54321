package dev.hindsight.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bookmark dialog's fields: a title, a note and an author. The labels never shorten to "…"
 * (their column is as wide as the widest); the title's placeholder shows while it has the focus,
 * which it has when the dialog opens. In the note, Tab and Shift+Tab move to the next and previous
 * field, as everywhere else in the dialog, and Enter starts a new line.
 */
final class BookmarkForm extends GridPane {

  final TextField title = new TextField();
  final TextArea note = new TextArea();
  final TextField author = new TextField();

  BookmarkForm(String author) {
    getStyleClass().add(UiStyles.BOOKMARK_FORM);
    getStylesheets().add(BookmarkForm.class.getResource("hindsight.css").toExternalForm());
    title.setId("bookmark-title");
    title.setPromptText("A short title, e.g. Charged twice");
    title.setPrefColumnCount(30);
    note.setId("bookmark-note");
    note.setPrefRowCount(4);
    note.setPrefColumnCount(30);
    note.setWrapText(true);
    note.setPromptText("What you saw, and why it matters (Enter: a new line; Tab: next field)");
    note.addEventFilter(KeyEvent.KEY_PRESSED, this::tabOutOfTheNote);
    this.author.setId("bookmark-author");
    this.author.setText(author);
    this.author.setPromptText("Who made the bookmark");
    setHgap(8);
    setVgap(8);
    addRow(0, label("Title"), title);
    addRow(1, label("Note"), note);
    addRow(2, label("Author"), this.author);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    getColumnConstraints().setAll(labels, fields);
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** A text area keeps Tab for a tab character; a note has no use for one. */
  private void tabOutOfTheNote(KeyEvent e) {
    if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    (e.isShiftDown() ? title : author).requestFocus();
    e.consume();
  }
}
