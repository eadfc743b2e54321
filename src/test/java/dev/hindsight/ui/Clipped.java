package dev.hindsight.ui;

import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;

/**
 * Issue 19's check that words are not cut: every Labeled shown displays its whole text (its skin's
 * Text child is the text, not the text cut to "…"), and every tab's header is in sight. Cells are
 * left out: a table's or a list's cell may end in "…", its whole text is elsewhere.
 */
final class Clipped {

  private Clipped() {}

  /** Every Labeled shown under {@code parent} whose displayed text is not its text, said in out. */
  static void labels(Parent parent, Set<String> out) {
    for (Node n : parent.getChildrenUnmodifiable()) {
      if (!n.isVisible() || n.getOpacity() == 0) {
        continue;
      }
      if (n instanceof Labeled l && !(n instanceof Cell<?>)) {
        String text = l.getText() == null ? "" : l.getText();
        if (l.isMnemonicParsing()) {
          text = text.replaceFirst("_(?=.)", ""); // "_File" shows as "File", underlined
        }
        String shown = displayed(l);
        if (!text.isEmpty() && shown != null && !shown.equals(text)) {
          out.add(describe(l) + " shows \"" + shown + "\" of \"" + text + "\"");
        }
      }
      if (n instanceof TabPane tabs) {
        tabsInSight(tabs, out);
      }
      if (n instanceof Parent p && !(n instanceof Cell<?>)) { // cells may elide
        labels(p, out);
      }
    }
  }

  /** Every tab's header is in sight: none is behind the header area's edge or its overflow menu. */
  private static void tabsInSight(TabPane tabs, Set<String> out) {
    Node area = tabs.lookup(".tab-header-area");
    if (area == null || !isShown(area)) { // hidden: a TabStrip shows the headers
      return;
    }
    Bounds room = area.localToScene(area.getLayoutBounds());
    double right = room.getMaxX();
    Node menu = area.lookup(".control-buttons-tab");
    if (menu != null && isShown(menu) && menu.getLayoutBounds().getWidth() > 0) {
      right = Math.min(right, menu.localToScene(menu.getLayoutBounds()).getMinX());
    }
    for (Node header : area.lookupAll(".tab")) {
      if (header.getParent() != null && header.isVisible()) {
        Bounds b = header.localToScene(header.getLayoutBounds());
        if (b.getMaxX() > right + 0.5 || b.getMinX() < room.getMinX() - 0.5) {
          Node label = header.lookup(".tab-label");
          out.add(
              "the tab "
                  + (label instanceof Labeled l ? "\"" + l.getText() + "\"" : describe(header))
                  + " of "
                  + describe(tabs)
                  + " is out of sight");
        }
      }
    }
  }

  /** The text the skin shows, "…" and all (see {@link LineCell#displayed}). */
  static String displayed(Labeled l) {
    return LineCell.displayed(l);
  }

  /** The node's class, id and style classes, and the nearest ancestor with an id. */
  static String describe(Node n) {
    StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
    if (n.getId() != null) {
      s.append('#').append(n.getId());
    }
    if (!n.getStyleClass().isEmpty()) {
      s.append('.').append(String.join(".", n.getStyleClass()));
    }
    for (Node a = n.getParent(); a != null; a = a.getParent()) {
      if (a.getId() != null) {
        s.append(" in #").append(a.getId());
        break;
      }
    }
    return s.toString();
  }

  /** Whether {@code n} and all its ancestors are visible. */
  static boolean isShown(Node n) {
    for (Node a = n; a != null; a = a.getParent()) {
      if (!a.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
