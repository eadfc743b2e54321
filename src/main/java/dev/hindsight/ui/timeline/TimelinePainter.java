package dev.hindsight.ui.timeline;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one frame of the bar: a marker row, the strip, a marker row, and the cursor on top. Its
 * cost is bounded by the width and the markers, never by the number of events: the density is
 * computed beforehand, once per size, width or types change.
 */
final class TimelinePainter {

  /** Height of the marker rows above and below the strip. */
  static final double ROW = 12;

  private static final double GAP = 2;
  private static final Font LABEL = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 9);

  /** Everything a frame shows. {@code density} is null when the bar draws ticks. */
  record Frame(
      TimelineScale scale,
      TimelineScale.Density density,
      int[] types,
      int ordinal,
      boolean hideFuture,
      List<Marker> markers,
      TimelineColors colors,
      boolean focused) {}

  private final GraphicsContext g;
  private final double w;
  private final Frame f;
  private final TimelineScale s;
  private final TimelineColors c;
  private final double stripTop;
  private final double stripBottom;

  private TimelinePainter(GraphicsContext g, double w, double h, Frame f) {
    this.g = g;
    this.w = w;
    this.f = f;
    this.s = f.scale();
    this.c = f.colors();
    this.stripTop = ROW + GAP;
    this.stripBottom = Math.max(stripTop + 6, h - ROW - GAP);
  }

  static void paint(GraphicsContext g, double w, double h, Frame frame) {
    g.clearRect(0, 0, w, h);
    if (w <= 0 || h <= 0) {
      return;
    }
    TimelinePainter p = new TimelinePainter(g, w, h, frame);
    p.track();
    if (frame.density() == null) {
      p.ticks();
    } else {
      p.density();
    }
    p.markers();
    p.cursor();
  }

  private void track() {
    double left = s.x0() - TimelineScale.GUTTER + 1.5;
    double right = s.x0() + s.width() + 0.5;
    g.setFill(c.track.get());
    g.fillRoundRect(left, stripTop + 0.5, right - left, stripBottom - stripTop - 1, 6, 6);
    g.setStroke(c.border.get());
    g.setLineWidth(1);
    g.strokeRoundRect(left, stripTop + 0.5, right - left, stripBottom - stripTop - 1, 6, 6);
    // the initial state's place: a small ring in the gutter, where the cursor stands at -1
    double mid = (stripTop + stripBottom) / 2;
    g.setStroke(c.muted.get());
    g.strokeOval(s.cursorX(-1) - 2.5, mid - 2.5, 5, 5);
  }

  private void ticks() {
    double slot = s.slot();
    double y = stripTop + 3;
    double h = stripBottom - stripTop - 6;
    int current = TimelineScale.clamp(f.ordinal(), s.size());
    int last = f.hideFuture() ? current : s.size() - 1;
    for (int i = 0; i <= last; i++) {
      double a = Math.round(s.x0() + i * slot);
      double b = Math.round(s.x0() + (i + 1) * slot);
      Color color = c.type(typeOf(i));
      g.setFill(i > current ? dim(color) : color);
      g.fillRect(a, y, Math.max(1, b - a - 1), h);
    }
  }

  private void density() {
    TimelineScale.Density d = f.density();
    double y = stripTop + 3;
    double h = stripBottom - stripTop - 6;
    int current = TimelineScale.clamp(f.ordinal(), s.size());
    int currentColumn = current < 0 ? -1 : d.columnOf(current, s.size());
    int last = f.hideFuture() ? currentColumn : d.columns() - 1;
    Color track = c.track.get();
    for (int col = 0; col <= last; col++) {
      // a mixed column fades toward the track: a clean run of one type stands out
      Color color = track.interpolate(c.type(d.dominant()[col]), 0.4 + 0.6 * d.share()[col]);
      g.setFill(col > currentColumn ? dim(color) : color);
      g.fillRect(s.x0() + col, y, 1, h);
    }
  }

  private void markers() {
    boolean[][] seen = new boolean[Marker.Kind.values().length][(int) w + 2];
    // hits first, so an error at the same event draws over it; labels over bookmarks
    for (Marker.Kind kind :
        List.of(
            Marker.Kind.SEARCH_HIT,
            Marker.Kind.ERROR,
            Marker.Kind.BOOKMARK,
            Marker.Kind.COMPARE_A,
            Marker.Kind.COMPARE_B)) {
      boolean[] taken = seen[kind.ordinal()];
      for (Marker m : f.markers()) {
        if (m.kind() != kind || !shown(m)) {
          continue;
        }
        int px = (int) Math.round(s.cursorX(m.ordinal()));
        if (px < 0 || px >= taken.length || taken[px]) {
          continue;
        }
        taken[px] = true;
        glyph(kind, px);
      }
    }
  }

  private boolean shown(Marker m) {
    if (m.ordinal() < -1 || m.ordinal() >= s.size()) {
      return false;
    }
    boolean clue = m.kind() == Marker.Kind.ERROR || m.kind() == Marker.Kind.SEARCH_HIT;
    return !(clue && f.hideFuture() && m.ordinal() > f.ordinal());
  }

  private void glyph(Marker.Kind kind, int px) {
    double below = stripBottom + GAP;
    switch (kind) {
      case SEARCH_HIT -> {
        g.setFill(c.hit.get());
        g.fillRect(px - 1, below + 1, 2, ROW - 3);
      }
      case ERROR -> {
        g.setFill(c.error.get());
        g.fillPolygon(
            new double[] {px - 4.5, px + 4.5, px},
            new double[] {below + ROW - 2, below + ROW - 2, below + 1},
            3);
      }
      case BOOKMARK -> {
        g.setFill(c.bookmark.get());
        g.fillPolygon(
            new double[] {px - 3.5, px + 3.5, px + 3.5, px, px - 3.5},
            new double[] {1, 1, ROW - 1, ROW - 4, ROW - 1},
            5);
      }
      case COMPARE_A -> label("A", px);
      case COMPARE_B -> label("B", px);
    }
  }

  private void label(String text, int px) {
    g.setStroke(c.compare.get());
    g.setLineWidth(1);
    g.strokeLine(px + 0.5, ROW, px + 0.5, stripBottom);
    g.setFill(c.compare.get());
    g.fillRoundRect(px - 5.5, 0, 12, ROW, 5, 5);
    g.setFill(c.surface.get());
    g.setFont(LABEL);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, px + 0.5, ROW / 2 + 0.5);
  }

  private void cursor() {
    double x = Math.round(s.cursorX(f.ordinal()));
    double top = stripTop - 3;
    double h = stripBottom - stripTop + 6;
    if (f.focused()) {
      g.setFill(c.focus.get());
      g.fillRoundRect(x - 6, top - 2, 12, h + 4, 8, 8);
    }
    g.setFill(c.surface.get());
    g.fillRoundRect(x - 3.5, top, 7, h, 5, 5);
    g.setFill(c.cursor.get());
    g.fillRoundRect(x - 2, top + 1.5, 4, h - 3, 3, 3);
  }

  private Color dim(Color color) {
    return c.track.get().interpolate(color, 0.3);
  }

  private int typeOf(int i) {
    int[] types = f.types();
    return i < types.length ? types[i] : -1;
  }
}
