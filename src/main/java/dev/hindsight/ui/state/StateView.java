package dev.hindsight.ui.state;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.replay.Change;
import dev.hindsight.ui.layout.ShownStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An aggregate's state at one point of its stream, as a tree with what the current event changed
 * highlighted, or as raw JSON. Call {@link #show} for each point: what is expanded, selected and
 * scrolled to is kept by JSON pointer, so stepping through events does not lose the user's place.
 * All methods are for the FX thread.
 */
public final class StateView extends BorderPane {

  private final StateToolbar toolbar;
  private final TreeView<StateRow> tree = new TreeView<>();
  private final RawJsonView raw = new RawJsonView();
  private final Label placeholderTitle = new Label();
  private final Label placeholderText = new Label();
  private final VBox placeholder;
  private final ReadOnlyStringWrapper selectedPath =
      new ReadOnlyStringWrapper(this, "selectedPath");
  // survives show(): the paths the user (or a change) expanded, whether or not their items exist
  private final Set<String> expanded = new HashSet<>(Set.of(""));
  private StateTreeModel model = StateTreeModel.of(null, List.of());
  private boolean rawStale;
  private boolean rebuilding;
  private Consumer<String> onHistoryRequested;
  private String highlight;
  // the highlight is kept in sight at every layout until the user scrolls, clicks or types in the
  // tree (then the user's place wins), and again from the next step on
  private boolean followHighlight;
  private final Runnable afterLayout = this::afterLayout;

  /** An aggregate's state, titled "State", with what each event changed counted. */
  public StateView() {
    this("State", "state", true);
  }

  /**
   * A JSON document other than a state (an event's data or metadata).
   *
   * @param title the toolbar's title ("Data")
   * @param rootName what the top row is called ("data")
   * @param changes whether changes are shown on it (and counted in the toolbar, with a "changed
   *     only" filter)
   */
  public StateView(String title, String rootName, boolean changes) {
    toolbar = new StateToolbar(title, changes);
    getStyleClass().add(StateStyles.STATE_VIEW);
    getStylesheets().add(StateView.class.getResource("state-view.css").toExternalForm());
    tree.getStyleClass().addAll(StateStyles.STATE_TREE, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    tree.setCellFactory(t -> new StateTreeCell(rootName, () -> highlight));
    tree.setContextMenu(new StateContextMenu(this::selectedRow, this::historyHandler));
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              if (!rebuilding) {
                selectedPath.set(item == null ? null : item.getValue().path());
              }
            });
    tree.addEventFilter(ScrollEvent.SCROLL, e -> followHighlight = false);
    tree.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> followHighlight = false);
    tree.addEventFilter(KeyEvent.KEY_PRESSED, e -> followHighlight = false);
    tree.setOnKeyPressed(
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.C && selectedRow() != null) {
            copy(selectedRow().copyText());
            e.consume();
          }
        });
    placeholderTitle.getStyleClass().add(Styles.TITLE_4);
    placeholderText.getStyleClass().add(Styles.TEXT_MUTED);
    placeholderText.setWrapText(true);
    FontIcon icon = new FontIcon(Feather.LAYERS);
    icon.getStyleClass().add(StateStyles.PLACEHOLDER_ICON);
    placeholder = new VBox(8, icon, placeholderTitle, placeholderText);
    placeholder.getStyleClass().add(StateStyles.PLACEHOLDER);
    placeholder.setAlignment(Pos.CENTER);
    setTop(toolbar);
    // sized by what shows: the hidden placeholder's height must not hold the state's split open
    setCenter(new ShownStack(tree, raw, placeholder));
    sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
              }
              if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
              }
            });
    toolbar.changedOnly.selectedProperty().addListener((obs, was, is) -> refreshTree());
    toolbar.rawJson.selectedProperty().addListener((obs, was, is) -> refreshCentre());
    toolbar.expandAll.setOnAction(e -> expandAll());
    toolbar.collapseAll.setOnAction(e -> collapseAll());
    toolbar.copyJson.setOnAction(e -> copy(raw.text()));
    show(null, List.of());
  }

  /**
   * Shows {@code state} (null: none) with what {@code changes} did to it; the changes' parents are
   * expanded so every change is in sight.
   */
  public void show(JsonNode state, List<Change> changes) {
    model = StateTreeModel.of(state, changes);
    expanded.addAll(model.ancestorPaths());
    if (highlight != null) {
      expanded.addAll(ancestors(highlight));
    }
    toolbar.summarise(model);
    rawStale = true;
    refreshTree();
  }

  /**
   * Highlights the row at a JSON pointer (a tour step's path), with its parents expanded and the
   * row scrolled into view, in this state and every one shown after it; null: none.
   */
  public void setHighlight(String path) {
    if (Objects.equals(path, highlight)) {
      return;
    }
    highlight = path;
    followHighlight = path != null;
    if (path != null) {
      expanded.addAll(ancestors(path));
      refreshTree();
    }
    // the cells shown now take the :tour pseudo-class (a cell shown later sets its own)
    for (Node n : tree.lookupAll(".tree-cell")) {
      if (n instanceof StateTreeCell cell) {
        cell.markHighlight();
      }
    }
  }

  /**
   * Keeps the highlight in sight again (a new tour step on the same path: the user's scrolling on
   * the step before no longer holds).
   */
  public void followHighlight() {
    followHighlight = highlight != null;
    requestLayout();
  }

  public String getHighlight() {
    return highlight;
  }

  /** "", "/a", "/a/b" for "/a/b/c": the paths of the rows above it. */
  private static List<String> ancestors(String path) {
    List<String> out = new ArrayList<>();
    out.add("");
    for (int at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1)) {
      out.add(path.substring(0, at));
    }
    return out;
  }

  /**
   * Keeps the highlight in sight whatever moved it (the window resized, the zoom changed, a caption
   * of more lines above it, the rows of the next state taking their styled heights): run after each
   * layout of the scene, it scrolls to the row again while the user has not moved the tree
   * themselves.
   */
  private void afterLayout() {
    if (followHighlight && highlight != null && shown(tree)) {
      revealHighlight();
    }
  }

  /** In the window and shown: neither it nor any of its parents is hidden. */
  private static boolean shown(Node node) {
    if (node.getScene() == null) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private void revealHighlight() {
    TreeItem<StateRow> item = highlight == null ? null : find(highlight);
    VirtualFlow<?> flow = flow();
    if (item != null && flow != null) {
      tree.layout(); // the flow must know the rows of the state just shown before it scrolls
      int row = tree.getRow(item);
      IndexedCell<?> cell = flow.getVisibleCell(row);
      if (cell == null) {
        flow.scrollTo(row);
        tree.layout();
        cell = flow.getVisibleCell(row);
      }
      // wholly in sight: a row half under the bottom edge is not "shown"; measured in the
      // viewport's coordinates, after the layout that placed the row
      Node view = flow.lookup(".clipped-container");
      if (cell != null && view instanceof Region r && r.getHeight() > 0) {
        Bounds b = view.sceneToLocal(cell.localToScene(cell.getLayoutBounds()));
        double top = b.getMinY();
        double bottom = b.getMaxY();
        double by = 0;
        if (top < 0) {
          by = top;
        } else if (bottom > r.getHeight()) {
          by = Math.min(top, bottom - r.getHeight());
        }
        if (Math.abs(by) >= 0.5) {
          flow.scrollPixels(by);
          tree.layout();
        }
      }
    }
  }

  /** Titles the view in its toolbar; {@code tip}, when not null, says more on hover. */
  public void setTitle(String title, String tip) {
    toolbar.title(title, tip);
  }

  /** The JSON pointer of the selected row; null when none is. */
  public ReadOnlyStringProperty selectedPathProperty() {
    return selectedPath.getReadOnlyProperty();
  }

  public String getSelectedPath() {
    return selectedPath.get();
  }

  /** Called with a row's JSON pointer when the user asks for the history of its value. */
  public void setOnHistoryRequested(Consumer<String> handler) {
    this.onHistoryRequested = handler;
  }

  /** Show only what changed and the objects that hold it. */
  public BooleanProperty changedOnlyProperty() {
    return toolbar.changedOnly.selectedProperty();
  }

  /** Show the state as pretty-printed JSON instead of the tree. */
  public BooleanProperty rawJsonProperty() {
    return toolbar.rawJson.selectedProperty();
  }

  /** Expands every object and array of the state (in "changed only", of what is shown). */
  public void expandAll() {
    if (model.root() != null) {
      addBranches(model.root());
      refreshTree();
    }
  }

  /** Collapses everything but the top level. */
  public void collapseAll() {
    expanded.clear();
    expanded.add("");
    refreshTree();
  }

  private void addBranches(StateRow row) {
    if (row.isBranch()) {
      expanded.add(row.path());
      for (StateRow child : changedOnlyProperty().get() ? row.changedChildren() : row.children()) {
        addBranches(child);
      }
    }
  }

  private void refreshTree() {
    StateRow root = model.root();
    if (root != null
        && tree.getRoot() instanceof StateTreeItem shown
        && shown.changedOnly() == changedOnlyProperty().get()) {
      // the next state of the same view: the items are updated in place, so the selection and
      // every unchanged row stay as they are; the scroll position is put back only when rows
      // appeared or went above the top one
      ScrollAnchor anchor = ScrollAnchor.of(tree, flow());
      int topRow = anchor == null ? -1 : tree.getRow(find(anchor.path()));
      rebuilding = true;
      try {
        shown.update(root);
      } finally {
        rebuilding = false;
      }
      for (Node n : tree.lookupAll(".tree-cell")) {
        if (n instanceof StateTreeCell cell) {
          cell.resync();
        }
      }
      if (anchor != null) {
        TreeItem<StateRow> top = find(anchor.path());
        if (top != null && tree.getRow(top) != topRow) {
          anchor.restore(tree, flow(), top);
        }
      }
      String selected = selectedPath.get();
      if (selected != null && find(selected) == null) {
        tree.getSelectionModel().clearSelection();
        selectedPath.set(null);
      }
      refreshCentre();
      return;
    }
    ScrollAnchor anchor = ScrollAnchor.of(tree, flow());
    String selected = selectedPath.get();
    rebuilding = true;
    try {
      tree.setRoot(
          root == null ? null : new StateTreeItem(root, expanded, changedOnlyProperty().get()));
      TreeItem<StateRow> item = selected == null ? null : find(selected);
      if (item != null) {
        tree.getSelectionModel().select(item);
      } else {
        tree.getSelectionModel().clearSelection();
      }
      if (anchor != null) {
        anchor.restore(tree, flow(), find(anchor.path()));
      }
    } finally {
      rebuilding = false;
    }
    selectedPath.set(selected != null && find(selected) != null ? selected : null);
    refreshCentre();
  }

  private void refreshCentre() {
    if (highlight != null) {
      revealHighlight();
    }
    boolean noState = model.root() == null;
    boolean nothingChanged =
        changedOnlyProperty().get() && model.changedPaths().isEmpty() && !rawJsonProperty().get();
    if (noState) {
      placeholderTitle.setText("No state to show");
      placeholderText.setText("Pick an event to see the aggregate's state after it.");
    } else if (nothingChanged) {
      placeholderTitle.setText("Nothing changed");
      placeholderText.setText("This event left the state as it was.");
    }
    boolean showRaw = rawJsonProperty().get() && !noState;
    placeholder.setVisible(noState || nothingChanged);
    raw.setVisible(showRaw);
    tree.setVisible(!placeholder.isVisible() && !showRaw);
    if (showRaw && rawStale) {
      raw.show(model.state());
      rawStale = false;
    }
  }

  /** The item at {@code path}, looking only into expanded items: a hidden row cannot be found. */
  private TreeItem<StateRow> find(String path) {
    TreeItem<StateRow> item = tree.getRoot();
    while (item != null) {
      String here = item.getValue().path();
      if (here.equals(path)) {
        return item;
      }
      if (!item.isExpanded()) {
        return null;
      }
      TreeItem<StateRow> next = null;
      for (TreeItem<StateRow> child : item.getChildren()) {
        String p = child.getValue().path();
        if (path.equals(p) || path.startsWith(p + "/")) {
          next = child;
          break;
        }
      }
      item = next;
    }
    return null;
  }

  private StateRow selectedRow() {
    TreeItem<StateRow> item = tree.getSelectionModel().getSelectedItem();
    return item == null ? null : item.getValue();
  }

  private Consumer<String> historyHandler() {
    return onHistoryRequested;
  }

  private VirtualFlow<?> flow() {
    return tree.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
  }

  static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** Which row was at the top of the viewport, and how far it was scrolled past. */
  private record ScrollAnchor(String path, double offset) {

    static ScrollAnchor of(TreeView<StateRow> tree, VirtualFlow<?> flow) {
      IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
      if (first == null || first.getIndex() <= 0 && first.getLayoutY() >= 0) {
        return null;
      }
      TreeItem<StateRow> item = tree.getTreeItem(first.getIndex());
      return item == null ? null : new ScrollAnchor(item.getValue().path(), first.getLayoutY());
    }

    void restore(TreeView<StateRow> tree, VirtualFlow<?> flow, TreeItem<StateRow> item) {
      if (item == null || flow == null) {
        return;
      }
      // the flow takes in the new root on its next layout, which would undo a scroll made before
      tree.layout();
      flow.scrollToTop(tree.getRow(item));
      flow.scrollPixels(-offset);
    }
  }
}
