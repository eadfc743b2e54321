package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.js.FindInAllStreams;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Find in all streams, in the window: a condition and (optionally) a glob of streams on top, a
 * progress bar with Cancel while it runs, and the streams where it holds below, listed as they are
 * found, with the first event where it does. Double-click or Enter opens the stream there.
 */
final class FindAllPane extends BorderPane {

  private final FindAllViewModel model;
  private final TableView<FindInAllStreams.Hit> table = new TableView<>();
  private final TextField condition = new TextField();

  FindAllPane(FindAllViewModel model, Runnable export) {
    this.model = model;
    setId("find-all-pane");
    condition.setId("find-all-condition");
    condition.setPromptText("A condition over state and event, e.g. state.balance < 0");
    condition.textProperty().bindBidirectional(model.conditionProperty());
    HBox.setHgrow(condition, Priority.ALWAYS);
    TextField streams = new TextField();
    streams.setId("find-all-streams");
    streams.setPromptText("All streams, or a glob: payment-*");
    streams.setPrefWidth(270);
    streams.textProperty().bindBidirectional(model.streamsProperty());
    Button find = new Button("Find");
    find.setId("find-all-run");
    find.setOnAction(e -> model.find());
    condition.setOnAction(e -> model.find());
    streams.setOnAction(e -> model.find());
    ProgressBar progress = new ProgressBar();
    progress.setId("find-all-progress");
    progress.setPrefWidth(140);
    progress.progressProperty().bind(model.progressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("find-all-cancel");
    cancel.setOnAction(e -> model.cancel());
    HBox running = new HBox(6, progress, cancel);
    running.setAlignment(Pos.CENTER_LEFT);
    running.visibleProperty().bind(model.busyProperty());
    running.managedProperty().bind(running.visibleProperty());
    Button exportButton = new Button("Export…");
    exportButton.setId("find-all-export");
    exportButton.disableProperty().bind(Bindings.isEmpty(model.hits()).or(model.busyProperty()));
    exportButton.setOnAction(e -> export.run());
    HBox form = new HBox(6, condition, streams, find, running, exportButton);
    form.setAlignment(Pos.CENTER_LEFT);
    Label problem = new Label();
    problem.setId("find-all-problem");
    problem.getStyleClass().add(Styles.DANGER);
    problem.textProperty().bind(model.problemProperty());
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    Label message = new Label();
    message.setId("find-all-message");
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.textProperty().bind(model.messageProperty());
    VBox top = new VBox(6, form, problem, message);
    top.setPadding(new Insets(6, 10, 6, 10));
    setTop(top);

    table.setId("find-all");
    table.setPlaceholder(
        new Label(
            "Write a condition and press Enter: every stream where it holds, with the first event"
                + " where it does."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<FindInAllStreams.Hit, String> stream = new TableColumn<>("Stream");
    stream.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().stream()));
    stream.setPrefWidth(240);
    TableColumn<FindInAllStreams.Hit, Long> version = new TableColumn<>("Version");
    version.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().version()));
    version.getStyleClass().add(UiStyles.NUMERIC);
    version.setPrefWidth(90);
    TableColumn<FindInAllStreams.Hit, String> type = new TableColumn<>("Event");
    type.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().type()));
    type.setPrefWidth(220);
    TableColumn<FindInAllStreams.Hit, String> time = new TableColumn<>("Time");
    time.setCellValueFactory(
        d -> new SimpleStringProperty(EventJson.iso(d.getValue().timestamp())));
    time.setPrefWidth(240);
    table.getColumns().setAll(stream, version, type, time);
    SortedList<FindInAllStreams.Hit> sorted = new SortedList<>(model.hits());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    UiStyles.onChoose(table, this::openSelected);
    setCenter(table);
  }

  /** The condition field, focused (Go › Find in All Streams…). */
  void focusCondition() {
    condition.requestFocus();
    condition.selectAll();
  }

  private void openSelected() {
    model.open(table.getSelectionModel().getSelectedItem());
  }
}
