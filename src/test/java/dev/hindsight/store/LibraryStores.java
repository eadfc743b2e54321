package dev.hindsight.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.zip.Deflater;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds one small SQLite store per supported library, with the library's own DDL and rows written
 * the way that library writes them (column types, time formats, serializer output, version bases,
 * soft-deleted, archived and command rows, snapshot tables). The values here are what the tests in
 * {@link BuiltInLayoutsTest} expect to read back.
 */
final class LibraryStores {

  private LibraryStores() {}

  /** A store builder: creates the store file in a folder and returns its path. */
  @FunctionalInterface
  interface Builder {
    Path build(Path dir) throws Exception;
  }

  // ------------------------------------------------------------------------- hindsight-simple

  /** What {@code make_event_store.py} writes: one events table, ISO times with milliseconds. */
  static Path hindsightSimple(Path dir) throws SQLException {
    Path db = dir.resolve("hindsight-simple.db");
    try (Connection c = connect(db)) {
      exec(c, "PRAGMA journal_mode=OFF");
      exec(
          c,
          """
          CREATE TABLE events(
                  global_position INTEGER PRIMARY KEY,
                  stream_id       TEXT    NOT NULL,
                  stream_version  INTEGER NOT NULL,
                  event_type      TEXT    NOT NULL,
                  payload         TEXT    NOT NULL,
                  metadata        TEXT    NOT NULL,
                  recorded_at     TEXT    NOT NULL)""");
      String insert = "INSERT INTO events VALUES (?,?,?,?,?,?,?)";
      insert(
          c,
          insert,
          1,
          "account-82010c7d",
          1,
          "AccountOpened",
          "{\"accountId\":\"account-82010c7d\",\"creditLimit\":{\"amount\":24.00,\"currency\":\"EUR\"}}",
          "{\"correlationId\":\"c-1\",\"schemaVersion\":2}",
          "2024-03-01T08:03:32.597Z");
      insert(
          c,
          insert,
          2,
          "cart-3139d324",
          1,
          "CartCreated",
          "{\"cartId\":\"cart-3139d324\",\"items\":{}}",
          "{\"correlationId\":\"c-2\",\"schemaVersion\":1}",
          "2024-03-01T08:10:13.764Z");
      insert(
          c,
          insert,
          3,
          "account-82010c7d",
          2,
          "AccountTierChanged",
          "{\"tier\":\"gold\"}",
          "{\"correlationId\":\"c-3\",\"schemaVersion\":2}",
          "2024-03-01T09:00:00.001Z");
      exec(c, "CREATE UNIQUE INDEX events_stream_version ON events(stream_id, stream_version)");
    }
    return db;
  }

  // ----------------------------------------------------------------------------------- Emmett

