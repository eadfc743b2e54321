package dev.hindsight.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The word parts of a field name, so that a masking rule {@code customer} finds {@code customerId},
 * {@code customer_id} and {@code CustomerID}, and {@code address} finds {@code shippingAddress}:
 * names are cut at camelCase humps, at an acronym's end, between letters and digits, and at
 * anything that is neither (underscore, hyphen, dot, space); the parts are compared in lower case.
 */
final class KeyWords {

  private static final Pattern CUTS =
      Pattern.compile(
          "[^\\p{L}\\p{N}]+"
              + "|(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})"
              + "|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})"
              + "|(?<=\\p{L})(?=\\p{N})"
              + "|(?<=\\p{N})(?=\\p{L})");

  private KeyWords() {}

  /**
   * The lower-case word parts of {@code name}: {@code shippingAddress} is {@code shipping,
   * address}.
   */
  static List<String> of(String name) {
    List<String> words = new ArrayList<>();
    for (String w : CUTS.split(name)) {
      if (!w.isEmpty()) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  /**
   * Whether {@code rule}'s word parts are a run of a key's {@code words}, in order ({@code
   * customer} in {@code customerId}; {@code customerId} in {@code billingCustomerId}; not {@code
   * customer} in {@code customers}). A rule without word parts matches its exact name only.
   */
  static boolean contains(List<String> rule, List<String> words) {
    if (rule.isEmpty()) {
      return false;
    }
    for (int i = 0; i + rule.size() <= words.size(); i++) {
      if (words.subList(i, i + rule.size()).equals(rule)) {
        return true;
      }
    }
    return false;
  }
}
