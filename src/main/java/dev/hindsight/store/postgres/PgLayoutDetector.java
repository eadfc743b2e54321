package dev.hindsight.store.postgres;

import dev.hindsight.store.Layout;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.StoreChoiceException;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.PayloadDecoder;
import dev.hindsight.store.sql.LayoutSql;
import dev.hindsight.store.sqlite.LayoutDetector;
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
 * (or the URL's schema). One schema that fits is opened; when several schemas each hold a store,
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
        for (PgSchema.Table table : schema.tables().values()) {
          if (bySchema.containsKey(table.schema())) {
            continue; // an earlier layout fits this schema
          }
          String prefix = LayoutDetector.prefixIfMatches(candidate.table(), table.name());
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
          if (peekFits(resolved, catalog, c)) {
            bySchema.put(table.schema(), new Found(resolved, catalog));
          }
        }
      }
      if (bySchema.isEmpty()) {
        throw new StoreException(unknown(url, schema));
      }
    }
    if (bySchema.size() > 1) {
      List<String> choices = new ArrayList<>();
      List<String> described = new ArrayList<>();
      for (Found f : bySchema.values()) {
        choices.add(url.withSchema(f.catalog().schema()).display());
        described.add(f.catalog().schema() + " (" + f.layout().name() + ")");
      }
      throw new StoreChoiceException(
          url.display()
              + ": "
              + bySchema.size()
              + " schemas hold a store: "
              + String.join(", ", described)
              + "; choose one with ?schema=NAME, e.g. "
              + choices.get(0),
          choices);
    }
    return bySchema.values().iterator().next();
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

  private static boolean peekFits(Layout candidate, PgCatalog catalog, Connection c)
      throws SQLException {
    String wanted = candidate.detect() == null ? null : candidate.detect().peek();
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
