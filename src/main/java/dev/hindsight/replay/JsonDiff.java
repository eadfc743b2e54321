package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The differences between two JSON states as JSON-pointer paths. Objects are compared key by key,
 * arrays index by index (a longer array has its extra items added or removed); anything else that
 * differs is changed. Numbers compare by value, so {@code 24.00} and {@code 24.0} are equal.
 */
public final class JsonDiff {

  private JsonDiff() {}

  /** What changed from {@code before} to {@code after}; null or missing means "no value". */
  public static List<Change> diff(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    diff("", missingIfNull(before), missingIfNull(after), changes);
    return changes;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
    if (a == b) {
      return; // states share unchanged subtrees: identity is the common, cheap case
    }
    if (a.isMissingNode()) {
      if (!b.isMissingNode()) {
        out.add(new Change(path, Change.Op.ADDED, null, b));
      }
      return;
    }
    if (b.isMissingNode()) {
      out.add(new Change(path, Change.Op.REMOVED, a, null));
      return;
    }
    if (a.isObject() && b.isObject()) {
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        diff(child(path, e.getKey()), e.getValue(), b.path(e.getKey()), out);
      }
      for (Map.Entry<String, JsonNode> e : b.properties()) {
        if (!a.has(e.getKey())) {
          out.add(new Change(child(path, e.getKey()), Change.Op.ADDED, null, e.getValue()));
        }
      }
      return;
    }
    if (a.isArray() && b.isArray()) {
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        diff(path + "/" + i, a.path(i), b.path(i), out);
      }
      return;
    }
    if (!equal(a, b)) {
      out.add(new Change(path, Change.Op.CHANGED, a, b));
    }
  }

  /** Deep equality with numbers compared by value. */
  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!b.has(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * A child path: the key escaped as RFC 6901 says ({@code ~} as {@code ~0}, {@code /} as {@code
   * ~1}).
   */
  public static String child(String path, String key) {
    return path + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode missingIfNull(JsonNode n) {
    return n == null || n.isMissingNode() ? MissingNode.getInstance() : n;
  }
}
