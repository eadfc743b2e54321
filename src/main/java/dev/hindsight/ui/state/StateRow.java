package dev.hindsight.ui.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.util.List;

/**
 * One row of the state tree: a value at a JSON pointer, how to label it, and what the current event
 * did to it. Children are made on first use, so a collapsed subtree of a large state costs nothing.
 */
public final class StateRow {

  private final StateTreeModel model;
  private final String path;
  private final String key;
  private final boolean arrayItem;
  private final JsonNode value;
  private final JsonNode oldValue;
  private final Mark mark;
  private List<StateRow> children;

  StateRow(
      StateTreeModel model,
      String path,
      String key,
      boolean arrayItem,
      JsonNode value,
      JsonNode oldValue,
      Mark mark) {
    this.model = model;
    this.path = path;
    this.key = key;
    this.arrayItem = arrayItem;
    this.value = value;
    this.oldValue = oldValue;
    this.mark = mark;
  }

  /** The JSON pointer of this value; {@code ""} for the whole state. */
  public String path() {
    return path;
  }

  /** The property name or array index, unescaped; null for the whole state. */
  public String key() {
    return key;
  }

  /** Whether {@link #key()} is an array index rather than a property name. */
  public boolean isArrayItem() {
    return arrayItem;
  }

  /** The value now, or for a removed row the value it had. */
  public JsonNode value() {
    return value;
  }

  /** The value before this event, for a changed row; null otherwise. */
  public JsonNode oldValue() {
    return oldValue;
  }

  public Mark mark() {
    return mark;
  }

  /** An object or an array: a row that can be expanded. */
  public boolean isBranch() {
    return value.isContainerNode();
  }

  /** {@code {n}} or {@code [n]} for a branch; the JSON text of a scalar (numbers as stored). */
  public String valueText() {
    return text(value);
  }

  /** {@link #valueText()} of the old value of a changed row; null for the other marks. */
  public String oldValueText() {
    return oldValue == null ? null : text(oldValue);
  }

  /** The children in order, removed ones merged where they were. */
  public List<StateRow> children() {
    if (children == null) {
      children = model.childrenOf(this);
    }
    return children;
  }

  /** The children that changed or hold a change: what "changed only" shows. */
  public List<StateRow> changedChildren() {
    return children().stream().filter(r -> r.mark != Mark.NONE).toList();
  }

  /**
   * What "Copy value" puts on the clipboard: a string's own text (what one pastes into a search
   * box), pretty JSON for anything else.
   */
  public String copyText() {
    return value.isTextual() ? value.textValue() : Json.pretty(value);
  }

  static String text(JsonNode node) {
    if (node.isObject()) {
      return "{" + node.size() + "}";
    }
    if (node.isArray()) {
      return "[" + node.size() + "]";
    }
    return Json.write(node);
  }

  @Override
  public String toString() {
    return mark + " " + path + " " + valueText();
  }
}
