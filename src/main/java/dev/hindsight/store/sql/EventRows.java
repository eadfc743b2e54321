package dev.hindsight.store.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.Layout;
import dev.hindsight.store.Layout.Field;
import dev.hindsight.store.LinkRules;
import dev.hindsight.store.Patterns;
import dev.hindsight.store.codec.Decoded;
import dev.hindsight.store.codec.Encoding;
import dev.hindsight.store.codec.PayloadDecoder;
import dev.hindsight.store.codec.Timestamps;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a layout's event rows are selected and turned into events, the same in every database: the
 * select list, the row as the driver gives it, and its decoding (payload, metadata, time, links),
 * which needs no connection, so threads decode while another reads.
 */
public final class EventRows {

  private final LayoutSql sql;
  private final Layout layout;
  private final LinkRules links;

  public EventRows(LayoutSql sql) {
    this.sql = sql;
    this.layout = sql.layout;
    this.links = LinkRules.of(layout);
  }

  public LinkRules links() {
    return links;
  }

  /**
   * The columns every event query selects, in the order {@link #row} reads them, with NULL for the
   * metadata when it is not wanted.
   */
  public String columns(boolean withMetadata) {
    List<String> cols = new ArrayList<>();
    cols.add(sql.position);
    for (String ref : streamRefs()) {
      cols.add(sql.read(ref));
    }
    cols.add(sql.version);
    cols.add(sql.readOrNull(layout.eventType()));
    cols.add(sql.readOrNull(layout.timestamp()));
    cols.add(sql.readOrNull(layout.revision()));
    cols.add(sql.read(layout.payload().column()));
    cols.add(
        layout.payload().serializerColumn() == null
            ? "NULL"
            : sql.read(layout.payload().serializerColumn()));
    Layout.Payload meta = withMetadata ? layout.metadata() : null;
    cols.add(meta == null ? "NULL" : sql.read(meta.column()));
    cols.add(
        meta == null || meta.serializerColumn() == null
            ? "NULL"
            : sql.read(meta.serializerColumn()));
    cols.add(sql.readOrNull(layout.eventId()));
    cols.add(sql.readOrNull(layout.correlation()));
    cols.add(sql.readOrNull(layout.causation()));
    if (layout.payload().bytesColumn() != null) {
      cols.add(sql.read(layout.payload().bytesColumn()));
    }
    return String.join(", ", cols);
  }

  /** The stream key's columns as the layout names them. */
  public List<String> streamRefs() {
    Layout.StreamKey key = layout.stream();
    return key.composite() ? List.of(key.typeColumn(), key.idColumn()) : List.of(key.column());
  }

  /** An event row as the driver gave it, before anything is decoded. */
  public record Row(
      long position,
      String[] key,
      long version,
      Object typeRaw,
      Object timeRaw,
      Object revisionRaw,
      Object payloadRaw,
      Object payloadSerializer,
      Object metaRaw,
      Object metaSerializer,
      String idRaw,
      String correlationRaw,
      String causationRaw) {}

  /** A payload read from the layout's {@code bytesColumn}, decoded as {@code auto}. */
  public record PayloadBytes(byte[] bytes) {}

  /** The row at the result's cursor, selected with {@link #columns}. */
  public Row row(ResultSet rs) throws SQLException {
    int k = sql.streamColumns.size();
    long position = rs.getLong(1);
    String[] key = new String[k];
    for (int i = 0; i < k; i++) {
      key[i] = text(rs.getObject(2 + i));
    }
    int c = 2 + k;
    Object payload = rs.getObject(c + 4);
    if (layout.payload().bytesColumn() != null
        && rs.getMetaData().getColumnCount() > c + 10
        && rs.getObject(c + 11) != null) {
      Object bytes = rs.getObject(c + 11);
      payload =
          new PayloadBytes(
              bytes instanceof byte[] b ? b : text(bytes).getBytes(StandardCharsets.UTF_8));
    }
    return new Row(
        position,
        key,
        rs.getLong(c),
        rs.getObject(c + 1),
        rs.getObject(c + 2),
        rs.getObject(c + 3),
        payload,
        rs.getObject(c + 5),
        rs.getObject(c + 6),
        rs.getObject(c + 7),
        text(rs.getObject(c + 8)),
        text(rs.getObject(c + 9)),
        text(rs.getObject(c + 10)));
  }

  /** Decodes a row with the layout's payload. */
  public StoredEvent decode(Row row, boolean withMetadata) {
    return decode(row, withMetadata, layout.payload());
  }

