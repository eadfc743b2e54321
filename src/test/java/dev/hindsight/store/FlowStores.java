package dev.hindsight.store;

import static dev.hindsight.store.LibraryStores.connect;
import static dev.hindsight.store.LibraryStores.exec;
import static dev.hindsight.store.LibraryStores.insert;
import static dev.hindsight.store.LibraryStores.utf8;

import dev.hindsight.event.EventLinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One story of messages, stored the way each library keeps ids, correlation and causation: ESDB's
 * {@code $correlationId}/{@code $causationId} (as Eventuous writes them), Emmett's {@code
 * message_id}, Axon's {@code eventIdentifier}, {@code traceId} and {@code correlationId} (the
 * cause, in Axon's words) in Jackson JSON and in XStream XML, Marten's {@code correlation_id} and
 * {@code causation_id} columns (a mapping file), and Message DB's causes by global position (a
 * mapping file).
 *
 * <p>The story, in global order: order-1 is placed by a command that is not stored; payment-1 is
 * authorised and stock-1 reserved because of it; the payment is captured twice; the order is paid
 * by the first capture; stock-1 ships because of an event of another flow. Events of another flow
 * and one with no links at all are interleaved.
 */
public final class FlowStores {

  /** The flow the tests follow. */
  public static final String FLOW = "flow-F";

  /** Another flow, interleaved with it. */
  public static final String OTHER_FLOW = "flow-G";

  /** One stored message of the story, with its links as ids (Message DB's become positions). */
  public record Row(
      long position,
      String stream,
      long version,
      String type,
      String id,
      String correlation,
      String causation) {

    /** When it was recorded: a minute apart from 2024-05-01T10:00Z. */
    public Instant time() {
      return Instant.parse("2024-05-01T10:00:00Z").plus(Duration.ofMinutes(position));
    }

    String data() {
      return "{\"n\":" + position + ",\"note\":\"" + type + " of " + stream + "\"}";
    }
  }

  public static final List<Row> ROWS =
      List.of(
          new Row(1, "order-1", 1, "OrderPlaced", "e1", FLOW, "cmd-1"),
          new Row(2, "other-1", 1, "NoiseMade", "n1", OTHER_FLOW, "cmd-9"),
          new Row(3, "payment-1", 1, "PaymentAuthorized", "e2", FLOW, "e1"),
          new Row(4, "stock-1", 1, "StockReserved", "e3", FLOW, "e1"),
          new Row(5, "other-1", 2, "NoiseEchoed", "n2", OTHER_FLOW, "n1"),
          new Row(6, "payment-1", 2, "PaymentCaptured", "e4", FLOW, "e2"),
          new Row(7, "payment-1", 3, "PaymentCaptured", "e5", FLOW, "e2"),
          new Row(8, "order-1", 2, "OrderPaid", "e6", FLOW, "e4"),
          new Row(9, "stock-1", 2, "StockShipped", "e7", FLOW, "n2"),
          new Row(10, "other-2", 1, "NoiseMade", "n3", null, null));

  /** The positions of {@link #FLOW}'s events, in global order. */
  public static final List<Long> FLOW_POSITIONS = List.of(1L, 3L, 4L, 6L, 7L, 8L, 9L);

  /** The streams of {@link #FLOW}, in the order they first appear. */
  public static final List<String> FLOW_STREAMS = List.of("order-1", "payment-1", "stock-1");

  /**
   * Each flow event's {@code causedBy}: the position of the event its causation names (9's is in
   * the other flow), or null (1's cause is a command that is not stored).
   */
  public static final List<Long> FLOW_CAUSED_BY = Arrays.asList(null, 1L, 1L, 3L, 3L, 6L, 5L);

  /** The position Message DB names a cause by that no stored message has (a command). */
  static final long NOT_STORED = 999;

  private FlowStores() {}

