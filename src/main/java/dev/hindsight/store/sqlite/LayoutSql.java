package dev.hindsight.store.sqlite;

import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL a layout stands for: the FROM clause, the base condition, and the expressions for each
 * field. The event table is aliased {@code e} and the joined table {@code j}; every name is quoted.
 */
final class LayoutSql {

  final Layout layout;
  final String from;
  final String where;
  final List<String> streamColumns;
  final String version;
  final String position;
  private final String table;
  private final String joinTable;
  private final Schema schema;

  /** Binds a layout to a schema, or says which table or column the store lacks. */
  LayoutSql(Layout layout, Schema schema) {
    this.layout = layout;
    this.schema = schema;
    this.table =
        schema
            .table(layout.table())
            .orElseThrow(
                () ->
                    new StoreException(
                        "layout '"
                            + layout.name()
                            + "': the store has no table '"
                            + layout.table()
                            + "' (tables: "
                            + String.join(", ", schema.tables().keySet())
                            + ")"));
    Layout.Join join = layout.join();
    if (join != null) {
      this.joinTable =
          schema
              .table(join.table())
              .orElseThrow(
                  () ->
                      new StoreException(
                          "layout '"
                              + layout.name()
                              + "': the store has no table '"
                              + join.table()
                              + "'"));
      checkIn(schema, layout, table, join.column());
      checkIn(schema, layout, joinTable, join.references());
      this.from =
          quote(table)
              + " AS e JOIN "
              + quote(joinTable)
              + " AS j ON j."
              + quote(join.references())
              + " = e."
              + quote(join.column());
    } else {
      this.joinTable = null;
      this.from = quote(table) + " AS e";
    }
    this.where =
        layout.where() == null || layout.where().isBlank() ? null : "(" + layout.where() + ")";
    Layout.StreamKey key = layout.stream();
    this.streamColumns =
        key.composite()
            ? List.of(column(key.typeColumn()), column(key.idColumn()))
            : List.of(column(key.column()));
    this.version = column(layout.version().column());
    Field pos = layout.position();
    this.position =
        pos == null || pos.usesRowid() || pos.column() == null ? "e.rowid" : column(pos.column());
    for (Field f :
        new Field[] {
          layout.aggregateType(),
          layout.eventType(),
          layout.timestamp(),
          layout.revision(),
          layout.eventId(),
          layout.correlation(),
          layout.causation()
        }) {
      if (f != null && f.column() != null) {
        column(f.column());
      }
    }
    column(layout.payload().column());
    if (layout.payload().serializerColumn() != null) {
      column(layout.payload().serializerColumn());
    }
    if (layout.metadata() != null) {
      column(layout.metadata().column());
      if (layout.metadata().serializerColumn() != null) {
        column(layout.metadata().serializerColumn());
      }
    }
  }

  /** {@code WHERE} with the layout's own condition and the given ones, or an empty string. */
  String whereClause(String... conditions) {
    List<String> all = new ArrayList<>();
    if (where != null) {
      all.add(where);
    }
    for (String c : conditions) {
      if (c != null) {
        all.add(c);
      }
    }
    return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
  }

  /** The condition selecting one stream; its parameters are the stream key's parts. */
  String streamCondition() {
    return String.join(" AND ", streamColumns.stream().map(c -> c + " = ?").toList());
  }

  /**
   * A column reference of the layout as SQL: {@code e."col"}, or {@code j."col"} for the joined
   * table.
   */
  String column(String ref) {
    int dot = ref.lastIndexOf('.');
    if (dot > 0) {
      String owner = ref.substring(0, dot);
      String name = ref.substring(dot + 1);
      if (joinTable != null && owner.equalsIgnoreCase(joinTable)) {
        checkIn(schema, layout, joinTable, name);
        return "j." + quote(name);
      }
      if (owner.equalsIgnoreCase(table)) {
        checkIn(schema, layout, table, name);
        return "e." + quote(name);
      }
    }
    checkIn(schema, layout, table, ref);
    return "e." + quote(ref);
  }

  private static void checkIn(Schema schema, Layout layout, String owner, String column) {
    if (!schema.hasColumn(owner, column)) {
      throw new StoreException(
          "layout '"
              + layout.name()
              + "': table '"
              + owner
              + "' has no column '"
              + column
              + "' (columns: "
              + String.join(", ", schema.columns(owner))
              + ")");
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
