package dev.hindsight.audit;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.store.codec.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The last check of a masked report: whether a value the rules hid still shows in clear anywhere in
 * the written text, for example in the stream's id, an event type or a field name, which masking
 * does not change. It looks for each value as written in HTML, JSON and CSV, ignoring case, in one
 * pass over the text (see {@link ValueIndex}); a value of fewer than {@value Masking#MIN_INSIDE}
 * characters only as a word of its own (as masking hides it only as a whole string). The warnings
 * name the rule and never the value.
 */
final class MaskingCheck {

  private MaskingCheck() {}

  /** One line per rule whose values still show in {@code rendered}; none when masking is off. */
  static List<String> warnings(String rendered, Evidence.Masked masking) {
    if (!masking.on() || masking.values().isEmpty()) {
      return List.of();
    }
    Map<String, String> valueOfForm = new HashMap<>();
    for (String value : masking.values().keySet()) {
      forms(value).forEach(f -> valueOfForm.putIfAbsent(f, value));
    }
    ValueIndex index = new ValueIndex(valueOfForm.keySet());
    Map<String, Integer> times = new LinkedHashMap<>();
    for (int i = 0; i < rendered.length(); i++) {
      int at = i;
      index.eachAt(
          rendered,
          i,
          form -> {
            String value = valueOfForm.get(form);
            if (value.length() >= Masking.MIN_INSIDE || aWord(rendered, at, form.length())) {
              times.merge(value, 1, Integer::sum);
            }
          });
    }
    Map<String, int[]> byRule = new LinkedHashMap<>();
    times.forEach(
        (value, n) -> {
          int[] counts = byRule.computeIfAbsent(masking.values().get(value), r -> new int[2]);
          counts[0]++;
          counts[1] += n;
        });
    List<String> lines = new ArrayList<>();
    byRule.forEach(
        (rule, counts) ->
            lines.add(
                "Masking warning: "
                    + (counts[0] == 1 ? "1 value" : counts[0] + " values")
                    + " hidden by "
                    + rule
                    + " still "
                    + (counts[0] == 1 ? "shows" : "show")
                    + " in clear in this report ("
                    + (counts[1] == 1 ? "once" : counts[1] + " times")
                    + "), where masking does not reach: the stream id, an event type, a field"
                    + " name, a bookmark's author, or a short value inside a longer text."));
    return lines;
  }

  /** The value as it is written in plain text, HTML, JSON and CSV (all lower case). */
  private static Set<String> forms(String value) {
    String json = Json.write(TextNode.valueOf(value));
    json = json.substring(1, json.length() - 1);
    Set<String> forms = new LinkedHashSet<>();
    for (String f :
        List.of(
            value,
            ReportWriter.esc(value),
            json,
            ReportWriter.esc(json),
            value.replace("\"", "\"\""),
            json.replace("\"", "\"\""))) {
      forms.add(f.toLowerCase(Locale.ROOT));
    }
    return forms;
  }

  /** Whether the {@code length} characters at {@code at} are not part of a longer word. */
  private static boolean aWord(String text, int at, int length) {
    int after = at + length;
    return (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
        && (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after)));
  }
}
