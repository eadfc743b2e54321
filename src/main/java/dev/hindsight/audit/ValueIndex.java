package dev.hindsight.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Strings to find in a text, ignoring case, in one pass over it: they are filed by their first
 * {@value #HEAD} characters, so each place in the text is compared with the few strings that start
 * as it does, not with all of them (a report may hide thousands of values in megabytes of text).
 */
final class ValueIndex {

  /** The characters a string is filed by; shorter strings are left out. */
  static final int HEAD = Masking.MIN_VALUE;

  private final Map<Long, List<String>> byHead = new HashMap<>();

  /** An index of {@code strings} (those shorter than {@value #HEAD} characters are left out). */
  ValueIndex(Collection<String> strings) {
    for (String s : strings) {
      if (s.length() >= HEAD) {
        byHead.computeIfAbsent(head(s, 0), k -> new ArrayList<>()).add(s);
      }
    }
    byHead.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
  }

  boolean isEmpty() {
    return byHead.isEmpty();
  }

  /** The longest string found at {@code i} of {@code text}, or null. */
  String longestAt(String text, int i) {
    List<String> found = candidates(text, i);
    for (String s : found) {
      if (text.regionMatches(true, i, s, 0, s.length())) {
        return s;
      }
    }
    return null;
  }

  /** Each string found at {@code i} of {@code text}. */
  void eachAt(String text, int i, Consumer<String> found) {
    for (String s : candidates(text, i)) {
      if (text.regionMatches(true, i, s, 0, s.length())) {
        found.accept(s);
      }
    }
  }

  private List<String> candidates(String text, int i) {
    if (i + HEAD > text.length()) {
      return List.of();
    }
    return byHead.getOrDefault(head(text, i), List.of());
  }

  private static long head(String s, int at) {
    long key = 0;
    for (int k = 0; k < HEAD; k++) {
      key = (key << 16) | Character.toLowerCase(Character.toUpperCase(s.charAt(at + k)));
    }
    return key;
  }
}
