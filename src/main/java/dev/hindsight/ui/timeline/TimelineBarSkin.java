package dev.hindsight.ui.timeline;

import java.util.function.IntFunction;
import javafx.event.EventHandler;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * Draws the {@link TimelineBar} on a canvas and turns mouse, wheel and keys into ordinals. A change
 * only marks the frame dirty and asks for a layout, so a burst of changes in one pulse costs one
 * redraw; the density is recomputed only when the size, the width or the types change.
 */
final class TimelineBarSkin extends SkinBase<TimelineBar> {

  private static final double PREF_HEIGHT = 2 * TimelinePainter.ROW + 22;
  private static final double RIGHT_ROOM = 7;

  private final Canvas canvas = new Canvas();
  private final Tooltip tooltip = new Tooltip();
  private final EventHandler<MouseEvent> onPress = this::pressed;
  private final EventHandler<MouseEvent> onDrag = this::dragged;
  private final EventHandler<MouseEvent> onMove = this::moved;
  private final EventHandler<ScrollEvent> onScroll = this::scrolled;
  private final EventHandler<KeyEvent> onKey = this::keyPressed;
  private TimelineScale scale = new TimelineScale(TimelineScale.GUTTER, 0, 0);
  private TimelineScale.Density density;
  private boolean densityStale = true;
  private boolean dirty = true;
  private int redraws;

  TimelineBarSkin(TimelineBar bar) {
    super(bar);
    getChildren().add(canvas);
    registerChangeListener(bar.ordinalProperty(), o -> invalidate());
    registerChangeListener(bar.hideFutureProperty(), o -> invalidate());
    registerChangeListener(bar.focusedProperty(), o -> invalidate());
    registerChangeListener(bar.sizeProperty(), o -> invalidateDensity());
    registerChangeListener(bar.typesRevisionProperty(), o -> invalidateDensity());
    registerListChangeListener(bar.getMarkers(), c -> invalidate());
    bar.colors().all().forEach(color -> registerChangeListener(color, o -> invalidate()));
    tooltip.setShowDelay(Duration.millis(250));
    tooltip.setHideDelay(Duration.ZERO);
    Tooltip.install(bar, tooltip);
    bar.addEventHandler(MouseEvent.MOUSE_PRESSED, onPress);
    bar.addEventHandler(MouseEvent.MOUSE_DRAGGED, onDrag);
    bar.addEventHandler(MouseEvent.MOUSE_MOVED, onMove);
    bar.addEventHandler(ScrollEvent.SCROLL, onScroll);
    bar.addEventHandler(KeyEvent.KEY_PRESSED, onKey);
  }

  @Override
  public void dispose() {
    TimelineBar bar = getSkinnable();
    if (bar == null) {
      return;
    }
    Tooltip.uninstall(bar, tooltip);
    bar.removeEventHandler(MouseEvent.MOUSE_PRESSED, onPress);
    bar.removeEventHandler(MouseEvent.MOUSE_DRAGGED, onDrag);
    bar.removeEventHandler(MouseEvent.MOUSE_MOVED, onMove);
    bar.removeEventHandler(ScrollEvent.SCROLL, onScroll);
    bar.removeEventHandler(KeyEvent.KEY_PRESSED, onKey);
    super.dispose();
  }

  private void invalidate() {
    dirty = true;
    getSkinnable().requestLayout();
  }

  private void invalidateDensity() {
    densityStale = true;
    invalidate();
  }

  @Override
  protected void layoutChildren(double x, double y, double w, double h) {
    double width = Math.floor(w);
    double height = Math.floor(h);
    if (width != canvas.getWidth() || height != canvas.getHeight()) {
      canvas.setWidth(width);
      canvas.setHeight(height);
      dirty = true;
    }
    canvas.relocate(snapPositionX(x), snapPositionY(y));
    TimelineBar bar = getSkinnable();
    // whole pixels: a density column is then exactly one pixel wide
    double track = Math.max(0, Math.floor(width - TimelineScale.GUTTER - RIGHT_ROOM));
    int shown = shownSize(bar);
    if (track != scale.width() || shown != scale.size()) {
      scale = new TimelineScale(TimelineScale.GUTTER, track, shown);
      densityStale = true;
    }
    if (densityStale) {
      density =
          scale.ticks() ? null : TimelineScale.density(bar.typeIds(), scale.size(), (int) track);
      bar.pseudoClassStateChanged(TimelineBar.DENSE, density != null);
      densityStale = false;
      dirty = true;
    }
    if (dirty) {
      redraw();
    }
  }

