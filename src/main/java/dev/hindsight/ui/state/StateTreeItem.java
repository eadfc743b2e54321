package dev.hindsight.ui.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item that makes its children when the tree first asks for them, so showing a large state
 * costs only the rows that are expanded. Whether it is expanded lives in a set of paths shared by
 * every item, which is what lets expansion survive the next state.
 */
final class StateTreeItem extends TreeItem<StateRow> {

  private final Set<String> expanded;
  private final boolean changedOnly;
  private boolean loaded;

  StateTreeItem(StateRow row, Set<String> expanded, boolean changedOnly) {
    super(row);
    this.expanded = expanded;
    this.changedOnly = changedOnly;
    setExpanded(row.isBranch() && expanded.contains(row.path()));
    expandedProperty()
        .addListener(
            (obs, was, is) -> {
              if (is) {
                expanded.add(row.path());
              } else if (!isLeaf()) {
                // only a row with something to fold: an empty {} (the initial state) that the tree
                // shows folded does not fold the state the next event brings
                expanded.remove(getValue().path());
              }
            });
  }

  @Override
  public boolean isLeaf() {
    return !getValue().isBranch() || rows().isEmpty();
  }

  @Override
  public ObservableList<TreeItem<StateRow>> getChildren() {
    if (!loaded) {
      loaded = true;
      List<StateTreeItem> items =
          rows().stream().map(r -> new StateTreeItem(r, expanded, changedOnly)).toList();
      super.getChildren().setAll(items);
    }
    return super.getChildren();
  }

  /**
   * Whether this item shows only changed children (a tree of such items is rebuilt on a switch).
   */
  boolean changedOnly() {
    return changedOnly;
  }

  /**
   * Shows {@code row} (the same path in the next state) in this item, and its children in the
   * children made so far, reusing every item whose path is still there: the tree then changes only
   * what changed, instead of being rebuilt from a new root with every step.
   */
  void update(StateRow row) {
    boolean wasLeaf = isLeaf();
    setValue(row);
    boolean open = row.isBranch() && expanded.contains(row.path());
    if (!loaded) {
      if (open && wasLeaf && !isLeaf()) {
        // the tree took this row for a leaf (an empty {} before the first event) and never asked
        // for its children: folding and unfolding it makes the tree ask
        setExpanded(false);
      }
      setExpanded(open);
      return; // made from the new row when first asked for
    }
    setExpanded(open);
    List<StateRow> rows = rows();
    ObservableList<TreeItem<StateRow>> items = super.getChildren();
    boolean samePaths = rows.size() == items.size();
    for (int i = 0; samePaths && i < rows.size(); i++) {
      samePaths = rows.get(i).path().equals(items.get(i).getValue().path());
    }
    if (samePaths) {
      for (int i = 0; i < rows.size(); i++) {
        ((StateTreeItem) items.get(i)).update(rows.get(i));
      }
      return;
    }
    Map<String, StateTreeItem> byPath = new HashMap<>();
    for (TreeItem<StateRow> item : items) {
      byPath.put(item.getValue().path(), (StateTreeItem) item);
    }
    List<StateTreeItem> next = new ArrayList<>(rows.size());
    for (StateRow r : rows) {
      StateTreeItem reused = byPath.get(r.path());
      if (reused != null) {
        reused.update(r);
        next.add(reused);
      } else {
        next.add(new StateTreeItem(r, expanded, changedOnly));
      }
    }
    items.setAll(next);
  }

  private List<StateRow> rows() {
    return changedOnly ? getValue().changedChildren() : getValue().children();
  }
}