  /** A store of the story, and the mapping file it needs (null when it is detected). */
  public record FlowStore(
      String convention, String layout, Path db, Path mapping, boolean causesByPosition) {

    /** The links every event of the story should read with, in global order. */
    public List<EventLinks> expectedLinks() {
      Map<String, Long> positionOf = new LinkedHashMap<>();
      ROWS.forEach(r -> positionOf.put(r.id(), r.position()));
      List<EventLinks> links = new ArrayList<>();
      for (Row r : ROWS) {
        if (r.correlation() == null) {
          links.add(new EventLinks(r.id(), null, null, null));
        } else if (causesByPosition) {
          long cause = positionOf.getOrDefault(r.causation(), NOT_STORED);
          links.add(new EventLinks(r.id(), r.correlation(), Long.toString(cause), cause));
        } else {
          links.add(new EventLinks(r.id(), r.correlation(), r.causation(), null));
        }
      }
      return links;
    }
  }

  /** A store builder: writes its store (and mapping) into a folder. */
  @FunctionalInterface
  public interface Builder {
    FlowStore build(Path dir) throws Exception;
  }

  /** Every convention, for parameterized tests: (name, builder). */
  public static Stream<Arguments> conventions() {
    return Stream.of(
        Arguments.of("esdb", (Builder) FlowStores::esdb),
        Arguments.of("emmett", (Builder) FlowStores::emmett),
        Arguments.of("axon-json", (Builder) FlowStores::axonJson),
        Arguments.of("axon-xstream", (Builder) FlowStores::axonXstream),
        Arguments.of("marten-columns", (Builder) FlowStores::martenColumns),
        Arguments.of("message-db", (Builder) FlowStores::messageDb));
  }

  // ------------------------------------------------------------------------------------- ESDB

  /**
   * ESDB-style metadata, as Eventuous writes it beside its own message ids: {@code $correlationId}
   * and {@code $causationId}.
   */
  public static FlowStore esdb(Path dir) throws SQLException {
    Path db = dir.resolve("esdb-style.db");
    try (Connection c = connect(db)) {
      LibraryDdl.create(c, LibraryDdl.EVENTUOUS);
      Map<String, Integer> streamIds = new LinkedHashMap<>();
      for (Row r : ROWS) {
        if (!streamIds.containsKey(r.stream())) {
          streamIds.put(r.stream(), streamIds.size() + 1);
          insert(
              c, "INSERT INTO eventuous_streams (stream_name, version) VALUES (?, -1)", r.stream());
        }
        String meta =
            r.correlation() == null
                ? "{}"
                : "{\"$correlationId\":\""
                    + r.correlation()
                    + "\",\"$causationId\":\""
                    + r.causation()
                    + "\"}";
        insert(
            c,
            "INSERT INTO eventuous_messages (global_position, message_id, message_type, stream_id,"
                + " stream_position, json_data, json_metadata, created) VALUES (?,?,?,?,?,?,?,?)",
            r.position(),
            r.id(),
            "V1." + r.type(),
            streamIds.get(r.stream()),
            r.version() - 1,
            r.data(),
            meta,
            r.time().toString().replace("Z", ".0000000Z"));
      }
    }
    return new FlowStore("esdb", "eventuous-sqlite", db, null, false);
  }

  // ----------------------------------------------------------------------------------- Emmett

  /** Emmett: its own {@code message_id} column, correlation and causation in the metadata. */
  public static FlowStore emmett(Path dir) throws SQLException {
    Path db = dir.resolve("emmett-flows.db");
    try (Connection c = connect(db)) {
      exec(c, "PRAGMA journal_mode=WAL");
      LibraryDdl.create(c, LibraryDdl.EMMETT);
      for (Row r : ROWS) {
        String meta =
            "{\"streamName\":\""
                + r.stream()
                + "\",\"messageId\":\""
                + r.id()
                + "\",\"streamPosition\":\""
                + r.version()
                + "\""
                + (r.correlation() == null
                    ? ""
                    : ",\"correlationId\":\""
                        + r.correlation()
                        + "\",\"causationId\":\""
                        + r.causation()
                        + "\"")
                + "}";
        insert(
            c,
            "INSERT INTO emt_messages (stream_id, stream_position, partition, message_kind,"
                + " message_data, message_metadata, message_schema_version, message_type,"
                + " message_id, is_archived, global_position, created)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            r.stream(),
            r.version(),
            "emt:default",
            "E",
            r.data(),
            meta,
            Long.toString(r.version() - 1),
            r.type(),
            r.id(),
            false,
            r.position(),
            r.time().toString().replace("T", " ").replace("Z", ""));
      }
    }
    return new FlowStore("emmett", "emmett", db, null, false);
  }

