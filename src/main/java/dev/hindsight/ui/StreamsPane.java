package dev.hindsight.ui;

import dev.hindsight.event.StreamSummary;
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
    Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
    List<StreamSummary> streams = model.visibleStreams();
    TreeItem<Object> root = new TreeItem<>("streams");
    TreeItem<Object> reselect = null;
    for (StreamSummary s : streams) {
      String type = s.type() == null ? "(no type)" : s.type();
      TreeItem<Object> group =
          groups.computeIfAbsent(
              type,
              t -> {
                TreeItem<Object> g = new TreeItem<>(new Group(t));
                g.setExpanded(true);
                root.getChildren().add(g);
                return g;
              });
      TreeItem<Object> leaf = new TreeItem<>(s);
      group.getChildren().add(leaf);
      if (s.equals(selected)) {
        reselect = leaf;
      }
    }
    groups.values().forEach(g -> ((Group) g.getValue()).count = g.getChildren().size());
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
        setTooltip(
            new javafx.scene.control.Tooltip(
                s.stream()
                    + "\n"
                    + s.events()
                    + " events, versions "
                    + s.firstVersion()
                    + "–"
                    + s.lastVersion()));
        name.getStyleClass().setAll("label");
        count.setText(String.format(Locale.ROOT, "%,d", s.events()));
      }
      setGraphic(box);
    }
  }
}
