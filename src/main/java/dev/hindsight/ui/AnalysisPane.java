package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.Blame;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.codec.Timestamps;
import dev.hindsight.ui.layout.WrapRow;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The analyst's questions about the open stream, as tabs: compare two points, the history of a
 * value, find when a condition first holds, and search events. Answers come from the {@link
 * AnalysisViewModel}; choosing a listed event moves the position there. Each tab's form scrolls
 * rather than squeeze its words to "…" or its list to a row ({@link TabForms}), and says what its
 * own question found on its message line.
 */
final class AnalysisPane extends BorderPane {

  private final TabPane tabs = new TabPane();

  /** Each tab's message line, by the question it answers. */
  private final Map<AnalysisViewModel.Topic, Label> messages =
      new EnumMap<>(AnalysisViewModel.Topic.class);

  private final Label aLabel = new Label("A: —");
  private final Label bLabel = new Label("B: —");
  private final ListView<Change> comparison = new ListView<>();
  private final ListView<Blame.Entry> history = new ListView<>();
  final TextField condition = new TextField();
  private final TextField searchType = new TextField();
  private final TextField searchText = new TextField();
  private final TextField searchFrom = new TextField();
  private final TextField searchTo = new TextField();
  private final ListView<Integer> hits = new ListView<>();
  private final Tab historyTab;
  private final ProgressBar working = new ProgressBar();
  private final Pane workingBox;
  private StreamViewModel stream;
  private final Label noHits = new Label("No search yet.");
  private final Pane strip;
  private Runnable onChosen = () -> {};

