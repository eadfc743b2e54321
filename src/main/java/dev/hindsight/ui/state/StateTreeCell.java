package dev.hindsight.ui.state;

import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.HBox;

/**
 * One row: {@code key: value}, or {@code key: old → new} for a changed value. The mark is a
 * pseudo-class on the cell, so the colours are the stylesheet's and follow the theme.
 */
final class StateTreeCell extends TreeCell<StateRow> {

  /** Longer values are cut in the cell (Copy value still has all of it): rows stay one line. */
  static final int MAX_TEXT = 160;

  private final Label badge = label(StateStyles.BADGE);
  private final Label key = label(StateStyles.KEY);
  private final Label old = label(StateStyles.OLD_VALUE);
  private final Label arrow = label(StateStyles.ARROW);
  private final Label value = label(StateStyles.VALUE);
  private final HBox box = new HBox(6, badge, key, old, arrow, value);
  private final Supplier<String> highlight;
  private final String rootName;

  StateTreeCell(String rootName, Supplier<String> highlight) {
    this.rootName = rootName;
    this.highlight = highlight;
    box.setAlignment(Pos.CENTER_LEFT);
    arrow.setText("→");
  }

  @Override
  protected void updateItem(StateRow row, boolean empty) {
    super.updateItem(row, empty);
    Mark mark = empty || row == null ? Mark.NONE : row.mark();
    for (Mark m : Mark.values()) {
      PseudoClass pc = StateStyles.of(m);
      if (pc != null) {
        pseudoClassStateChanged(pc, m == mark);
      }
    }
    setText(null);
    markHighlight();
    if (empty || row == null) {
      setGraphic(null);
      return;
    }
    badge.setText(badgeText(mark));
    key.setText(row.key() == null ? rootName : row.key() + ":");
    key.pseudoClassStateChanged(StateStyles.INDEX, row.isArrayItem());
    boolean changed = row.oldValue() != null;
    show(old, changed);
    show(arrow, changed);
    if (changed) {
      old.setText(cut(row.oldValueText()));
      setColourClass(old, StateStyles.valueClass(row.oldValue()));
    }
    value.setText(cut(row.valueText()));
    setColourClass(value, StateStyles.valueClass(row.value()));
    setGraphic(box);
  }

  /**
   * Shows its tree item's current row if it does not already. The items of the next state are
   * updated in place, and a cell that was not listening at that moment (one the flow had set aside)
   * can otherwise keep the row of an earlier state: stale counts, values and marks.
   */
  void resync() {
    TreeItem<StateRow> item = getTreeItem();
    StateRow now = item == null ? null : item.getValue();
    if (now != getItem()) {
      updateItem(now, now == null);
    }
  }

  /** Sets :tour when this cell shows the highlighted row. */
  void markHighlight() {
    StateRow row = getItem();
    pseudoClassStateChanged(
        StateStyles.TOUR, row != null && !isEmpty() && row.path().equals(highlight.get()));
  }

  private static String badgeText(Mark mark) {
    return switch (mark) {
      case ADDED -> "+";
      case REMOVED -> "−";
      case CHANGED -> "~";
      case CONTAINS_CHANGE -> "•";
      case NONE -> "";
    };
  }

  static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }

  /** Colours a value by switching pseudo-classes (see state-view.css), never its style classes. */
  private static void setColourClass(Label label, String colour) {
    for (PseudoClass pc : StateStyles.VALUE_COLOURS) {
      label.pseudoClassStateChanged(pc, pc.getPseudoClassName().equals(colour));
    }
  }

  private static void show(Label label, boolean visible) {
    label.setVisible(visible);
    label.setManaged(visible);
  }

  private static Label label(String styleClass) {
    Label l = new Label();
    l.getStyleClass().add(styleClass);
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }
}