  // ------------------------------------------------------------------------------------- Axon

  /**
   * Axon with Jackson: {@code eventIdentifier}, and in the metadata {@code traceId} (the flow) and
   * {@code correlationId} (the message that caused the event).
   */
  public static FlowStore axonJson(Path dir) throws SQLException {
    Path db = dir.resolve("axon-flows.db");
    try (Connection c = connect(db)) {
      LibraryDdl.create(c, LibraryDdl.AXON_JDBC);
      for (Row r : ROWS) {
        String meta =
            r.correlation() == null
                ? "{}"
                : "{\"traceId\":\""
                    + r.correlation()
                    + "\",\"correlationId\":\""
                    + r.causation()
                    + "\"}";
        insert(
            c,
            "INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, timeStamp, payloadType,"
                + " payloadRevision, payload, metaData, type, aggregateIdentifier, sequenceNumber)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)",
            r.position(),
            r.id(),
            r.time().toString(),
            "com.example." + r.type(),
            null,
            utf8(r.data()),
            utf8(meta),
            "Aggregate",
            r.stream(),
            r.version() - 1);
      }
    }
    return new FlowStore("axon-json", "axon-jdbc", db, null, false);
  }

  /** Axon's default XStream serializer (JPA engine): the metadata as {@code <meta-data>} XML. */
  public static FlowStore axonXstream(Path dir) throws SQLException {
    Path db = dir.resolve("axon-xstream.db");
    try (Connection c = connect(db)) {
      exec(
          c,
          "create table domain_event_entry (global_index bigint not null, aggregate_identifier"
              + " varchar(255) not null, event_identifier varchar(255) not null, meta_data blob,"
              + " payload blob not null, payload_revision varchar(255), payload_type varchar(255) not"
              + " null, sequence_number bigint not null, time_stamp varchar(255) not null, type"
              + " varchar(255), primary key (global_index))");
      for (Row r : ROWS) {
        String meta =
            r.correlation() == null
                ? "<meta-data/>"
                : "<meta-data><entry><string>traceId</string><string>"
                    + r.correlation()
                    + "</string></entry><entry><string>correlationId</string><string>"
                    + r.causation()
                    + "</string></entry></meta-data>";
        insert(
            c,
            "insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,"
                + " payload_type, time_stamp, aggregate_identifier, sequence_number, type,"
                + " global_index) values (?,?,?,?,?,?,?,?,?,?)",
            r.id(),
            utf8(meta),
            utf8(
                "<com.example."
                    + r.type()
                    + "><n>"
                    + r.position()
                    + "</n></com.example."
                    + r.type()
                    + ">"),
            null,
            "com.example." + r.type(),
            r.time().toString(),
            r.stream(),
            r.version() - 1,
            "Aggregate",
            r.position());
      }
    }
    return new FlowStore("axon-xstream", "axon-jpa", db, null, false);
  }

  // ----------------------------------------------------------------------------------- Marten

