package dev.hindsight.ui;

import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * How the window presents itself to a room: zoom (100–200 %, the type and everything sized in em),
 * high contrast, hiding the future, and presentation mode (full screen, the current event's type
 * shown large). Zoom is remembered apart for presenting and for working. The settings, not the
 * nodes: the window applies them ({@link #style}, the style classes).
 */
final class Presentation {

  static final int MIN_ZOOM = 100;
  static final int MAX_ZOOM = 200;
  static final int ZOOM_STEP = 10;

  /** Where presentation mode starts, and where Ctrl+0 returns while presenting. */
  static final int PRESENTING_ZOOM = 150;

  /** The type size at 100 %, in pixels (AtlantaFX's default). */
  static final double BASE_FONT = 14;

  /** The events table's row height, in em of the type size. */
  static final double ROW_EM = 2.3;

  private final Settings settings;
  private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", MIN_ZOOM);
  private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");
  private final BooleanProperty hideFuture = new SimpleBooleanProperty(this, "hideFuture");
  private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting");
  private final BooleanBinding streamListShown = presenting.not();
  private final BooleanProperty analysisAskedFor = new SimpleBooleanProperty(this, "analysisAsked");
  private final BooleanBinding analysisShown = presenting.not().or(analysisAskedFor);

  Presentation(Settings settings) {
    this.settings = settings;
    zoom.set(clamp(settings.zoom(false)));
    highContrast.set(settings.highContrast());
    zoom.addListener((obs, old, z) -> settings.setZoom(presenting.get(), z.intValue()));
    highContrast.addListener((obs, old, on) -> settings.setHighContrast(on));
    presenting.addListener(
        (obs, old, on) -> {
          zoom.set(clamp(settings.zoom(on)));
          analysisAskedFor.set(false); // each presentation starts with the state's whole column
        });
  }

  /** The root's style at {@code zoom} per cent: the type size everything sized in em follows. */
  static String style(int zoom) {
    return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * zoom / 100);
  }

  /**
   * The events table's row height at {@code zoom} per cent: 2.3 em, rounded to whole pixels. A
   * fractional height (32.2 px at 100 %) leaves the flow a sliver short of its bottom edge when it
   * is scrolled to the end, which JavaFX fills with empty rows and logs as "index exceeds
   * maxCellCount".
   */
  static double rowHeight(int zoom) {
    return Math.round(BASE_FONT * zoom / 100 * ROW_EM);
  }

  static int clamp(int z) {
    return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
  }

  void zoomIn() {
    zoom.set(clamp(zoom.get() + ZOOM_STEP));
  }

  void zoomOut() {
    zoom.set(clamp(zoom.get() - ZOOM_STEP));
  }

  /**
   * Back to where the mode starts: 100 % working, the presentation's start zoom (150 %) while
   * presenting, so one Ctrl+0 does not leave the next presentation at 100 %.
   */
  void actualSize() {
    zoom.set(presenting.get() ? PRESENTING_ZOOM : MIN_ZOOM);
  }

  IntegerProperty zoomProperty() {
    return zoom;
  }

  BooleanProperty highContrastProperty() {
    return highContrast;
  }

  /** Events after the current one are not shown: not in the table, not on the timeline. */
  BooleanProperty hideFutureProperty() {
    return hideFuture;
  }

  BooleanProperty presentingProperty() {
    return presenting;
  }

  /**
   * Whether the stream list is shown: not while presenting. The room needs the width for the events
   * and the state, and each stream's count of events would tell what is to come.
   */
  BooleanBinding streamListShownProperty() {
    return streamListShown;
  }

  /**
   * Whether the analysis tabs (Compare, History, Find…) are shown under the state: not while
   * presenting, so the state has the whole column for the room to read, until something is asked of
   * them (see {@link #analysisAskedFor}).
   */
  BooleanBinding analysisShownProperty() {
    return analysisShown;
  }

  /**
   * Something that shows in the analysis tabs was asked for (Find When, a value's History, a flow,
   * Verify): while presenting, they come back for the rest of the presentation.
   */
  void analysisAskedFor() {
    analysisAskedFor.set(true);
  }
}
