package dev.hindsight.ui;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A tour's caption, wrapped and never cut: as tall as its lines, but at most a fifth of the window
 * (in whole lines, at least two), and scrolled past that, so that a long caption at a projector's
 * zoom does not push the state, whose highlighted value the caption is about, off the window. Never
 * shorter than two lines, so the explorer does not jump as captions change length.
 */
final class CaptionBox extends ScrollPane {

  /** The share of the window's height a caption may take before it scrolls. */
  static final double WINDOW_SHARE = 0.2;

  private static final int MIN_LINES = 2;

  private final Label caption;
  private final Text probe = new Text("Xg");

  CaptionBox(Label caption) {
    super(caption);
    this.caption = caption;
    getStyleClass().add(UiStyles.CAPTION_BOX);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    caption.setWrapText(true);
    caption.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never "…"
    visibleProperty().bind(caption.visibleProperty());
    managedProperty().bind(caption.managedProperty());
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL; // the height follows the width the lines wrap at
  }

  @Override
  protected double computePrefHeight(double width) {
    double insets = snappedTopInset() + snappedBottomInset();
    double padding = caption.snappedTopInset() + caption.snappedBottomInset();
    double line = lineHeight();
    double least = MIN_LINES * line + padding + insets;
    double w = width > 0 ? width : getWidth();
    if (w <= 0) {
      return Math.ceil(least); // no width yet (the first pass): the lines are not known
    }
    double textWidth = Math.max(1, w - snappedLeftInset() - snappedRightInset());
    double full = caption.prefHeight(textWidth) + insets;
    double most = Math.max(least, Math.floor(room() / line) * line + padding + insets);
    return Math.ceil(Math.max(least, Math.min(full, most)));
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected double computeMaxHeight(double width) {
    return computePrefHeight(width);
  }

  /** The height of one line of the caption in its font (which the zoom sets). */
  private double lineHeight() {
    probe.setFont(caption.getFont());
    return Math.max(1, probe.getLayoutBounds().getHeight() + caption.getLineSpacing());
  }

  /** What a caption may take of the window's height, padding aside. */
  private double room() {
    Scene scene = getScene();
    double window = scene == null || scene.getHeight() <= 0 ? 800 : scene.getHeight();
    return window * WINDOW_SHARE;
  }
}
