package dev.hindsight.ui.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.JsonDiff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state and the changes of one event, as a tree of {@link StateRow}s. Plain Java: the view builds
 * its nodes from these rows, and tests check the rows without a toolkit.
 *
 * <p>Removed values are no longer in the state, so their rows come from the change's old value and
 * are merged into the parent that lost them: a removed array item goes back to its index, a removed
 * property after the properties that remain (the old order of the keys is not known).
 */
public final class StateTreeModel {

  private final JsonNode state;
  private final Map<String, Change> present = new HashMap<>();
  private final Map<String, List<Change>> removedByParent = new HashMap<>();
  private final Set<String> changedPaths = new LinkedHashSet<>();
  private final Set<String> ancestorPaths = new LinkedHashSet<>();
  private final Map<Change.Op, Integer> counts = new HashMap<>();
  private final StateRow root;

  private StateTreeModel(JsonNode state, List<Change> changes) {
    this.state = state == null || state.isMissingNode() ? null : state;
    Change rootRemoval = null;
    for (Change c : changes) {
      changedPaths.add(c.path());
      counts.merge(c.op(), 1, Integer::sum);
      for (String p = parentOf(c.path()); p != null; p = parentOf(p)) {
        ancestorPaths.add(p);
      }
      if (c.op() != Change.Op.REMOVED) {
        present.put(c.path(), c);
      } else if (c.path().isEmpty()) {
        rootRemoval = c;
      } else {
        removedByParent.computeIfAbsent(parentOf(c.path()), k -> new ArrayList<>()).add(c);
      }
    }
    if (this.state != null) {
      root = row("", null, false, this.state, Mark.NONE);
    } else if (rootRemoval != null && rootRemoval.oldValue() != null) {
      root = new StateRow(this, "", null, false, rootRemoval.oldValue(), null, Mark.REMOVED);
    } else {
      root = null;
    }
  }

  /** The rows of {@code state} (null: no state) with what {@code changes} did highlighted. */
  public static StateTreeModel of(JsonNode state, List<Change> changes) {
    return new StateTreeModel(state, changes == null ? List.of() : changes);
  }

  /** The whole state's row; null when there is no state to show. */
  public StateRow root() {
    return root;
  }

  /** The state shown; null when there is none. */
  public JsonNode state() {
    return state;
  }

  /** The paths the changes name, in their order. */
  public Set<String> changedPaths() {
    return Collections.unmodifiableSet(changedPaths);
  }

  /** The paths that hold a change below them: what the view expands so every change is visible. */
  public Set<String> ancestorPaths() {
    return Collections.unmodifiableSet(ancestorPaths);
  }

  /** How many changes have {@code op}. */
  public int count(Change.Op op) {
    return counts.getOrDefault(op, 0);
  }

  List<StateRow> childrenOf(StateRow parent) {
    JsonNode node = parent.value();
    if (!node.isContainerNode()) {
      return List.of();
    }
    // inside an added or removed value, everything was added or removed with it; a value that
    // changed kind (5 -> {...}) brings children that did not exist before
    Mark inherited =
        switch (parent.mark()) {
          case ADDED, CHANGED -> Mark.ADDED;
          case REMOVED -> Mark.REMOVED;
          default -> Mark.NONE;
        };
    List<Change> removed =
        inherited == Mark.NONE ? removedByParent.getOrDefault(parent.path(), List.of()) : List.of();
    List<StateRow> rows = new ArrayList<>(node.size() + removed.size());
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  rows.add(
                      row(
                          JsonDiff.child(parent.path(), e.getKey()),
                          e.getKey(),
                          false,
                          e.getValue(),
                          inherited)));
      for (Change c : removed) {
        rows.add(removedRow(c, false));
      }
    } else {
      List<Change> byIndex = new ArrayList<>(removed);
      byIndex.sort((a, b) -> Long.compare(index(a.path()), index(b.path())));
      int next = 0;
      for (int i = 0; i < node.size(); i++) {
        // a removed item goes before the item now at its index: [a, c] after removing /1 of
        // [a, b, c] reads a, b (removed), c
        while (next < byIndex.size() && index(byIndex.get(next).path()) <= i) {
          rows.add(removedRow(byIndex.get(next++), true));
        }
        rows.add(row(parent.path() + "/" + i, Integer.toString(i), true, node.get(i), inherited));
      }
      while (next < byIndex.size()) {
        rows.add(removedRow(byIndex.get(next++), true));
      }
    }
    return rows;
  }

  private StateRow row(String path, String key, boolean arrayItem, JsonNode value, Mark inherited) {
    Mark mark = inherited;
    JsonNode old = null;
    if (inherited == Mark.NONE) {
      Change c = present.get(path);
      if (c != null && c.op() == Change.Op.ADDED) {
        mark = Mark.ADDED;
      } else if (c != null) {
        mark = Mark.CHANGED;
        old = c.oldValue();
      } else if (ancestorPaths.contains(path)) {
        mark = Mark.CONTAINS_CHANGE;
      }
    }
    return new StateRow(this, path, key, arrayItem, value, old, mark);
  }

  private StateRow removedRow(Change c, boolean arrayItem) {
    JsonNode old = c.oldValue() == null ? NullNode.getInstance() : c.oldValue();
    return new StateRow(this, c.path(), lastKey(c.path()), arrayItem, old, null, Mark.REMOVED);
  }

  /** The pointer of the parent; null for the whole state. */
  static String parentOf(String path) {
    return path.isEmpty() ? null : path.substring(0, path.lastIndexOf('/'));
  }

  /** The last token of a pointer, unescaped as RFC 6901 says (~1 before ~0). */
  static String lastKey(String path) {
    return path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  private static long index(String path) {
    try {
      return Long.parseLong(lastKey(path));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // not an index: after the items that are
    }
  }
}
