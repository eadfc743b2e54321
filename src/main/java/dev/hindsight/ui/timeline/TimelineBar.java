package dev.hindsight.ui.timeline;

import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A stream of events as one horizontal strip: a tick per event coloured by its type (a density
 * strip when there are more events than room), markers above and below, and a cursor at the current
 * event. Click or drag to move the cursor, scroll to step, or use the keys when focused: Left/Right
 * step by 1, Page Up/Page Down by 10, Home goes to the first event (0), End to the last, and
 * Shortcut+Home to the initial state (-1). Home stops at the first event rather than the initial
 * state because that is where users look most; the initial state is one more Left away.
 *
 * <p>FX thread only. Styled by {@code timeline-bar.css} (style class {@value #STYLE_CLASS}), whose
 * colours are the theme's looked-up colours, so light and dark AtlantaFX themes both work.
 */
public final class TimelineBar extends Control {

  public static final String STYLE_CLASS = "timeline-bar";

  /** Set while {@link #hideFutureProperty()} is true. */
  public static final PseudoClass HIDE_FUTURE = PseudoClass.getPseudoClass("hide-future");

  /** Set while the events are too many for ticks and the bar draws a density strip. */
  public static final PseudoClass DENSE = PseudoClass.getPseudoClass("dense");

  private final IntegerProperty ordinal = new SimpleIntegerProperty(this, "ordinal", -1);
  private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 0);
  private final BooleanProperty hideFuture =
      new SimpleBooleanProperty(this, "hideFuture") {
        @Override
        protected void invalidated() {
          pseudoClassStateChanged(HIDE_FUTURE, get());
        }
      };
  private final ObservableList<Marker> markers = FXCollections.observableArrayList();
  private final ObjectProperty<IntFunction<String>> tooltipText =
      new SimpleObjectProperty<>(this, "tooltipText", this::defaultTooltip);
  private final ReadOnlyIntegerWrapper typesRevision = new ReadOnlyIntegerWrapper();
  private final TimelineColors colors = new TimelineColors(this);
  private int[] typeIds = new int[0];
  private List<String> typeNames = List.of();

  public TimelineBar() {
    getStyleClass().add(STYLE_CLASS);
    setFocusTraversable(true);
    setAccessibleRole(AccessibleRole.SLIDER);
    setAccessibleText("Event timeline");
    ordinal.addListener(
        o -> {
          notifyAccessibleAttributeChanged(AccessibleAttribute.VALUE);
          notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
        });
    size.addListener(o -> notifyAccessibleAttributeChanged(AccessibleAttribute.MAX_VALUE));
  }

  /**
   * The current event, -1 (the initial state, before the first event) .. size-1. Values outside
   * that range are shown clamped and left as set, since the app may set it before the size.
   */
  public IntegerProperty ordinalProperty() {
    return ordinal;
  }

  public int getOrdinal() {
    return ordinal.get();
  }

  public void setOrdinal(int value) {
    ordinal.set(value);
  }

  /** The number of events in the stream. */
  public IntegerProperty sizeProperty() {
    return size;
  }

  public int getSize() {
    return size.get();
  }

  public void setSize(int value) {
    size.set(value);
  }

  /**
   * When true, the bar shows the events up to the current one only, spread over its width, and
   * nothing after it: no spoilers while stepping, not even how many events are left.
   */
  public BooleanProperty hideFutureProperty() {
    return hideFuture;
  }

  public boolean isHideFuture() {
    return hideFuture.get();
  }

  public void setHideFuture(boolean value) {
    hideFuture.set(value);
  }

  /** The markers to draw; events outside 0 .. size-1 (other than -1) are skipped. */
  public ObservableList<Marker> getMarkers() {
    return markers;
  }

  /**
   * The hover text for an ordinal (-1 included), or null for no tooltip. The default reads "#12 ·
   * OrderPlaced", without the type for a hidden future event.
   */
  public ObjectProperty<IntFunction<String>> tooltipTextProperty() {
    return tooltipText;
  }

  /**
   * Each event's type: {@code typeIds[i]} indexes {@code typeNames}; an id below 0, or an event
   * past the array's end, is an unknown type. A type's colour is the palette entry at its id
   * (wrapping), so the same ids keep the same colours. Both are copied.
   */
  public void setTypes(int[] typeIds, List<String> typeNames) {
    this.typeIds = typeIds.clone();
    this.typeNames = List.copyOf(typeNames);
    typesRevision.set(typesRevision.get() + 1);
  }

  /** The type name of the event at {@code ordinal}, or null when it has none. */
  public String typeNameAt(int ordinal) {
    if (ordinal < 0 || ordinal >= typeIds.length) {
      return null;
    }
    int id = typeIds[ordinal];
    return id >= 0 && id < typeNames.size() ? typeNames.get(id) : null;
  }

  /** Moves the cursor by {@code delta} events, clamped to -1 .. size-1. */
  public void step(int delta) {
    int from = TimelineScale.clamp(getOrdinal(), getSize());
    setOrdinal(TimelineScale.clamp(from + delta, getSize()));
  }

  int[] typeIds() {
    return typeIds;
  }

  ReadOnlyIntegerProperty typesRevisionProperty() {
    return typesRevision.getReadOnlyProperty();
  }

  TimelineColors colors() {
    return colors;
  }

  private String defaultTooltip(int at) {
    if (at < 0) {
      return "Initial state, before the first event";
    }
    String type = typeNameAt(at);
    boolean hidden = isHideFuture() && at > getOrdinal();
    return type == null || hidden ? "#" + at : "#" + at + " · " + type;
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new TimelineBarSkin(this);
  }

  @Override
  public String getUserAgentStylesheet() {
    return TimelineBar.class.getResource("timeline-bar.css").toExternalForm();
  }

  public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
    return TimelineColors.cssMetaData();
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
    return getClassCssMetaData();
  }

  @Override
  public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
    return switch (attribute) {
      case VALUE -> (double) TimelineScale.clamp(getOrdinal(), getSize());
      case MIN_VALUE -> -1.0;
      case MAX_VALUE -> (double) Math.max(-1, getSize() - 1);
      // JavaFX 21 has no VALUE_STRING: the text carries the value in words
      case TEXT -> (getAccessibleText() == null ? "" : getAccessibleText() + ": ") + valueText();
      case ORIENTATION -> Orientation.HORIZONTAL;
      default -> super.queryAccessibleAttribute(attribute, parameters);
    };
  }

  @Override
  public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
    switch (action) {
      case INCREMENT -> step(1);
      case DECREMENT -> step(-1);
      case SET_VALUE -> {
        if (parameters.length > 0 && parameters[0] instanceof Number n) {
          setOrdinal(TimelineScale.clamp((int) Math.round(n.doubleValue()), getSize()));
        }
      }
      default -> super.executeAccessibleAction(action, parameters);
    }
  }

  /** What a screen reader says for the current position. */
  String valueText() {
    int at = TimelineScale.clamp(getOrdinal(), getSize());
    if (at < 0) {
      return isHideFuture()
          ? "Initial state, before event 0"
          : "Initial state, before event 0 of " + getSize();
    }
    String type = typeNameAt(at);
    String of = isHideFuture() ? "" : " of " + getSize();
    return "Event " + at + of + (type == null ? "" : ", " + type);
  }
}
