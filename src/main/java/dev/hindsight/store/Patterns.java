package dev.hindsight.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The regexes layouts use to narrow a value: the first group that matched is the value. */
public final class Patterns {

  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Patterns() {}

  /** The value {@code pattern} picks out of {@code value}; the value itself without a pattern. */
  public static String apply(String pattern, String value) {
    if (pattern == null || value == null) {
      return value;
    }
    Matcher m = compile(pattern).matcher(value);
    if (!m.find()) {
      return null;
    }
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return m.group();
  }

  private static Pattern compile(String pattern) {
    try {
      return COMPILED.computeIfAbsent(pattern, Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw new StoreException(
          "invalid pattern in layout: " + e.getDescription() + " in " + pattern, e);
    }
  }
}
