package dev.hindsight.ui;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A list's row as one line of text. When the list is too narrow for the line, the cell cuts it with
 * "…" and the whole line is one hover away, in its tooltip; a note (a bookmark's problem) is in the
 * tooltip whether or not the line is cut.
 */
class LineCell<T> extends ListCell<T> {

  /** The widest a tooltip gets before its text wraps, in em of its type. */
  private static final double TIP_EM = 36;

  private final Function<? super T, String> line;
  private final Function<? super T, String> note;
  private final Tooltip tip = new Tooltip();
  private String whole;
  private String noted;

  /** Rows that show {@code line} of their item. */
  LineCell(Function<? super T, String> line) {
    this(line, item -> null);
  }

  /** Rows that show {@code line} of their item, and its {@code note} (null: none) on hover. */
  LineCell(Function<? super T, String> line, Function<? super T, String> note) {
    this.line = line;
    this.note = note;
    // as wide as the list, never wider: a long line is cut with "…", not scrolled sideways out of
    // sight, and the whole of it is in the tooltip
    setPrefWidth(0);
    tip.setWrapText(true);
    tip.setStyle("-fx-max-width: " + TIP_EM + "em;");
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    whole = empty || item == null ? null : line.apply(item);
    noted = empty || item == null ? null : note.apply(item);
    setText(whole);
    showTip();
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    showTip(); // the line is cut, or no longer, only once laid out at the list's width
  }

  private void showTip() {
    boolean cut = whole != null && !whole.equals(displayed(this));
    String text = noted == null ? (cut ? whole : null) : cut ? noted + "\n\n" + whole : noted;
    if (text == null) {
      setTooltip(null);
    } else {
      tip.setText(text);
      setTooltip(tip);
    }
  }

  /**
   * The text a labeled control shows as laid out, "…" and all: its skin's Text child (a graphic,
   * such as a font icon, is a Text too, without the "text" class). Null before the first layout.
   */
  static String displayed(Labeled labeled) {
    for (Node n : labeled.getChildrenUnmodifiable()) {
      if (n instanceof Text t && n.getStyleClass().contains("text")) {
        return t.getText();
      }
    }
    return null;
  }
}