  AnalysisPane() {
    setId("analysis");
    getStyleClass().add(UiStyles.ANALYSIS);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    historyTab = new Tab("History", TabForms.scrolling(historyForm()));
    tabs.getTabs()
        .addAll(
            new Tab("Compare", TabForms.scrolling(compareForm())),
            historyTab,
            new Tab("Find", TabForms.scrolling(findForm())),
            new Tab("Search", TabForms.scrolling(searchForm())));
    setCenter(tabs);
    // seven tabs: their headers wrap to a second row in a narrow pane or at a large zoom
    strip = TabStrip.of(tabs);
    setTop(strip);
    // a header clicked: the user chose the tab (a tour's flow step selects its tab without this)
    strip.addEventHandler(ActionEvent.ACTION, e -> onChosen.run());
    // the state above keeps the share of the column the user gave it, however many rows the
    // headers take
    setMinHeight(0);
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
    workingBox = WrapRow.of(6, 4, working, stop);
    workingBox.setPadding(new Insets(0, 8, 4, 8));
    workingBox.setVisible(false);
    workingBox.managedProperty().bind(workingBox.visibleProperty());
    setBottom(workingBox);
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

  /** Shows {@code tab}, asked for by the user (a menu, a key): with room to read it. */
  void choose(Tab tab) {
    select(tab);
    onChosen.run();
  }

  /** Runs {@code action} when the user chooses a tab (its header, a menu or a key). */
  void setOnChosen(Runnable action) {
    onChosen = action;
  }

  /** The height the tab headers take (several rows in a narrow pane or at a large zoom). */
  double headersHeight() {
    return strip.getHeight();
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
    TabForms.list(comparison, new Label("Set A and B on two events to see how the state differs."));
    comparison.setCellFactory(l -> new LineCell<>(c -> c.line("→")));
    // each button beside its point; the pairs wrap, one under the other, rather than cut short
    Pane buttons = WrapRow.of(16, 6, pair(a, aLabel), pair(b, bLabel));
    return form(buttons, comparison, message(AnalysisViewModel.Topic.COMPARE));
  }

  private static HBox pair(Button button, Label point) {
    button.setMinWidth(Region.USE_PREF_SIZE);
    point.setMinWidth(Region.USE_PREF_SIZE);
    HBox pair = new HBox(8, button, point);
    pair.setAlignment(Pos.CENTER_LEFT);
    return pair;
  }

  private VBox historyForm() {
    history.setId("history");
    TabForms.list(
        history,
        new Label("No history yet: right-click a value in the state, then History of this value."));
    // dense rows from edge to edge, as the state's above: a value changed by hundreds of events
    // shows as many of them as fit
    history.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    history.setCellFactory(
        l ->
            new LineCell<>(
                e ->
                    "v"
                        + e.version()
                        + "  "
                        + e.type()
                        + "  "
                        + e.op().id()
                        + ": "
                        + (e.oldValue() == null ? "—" : Json.write(e.oldValue()))
                        + " → "
                        + (e.newValue() == null ? "—" : Json.write(e.newValue()))));
    history
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, e) -> {
              if (e != null) {
                ifOpen(s -> s.ordinalProperty().set(e.ordinal()));
              }
            });
    // the message line says whose history this is ("888 events changed /balance"): no title
    Label said = message(AnalysisViewModel.Topic.HISTORY);
    said.setPadding(new Insets(4, 8, 4, 8));
    VBox box = new VBox(history, said);
    VBox.setVgrow(history, Priority.ALWAYS);
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
    Label help = TabForms.note(null);
    help.setText(
        "JavaScript over the state after each event and the event itself, e.g."
            + " state.paid > 1000, or event.type === 'OrderShipped' && state.status !== 'SHIPPED'");
    return form(
        condition,
        WrapRow.of(8, 6, first, prev, next),
        help,
        message(AnalysisViewModel.Topic.FIND));
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
    GridPane fields = new GridPane();
    fields.setHgap(6);
    fields.setVgap(6);
    fields.addRow(0, searchType, searchText);
    fields.addRow(1, searchFrom, searchTo);
    for (int i = 0; i < 2; i++) { // two fields a row, each half the width
      ColumnConstraints half = new ColumnConstraints();
      half.setPercentWidth(50);
      half.setHgrow(Priority.ALWAYS);
      fields.getColumnConstraints().add(half);
    }
    hits.setId("search-hits");
    TabForms.list(hits, noHits);
    hits.setCellFactory(
        l ->
            new LineCell<>(
                o -> {
                  StreamReplay r = stream == null ? null : stream.replayProperty().get();
                  return r == null
                      ? null
                      : "v"
                          + r.version(o)
                          + "  "
                          + r.type(o)
                          + (r.timestamp(o) == null ? "" : "  " + EventJson.iso(r.timestamp(o)));
                }));
    hits.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, o) -> {
              if (o != null) {
                ifOpen(s -> s.ordinalProperty().set(o));
              }
            });
    return form(
        fields, WrapRow.of(8, 6, go, prev, next), hits, message(AnalysisViewModel.Topic.SEARCH));
  }

  /** A tab's form: {@code nodes} top to bottom, its list (if any) taking the height left. */
  private static VBox form(Node... nodes) {
    VBox box = new VBox(8, nodes);
    for (Node n : nodes) {
      if (n instanceof ListView<?>) {
        VBox.setVgrow(n, Priority.ALWAYS);
      }
    }
    box.setPadding(new Insets(8));
    return box;
  }

  /** The message line of the tab that asks {@code topic}: what its question found. */
  private Label message(AnalysisViewModel.Topic topic) {
    Label line = TabForms.note(topic.name().toLowerCase(Locale.ROOT) + "-message");
    messages.put(topic, line);
    return line;
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
          tabs.getSelectionModel().select(historyTab);
          onChosen.run();
        });
  }

  /** Focuses the find field (Ctrl+F). */
  void focusFind() {
    tabs.getSelectionModel().select(2);
    onChosen.run();
    condition.requestFocus();
  }

  void show(StreamViewModel next) {
    stream = next;
    noHits.setText("No search yet."); // a new stream: nothing asked of it yet
    if (next == null) {
      comparison.setItems(FXCollections.observableArrayList());
      history.setItems(FXCollections.observableArrayList());
      hits.setItems(FXCollections.observableArrayList());
      for (Label line : messages.values()) {
        line.textProperty().unbind();
        line.setText("");
      }
      workingBox.visibleProperty().unbind();
      workingBox.setVisible(false);
      return;
    }
    AnalysisViewModel a = next.analysis();
    comparison.setItems(a.comparison());
    history.setItems(a.history());
    hits.setItems(a.searchHits());
    messages.forEach((topic, line) -> line.textProperty().bind(a.messageProperty(topic)));
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

  private static String point(StreamViewModel s, int ordinal) {
    StreamReplay r = s.replayProperty().get();
    if (ordinal == AnalysisViewModel.UNSET || r == null) {
      return "—";
    }
    return ordinal < 0 ? "initial" : "v" + r.version(ordinal);
  }
}
