package dev.hindsight.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.Blame;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.StreamReplay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Values hidden for reviews and training with production data. A masked value shows as {@value
 * #MASK}; the rest of the document is unchanged.
 *
 * <p>A rule is a field name or a JSON pointer. A <b>name</b> is masked at any depth, in any field
 * whose name has the rule's word parts in a row, ignoring case: names are cut at camelCase humps,
 * digits and anything that is not a letter or digit, so {@code customer} masks {@code customer},
 * {@code customerId}, {@code customer_id} and {@code CustomerID} (not {@code customers}), and
 * {@code address} masks {@code shippingAddress}. A <b>pointer</b> ({@code /customer/address};
 * {@code *} stands for any one key or index: {@code /items/*}{@code /price}) is matched exactly and
 * masked with everything under it.
 *
 * <p>Masking also hides <b>values</b> ({@link #withValues}): the strings a rule hid somewhere (3
 * characters or more) are hidden wherever else they show, in any field: a string or number equal to
 * one (ignoring case) becomes {@value #MASK}, and one of 4 characters or more inside a longer
 * string is replaced there. Numbers are not collected (amounts and counts repeat by chance), and
 * field names are never changed.
 */
public final class Masking {

  /** What a masked value shows as. */
  public static final String MASK = "•••";

  /** The shortest string a rule's hiding makes a value to hide everywhere. */
  public static final int MIN_VALUE = 3;

  /** The shortest value that is also hidden inside longer strings. */
  public static final int MIN_INSIDE = 4;

  private static final TextNode MASKED = TextNode.valueOf(MASK);

  private final List<String> rules;
  private final List<List<String>> words;
  private final Set<String> values;
  private final ValueIndex inside;

  /**
   * Masking by {@code rules}, in the order given; empty: masking is off.
   *
   * @param rules field names and JSON pointers
   */
  public Masking(List<String> rules) {
    this(rules, Set.of());
  }

  private Masking(List<String> rules, Set<String> values) {
    this.rules = List.copyOf(rules);
    this.words =
        this.rules.stream()
            .map(r -> r.startsWith("/") ? List.<String>of() : KeyWords.of(r))
            .toList();
    Set<String> kept = new TreeSet<>();
    for (String v : values) {
      if (v != null && v.strip().length() >= MIN_VALUE && !v.equals(MASK)) {
        kept.add(v.toLowerCase(Locale.ROOT));
      }
    }
    this.values = Set.copyOf(kept);
    this.inside = new ValueIndex(kept.stream().filter(v -> v.length() >= MIN_INSIDE).toList());
  }

  /** No masking. */
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

  /** The rules, in the order given. */
  public List<String> rules() {
    return rules;
  }

  /** The values hidden wherever they show, in lower case (see {@link #withValues}). */
  public Set<String> values() {
    return values;
  }

  /**
   * These rules, also hiding {@code values} wherever they show (those shorter than {@value
   * #MIN_VALUE} characters are left out). Masking that is off stays off.
   */
  public Masking withValues(Set<String> values) {
    return new Masking(rules, values);
  }

  /** Whether masking is on: there is a rule. */
  public boolean on() {
    return !rules.isEmpty();
  }

  /** {@code node} with what the rules name masked; the same node when nothing is. */
  public JsonNode apply(JsonNode node) {
    return apply(node, "");
  }

  /** {@code node}, found at JSON pointer {@code at} of its document, masked. */
  public JsonNode apply(JsonNode node, String at) {
    return apply(node, at, null);
  }

  /**
   * {@code node}, found at JSON pointer {@code at} of its document, masked; what was hidden is
   * counted in {@code tally} (may be null).
   */
  public JsonNode apply(JsonNode node, String at, Tally tally) {
    if (!on() || node == null) {
      return node;
    }
    String rule = ruleForPath(at);
    return rule != null ? hide(node, rule, tally) : mask(node, at, tally);
  }

  /** The change with its values masked as they would be at its path. */
  public Change apply(Change c) {
    return apply(c, null);
  }

  /** The change masked, what was hidden counted in {@code tally} (may be null). */
  public Change apply(Change c, Tally tally) {
    if (!on()) {
      return c;
    }
    return new Change(
        c.path(),
        c.op(),
        apply(c.oldValue(), c.path(), tally),
        apply(c.newValue(), c.path(), tally));
  }

  /** The event with its data and metadata masked (the rules apply to each document). */
  public StoredEvent apply(StoredEvent e) {
    return apply(e, null);
  }

  /** The event masked, what was hidden counted in {@code tally} (may be null). */
  public StoredEvent apply(StoredEvent e, Tally tally) {
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
        apply(e.data(), "", tally),
        apply(e.metadata(), "", tally),
        e.problems(),
        e.links());
  }

  /**
   * A point of a replay with its states, event, upcast and changes masked; a value a rule hides in
   * one of them is hidden in all of them.
   */
  public StreamReplay.Point apply(StreamReplay.Point p) {
    if (!on() || p == null) {
      return p;
    }
    Tally seen = new Tally();
    apply(p.before(), "", seen);
    apply(p.after(), "", seen);
    if (p.event() != null) {
      apply(p.event(), seen);
    }
    apply(p.upcast(), "", seen);
    p.changes().forEach(c -> apply(c, seen));
    Masking all = withValues(union(values, seen.values().keySet()));
    return new StreamReplay.Point(
        p.ordinal(),
        all.apply(p.before()),
        all.apply(p.after()),
        p.event() == null ? null : all.apply(p.event()),
        all.apply(p.upcast()),
        p.error(),
        p.changes().stream().map(all::apply).toList());
  }

  /**
   * Free text (a note, a message) with the values in it hidden as in a string of a document; the
   * rules, which name fields, do not apply. Counted in {@code tally} (may be null) when changed.
   */
  public String maskText(String text, Tally tally) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String masked = hideValues(text);
    if (tally != null && !masked.equals(text)) {
      tally.byValue++;
    }
    return masked;
  }

  /** An entry of a value's history, its values masked as they would be at {@code pointer}. */
  public Blame.Entry apply(Blame.Entry entry, String pointer) {
    if (!on()) {
      return entry;
    }
    Change masked = apply(new Change(pointer, entry.op(), entry.oldValue(), entry.newValue()));
    return new Blame.Entry(
        entry.ordinal(),
        entry.version(),
        entry.type(),
        entry.timestamp(),
        entry.op(),
        masked.oldValue(),
        masked.newValue());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private JsonNode mask(JsonNode node, String at, Tally tally) {
    if (node.isObject()) {
      ObjectNode out = null;
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        String path = at + "/" + escape(f.getKey());
        String rule = nameRule(f.getKey());
        if (rule == null) {
          rule = pointerRule(path);
        }
        JsonNode v =
            rule != null ? hide(f.getValue(), rule, tally) : mask(f.getValue(), path, tally);
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
        String path = at + "/" + i;
        String rule = pointerRule(path);
        JsonNode v = rule != null ? hide(node.get(i), rule, tally) : mask(node.get(i), path, tally);
        if (v != node.get(i)) {
          if (out == null) {
            out = ((ArrayNode) node).deepCopy();
          }
          out.set(i, v);
        }
      }
      return out == null ? node : out;
    }
    if (values.isEmpty() || !(node.isTextual() || node.isNumber())) {
      return node;
    }
    String text = node.asText();
    String masked = node.isTextual() ? hideValues(text) : values.contains(text) ? MASK : text;
    if (masked.equals(text)) {
      return node;
    }
    if (tally != null) {
      tally.byValue++;
    }
    return TextNode.valueOf(masked);
  }

  /** {@code text} with the values in it hidden: all of it when it is one, else each one inside. */
  private String hideValues(String text) {
    if (values.contains(text.toLowerCase(Locale.ROOT))) {
      return MASK;
    }
    if (inside.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int from = 0;
    for (int i = 0; i < text.length(); ) {
      String v = inside.longestAt(text, i);
      if (v == null) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, from, i).append(MASK);
      i += v.length();
      from = i;
    }
    return out == null ? text : out.append(text, from, text.length()).toString();
  }

  private JsonNode hide(JsonNode node, String rule, Tally tally) {
    if (tally != null) {
      tally.byRule.merge(rule, 1, Integer::sum);
      collect(node, rule, tally);
    }
    return MASKED;
  }

  private static void collect(JsonNode node, String rule, Tally tally) {
    if (node == null) {
      return;
    }
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, rule, tally));
    } else if (node.isTextual()) {
      String v = node.textValue();
      if (v.strip().length() >= MIN_VALUE && !v.equals(MASK)) {
        tally.values.putIfAbsent(v.toLowerCase(Locale.ROOT), rule);
      }
    }
  }

  /** The first rule that masks the whole of what is at {@code at}: a pointer, or a name on it. */
  private String ruleForPath(String at) {
    if (at.isEmpty()) {
      return null;
    }
    String pointer = pointerRule(at);
    if (pointer != null) {
      return pointer;
    }
    for (String segment : at.substring(1).split("/", -1)) {
      String rule =
          segment.chars().allMatch(Character::isDigit) ? null : nameRule(unescape(segment));
      if (rule != null) {
        return rule;
      }
    }
    return null;
  }

  private String nameRule(String key) {
    List<String> keyWords = null;
    for (int i = 0; i < rules.size(); i++) {
      String rule = rules.get(i);
      if (rule.startsWith("/")) {
        continue;
      }
      if (rule.equals(key)) {
        return rule;
      }
      if (keyWords == null) {
        keyWords = KeyWords.of(key);
      }
      if (KeyWords.contains(words.get(i), keyWords)) {
        return rule;
      }
    }
    return null;
  }

  private String pointerRule(String at) {
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
        return rule;
      }
    }
    return null;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Masking m && m.rules.equals(rules) && m.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rules, values);
  }

  @Override
  public String toString() {
    return "Masking" + rules + (values.isEmpty() ? "" : " and " + values.size() + " values");
  }

  /**
   * What masking hid, counted as it goes: per rule, the places it showed as {@value #MASK}; by
   * value, the strings and numbers hidden for holding a value a rule hid elsewhere; and the strings
   * the rules hid (lower case), each with the first rule that hid it.
   */
  public static final class Tally {
    private final Map<String, Integer> byRule = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private int byValue;

    /** Per rule, the places it hid, in the order the rules first hid something. */
    public Map<String, Integer> byRule() {
      return byRule;
    }

    /** The places hidden for holding a value a rule hid elsewhere. */
    public int byValue() {
      return byValue;
    }

    /** The strings the rules hid, lower case, each with the first rule that hid it. */
    public Map<String, String> values() {
      return values;
    }
  }
}
