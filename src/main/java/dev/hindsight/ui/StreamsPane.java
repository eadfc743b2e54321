package dev.hindsight.ui;

import dev.hindsight.event.StreamSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The left pane: every stream with its event count, grouped by aggregate type, and the filter box.
 * Choosing a stream hands it to {@code onOpen}.
 */
final class StreamsPane extends BorderPane {

  private final StreamListViewModel model;
  private final TreeView<Object> tree = new TreeView<>();

  StreamsPane(StreamListViewModel model, Consumer<StreamSummary> onOpen) {
    this.model = model;
    getStyleClass().add("streams-pane");
    TextField filter = new TextField();
    filter.setId("stream-filter");
    filter.setPromptText("Filter: text, glob (order-*) or type");
    filter.textProperty().bindBidirectional(model.filterProperty());
    VBox top = new VBox(filter);
    top.setPadding(new Insets(8));
    setTop(top);

    tree.setId("streams");
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new StreamCell());
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              if (item != null && item.getValue() instanceof StreamSummary s) {
                onOpen.accept(s);
              }
            });
    setCenter(tree);
    model.visibleStreams().addListener((ListChangeListener<StreamSummary>) c -> rebuild());
    rebuild();
  }

  /** Regroups the visible streams by type; groups stay expanded, a selection stays selected. */
  private void rebuild() {
    Object selected =
        tree.getSelectionModel().getSelectedItem() == null
            ? null
            : tree.getSelectionModel().getSelectedItem().getValue();
    // children are gathered first and set once per group: adding 10,000 leaves one by one fires
    // 10,000 change events up the tree
    Map<String, List<TreeItem<Object>>> groups = new LinkedHashMap<>();
    TreeItem<Object> reselect = null;
    for (StreamSummary s : model.visibleStreams()) {
      String type = s.type() == null ? "(no type)" : s.type();
      TreeItem<Object> leaf = new TreeItem<>(s);
      groups.computeIfAbsent(type, t -> new ArrayList<>()).add(leaf);
      if (s.equals(selected)) {
        reselect = leaf;
      }
    }
    TreeItem<Object> root = new TreeItem<>("streams");
    List<TreeItem<Object>> headings = new ArrayList<>(groups.size());
    groups.forEach(
        (type, leaves) -> {
          Group heading = new Group(type);
          heading.count = leaves.size();
          TreeItem<Object> g = new TreeItem<>(heading);
          g.getChildren().setAll(leaves);
          g.setExpanded(true);
          headings.add(g);
        });
    root.getChildren().setAll(headings);
    tree.setRoot(root);
    if (reselect != null) {
      tree.getSelectionModel().select(reselect);
    }
  }

  /** Selects a stream by id, if it is listed. */
  void select(String stream) {
    TreeItem<Object> root = tree.getRoot();
    if (root == null) {
      return;
    }
    for (TreeItem<Object> group : root.getChildren()) {
      for (TreeItem<Object> leaf : group.getChildren()) {
        if (leaf.getValue() instanceof StreamSummary s && s.stream().equals(stream)) {
          tree.getSelectionModel().select(leaf);
          tree.scrollTo(tree.getRow(leaf));
          return;
        }
      }
    }
  }

  /** A type heading in the tree. */
  static final class Group {
    final String type;
    int count;

    Group(String type) {
      this.type = type;
    }
  }

  private static final class StreamCell extends TreeCell<Object> {
    private final Label name = new Label();
    private final Label count = new Label();
    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    private final HBox box;

    StreamCell() {
      // long ids shorten with an ellipsis; the count always shows
      name.setMinWidth(0);
      name.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(name, Priority.ALWAYS);
      count.getStyleClass().add("text-muted");
      count.setMinWidth(Region.USE_PREF_SIZE);
      box = new HBox(6, name, count);
      box.setMinWidth(0);
      box.prefWidthProperty().bind(widthProperty().subtract(40));
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      setTooltip(null);
      if (item instanceof Group g) {
        name.setText(g.type);
        name.getStyleClass().setAll("label", "text-bold");
        count.setText(String.format(Locale.ROOT, "%,d", g.count));
      } else {
        StreamSummary s = (StreamSummary) item;
        name.setText(s.stream());
        // one tooltip per cell, its text changed: a new tooltip is a new popup window and scene
        tip.setText(
            s.stream()
                + "\n"
                + s.events()
                + " events, versions "
                + s.firstVersion()
                + "–"
                + s.lastVersion());
        setTooltip(tip);
        name.getStyleClass().setAll("label");
        count.setText(String.format(Locale.ROOT, "%,d", s.events()));
      }
      setGraphic(box);
    }
  }
}
