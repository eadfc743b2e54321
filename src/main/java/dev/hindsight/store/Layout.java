package dev.hindsight.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Where a store keeps its events and how to read them: the content of a mapping file. Built-in
 * layouts are such files too (see {@code resources/layouts}); nothing about a particular library is
 * in code.
 *
 * @param name a short id, e.g. {@code emmett}
 * @param description what store this describes, for people
 * @param detect how auto-detection recognises the store; only in built-in layouts, null in a
 *     resolved one
 * @param table the table that holds one row per event
 * @param join an optional second table joined to find the stream name (Eventuous, SqlStreamStore)
 * @param joins further tables joined after {@code join}, in order, each on one or more pairs of
 *     columns (Commanded reaches its events through {@code stream_events}, Marten's streams are
 *     keyed by tenant and id); see {@link #allJoins()}
 * @param where an optional SQL condition that selects the event rows (e.g. not deleted)
 * @param stream the stream id
 * @param aggregateType the aggregate type of a stream; null when the store has no such notion
 * @param version the version within the stream
 * @param position the global order; null or {@code {"rowid": true}} means the implicit rowid
 * @param eventType the event type
 * @param timestamp when the event was recorded; null when the store keeps no time
 * @param revision the payload's schema revision; null when the store keeps none
 * @param payload how the event data is stored
 * @param metadata how the metadata is stored; null when the store keeps none
 * @param eventId the event's own id; null: the first of the metadata's {@code eventId}, {@code
 *     messageId}, {@code $eventId}, {@code id} (see {@link LinkRules})
 * @param correlation the flow the event belongs to; null: the metadata's {@code correlationId},
 *     {@code correlation_id} or {@code $correlationId}
 * @param causation the message that caused the event; null: the metadata's {@code causationId},
 *     {@code causation_id} or {@code $causationId}. With {@code "format": "position"} it names the
 *     causing event's global position (Message DB), not its id
 * @param snapshots where the library keeps snapshots, so they are never read as events; may be null
 * @param streamHeader where the library keeps each stream's current version apart from its events
 *     (Emmett's {@code emt_streams}), which {@code verify} checks against the events; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "name",
  "description",
  "detect",
  "table",
  "join",
  "joins",
  "where",
  "stream",
  "aggregateType",
  "version",
  "position",
  "eventType",
  "timestamp",
  "revision",
  "payload",
  "metadata",
  "eventId",
  "correlation",
  "causation",
  "snapshots",
  "streamHeader"
})
public record Layout(
    String name,
    String description,
    Detect detect,
    String table,
    Join join,
    java.util.List<Join> joins,
    String where,
    StreamKey stream,
    Field aggregateType,
    Field version,
    Field position,
    Field eventType,
    Field timestamp,
    Field revision,
    Payload payload,
    Payload metadata,
    Field eventId,
    Field correlation,
    Field causation,
    Snapshots snapshots,
    StreamHeader streamHeader) {

  /**
   * How to recognise a store of this layout.
   *
   * @param requiredColumns columns the event table must have (names compared case-insensitively)
   * @param peek what the first non-null payload must look like: {@code json}, {@code zlib} or
   *     {@code other}; null to skip peeking
   * @param database the one kind of database the layout is for ({@code sqlite} or {@code
   *     postgresql}); null: any that has its tables
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detect(java.util.List<String> requiredColumns, String peek, String database) {

    /** Whether the layout may be detected in a database of this kind. */
    public boolean isFor(String kind) {
      return database == null || database.equalsIgnoreCase(kind);
    }
  }

  /**
   * A joined table: {@code JOIN table ON table.references = events.column}, or on every pair of
   * {@code on}.
   *
   * @param table the joined table
   * @param column the column of the event table
   * @param references the column of the joined table it refers to
   * @param on instead of {@code column}/{@code references}: pairs {@code [left, joined]}, where
   *     {@code left} is a column of the event table or {@code table.column} of a table joined
   *     before this one, and {@code joined} a column of this table; all must be equal
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Join(
      String table, String column, String references, java.util.List<java.util.List<String>> on) {

    /** The pairs {@code [left, joined]} this join compares. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.List<java.util.List<String>> pairs() {
      if (on != null && !on.isEmpty()) {
        return on;
      }
      return java.util.List.of(java.util.List.of(column, references));
    }
  }

  /** Every joined table in order: {@code join}, then {@code joins}. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public java.util.List<Join> allJoins() {
    java.util.List<Join> all = new java.util.ArrayList<>();
    if (join != null) {
      all.add(join);
    }
    if (joins != null) {
      all.addAll(joins);
    }
    return all;
  }

  /**
   * The stream id: one column, or a type column plus an id column shown as {@code TYPE/ID}.
   *
   * @param defaultType with a type column: the value for which the stream id is the id alone
   *     (Marten's {@code *DEFAULT*} tenant), so a store with one tenant shows bare ids and a
   *     multi-tenant one shows {@code TENANT/ID}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StreamKey(String column, String typeColumn, String idColumn, String defaultType) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean composite() {
      return typeColumn != null && idColumn != null;
    }
  }

  /**
   * Where one value comes from: a column, a JSON pointer into the decoded payload (or, for the
   * links, the metadata), or (for the aggregate type) the stream id itself; optionally narrowed by
   * a regex whose first group is the value. With both a column and a pointer, the pointer is used
   * when the column is empty.
   *
   * @param column a column of the event table, or {@code joinedTable.column}
   * @param pointer a JSON pointer, e.g. {@code /type}: into the payload, except for {@code
   *     eventId}, {@code correlation} and {@code causation}, whose pointers go into the metadata
   *     unless {@code in} says {@code payload}
   * @param fromStream derive the value from the stream id (with {@code pattern})
   * @param pattern a regex; the value is its first group (no match gives null)
   * @param format for timestamps: {@code auto}, {@code iso}, {@code sqlite}, {@code epoch-seconds},
   *     {@code epoch-millis}, {@code epoch-micros}, {@code epoch-nanos} or {@code dotnet-ticks};
   *     for the causation: {@code id} (the default) or {@code position}
   * @param rowid for the position: use the table's implicit rowid
   * @param in for the links' pointers: {@code metadata} (the default) or {@code payload}
   * @param optional the column may be missing (a library option adds it): without it the field
   *     reads as if it named no column
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Field(
      String column,
      String pointer,
      Boolean fromStream,
      String pattern,
      String format,
      Boolean rowid,
      String in,
      Boolean optional) {
    public static Field column(String column) {
      return new Field(column, null, null, null, null, null, null, null);
    }

    /** This field without its column (an optional column the store lacks). */
    public Field withoutColumn() {
      return new Field(null, pointer, fromStream, pattern, format, rowid, in, optional);
    }

    public boolean isOptional() {
      return Boolean.TRUE.equals(optional);
    }

    /** Whether a link's pointer goes into the payload rather than the metadata. */
    public boolean inPayload() {
      return "payload".equals(in);
    }

    public boolean usesRowid() {
      return Boolean.TRUE.equals(rowid);
    }

    public boolean derivedFromStream() {
      return Boolean.TRUE.equals(fromStream);
    }
  }

  /**
   * How a payload (or the metadata) is stored.
   *
   * @param column the column holding it
   * @param encoding one of {@link Encoding}'s names, e.g. {@code json}, {@code zlib-json}, {@code
   *     serializer}
   * @param serializerColumn with {@code serializer}: the column holding the serializer id
   * @param serializers with {@code serializer}: serializer id to encoding (ids not listed are read
   *     as {@code auto})
   * @param bytesColumn a column of the event table that, when not NULL, holds the payload instead,
   *     read as {@code auto} (Marten 9's {@code bdata}: a binary event keeps {@code {}} in {@code
   *     data}); ignored when the table has no such column
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Payload(
      String column,
      String encoding,
      String serializerColumn,
      java.util.Map<String, String> serializers,
      String bytesColumn) {}

  /**
   * Tables of snapshots the library keeps beside its events; recognised so that they are never
   * listed as events.
   *
   * @param tables the snapshot tables
   * @param compare how {@code verify} compares a stored snapshot with the replayed state; null when
   *     it does not
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Snapshots(java.util.List<String> tables, SnapshotCompare compare) {}

  /**
   * A snapshot table, read and decoded like events: with the event table's columns (Python
   * eventsourcing's {@code stored_snapshots}, Axon's), or with columns of its own (Pekko's {@code
   * snapshot}).
   *
   * @param table the snapshot table
   * @param pointer where the aggregate's state is in the decoded snapshot ({@code ""}: all of it)
   * @param stream its stream id column, when its columns are its own (else null)
   * @param version its version column, when its columns are its own
   * @param payload how its snapshot is stored, when its columns are its own
   * @param transcoding how the library tags values JSON has no type for, decoded on both sides
   *     before they are compared: {@code eventsourcing} (Python eventsourcing's {@code {"_type_",
   *     "_data_"}} objects, see {@link dev.hindsight.store.codec.Transcodings}); null for none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SnapshotCompare(
      String table,
      String pointer,
      String stream,
      String version,
      Payload payload,
      String transcoding) {}

  /**
   * A table with one row per stream that holds the stream's current version.
   *
   * @param table the table
   * @param stream its stream id column
   * @param version its version column
   * @param where an optional SQL condition selecting the header rows that count (e.g. not archived)
   * @param rowsWhere an optional SQL condition selecting the event table's rows the header counts,
   *     which may be more than the events (Emmett counts the commands it stores in a stream too)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StreamHeader(
      String table, String stream, String version, String where, String rowsWhere) {}

  public Layout {
    Objects.requireNonNull(name, "name");
  }

  /**
   * The placeholder a built-in layout's table names may hold (Eventuous prefixes them by schema).
   */
  public static final String PREFIX = "{prefix}";

  /** The columns auto-detection requires of the event table; empty when the layout says none. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public java.util.List<String> requiredColumns() {
    return detect == null || detect.requiredColumns() == null
        ? java.util.List.of()
        : detect.requiredColumns();
  }
}
