package dev.hindsight.ui;

import dev.hindsight.audit.Finding;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/**
 * Every style class and pseudo-class name of the window's own classes, spelled once. The rules are
 * in {@code src/main/resources/dev/hindsight/ui/hindsight.css}; AtlantaFX's classes come from
 * {@link atlantafx.base.theme.Styles} instead. The state view and the timeline bar stand apart from
 * the window (they never depend on this package) and keep theirs in {@code state.StateStyles} and
 * {@link dev.hindsight.ui.timeline.TimelineBar}, next to their own style sheets.
 */
public final class UiStyles {

  // ------------------------------------------------------------------------------------ window

  /** The window's root; hindsight.css scopes its rules under {@code .hindsight-main}. */
  public static final String HINDSIGHT_MAIN = "hindsight-main";

  /** A column or cell of numbers; hindsight.css aligns {@code .numeric} to the right. */
  public static final String NUMERIC = "numeric";

  /** The window's status bar; hindsight.css gives {@code .status-bar} its top border. */
  public static final String STATUS_BAR = "status-bar";

  /** On the root under View › High Contrast; hindsight.css redefines the theme's colours. */
  public static final String HIGH_CONTRAST = "high-contrast";

  /** On the root while presenting; not styled in hindsight.css (the zoom is set in code). */
  public static final String PRESENTING = "presenting";

  // ---------------------------------------------------------------------------------- explorer

  /** The explorer pane; not styled in hindsight.css. */
  public static final String EXPLORER = "explorer";

  /** "Choose a stream" over the explorer; hindsight.css gives it the default background. */
  public static final String EXPLORER_PLACEHOLDER = "explorer-placeholder";

  /** The stream list pane; hindsight.css sets {@code .streams-pane} rows' height and padding. */
  public static final String STREAMS_PANE = "streams-pane";

  /** Pseudo-class of a type heading's cell in the stream list; bold in hindsight.css. */
  public static final String GROUP = "group";

  /** Pseudo-class of a folded type heading's cell; not styled in hindsight.css. */
  public static final String FOLDED = "folded";

  /** The events table; hindsight.css styles {@code .events-table} rows by their pseudo-classes. */
  public static final String EVENTS_TABLE = "events-table";

  /** Pseudo-class of the current event's row; accent background in hindsight.css. */
  public static final String CURRENT = "current";

  /** Pseudo-class of the rows after the current event; dimmed in hindsight.css. */
  public static final String FUTURE = "future";

  /** Pseudo-class of a row whose event the reducer failed at; danger text in hindsight.css. */
  public static final String ERROR = "error";

  /** The bookmark dialog's fields; hindsight.css keeps their placeholders shown while focused. */
  public static final String BOOKMARK_FORM = "bookmark-form";

  /** A cell showing an event type's short name, its stored name in a tooltip; not styled. */
  public static final String TYPE_CELL = "type-cell";

  /** The current event's detail tabs; hindsight.css styles {@code .event-detail .code}. */
  public static final String EVENT_DETAIL = "event-detail";

  /** The analysis pane; hindsight.css styles {@code .analysis .code}. */
  public static final String ANALYSIS = "analysis";

  // ---------------------------------------------------------------------------------- findings

  /**
   * Pseudo-classes of a finding's cell by its severity ({@code :error}, {@code :warning}, {@code
   * :info}); coloured in hindsight.css.
   */
  public static final Map<Finding.Severity, PseudoClass> SEVERITIES = severities();

  private static Map<Finding.Severity, PseudoClass> severities() {
    Map<Finding.Severity, PseudoClass> out = new EnumMap<>(Finding.Severity.class);
    for (Finding.Severity s : Finding.Severity.values()) {
      out.put(s, PseudoClass.getPseudoClass(s.label()));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The player bar's position ("v3 · 3 / 6") and the current event's type and time: at least a
   * fixed width in em in hindsight.css, so the bar does not shift while scrubbing.
   */
  public static final String POSITION = "position";

  public static final String CURRENT_TYPE = "current-type";

  /** A tab pane's headers as a row that wraps (TabStrip). */
  public static final String TAB_STRIP = "tab-strip";

  /** A tab pane whose headers a TabStrip shows: its own header row is hidden. */
  public static final String STRIP_HEADED = "strip-headed";

  /**
   * A list in an analysis tab (TabForms); hindsight.css gives {@code .tab-list} a least height, so
   * a small pane or a large zoom scrolls the tab rather than squeeze the list to a row.
   */
  public static final String TAB_LIST = "tab-list";

  // ----------------------------------------------------------------------------- presenter bar

  /** The bar above the explorer; hindsight.css gives {@code .presenter-bar} its background. */
  public static final String PRESENTER_BAR = "presenter-bar";

  /** The current event's type while presenting; large and bold in hindsight.css. */
  public static final String PRESENTER_TYPE = "presenter-type";

  /** Where the current event is, beside its type; enlarged in hindsight.css. */
  public static final String PRESENTER_WHERE = "presenter-where";

  /** The tour's title; bold in hindsight.css. */
  public static final String TOUR_TITLE = "tour-title";

  /** "Step 2 of 16"; not styled in hindsight.css. */
  public static final String TOUR_STEP = "tour-step";

  /** The tour step's caption; enlarged and indented in hindsight.css. */
  public static final String TOUR_CAPTION = "tour-caption";

  /** The caption's scrolling box (see CaptionBox); see-through and borderless in hindsight.css. */
  public static final String CAPTION_BOX = "caption-box";

  /** The tour's part of the presenter bar; not styled in hindsight.css. */
  public static final String TOUR_BOX = "tour-box";

  private UiStyles() {}

  /**
   * Runs {@code choose} when a row of {@code table} is double-clicked, or Enter is pressed on it.
   */
  static void onChoose(TableView<?> table, Runnable choose) {
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            choose.run();
          }
        });
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            choose.run();
            e.consume();
          }
        });
  }

  /** Adds style class {@code name} to {@code node}, or takes it off. */
  static void toggle(Node node, String name, boolean on) {
    if (on && !node.getStyleClass().contains(name)) {
      node.getStyleClass().add(name);
    } else if (!on) {
      node.getStyleClass().remove(name);
    }
  }
}
