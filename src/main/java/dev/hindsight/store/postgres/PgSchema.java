package dev.hindsight.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables a role can read on a PostgreSQL server, in every schema (or one), with their columns
 * and types, from {@code information_schema}: what a layout is detected from. Partitions are left
 * out (their parent stands for them); views are kept (a store may be read through one).
 *
 * @param tables by qualified name ({@code schema.table}), in schema then table order
 */
public record PgSchema(Map<String, Table> tables) {

  /**
   * A table the role can read.
   *
   * @param schema its schema
   * @param name its name
   * @param columns its columns in order
   */
  public record Table(String schema, String name, List<Column> columns) {

    public String qualified() {
      return schema + "." + name;
    }

    /** A column by name, ignoring case as unquoted SQL names do. */
    public Optional<Column> column(String column) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst();
    }
  }

  /**
   * A column.
   *
   * @param name its name
   * @param type its type as PostgreSQL names it ({@code udt_name}: {@code jsonb}, {@code bytea},
   *     {@code timestamptz}, {@code oid}, {@code int8}, {@code uuid}, …)
   */
  public record Column(String name, String type) {}

  /**
   * Reads the tables {@code connection}'s role may select from, in {@code schema} or (null) in
   * every schema but the system's.
   */
  public static PgSchema read(Connection connection, String schema) throws SQLException {
    String sql =
        "SELECT c.table_schema, c.table_name, c.column_name, c.udt_name"
            + " FROM information_schema.columns c"
            + " JOIN information_schema.tables t"
            + "   ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')"
            + "   AND c.table_schema NOT LIKE 'pg_toast%'"
            + "   AND (? IS NULL OR c.table_schema = ?)"
            + "   AND CASE WHEN has_schema_privilege(c.table_schema, 'USAGE')"
            + "       THEN has_table_privilege(quote_ident(c.table_schema) || '.'"
            + "         || quote_ident(c.table_name), 'SELECT')"
            + "       ELSE false END"
            + "   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i"
            + "       JOIN pg_catalog.pg_class k ON k.oid = i.inhrelid"
            + "       JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace"
            + "       WHERE n.nspname = c.table_schema AND k.relname = c.table_name"
            + "         AND k.relispartition)"
            + " ORDER BY c.table_schema, c.table_name, c.ordinal_position";
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1) + "." + rs.getString(2);
          names.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2)});
          columns
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Column(rs.getString(3), rs.getString(4)));
        }
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    columns.forEach(
        (key, cols) ->
            tables.put(key, new Table(names.get(key)[0], names.get(key)[1], List.copyOf(cols))));
    return new PgSchema(tables);
  }

  /**
   * The tables named {@code name} (unqualified, ignoring case), in every schema: two when two
   * schemas hold a store of the same library.
   */
  public List<Table> named(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return tables.values().stream()
        .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(lower))
        .toList();
  }
}
