package dev.hindsight.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What the window remembers between runs, in Hindsight's own preferences (never in a store): the
 * theme, and the window's size and place.
 */
final class Settings {

  /** The themes a user can choose; SYSTEM follows the desktop's GTK theme where it says "dark". */
  enum Theme {
    SYSTEM,
    LIGHT,
    DARK
  }

  /** The stream list's share of the window: at first, and its bounds. */
  static final double STREAMS_DEFAULT = 0.24;

  static final double STREAMS_MIN = 0.15;
  static final double STREAMS_MAX = 0.35;

  private final Preferences prefs;

  Settings(Preferences prefs) {
    this.prefs = prefs;
  }

  static Settings user() {
    return new Settings(Preferences.userRoot().node("dev/hindsight/window"));
  }

  Theme theme() {
    try {
      return Theme.valueOf(prefs.get("theme", Theme.SYSTEM.name()));
    } catch (IllegalArgumentException unknown) {
      return Theme.SYSTEM;
    }
  }

  /** The zoom in percent, for presenting or for working (100 and 150 at first). */
  int zoom(boolean presenting) {
    return prefs.getInt(
        presenting ? "zoom.presenting" : "zoom",
        presenting ? Presentation.PRESENTING_ZOOM : Presentation.MIN_ZOOM);
  }

  void setZoom(boolean presenting, int percent) {
    prefs.putInt(presenting ? "zoom.presenting" : "zoom", percent);
  }

  boolean highContrast() {
    return prefs.getBoolean("highContrast", false);
  }

  void setHighContrast(boolean on) {
    prefs.putBoolean("highContrast", on);
  }

  /** The masking rules, comma-separated (empty: off). */
  String masking() {
    return prefs.get("masking", "");
  }

  void setMasking(String rules) {
    prefs.put("masking", rules == null ? "" : rules);
  }

  void setTheme(Theme theme) {
    prefs.put("theme", theme.name());
    apply(theme);
  }

  /** Sets the theme's stylesheet for the whole application. */
  static void apply(Theme theme) {
    boolean dark = theme == Theme.DARK || (theme == Theme.SYSTEM && systemPrefersDark());
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  static boolean systemPrefersDark() {
    String gtk = System.getenv("GTK_THEME");
    return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
  }

  /** Puts the stage where it was last time, at the size it had. */
  void restore(Stage stage) {
    double w = prefs.getDouble("width", 1400);
    double h = prefs.getDouble("height", 860);
    // never larger than the screen (a 1366x768 laptop): the menus and the status bar stay in sight
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    stage.setWidth(Math.min(screen.getWidth(), Math.max(800, w)));
    stage.setHeight(Math.min(screen.getHeight(), Math.max(500, h)));
    double x = prefs.getDouble("x", Double.NaN);
    double y = prefs.getDouble("y", Double.NaN);
    if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y)) {
      stage.setX(x);
      stage.setY(y);
    }
    stage.setMaximized(prefs.getBoolean("maximized", false));
  }

  /** Remembers the stage's size and place. */
  void save(Stage stage) {
    prefs.putBoolean("maximized", stage.isMaximized());
    if (!stage.isMaximized()) {
      prefs.putDouble("x", stage.getX());
      prefs.putDouble("y", stage.getY());
      prefs.putDouble("width", stage.getWidth());
      prefs.putDouble("height", stage.getHeight());
    }
  }

  /**
   * The stream list's share of the window's width, whatever a session saved: between {@link
   * #STREAMS_MIN} and {@link #STREAMS_MAX}, so neither a list that once grew to a long stream id
   * nor one dragged shut leaves the next session without room.
   */
  static double streamsShare(double saved) {
    if (Double.isNaN(saved)) {
      return STREAMS_DEFAULT;
    }
    return Math.max(STREAMS_MIN, Math.min(STREAMS_MAX, saved));
  }

  double divider(String name, double fallback) {
    return prefs.getDouble("divider." + name, fallback);
  }

  void setDivider(String name, double position) {
    prefs.putDouble("divider." + name, position);
  }

  private static boolean onSomeScreen(double x, double y) {
    return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().contains(x + 40, y + 20));
  }
}
