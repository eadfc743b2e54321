package dev.hindsight.event;

import java.util.Locale;

/** Counts in messages: "1 finding", "2 findings", "1,000 events". */
public final class Words {

  private Words() {}

  /** {@code n} and the noun, plural unless n is 1 (nouns that take an "s"). */
  public static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
