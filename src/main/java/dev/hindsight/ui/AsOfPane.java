package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The store as of a time, in the window: an aggregate type, a time and the columns (JSON pointers
 * into the state) on top; the streams with their values below, sortable by any column and filtered
 * by text. Double-click or Enter opens a stream at its version then.
 */
final class AsOfPane extends BorderPane {

  private final AsOfViewModel model;
  private final TableView<AsOfViewModel.Row> table = new TableView<>();
  private final Label problem = new Label();

  AsOfPane(AsOfViewModel model) {
    this.model = model;
    setId("as-of-pane");
    ComboBox<String> type = new ComboBox<>();
    type.setId("as-of-type");
    type.setPromptText("Aggregate type");
    type.setPrefWidth(170);
    type.setOnShowing(e -> type.getItems().setAll(model.types()));
    type.valueProperty().bindBidirectional(model.typeProperty());
    TextField time = field("as-of-time", "As of (ISO, or a day: its end)", 220);
    time.textProperty().bindBidirectional(model.timeProperty());
    TextField columns = field("as-of-columns", "Columns: /status, /total/amount", 240);
    columns.textProperty().bindBidirectional(model.columnsProperty());
    Button show = new Button("Show");
    show.setId("as-of-show");
    show.setDefaultButton(false);
    Runnable run =
        () -> {
          String said = model.show();
          problem.setText(said == null ? "" : said);
        };
    show.setOnAction(e -> run.run());
    time.setOnAction(e -> run.run());
    columns.setOnAction(e -> run.run());
    Button cancel = new Button("Cancel");
    cancel.setOnAction(e -> model.cancel());
    cancel.visibleProperty().bind(model.busyProperty());
    ProgressBar progress = new ProgressBar();
    progress.setPrefWidth(120);
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.busyProperty());
    problem.setId("as-of-problem");
    problem.getStyleClass().add(Styles.DANGER);
    HBox form = new HBox(6, type, time, columns, show, progress, cancel, problem);
    form.setAlignment(Pos.CENTER_LEFT);
    TextField filter = field("as-of-filter", "Filter the rows", 200);
    filter.textProperty().bindBidirectional(model.filterProperty());
    Label message = new Label();
    message.setId("as-of-message");
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.textProperty().bind(model.messageProperty());
    // the global time slider: let go, and the states are folded as of its time
    Slider slider = new Slider(0, 1, 1);
    slider.setId("as-of-slider");
    slider.setPrefWidth(260);
    slider.setTooltip(new Tooltip("Drag through the store's time: the states as of then"));
    Runnable slid =
        () -> {
          if (model.timeAt(slider.getValue()) != null) {
            run.run();
          }
        };
    slider
        .valueChangingProperty()
        .addListener(
            (obs, was, changing) -> {
              if (!changing) {
                slid.run();
              }
            });
    slider
        .valueProperty()
        .addListener(
            (obs, old, v) -> {
              if (!slider.isValueChanging()) {
                slid.run(); // a click on the track, or the keys
              }
            });
    HBox second = new HBox(8, filter, slider, message);
    second.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(6, form, second);
    top.setPadding(new Insets(6, 10, 6, 10));
    setTop(top);

    table.setId("as-of");
    table.setPlaceholder(new Label("Choose a type and a time, then Show."));
    SortedList<AsOfViewModel.Row> sorted = new SortedList<>(model.rows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    model.pointers().addListener((ListChangeListener<String>) c -> columns());
    columns();
    UiStyles.onChoose(table, this::openSelected);
    setCenter(table);
  }

  private static TextField field(String id, String prompt, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefWidth(width);
    return f;
  }

  /** Stream, version, and a column per pointer; sorting by a column sorts its values as text. */
  private void columns() {
    TableColumn<AsOfViewModel.Row, String> stream = new TableColumn<>("Stream");
    stream.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().stream()));
    stream.setPrefWidth(180);
    TableColumn<AsOfViewModel.Row, Long> version = new TableColumn<>("Version");
    version.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().version()));
    version.getStyleClass().add(UiStyles.NUMERIC);
    version.setMinWidth(80);
    table.getColumns().setAll(stream, version);
    for (int i = 0; i < model.pointers().size(); i++) {
      int k = i;
      TableColumn<AsOfViewModel.Row, String> c = new TableColumn<>(model.pointers().get(i));
      c.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().values().get(k)));
      c.setPrefWidth(150);
      table.getColumns().add(c);
    }
  }

  private void openSelected() {
    AsOfViewModel.Row row = table.getSelectionModel().getSelectedItem();
    if (row != null) {
      model.open(row);
    }
  }
}
