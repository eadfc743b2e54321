package dev.hindsight.event;

import java.util.regex.Pattern;

/**
 * Globs on stream ids ({@code order-*}, {@code cart-?}), as the stream filter and reducers use
 * them.
 */
public final class StreamGlob {

  private StreamGlob() {}

  /**
   * A pattern matching the whole id: {@code *} is any run of characters, {@code ?} one character.
   */
  public static Pattern compile(String glob, boolean ignoreCase) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
  }
}
