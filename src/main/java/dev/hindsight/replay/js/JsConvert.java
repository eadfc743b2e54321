package dev.hindsight.replay.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.replay.ReducerException;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;

/**
 * Between JSON trees and JavaScript values. JSON becomes plain objects, arrays, strings, numbers
 * and booleans; JavaScript becomes JSON as {@code JSON.stringify} would make it, except that what
 * JSON cannot hold (a function, a cycle, NaN, Infinity) is a {@link ReducerException} naming its
 * path.
 */
final class JsConvert {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 1_000;

  private JsConvert() {}

  static Object toJs(JsonNode node, Context cx, Scriptable scope) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Scriptable o = cx.newObject(scope);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        ScriptableObject.putProperty(o, e.getKey(), toJs(e.getValue(), cx, scope));
      }
      return o;
    }
    if (node.isArray()) {
      Object[] items = new Object[node.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = toJs(node.get(i), cx, scope);
      }
      return cx.newArray(scope, items);
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  /** The JSON form of a JavaScript value; {@code what} names it in messages (e.g. "the state"). */
  static JsonNode toJson(Object value, String what) {
    JsonNode node = toJson(value, "", new IdentityHashMap<>(), 0, what);
    if (node == null) {
      throw new ReducerException(what + " is undefined (did a handler forget to return it?)");
    }
    return node;
  }

  /** Returns null for undefined (and for functions and symbols where JSON would leave them out). */
  private static JsonNode toJson(
      Object v, String path, IdentityHashMap<Object, Boolean> ancestors, int depth, String what) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v == Undefined.instance || v instanceof Undefined) {
      return null;
    }
    if (v instanceof CharSequence s) {
      return NODES.textNode(s.toString());
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Number n) {
      return number(n, path, what);
    }
    if (v instanceof Symbol) {
      return null;
    }
    if (v instanceof Function) {
      throw new ReducerException(
          what + " holds a function at " + at(path) + "; a state must be JSON");
    }
    if (!(v instanceof Scriptable obj)) {
      throw new ReducerException(
          what + " holds a " + v.getClass().getSimpleName() + " at " + at(path));
    }
    if (depth > MAX_DEPTH) {
      throw new ReducerException(what + " is nested more than " + MAX_DEPTH + " levels deep");
    }
    if (ancestors.put(obj, Boolean.TRUE) != null) {
      throw new ReducerException(what + " has a cycle at " + at(path) + "; a state must be JSON");
    }
    try {
      Object toJsonFn = ScriptableObject.getProperty(obj, "toJSON");
      if (toJsonFn instanceof Function f) {
        Context cx = Context.getCurrentContext();
        Object replaced =
            f.call(cx, ScriptableObject.getTopLevelScope(obj), obj, new Object[] {""});
        JsonNode n = toJson(replaced, path, ancestors, depth + 1, what);
        return n == null ? NODES.nullNode() : n;
      }
      if (obj instanceof NativeArray array) {
        ArrayNode out = NODES.arrayNode();
        long length = array.getLength();
        for (int i = 0; i < length; i++) {
          Object item = array.get(i, array);
          JsonNode n =
              toJson(
                  item == Scriptable.NOT_FOUND ? null : item,
                  path + "/" + i,
                  ancestors,
                  depth + 1,
                  what);
          out.add(n == null ? NODES.nullNode() : n);
        }
        return out;
      }
      ObjectNode out = NODES.objectNode();
      for (Object id : obj.getIds()) {
        Object item = id instanceof Integer i ? obj.get(i, obj) : obj.get(id.toString(), obj);
        String key = id.toString();
        JsonNode n =
            toJson(
                item == Scriptable.NOT_FOUND ? null : item,
                JsonDiff.child(path, key),
                ancestors,
                depth + 1,
                what);
        if (n != null) {
          out.set(key, n);
        }
      }
      return out;
    } finally {
      ancestors.remove(obj);
    }
  }

  private static JsonNode number(Number n, String path, String what) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return integral(n.longValue());
    }
    if (n instanceof java.math.BigInteger big) {
      return NODES.numberNode(big);
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new ReducerException(
          what
              + " holds "
              + (Double.isNaN(d) ? "NaN" : "Infinity")
              + " at "
              + at(path)
              + "; a state must be JSON");
    }
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      return integral((long) d);
    }
    return NODES.numberNode(new BigDecimal(Double.toString(d)));
  }

  /**
   * An integer as Jackson's parser would read it (an int node when it fits, else a long node), so
   * that a state is equal to itself after a round trip through text or a packed checkpoint.
   */
  private static JsonNode integral(long v) {
    return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
  }

  private static String at(String path) {
    return path.isEmpty() ? "its top" : path;
  }
}