  /**
   * Marten's {@code mt_events} with its {@code correlation_id} and {@code causation_id} columns.
   */
  public static FlowStore martenColumns(Path dir) throws SQLException, IOException {
    Path db = dir.resolve("marten-like.db");
    try (Connection c = connect(db)) {
      exec(
          c,
          "CREATE TABLE mt_events (seq_id INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream_id"
              + " TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, type TEXT NOT NULL,"
              + " timestamp TEXT NOT NULL, tenant_id TEXT DEFAULT '*DEFAULT*', mt_dotnet_type TEXT,"
              + " correlation_id TEXT, causation_id TEXT, headers TEXT, is_archived INTEGER"
              + " DEFAULT 0, UNIQUE (stream_id, version))");
      for (Row r : ROWS) {
        insert(
            c,
            "INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp,"
                + " mt_dotnet_type, correlation_id, causation_id, headers) VALUES"
                + " (?,?,?,?,?,?,?,?,?,?,?)",
            r.position(),
            r.id(),
            r.stream(),
            r.version(),
            r.data(),
            snake(r.type()),
            r.time().toString().replace("Z", "+00:00"),
            "Shop." + r.type() + ", Shop",
            r.correlation(),
            r.causation(),
            "{\"user\":\"u-1\"}");
      }
    }
    Path mapping = dir.resolve("marten.json");
    Files.writeString(
        mapping,
        """
        {
          "name": "marten-like",
          "table": "mt_events",
          "where": "NOT is_archived",
          "stream": { "column": "stream_id" },
          "aggregateType": { "fromStream": true, "pattern": "^([^-]+)-" },
          "version": { "column": "version" },
          "position": { "column": "seq_id" },
          "eventType": { "column": "type" },
          "timestamp": { "column": "timestamp", "format": "iso" },
          "payload": { "column": "data", "encoding": "json" },
          "metadata": { "column": "headers", "encoding": "json" },
          "eventId": { "column": "id" },
          "correlation": { "column": "correlation_id" },
          "causation": { "column": "causation_id" }
        }
        """);
    return new FlowStore("marten-columns", "marten-like", db, mapping, false);
  }

  private static String snake(String type) {
    return type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  // ------------------------------------------------------------------------------- Message DB

  /**
   * Message DB's {@code messages}, copied into SQLite: the flow by {@code correlationStreamName},
   * the cause by stream and position ({@code causationMessageGlobalPosition} and the rest).
   */
  public static FlowStore messageDb(Path dir) throws SQLException, IOException {
    Path db = dir.resolve("message-db.db");
    Map<String, Row> byId = new LinkedHashMap<>();
    ROWS.forEach(r -> byId.put(r.id(), r));
    try (Connection c = connect(db)) {
      exec(
          c,
          "CREATE TABLE messages (global_position INTEGER PRIMARY KEY, position INTEGER NOT NULL,"
              + " id TEXT NOT NULL, time TEXT NOT NULL, stream_name TEXT NOT NULL, type TEXT NOT"
              + " NULL, data TEXT, metadata TEXT)");
      for (Row r : ROWS) {
        String meta = "{\"schemaVersion\":\"1\"}";
        if (r.correlation() != null) {
          Row cause = byId.get(r.causation());
          meta =
              "{\"correlationStreamName\":\""
                  + r.correlation()
                  + "\",\"causationMessageStreamName\":\""
                  + (cause == null ? "command-1" : cause.stream())
                  + "\",\"causationMessagePosition\":"
                  + (cause == null ? 0 : cause.version() - 1)
                  + ",\"causationMessageGlobalPosition\":"
                  + (cause == null ? NOT_STORED : cause.position())
                  + "}";
        }
        insert(
            c,
            "INSERT INTO messages VALUES (?,?,?,?,?,?,?,?)",
            r.position(),
            r.version() - 1,
            r.id(),
            r.time().toString().replace("T", " ").replace("Z", ".000000"),
            r.stream(),
            r.type(),
            r.data(),
            meta);
      }
    }
    Path mapping = dir.resolve("message-db.json");
    Files.writeString(
        mapping,
        """
        {
          "name": "message-db",
          "table": "messages",
          "stream": { "column": "stream_name" },
          "aggregateType": { "fromStream": true, "pattern": "^([^-]+)-" },
          "version": { "column": "position" },
          "position": { "column": "global_position" },
          "eventType": { "column": "type" },
          "timestamp": { "column": "time", "format": "iso" },
          "payload": { "column": "data", "encoding": "json" },
          "metadata": { "column": "metadata", "encoding": "json" },
          "eventId": { "column": "id" },
          "correlation": { "pointer": "/correlationStreamName" },
          "causation": { "pointer": "/causationMessageGlobalPosition", "format": "position" }
        }
        """);
    return new FlowStore("message-db", "message-db", db, mapping, true);
  }
}