  /**
   * The events the track spreads over: all of them, or with the future hidden those up to the
   * current one, so nothing after the cursor (not even blank room) tells how many are to come. The
   * density is then recomputed when the cursor moves, which only presenting does, step by step.
   */
  private static int shownSize(TimelineBar bar) {
    return bar.isHideFuture()
        ? TimelineScale.clamp(bar.getOrdinal(), bar.getSize()) + 1
        : bar.getSize();
  }

  private void redraw() {
    dirty = false;
    redraws++;
    TimelineBar bar = getSkinnable();
    TimelinePainter.paint(
        canvas.getGraphicsContext2D(),
        canvas.getWidth(),
        canvas.getHeight(),
        new TimelinePainter.Frame(
            scale,
            density,
            bar.typeIds(),
            bar.getOrdinal(),
            bar.isHideFuture(),
            bar.getMarkers(),
            bar.colors(),
            bar.isFocused()));
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    getSkinnable().requestFocus();
    seek(e);
  }

  private void dragged(MouseEvent e) {
    if (e.isPrimaryButtonDown()) {
      seek(e);
    }
  }

  private void seek(MouseEvent e) {
    getSkinnable().setOrdinal(ordinalAt(e.getX()));
    tooltip.hide();
    e.consume();
  }

  /** Only the text changes on a move: no redraw, nothing proportional to the events. */
  private void moved(MouseEvent e) {
    IntFunction<String> text = getSkinnable().tooltipTextProperty().get();
    String s = text == null ? null : text.apply(ordinalAt(e.getX()));
    tooltip.setText(s == null ? "" : s);
    if (s == null) {
      tooltip.hide();
    }
  }

  private void scrolled(ScrollEvent e) {
    double d = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
    if (d != 0) {
      // wheel down (or right) goes forward in time, as an event list scrolls down
      getSkinnable().step(d < 0 ? 1 : -1);
      e.consume();
    }
  }

  private void keyPressed(KeyEvent e) {
    TimelineBar bar = getSkinnable();
    switch (e.getCode()) {
      case LEFT, KP_LEFT -> bar.step(-1);
      case RIGHT, KP_RIGHT -> bar.step(1);
      case PAGE_UP -> bar.step(-10);
      case PAGE_DOWN -> bar.step(10);
      case HOME -> bar.setOrdinal(e.isShortcutDown() || bar.getSize() == 0 ? -1 : 0);
      case END -> bar.setOrdinal(bar.getSize() - 1);
      default -> {
        return;
      }
    }
    e.consume();
  }

  /** The ordinal under {@code x} in the control's coordinates. */
  int ordinalAt(double x) {
    return scale.ordinalAt(x - canvas.getLayoutX());
  }

  /** Where the cursor for {@code ordinal} stands, in the control's coordinates. */
  double xOf(int ordinal) {
    return canvas.getLayoutX() + scale.cursorX(ordinal);
  }

  int redraws() {
    return redraws;
  }

  TimelineScale scale() {
    return scale;
  }

  @Override
  protected double computePrefWidth(
      double height, double top, double right, double bottom, double left) {
    return left + right + 320;
  }

  @Override
  protected double computePrefHeight(
      double width, double top, double right, double bottom, double left) {
    return top + bottom + PREF_HEIGHT;
  }

  @Override
  protected double computeMinWidth(
      double height, double top, double right, double bottom, double left) {
    return left + right + TimelineScale.GUTTER + RIGHT_ROOM + 20;
  }

  @Override
  protected double computeMinHeight(
      double width, double top, double right, double bottom, double left) {
    return computePrefHeight(width, top, right, bottom, left);
  }

  @Override
  protected double computeMaxHeight(
      double width, double top, double right, double bottom, double left) {
    return computePrefHeight(width, top, right, bottom, left);
  }
}
