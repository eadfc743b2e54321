package dev.hindsight.ui.layout;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A row of labels and buttons that wraps to a second row, rather than cut any of them to "…", when
 * the window is narrow or the zoom large. JavaFX's {@link FlowPane}, made here because Hindsight's
 * own {@code FlowPane} (the flow of an event) shares its simple name.
 */
public final class WrapRow {

  private WrapRow() {}

  /** {@code nodes} left to right, each at least as wide as it asks (labels keep their words). */
  public static Pane of(double hgap, double vgap, Node... nodes) {
    return of(hgap, vgap, VPos.CENTER, nodes);
  }

  /** As {@link #of(double, double, Node...)}, each row's nodes aligned {@code valign}. */
  public static Pane of(double hgap, double vgap, VPos valign, Node... nodes) {
    FlowPane row = new FlowPane(hgap, vgap, nodes);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setRowValignment(valign);
    for (Node n : nodes) {
      if (n instanceof Region r && r.getMinWidth() == Region.USE_COMPUTED_SIZE) {
        r.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    return row;
  }
}
