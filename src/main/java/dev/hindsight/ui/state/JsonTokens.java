package dev.hindsight.ui.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits JSON text into the runs the raw view colours. A lexer, not a parser: the text comes from
 * our own writer, so it is valid, and a run that is not a string, number or literal is punctuation.
 */
final class JsonTokens {

  enum Kind {
    KEY,
    STRING,
    NUMBER,
    LITERAL,
    PUNCTUATION
  }

  record Token(Kind kind, String text) {}

  private JsonTokens() {}

  static List<Token> of(String json) {
    List<Token> out = new ArrayList<>();
    StringBuilder punct = new StringBuilder();
    int i = 0;
    int n = json.length();
    while (i < n) {
      char c = json.charAt(i);
      int end;
      Kind kind;
      if (c == '"') {
        end = stringEnd(json, i);
        kind = followedByColon(json, end) ? Kind.KEY : Kind.STRING;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        end = i + 1;
        while (end < n && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
          end++;
        }
        kind = Kind.NUMBER;
      } else if (Character.isLetter(c)) {
        end = i + 1;
        while (end < n && Character.isLetter(json.charAt(end))) {
          end++;
        }
        kind = Kind.LITERAL;
      } else {
        punct.append(c);
        i++;
        continue;
      }
      // punctuation and whitespace between values is one run: fewer nodes for the view to lay out
      if (punct.length() > 0) {
        out.add(new Token(Kind.PUNCTUATION, punct.toString()));
        punct.setLength(0);
      }
      out.add(new Token(kind, json.substring(i, end)));
      i = end;
    }
    if (punct.length() > 0) {
      out.add(new Token(Kind.PUNCTUATION, punct.toString()));
    }
    return out;
  }

  private static int stringEnd(String s, int open) {
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static boolean followedByColon(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i < s.length() && s.charAt(i) == ':';
  }
}
