package dev.hindsight.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;

/**
 * The bar's colours as CSS properties ({@code -timeline-cursor-color}, {@code -timeline-type-1} …),
 * which timeline-bar.css points at the theme's looked-up colours. A canvas has no CSS of its own,
 * so the colours reach the painter through these. The defaults are AtlantaFX Primer Light's, for a
 * scene without an AtlantaFX theme.
 */
final class TimelineColors {

  private static final StyleablePropertyFactory<TimelineBar> CSS =
      new StyleablePropertyFactory<>(Control.getClassCssMetaData());

  /** AtlantaFX's chart colours, ordered so that the first few types differ most. */
  private static final String[] TYPE_DEFAULTS = {
    "#41a9c9", "#fba71b", "#9a42c8", "#57b757", "#f3622d", "#4258c9", "#c84164", "#888888"
  };

  final StyleableObjectProperty<Color> track;
  final StyleableObjectProperty<Color> border;
  final StyleableObjectProperty<Color> cursor;
  final StyleableObjectProperty<Color> surface;
  final StyleableObjectProperty<Color> focus;
  final StyleableObjectProperty<Color> error;
  final StyleableObjectProperty<Color> hit;
  final StyleableObjectProperty<Color> bookmark;
  final StyleableObjectProperty<Color> compare;
  final StyleableObjectProperty<Color> muted;
  private final List<StyleableObjectProperty<Color>> types = new ArrayList<>();

  TimelineColors(TimelineBar bar) {
    track = color(bar, "track", c -> c.track, "#f6f8fa");
    border = color(bar, "border", c -> c.border, "#d0d7de");
    cursor = color(bar, "cursor", c -> c.cursor, "#0969da");
    surface = color(bar, "surface", c -> c.surface, "#ffffff");
    focus = color(bar, "focus", c -> c.focus, "#54aeff66");
    error = color(bar, "error", c -> c.error, "#cf222e");
    hit = color(bar, "hit", c -> c.hit, "#0969da");
    bookmark = color(bar, "bookmark", c -> c.bookmark, "#bf8700");
    compare = color(bar, "compare", c -> c.compare, "#24292f");
    muted = color(bar, "muted", c -> c.muted, "#6e7781");
    for (int i = 0; i < TYPE_DEFAULTS.length; i++) {
      int index = i;
      types.add(
          property(bar, "type" + (i + 1), "-timeline-type-" + (i + 1), index, TYPE_DEFAULTS[i]));
    }
  }

  private static StyleableObjectProperty<Color> color(
      TimelineBar bar,
      String name,
      Function<TimelineColors, StyleableProperty<Color>> field,
      String initial) {
    return (StyleableObjectProperty<Color>)
        CSS.createStyleableColorProperty(
            bar,
            name + "Color",
            "-timeline-" + name + "-color",
            b -> field.apply(b.colors()),
            Color.web(initial));
  }

  private static StyleableObjectProperty<Color> property(
      TimelineBar bar, String name, String css, int index, String initial) {
    // the factory makes a StyleableObjectProperty; it declares less, and a listener needs more
    return (StyleableObjectProperty<Color>)
        CSS.createStyleableColorProperty(
            bar, name, css, b -> b.colors().types.get(index), Color.web(initial));
  }

  /** A type's colour: its id picks a palette entry, wrapping; unknown types are muted. */
  Color type(int id) {
    return id < 0 ? muted.get() : types.get(id % types.size()).get();
  }

  /** Every colour, for the skin to redraw when the theme changes one. */
  List<StyleableObjectProperty<Color>> all() {
    List<StyleableObjectProperty<Color>> all =
        new ArrayList<>(
            List.of(track, border, cursor, surface, focus, error, hit, bookmark, compare, muted));
    all.addAll(types);
    return all;
  }

  static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
    return CSS.getCssMetaData();
  }
}
