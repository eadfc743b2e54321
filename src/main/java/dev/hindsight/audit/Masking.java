package dev.hindsight.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values hidden for reviews and training with production data. A rule is a field name, masked at
 * any depth ({@code email}), or a JSON pointer, masked with everything under it ({@code
 * /customer/address}; {@code *} stands for any one key or index: {@code /items/*}{@code /price}). A
 * masked value shows as {@value #MASK}; the rest of the document is unchanged.
 *
 * @param rules the rules, in the order given; empty: masking is off
 */
public record Masking(List<String> rules) {

  public static final String MASK = "•••";
  private static final TextNode MASKED = TextNode.valueOf(MASK);

  public Masking {
    rules = List.copyOf(rules);
  }

  public static Masking off() {
    return new Masking(List.of());
  }

  /** Rules from a comma-separated list ({@code email, /customer/address}); blanks are dropped. */
  public static Masking parse(String list) {
    List<String> rules = new ArrayList<>();
    if (list != null) {
      for (String r : list.split(",")) {
        if (!r.isBlank()) {
          rules.add(r.strip());
        }
      }
    }
    return new Masking(rules);
  }

  public boolean on() {
    return !rules.isEmpty();
  }

  /** {@code node} with what the rules name masked; the same node when nothing is. */
  public JsonNode apply(JsonNode node) {
    return apply(node, "");
  }

  /** {@code node}, found at JSON pointer {@code at} of its document, masked. */
  public JsonNode apply(JsonNode node, String at) {
    if (!on() || node == null) {
      return node;
    }
    if (masksPath(at)) {
      return MASKED;
    }
    if (node.isObject()) {
      ObjectNode out = null;
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        String path = at + "/" + escape(f.getKey());
        JsonNode v = rules.contains(f.getKey()) ? MASKED : apply(f.getValue(), path);
        if (v != f.getValue()) {
          if (out == null) {
            out = ((ObjectNode) node).deepCopy();
          }
          out.set(f.getKey(), v);
        }
      }
      return out == null ? node : out;
    }
    if (node.isArray()) {
      ArrayNode out = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode v = apply(node.get(i), at + "/" + i);
        if (v != node.get(i)) {
          if (out == null) {
            out = ((ArrayNode) node).deepCopy();
          }
          out.set(i, v);
        }
      }
      return out == null ? node : out;
    }
    return node;
  }

  /** The change with its values masked as they would be at its path. */
  public Change apply(Change c) {
    if (!on()) {
      return c;
    }
    String last = c.path().substring(c.path().lastIndexOf('/') + 1);
    boolean named = !c.path().isEmpty() && rules.contains(unescape(last));
    JsonNode old = c.oldValue() == null ? null : named ? MASKED : apply(c.oldValue(), c.path());
    JsonNode now = c.newValue() == null ? null : named ? MASKED : apply(c.newValue(), c.path());
    return new Change(c.path(), c.op(), old, now);
  }

  /** The event with its data and metadata masked (the rules apply to each document). */
  public StoredEvent apply(StoredEvent e) {
    if (!on()) {
      return e;
    }
    return new StoredEvent(
        e.position(),
        e.stream(),
        e.version(),
        e.type(),
        e.revision(),
        e.timestamp(),
        apply(e.data()),
        apply(e.metadata()),
        e.problems(),
        e.links());
  }

  /** A point of a replay with its states, event, upcast and changes masked. */
  public dev.hindsight.replay.StreamReplay.Point apply(dev.hindsight.replay.StreamReplay.Point p) {
    if (!on() || p == null) {
      return p;
    }
    return new dev.hindsight.replay.StreamReplay.Point(
        p.ordinal(),
        apply(p.before()),
        apply(p.after()),
        p.event() == null ? null : apply(p.event()),
        apply(p.upcast()),
        p.error(),
        p.changes().stream().map(this::apply).toList());
  }

  /** An entry of a value's history, its values masked as they would be at {@code pointer}. */
  public dev.hindsight.replay.Blame.Entry apply(
      dev.hindsight.replay.Blame.Entry entry, String pointer) {
    if (!on()) {
      return entry;
    }
    Change masked = apply(new Change(pointer, entry.op(), entry.oldValue(), entry.newValue()));
    return new dev.hindsight.replay.Blame.Entry(
        entry.ordinal(),
        entry.version(),
        entry.type(),
        entry.timestamp(),
        entry.op(),
        masked.oldValue(),
        masked.newValue());
  }

  private boolean masksPath(String at) {
    if (at.isEmpty()) {
      return false;
    }
    String[] segments = at.substring(1).split("/", -1);
    for (String rule : rules) {
      if (!rule.startsWith("/")) {
        continue;
      }
      String[] want = rule.substring(1).split("/", -1);
      if (want.length > segments.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < want.length && match; i++) {
        match = want[i].equals("*") || want[i].equals(segments[i]);
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
