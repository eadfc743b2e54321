package dev.hindsight.replay.js;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * A JSON object seen from JavaScript without converting it: a property is converted when a script
 * reads it. A condition such as {@code state.balance < 0} then costs one property, not the whole
 * state, after every event. Arrays are converted whole when read (so that {@code Array.isArray} and
 * every array method behave as usual); the view itself cannot be changed.
 */
final class JsonView extends ScriptableObject {

  private static final long serialVersionUID = 1L;

  private final transient JsonNode node;
  private final transient Map<String, Object> read = new HashMap<>();

  private JsonView(JsonNode node, Scriptable scope) {
    this.node = node;
    setParentScope(scope);
    setPrototype(ScriptableObject.getObjectPrototype(scope));
  }

  /** The value as a script sees it: objects as views, everything else converted. */
  static Object of(JsonNode node, Context cx, Scriptable scope) {
    if (node != null && node.isObject()) {
      return new JsonView(node, scope);
    }
    return JsConvert.toJs(node, cx, scope);
  }

  @Override
  public String getClassName() {
    return "Object";
  }

  @Override
  public Object get(String name, Scriptable start) {
    JsonNode child = node.get(name);
    if (child == null) {
      return super.get(name, start);
    }
    return read.computeIfAbsent(
        name, k -> of(child, Context.getCurrentContext(), getParentScope()));
  }

  @Override
  public Object get(int index, Scriptable start) {
    String name = Integer.toString(index);
    return node.has(name) ? get(name, start) : super.get(index, start);
  }

  @Override
  public boolean has(int index, Scriptable start) {
    return node.has(Integer.toString(index)) || super.has(index, start);
  }

  @Override
  public boolean has(String name, Scriptable start) {
    return node.has(name) || super.has(name, start);
  }

  @Override
  public Object[] getIds() {
    Object[] ids = new Object[node.size()];
    Iterator<String> names = node.fieldNames();
    for (int i = 0; names.hasNext(); i++) {
      ids[i] = names.next();
    }
    return ids;
  }

  @Override
  public void put(String name, Scriptable start, Object value) {
    // read-only: a condition looks, it does not change the state
  }

  @Override
  public void put(int index, Scriptable start, Object value) {}

  @Override
  public void delete(String name) {}
}
