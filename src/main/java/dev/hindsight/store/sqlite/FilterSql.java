package dev.hindsight.store.sqlite;

import dev.hindsight.store.EventFilter;
import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.sql.LayoutSql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of an {@link EventFilter} that SQL can check, as conditions that keep every row the
 * filter could keep (and usually few others): a stream glob, a type (by substring), a widened time
 * range, and for a correlation, an id or a text, a substring of the stored column. The filter
 * itself is checked again on each decoded event, so these conditions only have to be a superset:
 * wherever the stored form might not contain what the decoded form does (compressed bytes, JSON
 * escapes, numbers that decode to another spelling, letters that lower-case differently in Java),
 * the row is let through.
 *
 * @param conditions SQL conditions on the event table ({@code e}) and the joined one ({@code j})
 * @param params their parameters, in order
 */
record FilterSql(List<String> conditions, List<Object> params) {

  /** Ids and texts that are stored exactly as they read: no escapes, no entities, no spacing. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 _.@#$%=~^*!?;|()\\-]+");

  /** Texts that may be (part of) a number, which may be stored in another spelling. */
  private static final Pattern NUMBERISH = Pattern.compile("[0-9.eE\\-]+");

  /** More ids than this are found by a scan checked in Java alone. */
  private static final int MAX_IDS = 64;

