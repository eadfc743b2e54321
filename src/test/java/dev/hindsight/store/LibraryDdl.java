package dev.hindsight.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The exact DDL of the libraries whose stores the tests build (from {@code shared/SCHEMAS.md}), in
 * one place, so that every test reads stores made exactly as the library makes them.
 */
public final class LibraryDdl {

  /** Axon Framework 4.12 JdbcEventStorageEngine: DomainEventEntry and SnapshotEventEntry. */
  public static final List<String> AXON_JDBC =
      List.of(
          """
          CREATE TABLE DomainEventEntry (
          globalIndex INTEGER NOT NULL,
          aggregateIdentifier VARCHAR(255) NOT NULL,
          sequenceNumber BIGINT NOT NULL,
          type VARCHAR(255),
          eventIdentifier VARCHAR(255) NOT NULL,
          metaData BLOB,
          payload BLOB NOT NULL,
          payloadRevision VARCHAR(255),
          payloadType VARCHAR(255) NOT NULL,
          timeStamp  VARCHAR(255) NOT NULL  ,
          PRIMARY KEY (globalIndex),
          UNIQUE (aggregateIdentifier, sequenceNumber),
          UNIQUE (eventIdentifier)
          )""",
          """
          CREATE TABLE SnapshotEventEntry (
          aggregateIdentifier VARCHAR(255) NOT NULL,
          sequenceNumber BIGINT NOT NULL,
          type VARCHAR(255) NOT NULL,
          eventIdentifier VARCHAR(255) NOT NULL,
          metaData BLOB,
          payload BLOB NOT NULL,
          payloadRevision VARCHAR(255),
          payloadType VARCHAR(255) NOT NULL,
          timeStamp  VARCHAR(255) NOT NULL  ,
          PRIMARY KEY (aggregateIdentifier, sequenceNumber),
          UNIQUE (eventIdentifier)
          )""");

  /**
   * Python eventsourcing 9.2 SQLite recorder: stored_events (a rowid table) and stored_snapshots.
   */
  public static final List<String> EVENTSOURCING =
      List.of(
          "CREATE TABLE IF NOT EXISTS stored_events (originator_id TEXT, originator_version"
              + " INTEGER, topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))",
          "CREATE TABLE IF NOT EXISTS stored_snapshots (originator_id TEXT, originator_version"
              + " INTEGER, topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))"
              + " WITHOUT ROWID");

  /**
   * Pekko persistence JDBC 1.1, the H2 script adapted to SQLite: event_journal, event_tag,
   * snapshot.
   */
  public static final List<String> PEKKO_JDBC =
      List.of(
          """
          CREATE TABLE event_journal (
            ordering INTEGER PRIMARY KEY AUTOINCREMENT,
            deleted BOOLEAN DEFAULT 0 NOT NULL,
            persistence_id VARCHAR(255) NOT NULL,
            sequence_number BIGINT NOT NULL,
            writer VARCHAR NOT NULL,
            write_timestamp BIGINT NOT NULL,
            adapter_manifest VARCHAR NOT NULL,
            event_payload BLOB NOT NULL,
            event_ser_id INTEGER NOT NULL,
            event_ser_manifest VARCHAR NOT NULL,
            meta_payload BLOB,
            meta_ser_id INTEGER,
            meta_ser_manifest VARCHAR,
            UNIQUE (persistence_id, sequence_number)
          )""",
          """
          CREATE TABLE event_tag (
            event_id BIGINT NOT NULL,
            tag VARCHAR NOT NULL,
            PRIMARY KEY (event_id, tag),
            FOREIGN KEY (event_id) REFERENCES event_journal (ordering) ON DELETE CASCADE
          )""",
          """
          CREATE TABLE snapshot (
            persistence_id VARCHAR(255) NOT NULL,
            sequence_number BIGINT NOT NULL,
            created BIGINT NOT NULL,
            snapshot_ser_id INTEGER NOT NULL,
            snapshot_ser_manifest VARCHAR NOT NULL,
            snapshot_payload BLOB NOT NULL,
            meta_ser_id INTEGER,
            meta_ser_manifest VARCHAR,
            meta_payload BLOB,
            PRIMARY KEY (persistence_id, sequence_number)
          )""");

  /** Emmett SQLite 0.38: emt_streams, emt_messages, emt_subscriptions. */
  public static final List<String> EMMETT =
      List.of(
          """
          CREATE TABLE emt_streams(
                stream_id         TEXT                      NOT NULL,
                stream_position   BIGINT                    NOT NULL DEFAULT 0,
                partition         TEXT                      NOT NULL DEFAULT 'global',
                stream_type       TEXT                      NOT NULL,
                stream_metadata   JSONB                     NOT NULL,
                is_archived       BOOLEAN                   NOT NULL DEFAULT FALSE,
                PRIMARY KEY (stream_id, partition, is_archived),
                UNIQUE (stream_id, partition, is_archived)
            )""",
          """
          CREATE TABLE emt_messages(
                stream_id              TEXT                      NOT NULL,
                stream_position        BIGINT                    NOT NULL,
                partition              TEXT                      NOT NULL DEFAULT 'global',
                message_kind           CHAR(1)                   NOT NULL DEFAULT 'E',
                message_data           JSONB                     NOT NULL,
                message_metadata       JSONB                     NOT NULL,
                message_schema_version TEXT                      NOT NULL,
                message_type           TEXT                      NOT NULL,
                message_id             TEXT                      NOT NULL,
                is_archived            BOOLEAN                   NOT NULL DEFAULT FALSE,
                global_position        INTEGER                   PRIMARY KEY,
                created                DATETIME                  DEFAULT CURRENT_TIMESTAMP,
                UNIQUE (stream_id, stream_position, partition, is_archived)
            )""",
          """
          CREATE TABLE emt_subscriptions(
                subscription_id                 TEXT                   NOT NULL,
                version                         INTEGER                NOT NULL DEFAULT 1,
                partition                       TEXT                   NOT NULL DEFAULT 'global',
                last_processed_position         BIGINT                NOT NULL,
                PRIMARY KEY (subscription_id, partition, version)
            )""");

  /** Eventuous SQLite with the default schema: eventuous_streams, _messages, _checkpoints. */
  public static final List<String> EVENTUOUS =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS eventuous_streams (
              stream_id   INTEGER PRIMARY KEY AUTOINCREMENT,
              stream_name TEXT    NOT NULL UNIQUE,
              version     INTEGER NOT NULL DEFAULT(-1)
          )""",
          """
          CREATE TABLE IF NOT EXISTS eventuous_messages (
              global_position INTEGER PRIMARY KEY AUTOINCREMENT,
              message_id      TEXT    NOT NULL,
              message_type    TEXT    NOT NULL,
              stream_id       INTEGER NOT NULL REFERENCES eventuous_streams(stream_id),
              stream_position INTEGER NOT NULL,
              json_data       TEXT    NOT NULL,
              json_metadata   TEXT,
              created         TEXT    NOT NULL,
              UNIQUE(stream_id, stream_position),
              UNIQUE(stream_id, message_id),
              CHECK(stream_position >= 0)
          )""",
          "CREATE INDEX IF NOT EXISTS idx_eventuous_messages_stream_id ON"
              + " eventuous_messages(stream_id)",
          """
          CREATE TABLE IF NOT EXISTS eventuous_checkpoints (
              id       TEXT PRIMARY KEY,
              position INTEGER NULL
          )""");

  private LibraryDdl() {}

  /** Runs the statements on an open connection. */
  public static void create(Connection c, List<String> ddl) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : ddl) {
        s.execute(sql);
      }
    }
  }
}
