package dev.hindsight.store.sqlite;

import dev.hindsight.store.Layout;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.PayloadDecoder;
import dev.hindsight.store.sql.LayoutSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells which library wrote a store, from its schema and a peek at the data, by trying each
 * built-in layout in order. A store that matches none gets a message naming what was found and how
 * to map it.
 */
public final class LayoutDetector {

  private LayoutDetector() {}

  /** The first built-in layout that fits, bound to this store; or a {@link StoreException}. */
  public static Layout detect(Path file, Connection connection, Schema schema) throws SQLException {
    for (Layout candidate : LayoutFiles.builtIns()) {
      if (candidate.detect() != null && !candidate.detect().isFor("sqlite")) {
        continue;
      }
      for (String table : schema.tables().keySet()) {
        String prefix = LayoutFiles.prefixIfMatches(candidate.table(), table);
        if (prefix == null || !fits(candidate, table, prefix, schema)) {
          continue;
        }
        if (peekFits(candidate, table, connection)) {
          return LayoutFiles.resolve(candidate, prefix);
        }
      }
    }
    throw new StoreException(unknownLayoutMessage(file, schema));
  }

  private static boolean fits(Layout candidate, String table, String prefix, Schema schema) {
    Set<String> columns = new HashSet<>(schema.lowerColumns(table));
    for (String required : candidate.requiredColumns()) {
      if (!columns.contains(required.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    for (Layout.Join join : candidate.allJoins()) {
      String joined = join.table().replace(Layout.PREFIX, prefix);
      for (java.util.List<String> pair : join.pairs()) {
        if (pair.size() != 2 || !schema.hasColumn(joined, pair.get(1))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean peekFits(Layout candidate, String table, Connection connection)
      throws SQLException {
    String wanted = candidate.detect() == null ? null : candidate.detect().peek();
    if (wanted == null) {
      return true;
    }
    String column = LayoutSql.quote(candidate.payload().column());
    String query =
        "SELECT "
            + column
            + " FROM "
            + LayoutSql.quote(table)
            + " WHERE "
            + column
            + " IS NOT NULL LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      // an empty table reads as the plain variant
      String seen = rs.next() ? PayloadDecoder.peek(rs.getObject(1)) : "json";
      return wanted.equals(seen);
    }
  }

  private static final Map<String, List<String>> HINTS =
      Map.of(
          "stream id", List.of("stream", "aggregate", "persistence", "originator", "entity"),
          "version", List.of("version", "sequence", "seq", "revision", "position"),
          "event type", List.of("type", "topic", "manifest", "name", "kind"),
          "payload", List.of("data", "payload", "state", "event", "body", "json"),
          "timestamp", List.of("time", "created", "date", "stamp", "recorded"));

  static String unknownLayoutMessage(Path file, Schema schema) {
    StringBuilder sb = new StringBuilder();
    sb.append("unknown layout: ").append(file).append(" matches none of the built-in layouts (");
    sb.append(String.join(", ", LayoutFiles.builtIns().stream().map(Layout::name).toList()));
    sb.append("). ");
    if (schema.tables().isEmpty()) {
      sb.append("It has no tables. ");
    } else {
      sb.append("Tables found: ");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, List<String>> t : schema.tables().entrySet()) {
        parts.add(t.getKey() + "(" + String.join(", ", t.getValue()) + ")");
      }
      sb.append(String.join("; ", parts)).append(". ");
      List<String> candidates = new ArrayList<>();
      for (String role : List.of("stream id", "version", "event type", "payload", "timestamp")) {
        List<String> cols = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : schema.tables().entrySet()) {
          for (String c : t.getValue()) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (HINTS.get(role).stream().anyMatch(lc::contains)) {
              cols.add(t.getKey() + "." + c);
            }
          }
        }
        if (!cols.isEmpty()) {
          candidates.add(role + ": " + String.join(", ", cols));
        }
      }
      if (!candidates.isEmpty()) {
        sb.append("Candidate columns: ").append(String.join("; ", candidates)).append(". ");
      }
    }
    sb.append(
        "Write a mapping file and pass it with --mapping FILE: `layout` prints the mapping of a"
            + " store it knows, to start from; the README's \"Mappings\" section lists the keys.");
    return sb.toString();
  }
}
