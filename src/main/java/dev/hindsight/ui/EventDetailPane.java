package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.EventLinks;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.state.StateView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The current event in full: where it sits, when it happened (UTC and local), its correlation and
 * causation ids, its data and metadata, and, when an upcaster changed it, the stored and the upcast
 * form side by side.
 */
final class EventDetailPane extends TabPane {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

  private final GridPane facts = new GridPane();
  private final StateView data = new StateView("Data", "data", false);
  private final StateView upcast = new StateView("Upcast", "data", true);
  private final StateView metadata = new StateView("Metadata", "metadata", false);
  private final SplitPane dataSplit = new SplitPane(data);

  /**
   * The facts' labels, kept from one event to the next: a step changes their text instead of making
   * new labels, which would each need styling and a skin while the user scrubs.
   */
  private final List<Label[]> factRows = new ArrayList<>();

  /** The point whose data and metadata the trees show, or are to show when their tab is chosen. */
  private StreamReplay.Point shown;

  private StreamReplay.Point rendered;

  private final Hyperlink flowLink = new Hyperlink("Its flow across streams (Ctrl+J) →");

  /** What the flow link does (the window shows the flow of the current event). */
  void setOnFlow(Runnable action) {
    flowLink.setOnAction(e -> action.run());
  }

  EventDetailPane() {
    setId("event-detail");
    getStyleClass().add(UiStyles.EVENT_DETAIL);
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    facts.setHgap(16);
    facts.setVgap(4);
    facts.setPadding(new Insets(10));
    // upcast, the stored form (left) and the form the reducer's handlers saw (right), each titled
    // in its toolbar: no line of explanation above them takes a row of the little height there is
    upcast.setTitle("Upcast", "The data the reducer's handlers saw, after upcasting");
    flowLink.setId("flow-link");
    flowLink.setVisible(false);
    flowLink.managedProperty().bind(flowLink.visibleProperty());
    // the names never shrink to "Correlati…"; the values take the rest, and an id, which has no
    // space to wrap at, stays whole: the facts scroll, so every one of them can be reached
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    facts.getColumnConstraints().setAll(names, values);
    VBox eventBox = new VBox(facts, flowLink);
    VBox.setMargin(flowLink, new Insets(0, 10, 6, 6));
    ScrollPane eventScroll = new ScrollPane(eventBox);
    eventScroll.setId("event-facts");
    eventScroll.setFitToWidth(true);
    getTabs()
        .addAll(
            new Tab("Event", eventScroll),
            new Tab("Data", dataSplit),
            new Tab("Metadata", metadata));
    getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> showTrees());
    show(null);
  }

  /** Shows the point's event; the initial state has none. */
  void show(StreamReplay.Point point) {
    StoredEvent e = point == null ? null : point.event();
    if (e == null) {
      facts.getChildren().clear();
      factRows.clear();
      facts.add(
          new Label(point == null ? "No stream open." : "The initial state: no event yet."), 0, 0);
      flowLink.setVisible(false);
      data.show(null, List.of());
      metadata.show(null, List.of());
      dataSplit.getItems().setAll(data);
      shown = null;
      rendered = null;
      return;
    }
    int row = 0;
    row = fact(row, "Stream", e.stream());
    row = fact(row, "Version", Long.toString(e.version()));
    row = fact(row, "Position", Long.toString(e.position()));
    row = fact(row, "Type", e.type());
    row = fact(row, "Revision", e.revision() == null ? "—" : e.revision());
    row = fact(row, "Time (UTC)", e.timestamp() == null ? "—" : EventJson.iso(e.timestamp()));
    row = fact(row, "Time (local)", e.timestamp() == null ? "—" : LOCAL.format(e.timestamp()));
    // as the store's library means them (the layout says where; see EventLinks)
    EventLinks links = e.links();
    if (links.id() != null) {
      row = fact(row, "Event id", links.id());
    }
    if (links.correlation() != null) {
      row = fact(row, "Correlation id", links.correlation());
    }
    if (links.causation() != null) {
      row = fact(row, "Causation id", links.causation());
    }
    flowLink.setVisible(links.correlation() != null);
    if (point.error() != null) {
      row = fact(row, "Reducer error", point.error().message());
    }
    if (e.hasProblems()) {
      row = fact(row, "Problems", String.join("; ", e.problems()));
    }
    for (int i = row; i < factRows.size(); i++) {
      for (Label label : factRows.get(i)) {
        label.setVisible(false);
        label.setManaged(false);
      }
    }
    shown = point;
    showTrees();
  }

  /**
   * Builds the data and metadata trees only while their tab is showing: building them costs more
   * than the rest of a step, and while a user scrubs with the Event tab open nobody looks at them.
   */
  private void showTrees() {
    StreamReplay.Point point = shown;
    int tab = getSelectionModel().getSelectedIndex();
    if (point == null || point == rendered || tab == 0) {
      return;
    }
    rendered = point;
    StoredEvent e = point.event();
    data.show(e.data(), List.of());
    metadata.show(
        e.metadata() == null ? TextNode.valueOf("(this store keeps no metadata)") : e.metadata(),
        List.of());
    if (point.upcast() != null) {
      // what the upcaster changed, highlighted on the form the handlers saw
      upcast.show(point.upcast().get("data"), JsonDiff.diff(e.data(), point.upcast().get("data")));
      data.setTitle("Stored", "The data as the store keeps it");
      dataSplit.getItems().setAll(data, upcast);
    } else {
      data.setTitle("Data", null);
      dataSplit.getItems().setAll(data);
    }
  }

  private int fact(int row, String name, String value) {
    if (row == factRows.size()) {
      if (row == 0) {
        facts.getChildren().clear(); // the "no event" line
      }
      Label n = new Label();
      n.getStyleClass().add(Styles.TEXT_MUTED);
      Label v = new Label();
      v.setWrapText(true);
      n.setMinWidth(Region.USE_PREF_SIZE);
      facts.add(n, 0, row);
      facts.add(v, 1, row);
      factRows.add(new Label[] {n, v});
    }
    Label[] labels = factRows.get(row);
    labels[0].setText(name);
    labels[1].setText(value);
    // a value with no space (an id, a time) is never cut; a sentence (a reducer error) wraps
    labels[1].setMinWidth(
        value.chars().anyMatch(Character::isWhitespace) ? 0 : Region.USE_PREF_SIZE);
    for (Label label : labels) {
      label.setVisible(true);
      label.setManaged(true);
    }
    return row + 1;
  }
}
