package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

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
            typeColumn(),
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
    setTop(new VBox(6, filterBar(), bar, overTime()));
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

  /**
   * The events over time, as a strip of bars, and a global time slider under it: moving it (or
   * clicking the strip) goes to the first event at or after that time.
   */
  private VBox overTime() {
    Canvas strip = new Canvas(0, 26);
    strip.setId("log-density");
    Slider slider = new Slider(0, 1, 0);
    slider.setId("log-time");
    Label at = new Label();
    at.getStyleClass().add(Styles.TEXT_MUTED);
    at.setMinWidth(Region.USE_PREF_SIZE);
    HBox sliderRow = new HBox(8, slider, at);
    sliderRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(slider, Priority.ALWAYS);
    Pane host = new Pane(strip);
    host.setPrefHeight(26);
    strip.widthProperty().bind(host.widthProperty());
    Runnable draw = () -> drawDensity(strip, model.densityProperty().get());
    strip.widthProperty().addListener(obs -> draw.run());
    model
        .densityProperty()
        .addListener(
            (obs, old, d) -> {
              draw.run();
              slider.setValue(0);
              at.setText(d == null ? "" : EventJson.iso(d.from()));
            });
    slider
        .valueProperty()
        .addListener(
            (obs, old, v) -> {
              LogIndex.Density d = model.densityProperty().get();
              if (d == null) {
                at.setText("");
                return;
              }
              long from = d.from().toEpochMilli();
              Instant time =
                  Instant.ofEpochMilli(
                      from + (long) (v.doubleValue() * (d.to().toEpochMilli() - from)));
              at.setText(EventJson.iso(time));
              int row = model.rowAt(time);
              if (row >= 0) {
                table.scrollTo(row);
                table.getSelectionModel().select(row);
              }
            });
    strip.setOnMouseClicked(e -> slider.setValue(e.getX() / Math.max(1, strip.getWidth())));
    VBox box = new VBox(2, host, sliderRow);
    box.visibleProperty().bind(model.densityProperty().isNotNull());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private static void drawDensity(Canvas strip, LogIndex.Density d) {
    GraphicsContext g = strip.getGraphicsContext2D();
    g.clearRect(0, 0, strip.getWidth(), strip.getHeight());
    if (d == null) {
      return;
    }
    int max = Arrays.stream(d.counts()).max().orElse(1);
    double w = strip.getWidth() / d.counts().length;
    g.setFill(Color.web("#2f81f7", 0.75));
    for (int i = 0; i < d.counts().length; i++) {
      double h = d.counts()[i] == 0 ? 0 : Math.max(2, strip.getHeight() * d.counts()[i] / max);
      g.fillRect(i * w, strip.getHeight() - h, Math.max(1, w - 1), h);
    }
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

  private TableColumn<Integer, StoredEvent> typeColumn() {
    TableColumn<Integer, StoredEvent> c = column("Type", StoredEvent::type, 170);
    c.setCellFactory(col -> new TypeCell<>(StoredEvent::type));
    return c;
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