  /** The SQL that narrows the rows of {@code filter}; no conditions when it cannot. */
  static FilterSql of(EventFilter filter, LayoutSql sql, Layout layout) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (filter.isEmpty()) {
      return new FilterSql(conditions, params);
    }
    if (filter.positions() != null) {
      conditions.add(sql.position + " IN (" + marks(filter.positions().size()) + ")");
      params.addAll(filter.positions());
    }
    if (filter.streams() != null) {
      streams(filter.streams(), sql, conditions, params);
    }
    if (filter.types() != null) {
      types(filter.types(), sql, layout.eventType(), conditions, params);
    }
    if (filter.fromTime() != null || filter.toTime() != null) {
      times(filter.fromTime(), filter.toTime(), sql, layout.timestamp(), conditions, params);
    }
    if (filter.correlation() != null) {
      link(Set.of(filter.correlation()), layout.correlation(), sql, layout, conditions, params);
    }
    if (filter.ids() != null) {
      link(filter.ids(), layout.eventId(), sql, layout, conditions, params);
    }
    if (filter.text() != null) {
      text(filter.text(), sql, layout, conditions, params);
    }
    return new FilterSql(conditions, params);
  }

  // -------------------------------------------------------------------------------- streams

  private static void streams(
      String glob, LayoutSql sql, List<String> conditions, List<Object> params) {
    String id =
        sql.streamColumns.size() == 1
            ? "coalesce(" + sql.streamColumns.get(0) + ", '')"
            : "coalesce("
                + sql.streamColumns.get(0)
                + ", '') || '/' || coalesce("
                + sql.streamColumns.get(1)
                + ", '')";
    // a REAL id is spelt by Java and SQLite alike only mostly: let those rows through
    String anyReal =
        String.join(
            " OR ", sql.streamColumns.stream().map(c -> "typeof(" + c + ") = 'real'").toList());
    conditions.add("(" + anyReal + " OR " + id + " GLOB ?)");
    // our globs know * and ?; SQLite's also [...], so a literal [ is written [[]
    params.add(glob.replace("[", "[[]"));
  }

  // ---------------------------------------------------------------------------------- types

  private static void types(
      List<String> types,
      LayoutSql sql,
      Field field,
      List<String> conditions,
      List<Object> params) {
    if (field == null || field.column() == null || field.pointer() != null) {
      return; // the type is (also) in the payload: Java alone
    }
    String column = sql.column(field.column());
    // every name a type answers to is a part of its text (a pattern's group too)
    List<String> any = new ArrayList<>();
    for (String t : types) {
      any.add("instr(CAST(" + column + " AS TEXT), ?) > 0");
      params.add(t);
    }
    conditions.add("(" + String.join(" OR ", any) + ")");
  }

  // ---------------------------------------------------------------------------------- times

  private static void times(
      Instant from,
      Instant to,
      LayoutSql sql,
      Field field,
      List<String> conditions,
      List<Object> params) {
    if (field == null || field.column() == null || field.pointer() != null) {
      return;
    }
    String column = sql.column(field.column());
    String format = field.format() == null ? "auto" : field.format().toLowerCase(Locale.ROOT);
    switch (format) {
      case "iso", "sqlite" -> isoTimes(from, to, column, conditions, params);
      case "epoch-seconds" -> numberTimes(from, to, column, 1_000_000_000L, 0, conditions, params);
      case "epoch-millis" -> numberTimes(from, to, column, 1_000_000L, 0, conditions, params);
      case "epoch-micros" -> numberTimes(from, to, column, 1_000L, 0, conditions, params);
      case "epoch-nanos" -> numberTimes(from, to, column, 1L, 0, conditions, params);
      case "dotnet-ticks" ->
          numberTimes(from, to, column, 100L, 621_355_968_000_000_000L, conditions, params);
      default -> {
        // auto: numbers in a unit guessed from their size; Java alone
      }
    }
  }

  /**
   * ISO and SQLite text times, by their date: any zone moves a time by less than a day, so the
   * dates one day either side keep every row in range. Text that does not start with a date, and
   * values that are not text, are let through.
   */
  private static void isoTimes(
      Instant from, Instant to, String column, List<String> conditions, List<Object> params) {
    String guard =
        "typeof("
            + column
            + ") <> 'text' OR NOT ("
            + column
            + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')";
    if (from != null) {
      String day = day(from, -1);
      if (day != null) {
        conditions.add("(" + guard + " OR substr(" + column + ", 1, 10) >= ?)");
        params.add(day);
      }
    }
    if (to != null) {
      String day = day(to, 1);
      if (day != null) {
        conditions.add("(" + guard + " OR substr(" + column + ", 1, 10) <= ?)");
        params.add(day);
      }
    }
  }

  private static String day(Instant t, int plusDays) {
    try {
      LocalDate d = t.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(plusDays);
      return d.getYear() < 1 || d.getYear() > 9999 ? null : d.toString();
    } catch (RuntimeException outOfRange) {
      return null;
    }
  }

  /** Epoch numbers (or .NET ticks), widened by one unit; text and blobs are let through. */
  private static void numberTimes(
      Instant from,
      Instant to,
      String column,
      long nanosPerUnit,
      long offsetUnits,
      List<String> conditions,
      List<Object> params) {
    String guard = "typeof(" + column + ") NOT IN ('integer', 'real')";
    if (from != null) {
      Long bound = units(from, nanosPerUnit, offsetUnits, RoundingMode.FLOOR, -1);
      if (bound != null) {
        conditions.add("(" + guard + " OR " + column + " >= ?)");
        params.add(bound);
      }
    }
    if (to != null) {
      Long bound = units(to, nanosPerUnit, offsetUnits, RoundingMode.CEILING, 1);
      if (bound != null) {
        conditions.add("(" + guard + " OR " + column + " <= ?)");
        params.add(bound);
      }
    }
  }

  private static Long units(
      Instant t, long nanosPerUnit, long offsetUnits, RoundingMode rounding, int widen) {
    BigDecimal nanos =
        BigDecimal.valueOf(t.getEpochSecond())
            .multiply(BigDecimal.valueOf(1_000_000_000L))
            .add(BigDecimal.valueOf(t.getNano()));
    BigDecimal units =
        nanos
            .divide(BigDecimal.valueOf(nanosPerUnit), 0, rounding)
            .add(BigDecimal.valueOf(offsetUnits))
            .add(BigDecimal.valueOf(widen));
    try {
      return units.longValueExact();
    } catch (ArithmeticException outOfRange) {
      return null;
    }
  }

  // ------------------------------------------------------------------------ links and text

  /**
   * A correlation or id: equal to a column's text, or a part of the stored metadata (or payload)
   * the layout reads it from.
   */
  private static void link(
      Set<String> values,
      Field field,
      LayoutSql sql,
      Layout layout,
      List<String> conditions,
      List<Object> params) {
    if (values.isEmpty() || values.size() > MAX_IDS) {
      return;
    }
    if (field != null && field.column() != null && field.pointer() == null) {
      String column = "CAST(" + sql.column(field.column()) + " AS TEXT)";
      List<String> any = new ArrayList<>();
      for (String v : values) {
        any.add(field.pattern() == null ? column + " = ?" : "instr(" + column + ", ?) > 0");
        params.add(v);
      }
      conditions.add("(" + String.join(" OR ", any) + ")");
      return;
    }
    if (field != null && field.column() != null) {
      return; // a column, or a pointer when it is empty: Java alone
    }
    Layout.Payload stored =
        field != null && field.inPayload() ? layout.payload() : layout.metadata();
    if (stored == null) {
      return; // no metadata: nothing can match, which Java finds out at once
    }
    String encoding = stored.encoding() == null ? "auto" : stored.encoding();
    if (encoding.equals("zlib-json") || encoding.equals("encrypted")) {
      return;
    }
    for (String v : values) {
      // a number may be stored in another spelling (4.2E1 for 42), or in binary (CBOR)
      if (!PLAIN.matcher(v).matches() || NUMBERISH.matcher(v).matches()) {
        return;
      }
    }
    String column = sql.column(stored.column());
    List<String> any = new ArrayList<>();
    for (String v : values) {
      any.add("instr(CAST(" + column + " AS BLOB), CAST(? AS BLOB)) > 0");
      params.add(v);
    }
    conditions.add("(" + String.join(" OR ", any) + " OR " + unreadable(column, encoding) + ")");
  }

  /**
   * Rows whose stored bytes may not show what they decode to: compressed (gzip, zlib) or with JSON
   * escapes ({@code \\u0041}). Each check scans the row, so only those the encoding can need are
   * made. (XML is not unescaped beyond the named entities, which no plain id holds.)
   */
  private static String unreadable(String column, String encoding) {
    List<String> checks = new ArrayList<>();
    if (!encoding.equals("text") && !encoding.equals("xml")) {
      checks.add(
          "(typeof("
              + column
              + ") = 'blob' AND (hex(substr("
              + column
              + ", 1, 2)) = '1F8B' OR substr(hex(substr("
              + column
              + ", 1, 1)), 2, 1) = '8'))");
    }
    if (!encoding.equals("cbor") && !encoding.equals("xml") && !encoding.equals("text")) {
      checks.add("instr(" + column + ", '\\') > 0");
    }
    return checks.isEmpty() ? "0" : String.join(" OR ", checks);
  }

  /**
   * A text in the data or the metadata: a part of the stored text, lower-cased, where the stored
   * text is what decodes (JSON, text, XML). Rows stored otherwise (BLOBs, numbers) are let through.
   */
  private static void text(
      String text, LayoutSql sql, Layout layout, List<String> conditions, List<Object> params) {
    if (!PLAIN.matcher(text).matches() || NUMBERISH.matcher(text).matches()) {
      return;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    List<String> any = new ArrayList<>();
    List<Object> mine = new ArrayList<>();
    for (Layout.Payload stored :
        layout.metadata() == null
            ? List.of(layout.payload())
            : List.of(layout.payload(), layout.metadata())) {
      String encoding = stored.encoding() == null ? "auto" : stored.encoding();
      if (!List.of("json", "text", "xml", "auto").contains(encoding)) {
        return;
      }
      String column = sql.column(stored.column());
      StringBuilder c = new StringBuilder();
      c.append("typeof(").append(column).append(") <> 'text' OR instr(lower(").append(column);
      c.append("), ?) > 0 OR instr(").append(column).append(", '\\') > 0");
      mine.add(needle);
      // the Kelvin sign and a dotted capital I lower-case to ASCII letters in Java only
      if (needle.indexOf('k') >= 0) {
        c.append(" OR instr(").append(column).append(", char(8490)) > 0");
      }
      if (needle.indexOf('i') >= 0) {
        c.append(" OR instr(").append(column).append(", char(304)) > 0");
      }
      any.add(c.toString());
    }
    conditions.add("(" + String.join(" OR ", any) + ")");
    params.addAll(mine);
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
