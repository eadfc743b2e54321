package dev.hindsight.ui;

import dev.hindsight.event.EventJson;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The events of the open stream, one row each, kept in step with the timeline both ways: the
 * current event is highlighted and the events after it are dimmed; choosing a row moves the
 * timeline.
 */
final class EventsTable extends TableView<EventRow> {

  static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
  static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");
  static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  private StreamViewModel model;
  private boolean syncing;

  EventsTable() {
    setId("events");
    getStyleClass().add("events-table");
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    setPlaceholder(new Label("Choose a stream on the left."));
    TableColumn<EventRow, Long> version = column("Version", EventRow::version, 70);
    version.getStyleClass().add(MainWindow.NUMERIC);
    getColumns().add(version);
    getColumns().add(column("Time", r -> EventJson.iso(r.timestamp()), 215));
    getColumns().add(column("Type", EventRow::type, 150));
    TableColumn<EventRow, String> data = new TableColumn<>("Data");
    data.setCellValueFactory(cell -> cell.getValue().summaryProperty());
    data.setCellFactory(c -> new SummaryCell());
    getColumns().add(data);
    setRowFactory(t -> new EventTableRow());
    getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, row) -> {
              if (!syncing && row != null && model != null) {
                model.ordinalProperty().set(row.ordinal());
              }
            });
  }

  /** Shows this stream's rows and follows its current event. */
  void show(StreamViewModel stream) {
    this.model = stream;
    setItems(stream.rows());
    stream.ordinalProperty().addListener((obs, old, now) -> follow(stream, now.intValue()));
    follow(stream, stream.ordinalProperty().get());
  }

  private void follow(StreamViewModel stream, int ordinal) {
    if (stream != model) {
      return;
    }
    syncing = true;
    try {
      if (ordinal < 0 || ordinal >= getItems().size()) {
        getSelectionModel().clearSelection();
      } else {
        getSelectionModel().clearAndSelect(ordinal);
        scrollIntoView(ordinal);
        ensureShown(stream, ordinal, 5);
      }
    } finally {
      syncing = false;
    }
    current.set(ordinal); // rows restyle themselves; no refresh of the whole table per step
  }

  /** The current event's ordinal, which each row compares itself to. */
  private final javafx.beans.property.IntegerProperty current =
      new javafx.beans.property.SimpleIntegerProperty(-1);

  /**
   * A table that is not laid out yet (a stream just opened, with 200,000 rows) ignores a scroll or
   * loses the selection: look again shortly, a few times, until the row is selected and in view.
   */
  private void ensureShown(StreamViewModel stream, int ordinal, int tries) {
    javafx.animation.PauseTransition later =
        new javafx.animation.PauseTransition(javafx.util.Duration.millis(120));
    later.setOnFinished(
        e -> {
          if (stream != model || stream.ordinalProperty().get() != ordinal) {
            return; // the position moved on: the newer move takes care of itself
          }
          boolean selected = getSelectionModel().getSelectedIndex() == ordinal;
          if (!selected || !visible(ordinal)) {
            syncing = true;
            try {
              getSelectionModel().clearAndSelect(ordinal);
              scrollIntoView(ordinal);
            } finally {
              syncing = false;
            }
            if (tries > 1) {
              ensureShown(stream, ordinal, tries - 1);
            }
          }
        });
    later.play();
  }

  private boolean visible(int ordinal) {
    if (lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> vf) {
      var first = vf.getFirstVisibleCell();
      var last = vf.getLastVisibleCell();
      return first != null
          && last != null
          && ordinal >= first.getIndex()
          && ordinal <= last.getIndex();
    }
    return false;
  }

  private void scrollIntoView(int ordinal) {
    // keep the current row in view without jumping when it already is
    var flow = lookup(".virtual-flow");
    if (flow instanceof javafx.scene.control.skin.VirtualFlow<?> vf) {
      var first = vf.getFirstVisibleCell();
      var last = vf.getLastVisibleCell();
      if (first != null
          && last != null
          && ordinal > first.getIndex()
          && ordinal < last.getIndex()) {
        return;
      }
      vf.scrollToTop(Math.max(0, ordinal - 3)); // scrollTo would only bring it to the bottom edge
      return;
    }
    scrollTo(Math.max(0, ordinal - 3));
  }

  private static <T> TableColumn<EventRow, T> column(
      String title, Function<EventRow, T> value, double width) {
    TableColumn<EventRow, T> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }

  private final class EventTableRow extends TableRow<EventRow> {
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
      setTooltip(has && row.error() != null ? new Tooltip("Reducer error: " + row.error()) : null);
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
