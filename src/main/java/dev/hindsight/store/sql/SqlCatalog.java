package dev.hindsight.store.sql;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a layout is bound to in one database: its tables and their columns, how a table is named in
 * SQL, and how a column is read and compared. SQLite and PostgreSQL each give one; the SQL a layout
 * stands for ({@link LayoutSql}) is written once over it.
 */
public interface SqlCatalog {

  /** The table's name as the database has it, found as the database compares names. */
  Optional<String> table(String name);

  /** Every table's name, for messages. */
  Collection<String> tableNames();

  /** The columns of a table (as named by {@link #table}), or an empty list. */
  List<String> columns(String table);

  /** Whether {@code table} has {@code column}, names compared case-insensitively. */
  default boolean hasColumn(String table, String column) {
    return columns(table).stream().anyMatch(c -> c.equalsIgnoreCase(column));
  }

  /**
   * The column's name as the table has it, for a database whose quoted names are case-sensitive (a
   * layout may spell it in another case); {@code column} itself by default.
   */
  default String columnName(String table, String column) {
    return column;
  }

  /** How {@code table} (as named by {@link #table}) is written in a FROM clause. */
  default String tableRef(String table) {
    return quote(table);
  }

  /**
   * How a column is read in a select list, so that the driver gives a String, a Number or bytes:
   * {@code ref} is the column reference ({@code e."col"}) of {@code column} of {@code table}.
   */
  default String read(String ref, String table, String column) {
    return ref;
  }

  /** The column's type as the database names it, or null when it does not say. */
  default String type(String table, String column) {
    return null;
  }

  /** The placeholder a value compared with the column is bound to ({@code ?}, or a cast). */
  default String parameter(String table, String column) {
    return "?";
  }

  /** The implicit row id of a table, for layouts that order by it; null when there is none. */
  default String rowid(String alias) {
    return null;
  }

  /** A quoted SQL identifier. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
