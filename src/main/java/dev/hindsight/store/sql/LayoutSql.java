package dev.hindsight.store.sql;

import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The SQL a layout stands for in one database: the FROM clause, the base condition, and the
 * expressions for each field. The event table is aliased {@code e} and the joined tables {@code j},
 * {@code j2}, ... in order; every name is quoted. Columns are compared as stored ({@link #column})
 * and read through the catalog ({@link #read}), so that an index on a column serves conditions on
 * it.
 */
public final class LayoutSql {

  public final Layout layout;

  /** The FROM clause's content: the event table, joined to the layout's other tables. */
  public final String from;

  /** The layout's own condition, parenthesised, or null. */
  public final String where;

  /** The stream id's columns (one, or the aggregate type's and the id's), as compared. */
  public final List<String> streamColumns;

  public final String version;

  /** The global position's column, or the table's row id. */
  public final String position;

  /**
   * Whether the global position is a column of the store's own (not a row id a VACUUM renumbers).
   */
  public final boolean stablePosition;

  private final String table;
  private final List<Joined> joinedTables = new ArrayList<>();
  private final SqlCatalog catalog;

  /** A joined table and its alias ({@code j}, {@code j2}, ...). */
  private record Joined(String alias, String table) {}

  /**
   * Binds a layout to a database's tables, or says which table or column the store lacks. Fields
   * marked optional whose column the store lacks read as if they named none ({@link #layout} is the
   * layout so bound).
   */
  public LayoutSql(Layout layout, SqlCatalog catalog) {
    this(catalog, withoutMissingOptionals(layout, catalog));
  }

  private LayoutSql(SqlCatalog catalog, Layout layout) {
    this.layout = layout;
    this.catalog = catalog;
    this.table =
        catalog
            .table(layout.table())
            .orElseThrow(
                () ->
                    new StoreException(
                        "layout '"
                            + layout.name()
                            + "': the store has no table '"
                            + layout.table()
                            + "' (tables: "
                            + String.join(", ", catalog.tableNames())
                            + ")"));
    List<Layout.Join> joins = layout.allJoins();
    StringBuilder from = new StringBuilder(catalog.tableRef(table) + " AS e");
    for (int i = 0; i < joins.size(); i++) {
      Layout.Join join = joins.get(i);
      String joined =
          catalog
              .table(join.table())
              .orElseThrow(
                  () ->
                      new StoreException(
                          "layout '"
                              + layout.name()
                              + "': the store has no table '"
                              + join.table()
                              + "'"));
      String alias = i == 0 ? "j" : "j" + (i + 1);
      List<String> on = new ArrayList<>();
      for (List<String> pair : join.pairs()) {
        if (pair.size() != 2) {
          throw new StoreException(
              "layout '"
                  + layout.name()
                  + "': a join's 'on' pairs are [column, joinedColumn], not "
                  + pair);
        }
        checkIn(joined, pair.get(1));
        on.add(
            alias
                + "."
                + quote(catalog.columnName(joined, pair.get(1)))
                + " = "
                + column(pair.get(0)));
      }
      from.append(" JOIN ")
          .append(catalog.tableRef(joined))
          .append(" AS ")
          .append(alias)
          .append(" ON ")
          .append(String.join(" AND ", on));
      joinedTables.add(new Joined(alias, joined));
    }
    this.from = from.toString();
    this.where =
        layout.where() == null || layout.where().isBlank() ? null : "(" + layout.where() + ")";
    Layout.StreamKey key = layout.stream();
    this.streamColumns =
        key.composite()
            ? List.of(column(key.typeColumn()), column(key.idColumn()))
            : List.of(column(key.column()));
    this.version = column(layout.version().column());
    Field pos = layout.position();
    this.stablePosition = !(pos == null || pos.usesRowid() || pos.column() == null);
    if (stablePosition) {
      this.position = column(pos.column());
    } else {
      this.position = catalog.rowid("e");
      if (position == null) {
        throw new StoreException(
            "layout '"
                + layout.name()
                + "': name the column of the global position (this database has no row ids)");
      }
    }
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
    if (layout.payload().bytesColumn() != null) {
      column(layout.payload().bytesColumn());
    }
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

  /** The layout with each optional field whose column the store lacks read without a column. */
  private static Layout withoutMissingOptionals(Layout l, SqlCatalog catalog) {
    UnaryOperator<Field> bind =
        f -> {
          if (f == null || !f.isOptional() || f.column() == null) {
            return f;
          }
          String ref = f.column();
          int dot = ref.lastIndexOf('.');
          String owner = dot > 0 ? ref.substring(0, dot) : l.table();
          String name = dot > 0 ? ref.substring(dot + 1) : ref;
          boolean present =
              catalog.table(owner).map(t -> catalog.hasColumn(t, name)).orElse(false)
                  || (dot > 0
                      && catalog
                          .table(l.table())
                          .map(t -> catalog.hasColumn(t, ref))
                          .orElse(false));
          return present ? f : f.withoutColumn();
        };
    return new Layout(
        l.name(),
        l.description(),
        l.detect(),
        l.table(),
        l.join(),
        l.joins(),
        l.where(),
        l.stream(),
        bind.apply(l.aggregateType()),
        l.version(),
        l.position(),
        bind.apply(l.eventType()),
        bind.apply(l.timestamp()),
        bind.apply(l.revision()),
        withoutMissingBytes(l.table(), l.payload(), catalog),
        l.metadata(),
        bind.apply(l.eventId()),
        bind.apply(l.correlation()),
        bind.apply(l.causation()),
        l.snapshots(),
        l.streamHeader());
  }

  /** The payload without its {@code bytesColumn} when the table lacks it (older Marten). */
  private static Layout.Payload withoutMissingBytes(
      String table, Layout.Payload p, SqlCatalog catalog) {
    if (p == null
        || p.bytesColumn() == null
        || catalog.table(table).map(t -> catalog.hasColumn(t, p.bytesColumn())).orElse(true)) {
      return p;
    }
    return new Layout.Payload(
        p.column(), p.encoding(), p.serializerColumn(), p.serializers(), null);
  }

  /** {@code WHERE} with the layout's own condition and the given ones, or an empty string. */
  public String whereClause(String... conditions) {
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

  /**
   * The condition selecting one stream; its parameters are the stream key's parts (bound by {@link
   * EventRows#bindStream}): with a {@code defaultType}, both readings of the id, {@code TYPE/ID}
   * and the bare id under the default type.
   */
  public String streamCondition() {
    List<String> parts = new ArrayList<>();
    Layout.StreamKey key = layout.stream();
    List<String> refs =
        key.composite() ? List.of(key.typeColumn(), key.idColumn()) : List.of(key.column());
    for (int i = 0; i < refs.size(); i++) {
      parts.add(streamColumns.get(i) + " = " + parameter(refs.get(i)));
    }
    String one = String.join(" AND ", parts);
    return key.composite() && key.defaultType() != null ? "((" + one + ") OR (" + one + "))" : one;
  }

  /** The placeholder for a value compared with a column of the layout. */
  public String parameter(String ref) {
    Owned c = owned(ref);
    return catalog.parameter(c.table, c.column);
  }

  /**
   * A column reference of the layout as SQL: {@code e."col"}, or {@code j."col"} for the joined
   * table; as stored, for conditions and ordering.
   */
  public String column(String ref) {
    Owned c = owned(ref);
    return c.alias + "." + quote(c.column);
  }

  /** The database's type name of a column of the layout, when the catalog knows it (else null). */
  public String type(String ref) {
    Owned c = owned(ref);
    return catalog.type(c.table, c.column);
  }

  /** A column of the layout as it is read in a select list (see {@link SqlCatalog#read}). */
  public String read(String ref) {
    Owned c = owned(ref);
    return catalog.read(c.alias + "." + quote(c.column), c.table, c.column);
  }

  /** A field's column as read, or {@code NULL} when the field has no column. */
  public String readOrNull(Field field) {
    return field == null || field.column() == null ? "NULL" : read(field.column());
  }

  private record Owned(String alias, String table, String column) {}

  private Owned owned(String ref) {
    int dot = ref.lastIndexOf('.');
    if (dot > 0) {
      String owner = ref.substring(0, dot);
      String name = ref.substring(dot + 1);
      for (Joined j : joinedTables) {
        if (owner.equalsIgnoreCase(j.table())) {
          checkIn(j.table(), name);
          return new Owned(j.alias(), j.table(), catalog.columnName(j.table(), name));
        }
      }
      if (owner.equalsIgnoreCase(table)) {
        checkIn(table, name);
        return new Owned("e", table, catalog.columnName(table, name));
      }
    }
    checkIn(table, ref);
    return new Owned("e", table, catalog.columnName(table, ref));
  }

  private void checkIn(String owner, String column) {
    if (!catalog.hasColumn(owner, column)) {
      throw new StoreException(
          "layout '"
              + layout.name()
              + "': table '"
              + owner
              + "' has no column '"
              + column
              + "' (columns: "
              + String.join(", ", catalog.columns(owner))
              + ")");
    }
  }

  public static String quote(String identifier) {
    return SqlCatalog.quote(identifier);
  }
}
