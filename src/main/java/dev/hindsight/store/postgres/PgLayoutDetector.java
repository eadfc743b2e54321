package dev.hindsight.store.postgres;

import dev.hindsight.store.Layout;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.StoreChoiceException;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.PayloadDecoder;
import dev.hindsight.store.sql.LayoutSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the layout of a store on a PostgreSQL server: the built-in layouts for PostgreSQL (and
 * those for any database) are tried, in order, against the tables of every schema the role can read
 * (or the URL's schema, and its table). One store that fits is opened; when several schemas each
 * hold a store, or one schema holds several stores side by side (a layout whose table name has a
 * {@code {prefix}}: each Python eventsourcing application has its own {@code <app>_events} table),
 * the user chooses ({@link StoreChoiceException}).
 */
final class PgLayoutDetector {

  /** The layout bound to the schema that holds its tables. */
  record Found(Layout layout, PgCatalog catalog) {}

  private PgLayoutDetector() {}

  static Found detect(PgUrl url, Connection c, Layout given) throws SQLException {
    PgSchema schema = PgSchema.read(c, url.schema());
    if (schema.tables().isEmpty()) {
      throw new StoreException(
          url.display()
              + ": "
              + (url.schema() == null
                  ? "the role " + url.user() + " can read no tables in this database"
                  : "the role " + url.user() + " can read no tables in schema " + url.schema())
              + " (it needs USAGE on the schema and SELECT on the tables)");
    }
    Map<String, Found> bySchema = new LinkedHashMap<>();
    if (given != null) {
      for (PgSchema.Table t : schema.named(given.table())) {
        bySchema.putIfAbsent(t.schema(), new Found(given, new PgCatalog(schema, t.schema())));
      }
      if (bySchema.isEmpty()) {
        throw new StoreException(
            url.display()
                + ": no table '"
                + given.table()
                + "' that "
                + url.user()
                + " can read (tables: "
                + String.join(", ", schema.tables().keySet())
                + ")");
      }
    } else {
      for (Layout candidate : LayoutFiles.builtIns()) {
        if (candidate.detect() != null && !candidate.detect().isFor("postgresql")) {
          continue;
        }
        boolean sideBySide = candidate.table().contains(Layout.PREFIX);
        for (PgSchema.Table table : schema.tables().values()) {
          if (url.table() != null && !table.name().equalsIgnoreCase(url.table())) {
            continue;
          }
          String key = sideBySide ? table.schema() + "." + table.name() : table.schema();
          if (bySchema.containsKey(table.schema()) || bySchema.containsKey(key)) {
            continue; // an earlier layout fits this schema (or this table)
          }
          if (!sideBySide && inSchema(bySchema, table.schema())) {
            continue; // stores side by side fit this schema already
          }
          String prefix = LayoutFiles.prefixIfMatches(candidate.table(), table.name());
          if (prefix == null || !fits(candidate, table, prefix, schema)) {
            continue;
          }
          Layout resolved = LayoutFiles.resolve(candidate, prefix);
          PgCatalog catalog = new PgCatalog(schema, table.schema());
          if (resolved.position() == null
              || resolved.position().usesRowid()
              || resolved.position().column() == null) {
            continue; // SQLite's row ids: there are none here
          }
          if (!binds(resolved, catalog)) {
            continue; // a table or column the layout names is missing
          }
          // the resolved layout has no detection: the peek is the candidate's
          String peek = candidate.detect() == null ? null : candidate.detect().peek();
          if (peekFits(resolved, peek, catalog, c)) {
            bySchema.put(key, new Found(resolved, catalog));
          }
        }
      }
      if (bySchema.isEmpty()) {
        throw new StoreException(unknown(url, schema));
      }
    }
    if (bySchema.size() > 1) {
      throw choice(url, bySchema);
    }
    return bySchema.values().iterator().next();
  }

  /** Whether a store was found in {@code schema} (by its name, or one of its tables). */
  private static boolean inSchema(Map<String, Found> found, String schema) {
    return found.values().stream().anyMatch(f -> f.catalog().schema().equals(schema));
  }

  /**
   * Several stores fit: each is offered by the URL that opens it alone, its schema (and its table,
   * when its schema holds others side by side).
   */
  private static StoreChoiceException choice(PgUrl url, Map<String, Found> found) {
    List<String> choices = new ArrayList<>();
    List<String> described = new ArrayList<>();
    boolean tables = false;
    for (Map.Entry<String, Found> f : found.entrySet()) {
      String schema = f.getValue().catalog().schema();
      boolean byTable = !f.getKey().equals(schema);
      tables |= byTable;
      String table = f.getValue().layout().table();
      PgUrl one = url.withSchema(schema).withTable(byTable ? table : null);
      choices.add(one.display());
      described.add(
          (byTable ? schema + "." + table : schema) + " (" + f.getValue().layout().name() + ")");
    }
    long schemas = found.values().stream().map(f -> f.catalog().schema()).distinct().count();
    return new StoreChoiceException(
        url.display()
            + ": "
            + found.size()
            + (schemas == found.size() ? " schemas hold a store: " : " stores: ")
            + String.join(", ", described)
            + "; choose one with "
            + (tables ? "?schema=NAME&table=NAME" : "?schema=NAME")
            + ", e.g. "
            + choices.get(0),
        choices);
  }

  private static boolean fits(
      Layout candidate, PgSchema.Table table, String prefix, PgSchema schema) {
    for (String required : candidate.requiredColumns()) {
      if (table.column(required).isEmpty()) {
        return false;
      }
    }
    for (Layout.Join join : candidate.allJoins()) {
      String joined = join.table().replace(Layout.PREFIX, prefix).toLowerCase(Locale.ROOT);
      boolean present =
          schema.tables().values().stream()
              .anyMatch(
                  t ->
                      t.schema().equals(table.schema())
                          && t.name().toLowerCase(Locale.ROOT).equals(joined)
                          && join.pairs().stream()
                              .allMatch(p -> p.size() == 2 && t.column(p.get(1)).isPresent()));
      if (!present) {
        return false;
      }
    }
    return true;
  }

  private static boolean binds(Layout candidate, PgCatalog catalog) {
    try {
      new LayoutSql(candidate, catalog);
      return true;
    } catch (StoreException misfit) {
      return false;
    }
  }

  private static boolean peekFits(Layout candidate, String wanted, PgCatalog catalog, Connection c)
      throws SQLException {
    if (wanted == null) {
      return true;
    }
    LayoutSql sql;
    try {
      sql = new LayoutSql(candidate, catalog);
    } catch (StoreException misfit) {
      return false;
    }
    String column = sql.column(candidate.payload().column());
    String query =
        "SELECT "
            + sql.read(candidate.payload().column())
            + " FROM "
            + sql.from
            + " WHERE "
            + column
            + " IS NOT NULL LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      String seen = rs.next() ? PayloadDecoder.peek(rs.getObject(1)) : "json";
      return wanted.equals(seen);
    }
  }

  private static String unknown(PgUrl url, PgSchema schema) {
    List<String> tables = new ArrayList<>();
    for (PgSchema.Table t : schema.tables().values()) {
      tables.add(t.qualified());
      if (tables.size() == 20) {
        tables.add("…");
        break;
      }
    }
    return "unknown layout: "
        + url.display()
        + " holds no event table of a library Hindsight knows ("
        + String.join(", ", LayoutFiles.builtIns().stream().map(Layout::name).toList())
        + "); tables "
        + url.user()
        + " can read: "
        + String.join(", ", tables)
        + ". Write a mapping file and pass it with --mapping FILE (the README's \"Mappings\""
        + " section lists the keys).";
  }
}
