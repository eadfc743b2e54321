package dev.hindsight.ui;

import dev.hindsight.event.EventJson;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntPredicate;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The events of the open stream, one row each, kept in step with the timeline both ways: the
 * current event is highlighted and the events after it are dimmed; choosing a row moves the
 * timeline.
 */
final class EventsTable extends TableView<EventRow> {

  /** Room for the version, the time and the type, whatever the panes beside it ask for. */
  static final double MIN_WIDTH = 360;

  /** A column's key to its width at 100 %, which the zoom multiplies. */
  private static final String WIDTH_AT_100 = "hindsight.widthAt100";

  static final PseudoClass CURRENT = PseudoClass.getPseudoClass(UiStyles.CURRENT);
  static final PseudoClass FUTURE = PseudoClass.getPseudoClass(UiStyles.FUTURE);
  static final PseudoClass ERROR = PseudoClass.getPseudoClass(UiStyles.ERROR);

  private StreamViewModel model;
  private boolean syncing;

  /** The rows shown: all of the stream's, or those {@link #showOnly} keeps. */
  private FilteredList<EventRow> shown;

  private IntPredicate only;

  /** The current event's ordinal, which each row compares itself to. */
  private final IntegerProperty current = new SimpleIntegerProperty(-1);

  private Runnable onFlow = () -> {};

  /** What the context menu's Flow of This Event does. */
  void setOnFlow(Runnable action) {
    this.onFlow = action;
  }

