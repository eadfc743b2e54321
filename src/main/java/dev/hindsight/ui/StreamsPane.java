package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.StreamSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The left pane: every stream with its event count, under a heading per aggregate type, and the
 * filter box. Choosing a stream hands it to {@code onOpen}; clicking a heading (or Enter, ← and →
 * on it) folds its type away and back.
 *
 * <p>One flat list of headings and streams rather than a tree: a store of 50,000 streams is then
 * 50,000 references set in one change, where a tree needs an item object per stream, made again for
 * every key typed in the filter.
 */
final class StreamsPane extends BorderPane {

  /**
   * On a type heading's cell. A pseudo-class, not a style class: cells are reused for headings and
   * streams as the list scrolls, and a changed style class restyles a node from scratch.
   */
  private static final PseudoClass GROUP = PseudoClass.getPseudoClass(UiStyles.GROUP);

  private static final PseudoClass FOLDED = PseudoClass.getPseudoClass(UiStyles.FOLDED);

  private final StoreViewModel model;
  private final ListView<Object> list = new ListView<>();
  private final Set<String> folded = new HashSet<>();

  StreamsPane(StoreViewModel model, Consumer<StreamSummary> onOpen) {
    this.model = model;
    getStyleClass().add(UiStyles.STREAMS_PANE);
    list.sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene != null && revealWhenShown != null) {
                // once the list has its size again: after the next layout, once
                String stream = revealWhenShown;
                Runnable reveal =
                    new Runnable() {
                      @Override
                      public void run() {
                        scene.removePostLayoutPulseListener(this);
                        if (stream.equals(revealWhenShown) && list.getScene() == scene) {
                          select(stream);
                        }
                      }
                    };
                scene.addPostLayoutPulseListener(reveal);
              }
            });
    TextField filter = new TextField();
    filter.setId("stream-filter");
    filter.setPromptText("Filter: text, glob (order-*) or type");
    model
        .locationProperty()
        .addListener(
            (obs, old, now) ->
                filter.setPromptText(
                    model.paged()
                        ? "Filter on the server: text or glob (order-*)"
                        : "Filter: text, glob (order-*) or type"));
    filter.textProperty().bindBidirectional(model.filterProperty());
    VBox top = new VBox(filter);
    top.setPadding(new Insets(8));
    setTop(top);

    list.setId("streams");
    list.setCellFactory(v -> new StreamCell());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              if (item instanceof StreamSummary s) {
                onOpen.accept(s);
              }
            });
    // a filter, not a handler: the list's own keys (← and → scroll sideways) come after it
    list.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (list.getSelectionModel().getSelectedItem() instanceof Group g) {
            boolean fold =
                e.getCode() == KeyCode.LEFT
                    || (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)
                        && !folded.contains(g.type);
            boolean unfold =
                e.getCode() == KeyCode.RIGHT
                    || (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)
                        && folded.contains(g.type);
            if (fold || unfold) {
              setFolded(g.type, fold);
              e.consume();
            }
          }
        });
    setCenter(list);
    model.visibleStreams().addListener((ListChangeListener<StreamSummary>) c -> rebuild());
    rebuild();
  }

  /** Folds a type's streams away, or shows them again. */
  void setFolded(String type, boolean fold) {
    boolean changed = fold ? folded.add(type) : folded.remove(type);
    if (changed) {
      rebuild();
      for (int i = 0; i < list.getItems().size(); i++) {
        if (list.getItems().get(i) instanceof Group g && g.type.equals(type)) {
          list.getSelectionModel().select(i);
          break;
        }
      }
    }
  }

  /** Regroups the visible streams by type; a selection stays selected (a stream by its id). */
  private void rebuild() {
    Object selected = list.getSelectionModel().getSelectedItem();
    Map<String, List<StreamSummary>> groups = new LinkedHashMap<>();
    for (StreamSummary s : model.visibleStreams()) {
      groups
          .computeIfAbsent(s.type() == null ? "(no type)" : s.type(), t -> new ArrayList<>())
          .add(s);
    }
    List<Object> rows = new ArrayList<>(model.visibleStreams().size() + groups.size());
    int reselect = -1;
    for (Map.Entry<String, List<StreamSummary>> g : groups.entrySet()) {
      Group heading = new Group(g.getKey(), g.getValue().size(), folded.contains(g.getKey()));
      if (heading.equals(selected)) {
        reselect = rows.size();
      }
      rows.add(heading);
      if (!heading.folded) {
        for (StreamSummary s : g.getValue()) {
          // by id: a stream read again (it grew while following) is still the one selected
          if (selected instanceof StreamSummary was && s.stream().equals(was.stream())) {
            reselect = rows.size();
          }
          rows.add(s);
        }
      }
    }
    list.getItems().setAll(rows);
    if (reselect >= 0) {
      list.getSelectionModel().select(reselect);
    }
  }

  /** The stream to scroll into view when the list is back in the window; null: none. */
  private String revealWhenShown;

  /** Selects a stream by id, if it is listed, and scrolls it into view. */
  void select(String stream) {
    revealWhenShown = null;
    List<Object> rows = list.getItems();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) instanceof StreamSummary s && s.stream().equals(stream)) {
        list.getSelectionModel().select(i);
        if (list.getScene() == null) {
          // put away (presenting): a list out of the window has no size to scroll by (JavaFX
          // would log "index exceeds maxCellCount"); it is scrolled when it is back
          revealWhenShown = stream;
          return;
        }
        // the flow's scrollTo brings the row just into view (ListView.scrollTo puts it at the top,
        // which for the last rows of the list can leave it below the viewport)
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
          list.layout();
          flow.scrollTo(i);
          list.layout();
          // a list whose rows were just replaced (another store) may be laid out with the old
          // rows' sizes, and the row lands just outside: then put it near the top
          var first = flow.getFirstVisibleCell();
          var last = flow.getLastVisibleCell();
          if (first != null && last != null && (first.getIndex() >= i || last.getIndex() <= i)) {
            flow.scrollToTop(Math.max(0, i - 1));
          }
        } else {
          list.scrollTo(i);
        }
        return;
      }
    }
  }

  /** The rows shown: {@link Group} headings and {@link StreamSummary} streams, in order. */
  List<Object> rows() {
    return List.copyOf(list.getItems());
  }

  /** A type heading in the list. */
  record Group(String type, int count, boolean folded) {}

  private final class StreamCell extends ListCell<Object> {
    private final Label name = new Label();
    private final Label count = new Label();
    private final Tooltip tip = new Tooltip();
    private final HBox box;

    StreamCell() {
      // long ids shorten with an ellipsis; the count always shows
      name.setMinWidth(0);
      name.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(name, Priority.ALWAYS);
      count.getStyleClass().add(Styles.TEXT_MUTED);
      count.setMinWidth(Region.USE_PREF_SIZE);
      box = new HBox(6, name, count);
      box.setMinWidth(0);
      // as wide as the cell inside its padding, so the count stands at the right edge
      box.prefWidthProperty()
          .bind(
              Bindings.createDoubleBinding(
                  () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset() - 1),
                  widthProperty(),
                  paddingProperty()));
      setOnMouseClicked(
          e -> {
            if (e.getButton() == MouseButton.PRIMARY && getItem() instanceof Group g) {
              setFolded(g.type, !g.folded);
            }
          });
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      boolean group = !empty && item instanceof Group;
      pseudoClassStateChanged(GROUP, group);
      pseudoClassStateChanged(FOLDED, group && ((Group) item).folded);
      if (empty || item == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      if (getIndex() == getListView().getItems().size() - 1) {
        model.loadMore(); // the end of the list is in sight: a server store's next page, if any
      }
      if (item instanceof Group g) {
        name.setText((g.folded ? "▸ " : "▾ ") + g.type);
        count.setText(String.format(Locale.ROOT, "%,d", g.count));
        setTooltip(null);
      } else {
        StreamSummary s = (StreamSummary) item;
        name.setText(s.stream());
        count.setText(String.format(Locale.ROOT, "%,d", s.events()));
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
      }
      setGraphic(box);
    }
  }
}
