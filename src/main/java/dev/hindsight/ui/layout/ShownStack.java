package dev.hindsight.ui.layout;

import java.util.function.ToDoubleFunction;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A stack of views of which one (or a few) is shown at a time, sized by the shown ones alone. A
 * plain {@link StackPane} is at least as large as the largest of its children, hidden or not: a
 * hidden view's minimum would hold the window's splits open and push what is shown below the
 * window's edge at a large zoom.
 */
public class ShownStack extends StackPane {

  private final InvalidationListener relayout = obs -> requestLayout();

  public ShownStack(Node... children) {
    getChildren()
        .addListener(
            (ListChangeListener<Node>)
                c -> {
                  while (c.next()) {
                    c.getRemoved().forEach(n -> n.visibleProperty().removeListener(relayout));
                    c.getAddedSubList().forEach(n -> n.visibleProperty().addListener(relayout));
                  }
                });
    getChildren().addAll(children);
  }

  @Override
  protected double computeMinHeight(double width) {
    return vertical(n -> n.minHeight(-1));
  }

  @Override
  protected double computePrefHeight(double width) {
    return vertical(n -> n.prefHeight(-1));
  }

  @Override
  protected double computeMinWidth(double height) {
    return horizontal(n -> n.minWidth(-1));
  }

  @Override
  protected double computePrefWidth(double height) {
    return horizontal(n -> n.prefWidth(-1));
  }

  private double vertical(ToDoubleFunction<Node> size) {
    return snappedTopInset() + largestShown(size) + snappedBottomInset();
  }

  private double horizontal(ToDoubleFunction<Node> size) {
    return snappedLeftInset() + largestShown(size) + snappedRightInset();
  }

  private double largestShown(ToDoubleFunction<Node> size) {
    double most = 0;
    for (Node n : getManagedChildren()) {
      if (n.isVisible()) {
        most = Math.max(most, size.applyAsDouble(n));
      }
    }
    return most;
  }
}
