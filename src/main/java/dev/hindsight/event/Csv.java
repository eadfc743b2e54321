package dev.hindsight.event;

/** CSV as RFC 4180 writes it, for the files Hindsight exports. */
public final class Csv {

  private Csv() {}

  /** One field: quoted (with quotes doubled) when it holds a comma, a quote or a line break. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