  EventsTable() {
    setId("events");
    getStyleClass().add(UiStyles.EVENTS_TABLE);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    setPlaceholder(new Label("Choose a stream on the left."));
    setMinWidth(MIN_WIDTH);
    TableColumn<EventRow, Long> version = column("Version", EventRow::version, 70);
    version.getStyleClass().add(UiStyles.NUMERIC);
    getColumns().add(version);
    getColumns().add(column("Time", r -> EventJson.iso(r.timestamp()), 215));
    TableColumn<EventRow, String> type = column("Type", EventRow::type, 150);
    type.setCellFactory(c -> new TypeCell<>(t -> t));
    getColumns().add(type);
    TableColumn<EventRow, String> data = new TableColumn<>("Data");
    data.setCellValueFactory(cell -> cell.getValue().summaryProperty());
    data.setCellFactory(c -> new SummaryCell());
    getColumns().add(data);
    setZoom(Presentation.MIN_ZOOM);
    setRowFactory(t -> new EventTableRow());
    // a right-click on an event: its flow across streams (the row under the pointer is the
    // current event by then: a click selects it)
    MenuItem flow = new MenuItem("Flow of This Event (Ctrl+J)");
    flow.setId("events-flow");
    flow.setOnAction(e -> onFlow.run());
    setContextMenu(new ContextMenu(flow));
    getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, row) -> {
              if (!syncing && row != null && model != null) {
                model.ordinalProperty().set(row.ordinal());
              }
            });
  }

  /**
   * Shows only the events whose ordinals {@code ordinals} accepts (null: all of them). The current
   * event stays current when it is not listed; the table then has no selection.
   */
  void showOnly(IntPredicate ordinals) {
    this.only = ordinals;
    if (shown != null) {
      shown.setPredicate(ordinals == null ? null : row -> ordinals.test(row.ordinal()));
      if (model != null) {
        follow(model, model.ordinalProperty().get());
      }
    }
  }

  /** The row index of the event at {@code ordinal}, or -1 when it is not listed. */
  private int indexOf(int ordinal) {
    if (only == null) {
      return ordinal < 0 || ordinal >= getItems().size() ? -1 : ordinal;
    }
    int lo = 0;
    int hi = getItems().size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int o = getItems().get(mid).ordinal();
      if (o == ordinal) {
        return mid;
      }
      if (o < ordinal) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /**
   * One height for every row, in whole pixels: a virtual flow then places row 150,000 by arithmetic
   * instead of measuring rows, and, scrolled to the end, its last row meets the bottom edge
   * exactly. Inline, since it follows the zoom, which the stylesheet's em would give fractionally.
   */
  void setRowHeight(double px) {
    setStyle(String.format(Locale.ROOT, "-fx-fixed-cell-size: %.0fpx;", px));
  }

  /**
   * At {@code zoom} per cent: rows in whole pixels, the columns as wide as at 100 % times the zoom,
   * and never narrower than their header, which is never cut to "Vers…" (the last column takes what
   * is left; when even the headers do not fit, the table scrolls sideways).
   */
  void setZoom(int zoom) {
    setRowHeight(Presentation.rowHeight(zoom));
    double scale = zoom / 100.0;
    Font font =
        Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Presentation.BASE_FONT * scale);
    for (TableColumn<EventRow, ?> c : getColumns()) {
      Text header = new Text(c.getText());
      header.setFont(font);
      // the header's padding and the sort arrow's place, in em
      double least =
          Math.ceil(header.getLayoutBounds().getWidth() + 2 * Presentation.BASE_FONT * scale);
      c.setMinWidth(least);
      if (c.getProperties().get(WIDTH_AT_100) instanceof Double w) {
        c.setPrefWidth(Math.max(least, w * scale));
      }
    }
  }

  /** Shows this stream's rows and follows its current event. */
  void show(StreamViewModel stream) {
    this.model = stream;
    shown = new FilteredList<>(stream.rows());
    IntPredicate keep = only;
    shown.setPredicate(keep == null ? null : row -> keep.test(row.ordinal()));
    setItems(shown);
    stream.ordinalProperty().addListener((obs, old, now) -> follow(stream, now.intValue()));
    follow(stream, stream.ordinalProperty().get());
  }

  private void follow(StreamViewModel stream, int ordinal) {
    if (stream != model) {
      return;
    }
    syncing = true;
    try {
      int index = indexOf(ordinal);
      if (index < 0) {
        getSelectionModel().clearSelection();
      } else {
        getSelectionModel().clearAndSelect(index);
        scrollIntoView(index);
        ensureShown(stream, ordinal, index, 5);
      }
    } finally {
      syncing = false;
    }
    current.set(ordinal); // rows restyle themselves; no refresh of the whole table per step
  }

  /**
   * A table that is not laid out yet (a stream just opened, with 200,000 rows) ignores a scroll or
   * loses the selection: look again shortly, a few times, until the row is selected and in view.
   */
  private void ensureShown(StreamViewModel stream, int ordinal, int index, int tries) {
    PauseTransition later = new PauseTransition(Duration.millis(120));
    later.setOnFinished(
        e -> {
          if (stream != model || stream.ordinalProperty().get() != ordinal) {
            return; // the position moved on: the newer move takes care of itself
          }
          if (indexOf(ordinal) != index) {
            return; // the rows shown changed: the follow that did it took care of itself
          }
          boolean selected = getSelectionModel().getSelectedIndex() == index;
          if (!selected || !visible(index)) {
            syncing = true;
            try {
              getSelectionModel().clearAndSelect(index);
              scrollIntoView(index);
            } finally {
              syncing = false;
            }
            if (tries > 1) {
              ensureShown(stream, ordinal, index, tries - 1);
            }
          }
        });
    later.play();
  }

  /** Whether the row at {@code index} is shown whole, not cut by an edge. */
  private boolean visible(int index) {
    if (!(lookup(".virtual-flow") instanceof VirtualFlow<?> vf)) {
      return false;
    }
    var first = vf.getFirstVisibleCell();
    var last = vf.getLastVisibleCell();
    if (first == null || last == null) {
      return false;
    }
    var cell = vf.getVisibleCell(index);
    if (cell == null) {
      return false;
    }
    double top = cell.getLayoutY();
    double bottom = top + cell.getHeight();
    return RowScroll.inView(index, first.getIndex(), last.getIndex())
        && top >= -0.5
        && bottom <= viewportHeight(vf) + 0.5;
  }

  /**
   * Keeps the current row in view, a few rows below the top (fewer when few fit), without jumping
   * when it is in view already.
   */
  private void scrollIntoView(int index) {
    if (!(lookup(".virtual-flow") instanceof VirtualFlow<?> vf)) {
      scrollTo(Math.max(0, index - RowScroll.MARGIN));
      return;
    }
    if (visible(index)) {
      return;
    }
    double cell = getFixedCellSize();
    int rows = cell > 0 ? (int) Math.floor(viewportHeight(vf) / cell) : 1;
    int top = RowScroll.top(index, getItems().size(), rows);
    if (top == RowScroll.TO_END) {
      vf.setPosition(1); // the last row on the bottom edge: no empty rows below it
    } else {
      vf.scrollToTop(top);
    }
  }

  /** The flow's height less a horizontal scroll bar's, where one shows. */
  private static double viewportHeight(VirtualFlow<?> vf) {
    double bar = 0;
    for (Node n : vf.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar sb
          && sb.getOrientation() == Orientation.HORIZONTAL
          && sb.isVisible()) {
        bar = sb.getHeight();
      }
    }
    return vf.getHeight() - bar;
  }

  private static <T> TableColumn<EventRow, T> column(
      String title, Function<EventRow, T> value, double width) {
    TableColumn<EventRow, T> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    c.getProperties().put(WIDTH_AT_100, width);
    c.setSortable(false);
    return c;
  }

  private final class EventTableRow extends TableRow<EventRow> {
    private final Tooltip tip = new Tooltip();

    EventTableRow() {
      current.addListener((obs, old, now) -> restyle());
    }

    private void restyle() {
      EventRow row = getItem();
      boolean has = !isEmpty() && row != null;
      pseudoClassStateChanged(CURRENT, has && row.ordinal() == current.get());
      pseudoClassStateChanged(FUTURE, has && row.ordinal() > current.get());
    }

    @Override
    protected void updateItem(EventRow row, boolean empty) {
      super.updateItem(row, empty);
      boolean has = !empty && row != null;
      restyle();
      pseudoClassStateChanged(ERROR, has && row.error() != null);
      if (has && row.error() != null) {
        tip.setText("Reducer error: " + row.error()); // one tooltip per row, its text changed
        setTooltip(tip);
      } else {
        setTooltip(null);
      }
    }
  }

  private final class SummaryCell extends TableCell<EventRow, String> {
    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      EventRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
      if (row == null) {
        setText(null);
        return;
      }
      if (text == null && model != null) {
        model.needSummary(row);
      }
      setText(row.error() != null ? "⚠ " + row.error() : text);
    }
  }
}
