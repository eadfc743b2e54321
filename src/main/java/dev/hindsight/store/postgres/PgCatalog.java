package dev.hindsight.store.postgres;

import dev.hindsight.store.sql.SqlCatalog;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tables of one schema as a layout sees them: names qualified by the schema, and each column
 * read so that the driver gives text, a number or bytes whatever its type ({@code jsonb} and {@code
 * uuid} as their text, times as ISO-8601 UTC text, large objects as their bytes).
 */
final class PgCatalog implements SqlCatalog {

  /** ISO-8601 with microseconds and Z, the form {@code to_char} writes a UTC time in. */
  static final String ISO = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

  private final String schema;
  private final List<PgSchema.Table> tables;

  PgCatalog(PgSchema all, String schema) {
    this.schema = schema;
    this.tables = all.tables().values().stream().filter(t -> t.schema().equals(schema)).toList();
  }

  String schema() {
    return schema;
  }

  private Optional<PgSchema.Table> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    // an exact (quoted, mixed-case) name first, then as PostgreSQL folds unquoted names
    return tables.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .or(
            () ->
                tables.stream()
                    .filter(t -> t.name().equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst())
        .or(() -> tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst());
  }

  @Override
  public Optional<String> table(String name) {
    return find(name).map(PgSchema.Table::name);
  }

  @Override
  public Collection<String> tableNames() {
    return tables.stream().map(PgSchema.Table::name).toList();
  }

  @Override
  public List<String> columns(String table) {
    return find(table)
        .map(t -> t.columns().stream().map(PgSchema.Column::name).toList())
        .orElse(List.of());
  }

  @Override
  public String columnName(String table, String column) {
    return find(table).flatMap(t -> t.column(column)).map(PgSchema.Column::name).orElse(column);
  }

  /** The column's type as PostgreSQL names it ({@code udt_name}), or null. */
  @Override
  public String type(String table, String column) {
    return find(table).flatMap(t -> t.column(column)).map(PgSchema.Column::type).orElse(null);
  }

  @Override
  public String tableRef(String table) {
    return SqlCatalog.quote(schema) + "." + SqlCatalog.quote(table);
  }

  @Override
  public String read(String ref, String table, String column) {
    String type = type(table, column);
    if (type == null) {
      return ref;
    }
    return switch (type) {
      case "json", "jsonb", "uuid", "xml", "numeric", "xid8", "xid", "inet", "interval" ->
          ref + "::text";
      case "timestamptz" -> "to_char(" + ref + " AT TIME ZONE 'UTC', " + ISO + ")";
      case "timestamp" -> "to_char(" + ref + ", " + ISO + ")";
      case "date" -> "to_char(" + ref + ", 'YYYY-MM-DD')";
      case "oid" -> "lo_get(" + ref + ")";
      default -> ref;
    };
  }

  @Override
  public String parameter(String table, String column) {
    String type = type(table, column);
    return type == null
        ? "?"
        : switch (type) {
          case "uuid" -> "CAST(? AS uuid)";
          case "int2", "int4", "int8" -> "CAST(? AS " + type + ")";
          default -> "?";
        };
  }
}
