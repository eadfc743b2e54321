package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * The parts every analysis tab is made of, so that at any size and zoom a tab scrolls rather than
 * squeeze its words to "…" or its list to a row: the form in a scroll pane fit to its width, lists
 * that keep a least height (6 em, hindsight.css), and notes that keep all their lines.
 */
final class TabForms {

  private TabForms() {}

  /**
   * {@code form} in a scroll pane as wide as the tab. As high as the tab when there is room (its
   * list takes the height left), higher when there is not: the tab scrolls instead of squeezing.
   */
  static ScrollPane scrolling(Region form) {
    ScrollPane scroll = new ScrollPane(form);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    scroll.setFocusTraversable(false); // Tab goes to the form's fields and buttons
    return scroll;
  }

  /** {@code list} with a least height, and {@code placeholder}'s words wrapped to its width. */
  static <T> ListView<T> list(ListView<T> list, Label placeholder) {
    list.getStyleClass().add(UiStyles.TAB_LIST);
    placeholder.setWrapText(true);
    placeholder.setTextAlignment(TextAlignment.CENTER);
    placeholder.setPadding(new Insets(8));
    list.setPlaceholder(placeholder);
    return list;
  }

  /** A muted line of text that wraps and keeps every line it wraps to, never cut with "…". */
  static Label note(String id) {
    Label note = new Label();
    note.setId(id);
    note.getStyleClass().add(Styles.TEXT_MUTED);
    note.setWrapText(true);
    note.setMinHeight(Region.USE_PREF_SIZE);
    return note;
  }
}
