package dev.hindsight.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a SQLite file and their columns, as {@code sqlite_master} and {@code table_info}
 * say.
 */
public record Schema(Map<String, List<String>> tables)
    implements dev.hindsight.store.sql.SqlCatalog {

  /** Reads the schema; tables in file order, internal {@code sqlite_*} tables left out. */
  public static Schema read(Connection connection) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      for (String name : names) {
        ps.setString(1, name);
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            columns.add(rs.getString(1));
          }
        }
        tables.put(name, List.copyOf(columns));
      }
    }
    return new Schema(Map.copyOf(tables).isEmpty() ? Map.of() : tables);
  }

  /** The table's name as stored, found case-insensitively (SQLite names are case-insensitive). */
  @Override
  public Optional<String> table(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return tables.keySet().stream().filter(t -> t.equalsIgnoreCase(name)).findFirst();
  }

  @Override
  public java.util.Collection<String> tableNames() {
    return tables.keySet();
  }

  @Override
  public String rowid(String alias) {
    return alias + ".rowid";
  }

  /** Whether {@code table} has {@code column}, compared case-insensitively. */
  @Override
  public boolean hasColumn(String table, String column) {
    return table(table)
        .map(t -> tables.get(t).stream().anyMatch(c -> c.equalsIgnoreCase(column)))
        .orElse(false);
  }

  /** The columns of a table, or an empty list. */
  @Override
  public List<String> columns(String table) {
    return table(table).map(tables::get).orElse(List.of());
  }

  /** Lower-cased column names of a table, for set comparisons. */
  public List<String> lowerColumns(String table) {
    return columns(table).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
  }
}