  /** Decodes a row, its payload as {@code payloadSpec} says (a snapshot's may differ). */
  public StoredEvent decode(Row row, boolean withMetadata, Layout.Payload payloadSpec) {
    List<String> problems = new ArrayList<>(0);
    if (Arrays.asList(row.key()).contains(null)) {
      problems.add("the stream id is NULL");
    }
    Decoded data =
        row.payloadRaw() instanceof PayloadBytes b
            ? PayloadDecoder.decode(b.bytes(), Encoding.AUTO)
            : PayloadDecoder.decode(
                row.payloadRaw(), encoding(payloadSpec, row.payloadSerializer()));
    if (data.problem() != null) {
      problems.add(data.problem());
    }
    JsonNode metadata = null;
    if (withMetadata && layout.metadata() != null) {
      Decoded meta =
          PayloadDecoder.decode(row.metaRaw(), encoding(layout.metadata(), row.metaSerializer()));
      metadata = meta.value();
      if (meta.problem() != null) {
        problems.add("metadata: " + meta.problem());
      }
    }
    String type = value(layout.eventType(), row.typeRaw(), data.value());
    String revision = value(layout.revision(), row.revisionRaw(), data.value());
    Instant timestamp = null;
    Field ts = layout.timestamp();
    if (ts != null) {
      Object raw = row.timeRaw();
      if (raw == null && ts.pointer() != null) {
        raw = pointed(data.value(), ts.pointer());
      }
      try {
        timestamp = Timestamps.parse(raw, ts.format());
      } catch (DateTimeException e) {
        problems.add("timestamp: " + e.getMessage());
      }
    }
    return new StoredEvent(
        row.position(),
        id(row.key()),
        row.version(),
        type,
        revision,
        timestamp,
        data.value(),
        metadata,
        problems,
        links.read(row.idRaw(), row.correlationRaw(), row.causationRaw(), data.value(), metadata));
  }

  /**
   * A field's value: its column (or, when that is empty, its pointer into the payload), narrowed.
   */
  private static String value(Field field, Object raw, JsonNode data) {
    if (field == null) {
      return null;
    }
    String value = text(raw);
    if ((value == null || value.isEmpty()) && field.pointer() != null) {
      Object pointed = pointed(data, field.pointer());
      value = pointed == null ? null : pointed.toString();
    }
    return Patterns.apply(field.pattern(), value);
  }

  /** The scalar at a JSON pointer, as a String or a Number; null when absent or not a scalar. */
  private static Object pointed(JsonNode data, String pointer) {
    if (data == null || !data.isContainerNode()) {
      return null;
    }
    JsonNode node = data.at(pointer);
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return null;
  }

  private static Encoding encoding(Layout.Payload payload, Object serializerId) {
    Encoding encoding = Encoding.of(payload.encoding());
    if (encoding != Encoding.SERIALIZER) {
      return encoding;
    }
    String id = text(serializerId);
    String named =
        id == null || payload.serializers() == null ? null : payload.serializers().get(id);
    return named == null ? Encoding.AUTO : Encoding.of(named);
  }

  /**
   * A value of the layout's time column as an instant; null when the store holds no readable time
   * there (reading the event itself reports the bad time).
   */
  public Instant time(Object raw) {
    try {
      return Timestamps.parse(raw, layout.timestamp().format());
    } catch (DateTimeException unreadable) {
      return null;
    }
  }

  /**
   * The stream id of a key as this layout shows it: with a {@code defaultType}, a key under that
   * type is the bare id.
   */
  public String id(String[] key) {
    String bare = layout.stream().defaultType();
    if (bare != null && key.length == 2 && bare.equals(key[0])) {
      return key[1] == null ? "" : key[1];
    }
    return streamId(key);
  }

  /** The stream id of a key; a NULL part (a damaged or hostile row) reads as empty. */
  public static String streamId(String[] key) {
    String first = key[0] == null ? "" : key[0];
    return key.length == 1 ? first : first + "/" + (key[1] == null ? "" : key[1]);
  }

  /**
   * Binds a stream id's parts from {@code index} for {@link LayoutSql#streamCondition}; {@code
   * TYPE/ID} splits at the first slash for a composite key; with a {@code defaultType}, the bare id
   * under that type is bound too. Returns the next index.
   */
  public int bindStream(PreparedStatement ps, int index, String stream) throws SQLException {
    if (sql.streamColumns.size() == 1) {
      ps.setString(index, stream);
      return index + 1;
    }
    int slash = stream.indexOf('/');
    String bare = layout.stream().defaultType();
    if (bare == null) {
      ps.setString(index, slash < 0 ? stream : stream.substring(0, slash));
      ps.setString(index + 1, slash < 0 ? "" : stream.substring(slash + 1));
      return index + 2;
    }
    // TYPE/ID when the id has a slash, else the bare reading twice (an empty id may not bind)
    ps.setString(index, slash < 0 ? bare : stream.substring(0, slash));
    ps.setString(index + 1, slash < 0 ? stream : stream.substring(slash + 1));
    ps.setString(index + 2, bare);
    ps.setString(index + 3, stream);
    return index + 4;
  }

  /** A value as text: bytes as UTF-8, anything else by its string form; null stays null. */
  public static String text(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return raw.toString();
  }
}
