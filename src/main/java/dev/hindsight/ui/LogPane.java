package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import java.util.AbstractList;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Log in the window: every event of the store in global order. The table's rows are numbers;
 * each cell asks the {@link LogViewModel} for its row, whose event is read with its page when it
 * first shows. Double-click or Enter opens the event's stream at that event.
 */
final class LogPane extends BorderPane {

  private final LogViewModel model;
  private final TableView<Integer> table = new TableView<>();
  private final Label filterProblem = new Label();

  LogPane(LogViewModel model) {
    this.model = model;
    table.setId("log");
    table.setPlaceholder(new Label("No events to show."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<Integer, StoredEvent> position = column("Position", e -> "" + e.position(), 90);
    position.getStyleClass().add(UiStyles.NUMERIC);
    position.setMinWidth(80);
    TableColumn<Integer, StoredEvent> version = column("Version", e -> "" + e.version(), 70);
    version.getStyleClass().add(UiStyles.NUMERIC);
    version.setMinWidth(80);
    TableColumn<Integer, StoredEvent> time =
        column("Time (UTC)", e -> e.timestamp() == null ? "" : EventJson.iso(e.timestamp()), 190);
    time.setMinWidth(215);
    table
        .getColumns()
        .setAll(
            position,
            column("Stream", StoredEvent::stream, 170),
            version,
            column("Type", StoredEvent::type, 170),
            time,
            column("Data", e -> EventJson.summary(e, RowSummaries.WIDTH), 400));
    UiStyles.onChoose(table, this::openSelected);
    model.sizeProperty().addListener((obs, old, n) -> table.setItems(rows(n.intValue())));
    table.setItems(rows(model.sizeProperty().get()));

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.indexingProperty());
    spinner.managedProperty().bind(spinner.visibleProperty());
    Label status = new Label();
    status.setId("log-status");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    status.textProperty().bind(model.statusProperty());
    Label hint = new Label("Double-click or Enter: the event in its stream");
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    HBox bar = new HBox(8, spinner, status, hint);
    bar.setAlignment(Pos.CENTER_LEFT);
    setTop(new VBox(6, filterBar(), bar));
    ((VBox) getTop()).setPadding(new Insets(6, 10, 6, 10));
    setCenter(table);
  }

  /**
   * Type, streams, from, to, text, correlation: Enter or Filter applies them, Clear takes them off.
   */
  private HBox filterBar() {
    TextField types = field("log-type", "Type(s)", 110);
    TextField streams = field("log-streams", "Streams (glob)", 120);
    TextField from = field("log-from", "From (ISO)", 120);
    TextField to = field("log-to", "To (ISO)", 120);
    TextField text = field("log-text", "Text", 110);
    TextField correlation = field("log-correlation", "Correlation id", 130);
    TextField[] all = {types, streams, from, to, text, correlation};
    Runnable apply =
        () -> {
          String problem =
              model.applyFilter(
                  types.getText(),
                  streams.getText(),
                  from.getText(),
                  to.getText(),
                  text.getText(),
                  correlation.getText());
          filterProblem.setText(problem == null ? "" : problem);
        };
    for (TextField f : all) {
      f.setOnAction(e -> apply.run());
    }
    Button go = new Button("Filter");
    go.setId("log-filter");
    go.setOnAction(e -> apply.run());
    Button clear = new Button("Clear");
    clear.setOnAction(
        e -> {
          for (TextField f : all) {
            f.clear();
          }
          apply.run();
        });
    // another store opens unfiltered: the fields say so too
    model
        .filterProperty()
        .addListener(
            (obs, old, f) -> {
              if (f.isEmpty()) {
                for (TextField t : all) {
                  t.clear();
                }
              }
            });
    filterProblem.setId("log-filter-problem");
    filterProblem.getStyleClass().add(Styles.DANGER);
    HBox box = new HBox(6, types, streams, from, to, text, correlation, go, clear, filterProblem);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static TextField field(String id, String prompt, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefWidth(width);
    f.setMinWidth(60);
    return f;
  }

  /** Row numbers 0..n-1, made as the table asks for them. */
  private static ObservableList<Integer> rows(int n) {
    return FXCollections.observableList(
        new AbstractList<>() {
          @Override
          public Integer get(int i) {
            return i;
          }

          @Override
          public int size() {
            return n;
          }
        });
  }

  private TableColumn<Integer, StoredEvent> column(
      String title, Function<StoredEvent, String> text, double width) {
    TableColumn<Integer, StoredEvent> c = new TableColumn<>(title);
    c.setSortable(false);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> model.row(d.getValue()).eventProperty());
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(StoredEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty ? null : e == null ? "…" : text.apply(e));
              }
            });
    return c;
  }

  private void openSelected() {
    Integer i = table.getSelectionModel().getSelectedItem();
    if (i != null) {
      model.openRow(model.row(i));
    }
  }
}
