package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.Blame;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.codec.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The analyst's questions about the open stream, as tabs: compare two points, the history of a
 * value, find when a condition first holds, and search events. Answers come from the {@link
 * AnalysisViewModel}; choosing a listed event moves the position there.
 */
final class AnalysisPane extends BorderPane {

  private static final AnalysisViewModel.Topic[] TOPICS = AnalysisViewModel.Topic.values();

  private final TabPane tabs = new TabPane();
  private final Label message = new Label();
  private final Label aLabel = new Label("A: —");
  private final Label bLabel = new Label("B: —");
  private final ListView<Change> comparison = new ListView<>();
  private final Label historyTitle =
      new Label("Right-click a value in the state: History of this value");
  private final ListView<Blame.Entry> history = new ListView<>();
  final TextField condition = new TextField();
  private final TextField searchType = new TextField();
  private final TextField searchText = new TextField();
  private final TextField searchFrom = new TextField();
  private final TextField searchTo = new TextField();
  private final ListView<Integer> hits = new ListView<>();
  private final Tab historyTab;
  private final ProgressBar working = new ProgressBar();
  private final HBox workingBox;
  private StreamViewModel stream;
  private final Label noHits = new Label("No search yet.");

  AnalysisPane() {
    getStyleClass().add(UiStyles.ANALYSIS);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    historyTab = new Tab("History", historyForm());
    tabs.getTabs()
        .addAll(
            new Tab("Compare", compareForm()),
            historyTab,
            new Tab("Find", findForm()),
            new Tab("Search", searchForm()));
    setCenter(tabs);
    // seven tabs: their headers wrap to a second row in a narrow pane or at a large zoom
    setTop(TabStrip.of(tabs));
    // the state above keeps the share of the column the user gave it, however many rows the
    // headers take
    setMinHeight(0);
    tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> bindMessage());
    message.setId("analysis-message");
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.setWrapText(true);
    message.setPadding(new Insets(4, 8, 4, 8));
    working.setPrefWidth(140);
    Button stop = new Button("Cancel");
    stop.setId("analysis-cancel");
    stop.setOnAction(
        e -> {
          ifOpen(st -> st.analysis().cancel());
          // the button disappears: give the keys back to the events, not to the next text field
          Node events = getScene() == null ? null : getScene().lookup("#events");
          if (events != null) {
            events.requestFocus();
          }
        });
    workingBox = new HBox(6, working, stop);
    workingBox.setAlignment(Pos.CENTER_LEFT);
    workingBox.setPadding(new Insets(0, 8, 4, 8));
    workingBox.setVisible(false);
    workingBox.managedProperty().bind(workingBox.visibleProperty());
    setBottom(new VBox(workingBox, message));
  }

  /** Find's and Search's fields show the window's queries (which opening another store clears). */
  void bindQueries(WindowViewModel window) {
    condition.textProperty().bindBidirectional(window.findConditionProperty());
    searchType.textProperty().bindBidirectional(window.searchTypeProperty());
    searchText.textProperty().bindBidirectional(window.searchTextProperty());
    searchFrom.textProperty().bindBidirectional(window.searchFromProperty());
    searchTo.textProperty().bindBidirectional(window.searchToProperty());
  }

  /** Shows {@code tab}. */
  void select(Tab tab) {
    tabs.getSelectionModel().select(tab);
  }

  /** Adds tabs after the stream's own (the store's findings and bookmarks). */
  void addTabs(Tab... more) {
    tabs.getTabs().addAll(more);
  }

  private VBox compareForm() {
    Button a = new Button("Set A here");
    a.setId("mark-a");
    a.setOnAction(e -> ifOpen(s -> s.analysis().markA()));
    Button b = new Button("Set B here");
    b.setId("mark-b");
    b.setOnAction(e -> ifOpen(s -> s.analysis().markB()));
    comparison.setId("comparison");
    comparison.setPlaceholder(new Label("Set A and B on two events to see how the state differs."));
    comparison.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Change c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.line("→"));
              }
            });
    HBox buttons = new HBox(8, a, aLabel, b, bLabel);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, buttons, comparison);
    VBox.setVgrow(comparison, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private VBox historyForm() {
    history.setId("history");
    history.setPlaceholder(new Label("No history yet."));
    history.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Blame.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(
                    empty || e == null
                        ? null
                        : "v"
                            + e.version()
                            + "  "
                            + e.type()
                            + "  "
                            + e.op().id()
                            + ": "
                            + (e.oldValue() == null ? "—" : Json.write(e.oldValue()))
                            + " → "
                            + (e.newValue() == null ? "—" : Json.write(e.newValue())));
              }
            });
    history
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, e) -> {
              if (e != null) {
                ifOpen(s -> s.ordinalProperty().set(e.ordinal()));
              }
            });
    historyTitle.setWrapText(true);
    VBox box = new VBox(8, historyTitle, history);
    VBox.setVgrow(history, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private VBox findForm() {
    condition.setId("find-condition");
    condition.setPromptText("A condition over state and event, e.g. state.balance < 0");
    condition.setOnAction(e -> find(AnalysisViewModel.Direction.FIRST));
    Button first = new Button("First");
    first.setId("find-first");
    first.setOnAction(e -> find(AnalysisViewModel.Direction.FIRST));
    Button prev = new Button("Previous");
    prev.setOnAction(e -> find(AnalysisViewModel.Direction.PREVIOUS));
    Button next = new Button("Next");
    next.setId("find-next");
    next.setOnAction(e -> find(AnalysisViewModel.Direction.NEXT));
    Label help =
        new Label(
            "JavaScript over the state after each event and the event itself, e.g."
                + " state.paid > 1000, or event.type === 'OrderShipped' && state.status !== 'SHIPPED'");
    help.setWrapText(true);
    help.getStyleClass().add(Styles.TEXT_MUTED);
    VBox box = new VBox(8, condition, new HBox(8, first, prev, next), help);
    box.setPadding(new Insets(8));
    return box;
  }

  private void find(AnalysisViewModel.Direction direction) {
    ifOpen(s -> s.analysis().find(condition.getText(), direction));
  }

  private VBox searchForm() {
    searchType.setPromptText("type contains");
    searchText.setPromptText("text in data/metadata");
    searchFrom.setPromptText("from (ISO time)");
    searchTo.setPromptText("to (ISO time)");
    searchText.setId("search-text");
    Button go = new Button("Search");
    go.setId("search");
    go.setOnAction(e -> search());
    searchText.setOnAction(e -> search());
    Button prev = new Button("◀");
    prev.setOnAction(e -> ifOpen(s -> s.analysis().nextHit(false)));
    Button next = new Button("▶");
    next.setOnAction(e -> ifOpen(s -> s.analysis().nextHit(true)));
    GridPane form = new GridPane();
    form.setHgap(6);
    form.setVgap(6);
    form.addRow(0, searchType, searchText);
    form.addRow(1, searchFrom, searchTo);
    hits.setId("search-hits");
    hits.setPlaceholder(noHits);
    hits.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Integer o, boolean empty) {
                super.updateItem(o, empty);
                StreamReplay r = stream == null ? null : stream.replayProperty().get();
                setText(
                    empty || o == null || r == null
                        ? null
                        : "v"
                            + r.version(o)
                            + "  "
                            + r.type(o)
                            + (r.timestamp(o) == null ? "" : "  " + EventJson.iso(r.timestamp(o))));
              }
            });
    hits.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, o) -> {
              if (o != null) {
                ifOpen(s -> s.ordinalProperty().set(o));
              }
            });
    VBox box = new VBox(8, form, new HBox(8, go, prev, next), hits);
    VBox.setVgrow(hits, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private void search() {
    noHits.setText("No events match.");
    Instant from = time(searchFrom.getText());
    Instant to = time(searchTo.getText());
    ifOpen(s -> s.analysis().search(searchType.getText(), searchText.getText(), from, to));
  }

  private static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Timestamps.parse(text, "iso");
    } catch (DateTimeException e) {
      return null;
    }
  }

  private void ifOpen(Consumer<StreamViewModel> action) {
    if (stream != null && stream.replayProperty().get() != null) {
      action.accept(stream);
    }
  }

  /** Shows the history tab; the state view asks for it from its context menu. */
  void showHistory(String pointer) {
    ifOpen(
        s -> {
          s.analysis().historyOf(pointer);
          historyTitle.setText(
              "Events that changed " + (pointer.isEmpty() ? "the state" : pointer));
          tabs.getSelectionModel().select(historyTab);
        });
  }

  /** Focuses the find field (Ctrl+F). */
  void focusFind() {
    tabs.getSelectionModel().select(2);
    condition.requestFocus();
  }

  void show(StreamViewModel next) {
    stream = next;
    noHits.setText("No search yet."); // a new stream: nothing asked of it yet
    if (next == null) {
      comparison.setItems(FXCollections.observableArrayList());
      history.setItems(FXCollections.observableArrayList());
      hits.setItems(FXCollections.observableArrayList());
      message.textProperty().unbind();
      message.setText("");
      workingBox.visibleProperty().unbind();
      workingBox.setVisible(false);
      return;
    }
    AnalysisViewModel a = next.analysis();
    comparison.setItems(a.comparison());
    history.setItems(a.history());
    hits.setItems(a.searchHits());
    bindMessage();
    workingBox.visibleProperty().bind(a.busyProperty());
    working.progressProperty().bind(a.progressProperty());
    aLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "A: " + point(next, a.compareAProperty().get()), a.compareAProperty()));
    bLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "B: " + point(next, a.compareBProperty().get()), a.compareBProperty()));
    a.searchHits().addListener((ListChangeListener<Integer>) c -> hits.refresh());
  }

  /** The message line says what the selected tab's question found, not another tab's. */
  private void bindMessage() {
    if (stream == null) {
      return;
    }
    int tab = Math.max(0, tabs.getSelectionModel().getSelectedIndex());
    if (tab >= TOPICS.length) {
      message.textProperty().unbind();
      message.setText(""); // the audit tabs say their own
      return;
    }
    message.textProperty().bind(stream.analysis().messageProperty(TOPICS[tab]));
  }

  private static String point(StreamViewModel s, int ordinal) {
    StreamReplay r = s.replayProperty().get();
    if (ordinal == AnalysisViewModel.UNSET || r == null) {
      return "—";
    }
    return ordinal < 0 ? "initial" : "v" + r.version(ordinal);
  }
}