  /**
   * Emmett SQLite 0.38: WAL mode, {@code created} in SQLite's CURRENT_TIMESTAMP text, partition
   * {@code emt:default}, 1-based stream positions, bigints in metadata as strings; one command
   * ('C') row and one archived stream that readers skip.
   */
  static Path emmett(Path dir) throws SQLException {
    Path db = dir.resolve("emmett.db");
    try (Connection c = connect(db)) {
      exec(c, "PRAGMA journal_mode=WAL");
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS emt_streams(
                stream_id         TEXT                      NOT NULL,
                stream_position   BIGINT                    NOT NULL DEFAULT 0,
                partition         TEXT                      NOT NULL DEFAULT 'global',
                stream_type       TEXT                      NOT NULL,
                stream_metadata   JSONB                     NOT NULL,
                is_archived       BOOLEAN                   NOT NULL DEFAULT FALSE,
                PRIMARY KEY (stream_id, partition, is_archived),
                UNIQUE (stream_id, partition, is_archived)
            )""");
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS emt_messages(
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
            )""");
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS emt_subscriptions(
                subscription_id                 TEXT                   NOT NULL,
                version                         INTEGER                NOT NULL DEFAULT 1,
                partition                       TEXT                   NOT NULL DEFAULT 'global',
                last_processed_position         BIGINT                NOT NULL,
                PRIMARY KEY (subscription_id, partition, version)
            )""");
      String stream =
          "INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type,"
              + " stream_metadata, is_archived) VALUES (?, ?, ?, ?, ?, ?)";
      insert(c, stream, "shopping_cart-123", 3, "[object Object]", "shopping_cart", "[]", false);
      insert(c, stream, "shopping_cart-456", 1, "[object Object]", "shopping_cart", "[]", false);
      insert(c, stream, "shopping_cart-999", 1, "[object Object]", "shopping_cart", "[]", true);
      String message =
          "INSERT INTO emt_messages (stream_id, stream_position, partition, message_kind,"
              + " message_data, message_metadata, message_schema_version, message_type, message_id,"
              + " is_archived, global_position, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
      insert(
          c,
          message,
          "shopping_cart-123",
          1,
          "emt:default",
          "E",
          "{\"productId\":\"shoes\",\"quantity\":2,\"unitPrice\":24.5}",
          "{\"streamName\":\"shopping_cart-123\",\"messageId\":\"8d5c1c2e-0001\","
              + "\"streamPosition\":\"1\"}",
          "0",
          "ProductItemAdded",
          "8d5c1c2e-0001",
          false,
          1,
          "2024-05-01 10:00:00");
      insert(
          c,
          message,
          "shopping_cart-456",
          1,
          "emt:default",
          "E",
          "{\"productId\":\"hat\",\"quantity\":1,\"unitPrice\":10}",
          "{\"streamName\":\"shopping_cart-456\",\"messageId\":\"8d5c1c2e-0002\","
              + "\"streamPosition\":\"1\",\"correlationId\":\"corr-7\"}",
          "0",
          "ProductItemAdded",
          "8d5c1c2e-0002",
          false,
          2,
          "2024-05-01 10:00:01");
      insert(
          c,
          message,
          "shopping_cart-123",
          2,
          "emt:default",
          "E",
          "{\"confirmedAt\":\"2024-05-01T10:00:02.000Z\"}",
          "{\"streamName\":\"shopping_cart-123\",\"messageId\":\"8d5c1c2e-0003\","
              + "\"streamPosition\":\"1\"}",
          "1",
          "ShoppingCartConfirmed",
          "8d5c1c2e-0003",
          false,
          3,
          "2024-05-01 10:00:02");
      // a command appended to the same stream: not an event
      insert(
          c,
          message,
          "shopping_cart-123",
          3,
          "emt:default",
          "C",
          "{\"reason\":\"customer\"}",
          "{\"streamName\":\"shopping_cart-123\",\"messageId\":\"8d5c1c2e-0004\","
              + "\"streamPosition\":\"1\"}",
          "2",
          "CancelShoppingCart",
          "8d5c1c2e-0004",
          false,
          4,
          "2024-05-01 10:00:03");
      // an archived stream: Emmett's reads skip it
      insert(
          c,
          message,
          "shopping_cart-999",
          1,
          "emt:default",
          "E",
          "{\"productId\":\"old\",\"quantity\":1,\"unitPrice\":1}",
          "{\"streamName\":\"shopping_cart-999\",\"messageId\":\"8d5c1c2e-0005\","
              + "\"streamPosition\":\"1\"}",
          "0",
          "ProductItemAdded",
          "8d5c1c2e-0005",
          true,
          5,
          "2024-05-01 10:00:04");
      insert(
          c,
          "INSERT INTO emt_subscriptions (subscription_id, version, partition,"
              + " last_processed_position) VALUES (?, ?, ?, ?)",
          "carts-projection",
          1,
          "emt:default",
          3);
    }
    return db;
  }

  // --------------------------------------------------------------------------------- evtstore

  /**
   * evtstore 12 with the knex provider on node-sqlite3: the event type inside the JSON, the time a
   * JS Date bound as REAL epoch milliseconds (stored as INTEGER by the {@code datetime} affinity).
   */
  static Path evtstore(Path dir) throws SQLException {
    Path db = dir.resolve("evtstore.db");
    try (Connection c = connect(db)) {
      exec(
          c,
          "CREATE TABLE `events` (`position` integer not null primary key autoincrement, `version`"
              + " integer, `stream` varchar(255), `aggregate_id` varchar(255), `timestamp` datetime,"
              + " `event` text)");
      exec(
          c,
          "CREATE UNIQUE INDEX `events_stream_position_unique` on `events` (`stream`, `position`)");
      exec(
          c,
          "CREATE UNIQUE INDEX `events_stream_aggregate_id_version_unique` on `events` (`stream`,"
              + " `aggregate_id`, `version`)");
      exec(
          c,
          "CREATE TABLE `bookmarks` (`bookmark` varchar(255), `position` bigint, primary key"
              + " (`bookmark`))");
      String insert =
          "insert into `events` (`aggregate_id`, `event`, `stream`, `timestamp`, `version`) values"
              + " (?, ?, ?, ?, ?)";
      insert(
          c,
          insert,
          "u-1",
          "{\"type\":\"userCreated\",\"name\":\"Bob\"}",
          "users",
          1714557600123.0,
          1);
      insert(
          c,
          insert,
          "a-9",
          "{\"type\":\"accountOpened\",\"owner\":\"u-1\"}",
          "accounts",
          1714557601000.0,
          1);
      insert(
          c,
          insert,
          "u-1",
          "{\"type\":\"nameChanged\",\"name\":\"Robert\","
              + "\"__persisted\":{\"version\":2,\"aggregate\":{\"name\":\"Robert\"}}}",
          "users",
          1714557602999.0,
          2);
      insert(c, "insert into `bookmarks` (`bookmark`, `position`) values (?, ?)", "users-model", 3);
    }
    return db;
  }

  // ------------------------------------------------------------------------------------- Axon

  /** Axon 4 JdbcEventStorageEngine with the JacksonSerializer: JSON bytes in BLOBs, 0-based. */
  static Path axonJdbc(Path dir) throws SQLException {
    Path db = dir.resolve("axon-jdbc.db");
    try (Connection c = connect(db)) {
      LibraryDdl.create(c, LibraryDdl.AXON_JDBC);
      // globalIndex is left to SQLite (a rowid alias), as Axon's insert leaves it to the database
      String insert =
          "INSERT INTO DomainEventEntry (eventIdentifier, timeStamp, payloadType,"
              + " payloadRevision, payload, metaData, type, aggregateIdentifier, sequenceNumber)"
              + " VALUES (?,?,?,?,?,?,?,?,?)";
      insert(
          c,
          insert,
          "e0b1c0de-0000-4000-8000-000000000001",
          "2024-05-01T10:00:00.123Z",
          "com.example.giftcard.CardIssuedEvent",
          null,
          utf8("{\"cardId\":\"card-1\",\"amount\":24.00}"),
          utf8("{\"traceId\":\"trace-1\",\"correlationId\":\"trace-1\"}"),
          "GiftCard",
          "card-1",
          0);
      insert(
          c,
          insert,
          "e0b1c0de-0000-4000-8000-000000000002",
          "2024-05-01T10:00:01.456789Z",
          "com.example.giftcard.CardRedeemedEvent",
          "2",
          utf8("{\"cardId\":\"card-1\",\"amount\":4.50,\"note\":null}"),
          utf8("{\"traceId\":\"trace-2\",\"correlationId\":\"trace-1\",\"attempt\":1}"),
          "GiftCard",
          "card-1",
          1);
      // an event published outside an aggregate: no type, its own identifier as aggregate id
      insert(
          c,
          insert,
          "e0b1c0de-0000-4000-8000-000000000003",
          "2024-05-01T10:00:02.000Z",
          "com.example.giftcard.ReportRequested",
          null,
          utf8("{\"period\":\"2024-04\"}"),
          utf8("{}"),
          null,
          "e0b1c0de-0000-4000-8000-000000000003",
          0);
      String snapshot =
          "INSERT INTO SnapshotEventEntry (eventIdentifier, timeStamp, payloadType, payloadRevision,"
              + " payload, metaData, type, aggregateIdentifier, sequenceNumber)"
              + " VALUES (?,?,?,?,?,?,?,?,?)";
      insert(
          c,
          snapshot,
          "e0b1c0de-0000-4000-8000-0000000000s1",
          "2024-05-01T10:00:01.456Z",
          "com.example.giftcard.GiftCard",
          null,
          utf8("{\"id\":\"card-1\",\"remaining\":19.50}"),
          utf8("{}"),
          "GiftCard",
          "card-1",
          1);
      insert(
          c,
          snapshot,
          "e0b1c0de-0000-4000-8000-0000000000s2",
          "2024-04-01T00:00:00.000Z",
          "com.example.giftcard.GiftCard",
          null,
          utf8("{\"id\":\"card-snapshot-only\",\"remaining\":0}"),
          utf8("{}"),
          "GiftCard",
          "card-snapshot-only",
          7);
    }
    return db;
  }

  /**
   * Axon 4 JPA engine under Spring Boot (Hibernate DDL, snake_case) with Axon's default XStream
   * serializer: XML bytes whose root element is the class name ({@code $} written as {@code _-}),
   * metadata as {@code <meta-data>}; global indexes from a pooled sequence, so they have gaps.
   */
  static Path axonJpa(Path dir) throws SQLException {
    Path db = dir.resolve("axon-jpa.db");
    try (Connection c = connect(db)) {
      exec(
          c,
          "create table domain_event_entry (global_index bigint not null, aggregate_identifier"
              + " varchar(255) not null, event_identifier varchar(255) not null, meta_data blob,"
              + " payload blob not null, payload_revision varchar(255), payload_type varchar(255) not"
              + " null, sequence_number bigint not null, time_stamp varchar(255) not null, type"
              + " varchar(255), primary key (global_index), constraint UK8s1f994p4la2ipb13me2xqm1w"
              + " unique (aggregate_identifier, sequence_number), constraint"
              + " UK_fwe6lsa8bfo6hyas6ud3m8c7x unique (event_identifier))");
      exec(
          c,
          "create table snapshot_event_entry (aggregate_identifier varchar(255) not null,"
              + " sequence_number bigint not null, type varchar(255) not null, event_identifier"
              + " varchar(255) not null, meta_data blob, payload blob not null, payload_revision"
              + " varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null,"
              + " primary key (aggregate_identifier, sequence_number, type))");
      exec(
          c,
          "create table token_entry (processor_name varchar(255) not null, segment integer not"
              + " null, owner varchar(255), timestamp varchar(255) not null, token blob, token_type"
              + " varchar(255), primary key (processor_name, segment))");
      exec(c, "create table domain_event_entry_seq (next_val bigint)");
      String insert =
          "insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,"
              + " payload_type, time_stamp, aggregate_identifier, sequence_number, type,"
              + " global_index) values (?,?,?,?,?,?,?,?,?,?)";
      insert(
          c,
          insert,
          "7f1d7a10-0000-4000-8000-000000000001",
          utf8(
              "<meta-data><entry><string>traceId</string><string>t-1</string></entry>"
                  + "<entry><string>correlationId</string><string>t-1</string></entry></meta-data>"),
          utf8(
              "<com.example.Account_-Opened><accountId>acc-1</accountId>"
                  + "<owner>Alice</owner></com.example.Account_-Opened>"),
          null,
          "com.example.Account$Opened",
          "2024-05-01T10:00:00.123Z",
          "acc-1",
          0,
          "Account",
          1);
      insert(
          c,
          insert,
          "7f1d7a10-0000-4000-8000-000000000002",
          utf8("<meta-data/>"),
          utf8(
              "<com.example.account.MoneyDepositedEvent><accountId>acc-1</accountId>"
                  + "<amount>24.00</amount></com.example.account.MoneyDepositedEvent>"),
          "2",
          "com.example.account.MoneyDepositedEvent",
          "2024-05-01T10:00:01.000Z",
          "acc-1",
          1,
          "Account",
          2);
      insert(
          c,
          insert,
          "7f1d7a10-0000-4000-8000-000000000003",
          utf8("<meta-data/>"),
          utf8(
              "<com.example.Account_-Opened><accountId>acc-2</accountId>"
                  + "<owner>Bob</owner></com.example.Account_-Opened>"),
          null,
          "com.example.Account$Opened",
          "2024-05-02T08:30:00.5Z",
          "acc-2",
          0,
          "Account",
          51);
      insert(c, "insert into domain_event_entry_seq values (?)", 101);
      insert(
          c,
          "insert into snapshot_event_entry (aggregate_identifier, sequence_number, type,"
              + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
              + " values (?,?,?,?,?,?,?,?,?)",
          "acc-snapshot-only",
          4,
          "Account",
          "7f1d7a10-0000-4000-8000-0000000000s1",
          utf8("<meta-data/>"),
          utf8("<com.example.Account><id>acc-snapshot-only</id></com.example.Account>"),
          null,
          "com.example.Account",
          "2024-04-01T00:00:00.000Z");
      insert(
          c,
          "insert into token_entry (processor_name, segment, owner, timestamp, token, token_type)"
              + " values (?,?,?,?,?,?)",
          "accounts",
          0,
          null,
          "2024-05-01T10:00:02.000Z",
          utf8(
              "<org.axonframework.eventhandling.GlobalSequenceTrackingToken><globalIndex>51"
                  + "</globalIndex></org.axonframework.eventhandling.GlobalSequenceTrackingToken>"),
          "org.axonframework.eventhandling.GlobalSequenceTrackingToken");
    }
    return db;
  }

  // ------------------------------------------------------------------------ Python eventsourcing

  /** The JSON state of the events below, as Python's json.JSONEncoder writes it (", " and ": "). */
  static final String[] EVENTSOURCING_STATES = {
    "{\"timestamp\": {\"_type_\": \"datetime_iso\", \"_data_\": \"2024-05-01T10:00:00.123456+00:00\"},"
        + " \"originator_topic\": \"bank.domain:Account\", \"full_name\": \"Alice\"}",
    "{\"timestamp\": {\"_type_\": \"datetime_iso\", \"_data_\": \"2024-05-01T10:00:05+00:00\"},"
        + " \"originator_topic\": \"bank.domain:Account\", \"full_name\": \"Bob\"}",
    "{\"timestamp\": {\"_type_\": \"datetime_iso\", \"_data_\": \"2024-05-01T10:00:01.000001+00:00\"},"
        + " \"amount\": {\"_type_\": \"decimal_str\", \"_data_\": \"24.00\"},"
        + " \"transaction_id\": {\"_type_\": \"uuid_hex\", \"_data_\": \"5e2a3d7b0c9e4f1a8b6d2c4e6f8a0b1c\"}}"
  };

  static final String ALICE = "0f3c1b6a9d2e4c7b8a5f1e2d3c4b5a69";
  static final String BOB = "7a1e2b3c4d5e4f60a1b2c3d4e5f60718";
  static final String SNAPSHOT_ONLY = "9999aaaabbbb4cccdddd0000eeeeffff";

  /** Python eventsourcing 9.2, plain JSON state. */
  static Path eventsourcing(Path dir) throws Exception {
    return eventsourcing(dir.resolve("eventsourcing.db"), s -> s);
  }

  /** Python eventsourcing 9.2 with {@code ZlibCompressor}: {@code zlib.compress(state)}. */
  static Path eventsourcingZlib(Path dir) throws Exception {
    return eventsourcing(dir.resolve("eventsourcing-zlib.db"), LibraryStores::zlib);
  }

  /**
   * Python eventsourcing 9.2 with {@code AESCipher}: AES-GCM, stored as nonce + tag + ciphertext
   * (so the bytes are opaque; compression, when on, happens before encryption).
   */
  static Path eventsourcingEncrypted(Path dir) throws Exception {
    return eventsourcing(dir.resolve("eventsourcing-encrypted.db"), LibraryStores::aesGcm);
  }

  /** Encrypted state sizes: 12-byte nonce + 16-byte tag + the plaintext's length. */
  static int encryptedSize(int state) {
    return 12 + 16 + EVENTSOURCING_STATES[state].getBytes(StandardCharsets.UTF_8).length;
  }

  private interface Transcoder {
    byte[] apply(byte[] state) throws Exception;
  }

  private static Path eventsourcing(Path db, Transcoder transcoder) throws Exception {
    try (Connection c = connect(db)) {
      exec(c, "pragma journal_mode=wal");
      LibraryDdl.create(c, LibraryDdl.EVENTSOURCING);
      String insert = "INSERT INTO stored_events VALUES (?,?,?,?)";
      insert(
          c,
          insert,
          ALICE,
          1,
          "bank.domain:Account.Opened",
          transcoder.apply(utf8(EVENTSOURCING_STATES[0])));
      insert(
          c,
          insert,
          BOB,
          1,
          "bank.domain:Account.Opened",
          transcoder.apply(utf8(EVENTSOURCING_STATES[1])));
      insert(
          c,
          insert,
          ALICE,
          2,
          "bank.domain:Account.Credited",
          transcoder.apply(utf8(EVENTSOURCING_STATES[2])));
      String snapshot =
          "{\"timestamp\": {\"_type_\": \"datetime_iso\", \"_data_\": \"2024-05-01T10:00:01.000001+00:00\"},"
              + " \"topic\": \"bank.domain:Account\", \"state\": {\"full_name\": \"Alice\"}}";
      String insertSnapshot = "INSERT INTO stored_snapshots VALUES (?,?,?,?)";
      insert(
          c,
          insertSnapshot,
          ALICE,
          2,
          "eventsourcing.domain:Snapshot",
          transcoder.apply(utf8(snapshot)));
      insert(
          c,
          insertSnapshot,
          SNAPSHOT_ONLY,
          3,
          "eventsourcing.domain:Snapshot",
          transcoder.apply(utf8(snapshot)));
    }
    return db;
  }

  private static byte[] zlib(byte[] data) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(data);
      deflater.finish();
      byte[] buf = new byte[data.length + 64];
      int n = deflater.deflate(buf);
      if (!deflater.finished()) {
        throw new IllegalStateException("deflate buffer too small");
      }
      return Arrays.copyOf(buf, n);
    } finally {
      deflater.end();
    }
  }

  private static byte[] aesGcm(byte[] plaintext) throws GeneralSecurityException {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    // eventsourcing draws a random nonce; a digest of the plaintext keeps the fixture repeatable
    byte[] nonce = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(plaintext), 12);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    byte[] sealed = cipher.doFinal(plaintext); // ciphertext + tag
    int tagAt = sealed.length - 16;
    byte[] out = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, out, 0, nonce.length);
    System.arraycopy(sealed, tagAt, out, nonce.length, 16);
    System.arraycopy(sealed, 0, out, nonce.length + 16, tagAt);
    return out;
  }

  // ------------------------------------------------------------------------------- Pekko JDBC

  /** The CBOR bytes Pekko's jackson-cbor serializer (id 33) writes for the CheckedOut event. */
  static byte[] pekkoCbor() {
    ObjectNode event = JsonNodeFactory.withExactBigDecimals(true).objectNode();
    event.put("cartId", "cart-1");
    event.put("eventTime", "2024-05-01T10:00:05.5Z");
    event.put("total", new BigDecimal("24.00"));
    event.put("items", 2);
    try {
      return new CBORMapper().writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pekko Persistence JDBC 1.1 (H2 DDL adapted to SQLite) with Pekko's Jackson serializers: JSON
   * (31) and CBOR (33); a migration makes the manifest {@code Class#2}; one deleted tombstone row.
   */
  static Path pekkoJdbc(Path dir) throws SQLException {
    Path db = dir.resolve("pekko-jdbc.db");
    try (Connection c = connect(db)) {
      LibraryDdl.create(c, LibraryDdl.PEKKO_JDBC);
      String writer = "3b1f7c9e-5d2a-4e8f-9a6b-0c1d2e3f4a5b";
      String insert =
          "insert into \"event_journal\" (\"deleted\",\"persistence_id\",\"sequence_number\","
              + "\"writer\",\"write_timestamp\",\"adapter_manifest\",\"event_payload\","
              + "\"event_ser_id\",\"event_ser_manifest\",\"meta_payload\",\"meta_ser_id\","
              + "\"meta_ser_manifest\") values (?,?,?,?,?,?,?,?,?,?,?,?)";
      insert(
          c,
          insert,
          false,
          "ShoppingCart|cart-1",
          1,
          writer,
          1714557600123L,
          "",
          utf8("{\"cartId\":\"cart-1\",\"itemId\":\"socks\",\"quantity\":2,\"price\":24.00}"),
          31,
          "com.example.Cart$ItemAdded#2",
          null,
          null,
          null);
      insert(
          c,
          insert,
          false,
          "ShoppingCart|cart-2",
          1,
          writer,
          1714557601000L,
          "",
          utf8("{\"cartId\":\"cart-2\",\"itemId\":\"hat\",\"quantity\":1,\"price\":9.99}"),
          31,
          "com.example.Cart$ItemAdded#2",
          utf8("{\"source\":\"api\"}"),
          31,
          "com.example.EventMetadata");
      insert(
          c,
          insert,
          false,
          "ShoppingCart|cart-1",
          2,
          writer,
          1714557605500L,
          "",
          pekkoCbor(),
          33,
          "com.example.Cart$CheckedOut",
          null,
          null,
          null);
      // what a deleteMessages leaves: the highest sequence number, kept as a deleted tombstone
      insert(
          c,
          insert,
          true,
          "ShoppingCart|cart-3",
          2,
          writer,
          1714557606000L,
          "",
          utf8("{\"cartId\":\"cart-3\",\"itemId\":\"gone\",\"quantity\":1,\"price\":1.00}"),
          31,
          "com.example.Cart$ItemAdded#2",
          null,
          null,
          null);
      String tag = "insert into \"event_tag\" (\"event_id\",\"tag\") values (?,?)";
      insert(c, tag, 1, "cart");
      insert(c, tag, 2, "cart");
      insert(c, tag, 3, "cart");
      String snapshot =
          "insert into \"snapshot\" (\"persistence_id\",\"sequence_number\",\"created\","
              + "\"snapshot_ser_id\",\"snapshot_ser_manifest\",\"snapshot_payload\") values"
              + " (?,?,?,?,?,?)";
      insert(
          c,
          snapshot,
          "ShoppingCart|cart-1",
          2,
          1714557605600L,
          31,
          "com.example.Cart$State",
          utf8("{\"items\":{\"socks\":2},\"checkedOut\":true}"));
      insert(
          c,
          snapshot,
          "ShoppingCart|cart-snapshot-only",
          9,
          1714557000000L,
          31,
          "com.example.Cart$State",
          utf8("{\"items\":{},\"checkedOut\":false}"));
    }
    return db;
  }

  // -------------------------------------------------------------------------------- Akka.NET

  /** 2024-05-01T10:00:00Z as .NET DateTime ticks (100 ns since 0001-01-01T00:00Z). */
  static final long TICKS_2024_05_01_10H = 638_501_544_000_000_000L;

  /**
   * Akka.Persistence.Sqlite: .NET ticks, Newtonsoft JSON (serializer 1) with {@code $id} and {@code
   * $type}; an empty manifest (Newtonsoft does not include one), so the type is only in the JSON;
   * one event with a CLR type name as manifest and no {@code $type} (type names off, a serializer
   * that includes a manifest), so the type is only in the column; a soft-deleted row; the
   * journal_metadata and snapshot tables.
   */
  static Path akkaNet(Path dir) throws SQLException {
    Path db = dir.resolve("akka-net.db");
    try (Connection c = connect(db)) {
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS event_journal (
              ordering INTEGER PRIMARY KEY NOT NULL,
              persistence_id VARCHAR(255) NOT NULL,
              sequence_nr INTEGER(8) NOT NULL,
              is_deleted INTEGER(1) NOT NULL,
              manifest VARCHAR(255) NULL,
              timestamp INTEGER NOT NULL,
              payload BLOB NOT NULL,
              tags VARCHAR(2000) NULL,
              serializer_id INTEGER(4),
              UNIQUE (persistence_id, sequence_nr)
          )""");
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS journal_metadata (
              persistence_id VARCHAR(255) NOT NULL,
              sequence_nr INTEGER(8) NOT NULL,
              PRIMARY KEY (persistence_id, sequence_nr)
          )""");
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS snapshot (
              persistence_id VARCHAR(255) NOT NULL,
              sequence_nr INTEGER(8) NOT NULL,
              created_at INTEGER(8) NOT NULL,
              manifest VARCHAR(255) NOT NULL,
              payload BLOB NOT NULL,
              serializer_id INTEGER(4),
              PRIMARY KEY (persistence_id, sequence_nr)
          )""");
      String insert =
          "INSERT INTO event_journal (persistence_id, sequence_nr, timestamp, is_deleted, manifest,"
              + " payload, tags, serializer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
      insert(
          c,
          insert,
          "cart-1",
          1,
          TICKS_2024_05_01_10H + 1_234_567L,
          false,
          "",
          utf8(
              "{\"$id\":\"1\",\"$type\":\"Shop.Events.ItemAdded, Shop\","
                  + "\"CartId\":\"cart-1\",\"Sku\":\"socks\",\"Price\":24.00}"),
          ";cart;",
          1);
      insert(
          c,
          insert,
          "order-7",
          1,
          TICKS_2024_05_01_10H + 10_000_000L,
          false,
          "Shop.Events.OrderPlaced, Shop",
          utf8("{\"OrderId\":\"order-7\",\"Total\":24.00}"),
          null,
          1);
      insert(
          c,
          insert,
          "cart-1",
          2,
          TICKS_2024_05_01_10H + 20_000_001L,
          false,
          "",
          utf8(
              "{\"$id\":\"1\",\"$type\":\"Shop.Events.CheckedOut, Shop\","
                  + "\"CartId\":\"cart-1\"}"),
          ";cart;checkout;",
          1);
      // a soft-deleted row, as older Akka.NET versions marked deletions
      insert(
          c,
          insert,
          "cart-2",
          1,
          TICKS_2024_05_01_10H + 30_000_000L,
          true,
          "",
          utf8("{\"$id\":\"1\",\"$type\":\"Shop.Events.ItemAdded, Shop\",\"CartId\":\"cart-2\"}"),
          null,
          1);
      insert(
          c,
          "INSERT INTO journal_metadata (persistence_id, sequence_nr) VALUES (?, ?)",
          "cart-2",
          1);
      insert(
          c,
          "INSERT OR IGNORE INTO snapshot (persistence_id, sequence_nr, created_at, manifest,"
              + " payload, serializer_id) VALUES (?, ?, ?, ?, ?, ?)",
          "cart-snapshot-only",
          5,
          TICKS_2024_05_01_10H,
          "",
          utf8("{\"$id\":\"1\",\"$type\":\"Shop.CartState, Shop\",\"Items\":[]}"),
          1);
    }
    return db;
  }

  // -------------------------------------------------------------------------- SqlStreamStore

  /**
   * SqlStreamStore's SQLite provider through Microsoft.Data.Sqlite: DateTime as {@code yyyy-MM-dd
   * HH:mm:ss.FFFFFFF} text (trailing zeros, and the point, trimmed), 0-based versions and
   * positions, hashed stream ids with the original beside them.
   */
  static Path sqlStreamStore(Path dir) throws SQLException {
    Path db = dir.resolve("sqlstreamstore.db");
    try (Connection c = connect(db)) {
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS streams(
              id              text    NOT NULL                            UNIQUE,
              id_original     text    NOT NULL,
              id_internal     integer NOT NULL PRIMARY KEY                AUTOINCREMENT,
              version         integer NOT NULL DEFAULT -1                 CHECK (version >= -1),
              position        integer NOT NULL DEFAULT -1,
              max_age         integer NULL,
              max_count       integer NULL
          )""");
      exec(c, "CREATE INDEX IF NOT EXISTS ix_id_original\n  ON streams (id_original)");
      exec(
          c,
          """
          CREATE TABLE IF NOT EXISTS messages (
              event_id                CHAR(36)    NOT NULL,
              stream_id_internal      integer     NOT NULL,
              stream_version          integer     NOT NULL                CHECK (stream_version >= 0),
              [position]              integer     NOT NULL PRIMARY KEY,
              created_utc             DATETIME    NOT NULL,
              type                    CHAR(128)   NOT NULL,
              json_data               text        NOT NULL,
              json_metadata           text,
              FOREIGN KEY (stream_id_internal) REFERENCES streams (id_internal),
              UNIQUE (stream_id_internal, stream_version)
              UNIQUE (stream_id_internal, event_id)
          )""");
      String stream =
          "INSERT INTO streams (id, id_original, version, position) VALUES (?, ?, ?, ?)";
      insert(c, stream, "F2E24B1F9E058983E7C4E297CDE387BCBF469269", "Account-1", 1, 2);
      insert(c, stream, "B8CCAFBF240FAD39D04DB9253A23F3D353020BE9", "Account-2", 0, 1);
      String message =
          "INSERT INTO messages(event_id, stream_id_internal,  [position], stream_version,"
              + " created_utc, [type], json_data, json_metadata)\n"
              + "SELECT ?, streams.id_internal, ?, ?, ?, ?, ?, ?\n"
              + "FROM streams\n"
              + "WHERE streams.id = ?";
      insert(
          c,
          message,
          "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
          0,
          0,
          "2024-05-01 10:00:00.1234567",
          "AccountOpened",
          "{\"AccountId\":\"Account-1\",\"Balance\":24.00}",
          "{\"UserId\":\"u-1\"}",
          "F2E24B1F9E058983E7C4E297CDE387BCBF469269");
      insert(
          c,
          message,
          "3f2504e0-4f89-11d3-9a0c-0305e82c3302",
          1,
          0,
          "2024-05-01 10:00:01",
          "AccountOpened",
          "{\"AccountId\":\"Account-2\",\"Balance\":0}",
          null,
          "B8CCAFBF240FAD39D04DB9253A23F3D353020BE9");
      insert(
          c,
          message,
          "3f2504e0-4f89-11d3-9a0c-0305e82c3303",
          2,
          1,
          "2024-05-01 10:00:02.5",
          "FundsDeposited",
          "{\"Amount\":1.50}",
          "{\"UserId\":\"u-2\"}",
          "F2E24B1F9E058983E7C4E297CDE387BCBF469269");
    }
    return db;
  }

  // -------------------------------------------------------------------------------- Eventuous

  /**
   * Eventuous SQLite with the default schema {@code eventuous}: {@code
   * DateTime.UtcNow.ToString("o")} times shared by the events of one append, 0-based stream
   * positions, System.Text.Json data and metadata.
   */
  static Path eventuous(Path dir) throws SQLException {
    Path db = dir.resolve("eventuous.db");
    try (Connection c = connect(db)) {
      String script =
          """
          CREATE TABLE IF NOT EXISTS __schema___streams (
              stream_id   INTEGER PRIMARY KEY AUTOINCREMENT,
              stream_name TEXT    NOT NULL UNIQUE,
              version     INTEGER NOT NULL DEFAULT(-1)
          );

          CREATE TABLE IF NOT EXISTS __schema___messages (
              global_position INTEGER PRIMARY KEY AUTOINCREMENT,
              message_id      TEXT    NOT NULL,
              message_type    TEXT    NOT NULL,
              stream_id       INTEGER NOT NULL REFERENCES __schema___streams(stream_id),
              stream_position INTEGER NOT NULL,
              json_data       TEXT    NOT NULL,
              json_metadata   TEXT,
              created         TEXT    NOT NULL,
              UNIQUE(stream_id, stream_position),
              UNIQUE(stream_id, message_id),
              CHECK(stream_position >= 0)
          );

          CREATE INDEX IF NOT EXISTS idx___schema___messages_stream_id ON __schema___messages(stream_id);

          CREATE TABLE IF NOT EXISTS __schema___checkpoints (
              id       TEXT PRIMARY KEY,
              position INTEGER NULL
          );
          """
              .replace("__schema__", "eventuous");
      for (String statement : script.split(";")) {
        if (!statement.isBlank()) {
          exec(c, statement);
        }
      }
      String stream =
          "INSERT OR IGNORE INTO eventuous_streams (stream_name, version) VALUES (?, -1)";
      insert(c, stream, "Booking-123");
      insert(c, stream, "Booking-456");
      String message =
          "INSERT INTO eventuous_messages (message_id, message_type, stream_id, stream_position,"
              + " json_data, json_metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)";
      String meta = "{\"eventuous.correlation-id\":\"c-1\",\"eventuous.causation-id\":\"c-1\"}";
      insert(
          c,
          message,
          "b7f7f7a0-1c2d-4e5f-8a9b-000000000001",
          "V1.RoomBooked",
          1,
          0,
          "{\"bookingId\":\"123\",\"roomId\":\"r-12\",\"price\":24.00}",
          meta,
          "2024-05-01T10:00:00.1234567Z");
      insert(
          c,
          message,
          "b7f7f7a0-1c2d-4e5f-8a9b-000000000002",
          "V1.PaymentRecorded",
          1,
          1,
          "{\"bookingId\":\"123\",\"paid\":24.00}",
          meta,
          "2024-05-01T10:00:00.1234567Z");
      insert(
          c,
          message,
          "b7f7f7a0-1c2d-4e5f-8a9b-000000000003",
          "V1.RoomBooked",
          2,
          0,
          "{\"bookingId\":\"456\",\"roomId\":\"r-7\",\"price\":100.5}",
          "{}",
          "2024-05-02T23:59:59.9999999Z");
      exec(c, "UPDATE eventuous_streams SET version = 1 WHERE stream_id = 1");
      exec(c, "UPDATE eventuous_streams SET version = 0 WHERE stream_id = 2");
      insert(
          c,
          "INSERT INTO eventuous_checkpoints (id, position) VALUES (?, ?)",
          "BookingsProjection",
          3);
    }
    return db;
  }

  // --------------------------------------------------------------------------------- helpers

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Connection connect(Path db) throws SQLException {
    try {
      Files.createDirectories(db.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DriverManager.getConnection("jdbc:sqlite:" + db);
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        int at = i + 1;
        if (v == null) {
          ps.setNull(at, Types.NULL);
        } else if (v instanceof byte[] b) {
          ps.setBytes(at, b);
        } else if (v instanceof String s) {
          ps.setString(at, s);
        } else if (v instanceof Integer n) {
          ps.setInt(at, n);
        } else if (v instanceof Long n) {
          ps.setLong(at, n);
        } else if (v instanceof Double d) {
          ps.setDouble(at, d);
        } else if (v instanceof Boolean b) {
          ps.setBoolean(at, b);
        } else {
          throw new IllegalArgumentException("unsupported value " + v);
        }
      }
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no row inserted by " + sql);
      }
    }
  }
}
