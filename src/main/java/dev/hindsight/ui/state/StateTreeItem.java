package dev.hindsight.ui.state;

import java.util.List;
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
              } else {
                expanded.remove(row.path());
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

  private List<StateRow> rows() {
    return changedOnly ? getValue().changedChildren() : getValue().children();
  }
}
