package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.replay.ReducerComparison;
import dev.hindsight.ui.state.StateView;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * File › Compare with Other Reducers…, in the window's main area: the streams whose states differ
 * on the left, the chosen one's two states side by side on the right, what differs highlighted in
 * both. ◀ ▶ (or Left and Right) step both. The rules are the {@link ReducerCompareViewModel}'s.
 */
final class ReducerComparePane extends BorderPane {

  private final ReducerCompareViewModel model;
  private final TableView<ReducerComparison.Difference> table = new TableView<>();
  private final StateView stateA = new StateView();
  private final StateView stateB = new StateView();
  private final Label headerA = new Label();
  private final Label headerB = new Label();
  private final Label where = new Label();
  private boolean syncing; // the table follows the view model's choice without asking it again

  ReducerComparePane(ReducerCompareViewModel model, Runnable close) {
    this.model = model;
    setId("reducers-pane");
    Label title = new Label("Compare with Other Reducers");
    title.getStyleClass().add(Styles.TITLE_4);
    Button reload = new Button("Reload");
    reload.setId("reducers-reload");
    reload.setOnAction(e -> model.reload());
    reload.disableProperty().bind(model.otherProperty().isNull());
    ProgressBar progress = new ProgressBar();
    progress.setId("reducers-progress");
    progress.setPrefWidth(160);
    progress.progressProperty().bind(model.progressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("reducers-cancel");
    cancel.setOnAction(e -> model.cancel());
    for (Region r : new Region[] {progress, cancel}) {
      r.visibleProperty().bind(model.busyProperty());
      r.managedProperty().bind(model.busyProperty());
    }
    Label status = new Label();
    status.setId("reducers-status");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    status.textProperty().bind(model.messageProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button back = new Button("Back to the Stream");
    back.setOnAction(e -> close.run());
    HBox top = new HBox(8, title, reload, progress, cancel, gap, back);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 10, 6, 10));
    for (Region r : new Region[] {title, reload, cancel, back}) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    setTop(top);
    status.setPadding(new Insets(4, 10, 4, 10));
    setBottom(status);

    table.setId("reducers-differ");
    table.setPlaceholder(new Label("No streams differ (or no comparison yet)."));
    table.setItems(model.rows());
    table.getColumns().setAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, d) -> {
              if (d != null && !syncing) {
                model.select(d);
              }
            });
    // a new comparison: the view model shows the chosen stream again, the table selects it
    model
        .rows()
        .addListener(
            (ListChangeListener<ReducerComparison.Difference>)
                c -> reselect(model.sides().streamProperty().get()));
    model.sides().streamProperty().addListener((obs, old, now) -> reselect(now));
    SplitPane split = new SplitPane(table, sides());
    split.setDividerPositions(0.33);
    SplitPane.setResizableWithParent(table, false);
    setCenter(split);
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  private List<TableColumn<ReducerComparison.Difference, ?>> columns() {
    TableColumn<ReducerComparison.Difference, String> stream = new TableColumn<>("Stream");
    stream.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().stream()));
    stream.setPrefWidth(115);
    TableColumn<ReducerComparison.Difference, Long> version = new TableColumn<>("Version");
    version.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().version()));
    version.getStyleClass().add(UiStyles.NUMERIC);
    version.setMinWidth(70);
    TableColumn<ReducerComparison.Difference, String> type = new TableColumn<>("Event");
    type.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().type()));
    type.setPrefWidth(120);
    TableColumn<ReducerComparison.Difference, Integer> changes = new TableColumn<>("Changes");
    changes.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().changes().size()));
    changes.getStyleClass().add(UiStyles.NUMERIC);
    changes.setMinWidth(80);
    return List.of(stream, version, type, changes);
  }

  private void reselect(String stream) {
    syncing = true;
    try {
      ReducerComparison.Difference chosen =
          model.rows().stream().filter(d -> d.stream().equals(stream)).findFirst().orElse(null);
      if (chosen == null) {
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedItem() != chosen) {
        table.getSelectionModel().select(chosen);
      }
    } finally {
      syncing = false;
    }
  }

  private BorderPane sides() {
    Button back = new Button("◀");
    back.setId("reducers-back");
    back.setOnAction(e -> model.sides().back());
    Button forward = new Button("▶");
    forward.setId("reducers-forward");
    forward.setOnAction(e -> model.sides().forward());
    where.setId("reducers-where");
    HBox steps = new HBox(6, back, forward, where);
    steps.setAlignment(Pos.CENTER_LEFT);
    steps.setPadding(new Insets(4, 8, 4, 8));
    stateA.setId("reducers-state-a");
    stateB.setId("reducers-state-b");
    headerA.setId("reducers-a");
    headerB.setId("reducers-b");
    SplitPane both = new SplitPane(side(headerA, stateA), side(headerB, stateB));
    BorderPane out = new BorderPane(both);
    out.setTop(steps);
    model.sides().atProperty().addListener((obs, old, now) -> show(now));
    model.otherProperty().addListener(obs -> show(model.sides().atProperty().get()));
    back.disableProperty().bind(model.sides().atProperty().isNull());
    forward.disableProperty().bind(model.sides().atProperty().isNull());
    show(null);
    return out;
  }

  private static VBox side(Label header, StateView state) {
    header.getStyleClass().add(Styles.TEXT_BOLD);
    header.setPadding(new Insets(4, 8, 2, 8));
    VBox box = new VBox(header, state);
    VBox.setVgrow(state, Priority.ALWAYS);
    return box;
  }

  private void show(ReducerSides.At at) {
    headerA.setText(model.nameA());
    headerB.setText(model.nameB());
    if (at == null) {
      stateA.show(null, List.of());
      stateB.show(null, List.of());
      where.setText("Choose a stream to see both states where they first differ.");
      return;
    }
    stateA.show(at.stateA(), at.changesA());
    stateB.show(at.stateB(), at.changesB());
    where.setText(at.describe());
  }

  /** Left and Right step both states, unless a state tree has the keys (it opens and closes). */
  private void onKey(KeyEvent e) {
    if (e.getTarget() instanceof TreeView<?>) {
      return;
    }
    if (e.getCode() == KeyCode.LEFT) {
      model.sides().back();
      e.consume();
    } else if (e.getCode() == KeyCode.RIGHT) {
      model.sides().forward();
      e.consume();
    }
  }
}
