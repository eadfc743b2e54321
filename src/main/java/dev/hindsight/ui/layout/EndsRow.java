package dev.hindsight.ui.layout;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A toolbar's row: one group at the start and one at the end, on one line when both fit and else
 * the end group on a second line, at the end. Neither group is ever squeezed below its preferred
 * width, so no label in them is cut to "…" when the pane is narrow or the zoom large.
 */
public final class EndsRow extends Region {

  private final Node start;
  private final Node end;
  private final double hgap;
  private final double vgap;

  /**
   * @param hgap the least room between the groups on one line
   * @param vgap the room between the lines when the end group wraps
   */
  public EndsRow(Node start, Node end, double hgap, double vgap) {
    this.start = start;
    this.end = end;
    this.hgap = hgap;
    this.vgap = vgap;
    getChildren().addAll(start, end);
  }

  private Insets snapped() {
    return new Insets(
        snappedTopInset(), snappedRightInset(), snappedBottomInset(), snappedLeftInset());
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  private boolean oneLine(double width) {
    Insets in = snapped();
    return width < 0
        || start.prefWidth(-1) + hgap + end.prefWidth(-1)
            <= width - in.getLeft() - in.getRight() + 0.5;
  }

  @Override
  protected double computeMinWidth(double height) {
    Insets in = snapped();
    return in.getLeft() + Math.max(start.prefWidth(-1), end.prefWidth(-1)) + in.getRight();
  }

  @Override
  protected double computePrefWidth(double height) {
    Insets in = snapped();
    return in.getLeft() + start.prefWidth(-1) + hgap + end.prefWidth(-1) + in.getRight();
  }

  @Override
  protected double computePrefHeight(double width) {
    Insets in = snapped();
    double a = start.prefHeight(-1);
    double b = end.prefHeight(-1);
    return in.getTop() + (oneLine(width) ? Math.max(a, b) : a + vgap + b) + in.getBottom();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    Insets in = snapped();
    double x = in.getLeft();
    double w = getWidth() - in.getLeft() - in.getRight();
    double ws = start.prefWidth(-1);
    double we = end.prefWidth(-1);
    double hs = start.prefHeight(-1);
    double he = end.prefHeight(-1);
    // one line: both groups centred on it; two: the end group under the start group, at the end
    boolean one = oneLine(getWidth());
    double startHeight = one ? Math.max(hs, he) : hs;
    double endY = one ? in.getTop() : in.getTop() + hs + vgap;
    double endHeight = one ? startHeight : he;
    place(start, x, in.getTop(), ws, startHeight);
    place(end, x + Math.max(0, w - we), endY, we, endHeight);
  }

  private void place(Node node, double x, double y, double w, double h) {
    layoutInArea(node, x, y, w, h, 0, Insets.EMPTY, false, false, HPos.LEFT, VPos.CENTER);
  }
}
