-- Hindsight fixture: Apache Pekko Persistence JDBC on PostgreSQL (journal, tags, snapshots, durable state).
--
-- Library : apache/pekko-persistence-jdbc 1.3.0, tag v1.3.0 (commit a410f9d21d08ac0e150a4cf3848bfce9f3bb394c).
--           Akka Persistence JDBC 5.x uses the same layout (its akka-persistence-jdbc postgres-create-schema.sql).
-- Source  : core/src/main/resources/schema/postgres/postgres-create-schema.sql, verbatim below except one word: the
--           script's two "CREATE INDEX CONCURRENTLY ... on public.durable_state" are written "CREATE INDEX" here,
--           because CONCURRENTLY cannot run in a transaction block or in one multi-statement JDBC execute (PgJDBC:
--           "cannot be executed within a pipeline"). The resulting indexes are identical (pg_indexes shows no
--           difference); the original lines are kept as comments next to them. Unreleased main (2.0.0 line, commit 465ea095d65d019286c12d3340871bd7ff283828,
--           "optimized event tags table writes" #386) changes event_tag to (event_id, persistence_id,
--           sequence_number, tag) with PK (persistence_id, sequence_number, tag) and an FK to event_journal's PK;
--           1.x (this file) has event_tag(event_id -> event_journal.ordering, tag).
--           Row semantics: core/src/main/scala/org/apache/pekko/persistence/jdbc/journal/dao/JournalTables.scala,
--           JournalQueries.scala, DefaultJournalDao.scala (delete(persistenceId, toSeqNr) physically deletes rows
--           below the highest sequence number up to toSeqNr and only marks that last one deleted = true, so the
--           journal keeps the highest sequence number), PekkoSerialization.scala.
-- Checked : the script is byte-identical in tag v1.1.1 (85d6f0a5413ce8adea8a000beac56dc06b8c1b27) and inside the
--           published pekko-persistence-jdbc_2.13-1.1.1.jar (schema/postgres/postgres-create-schema.sql). With that jar
--           (Pekko 1.1.5, jackson-json binding) a classic persistent actor "ShoppingCart|cart-1" persisted 3 events
--           (2 wrapped in journal.Tagged), saved a snapshot and called deleteMessages(2) against PostgreSQL 15: row 1 was
--           deleted, row 2 kept with deleted = true, adapter_manifest '', event_ser_id 31, event_ser_manifest = the class
--           name, compact JSON payload, write_timestamp epoch ms shared by one batch, event_tag(event_id = ordering, tag)
--           rows, snapshot created epoch ms - the shapes used below.
-- How Pekko writes: persistence_id is free text; Pekko Typed/Cluster Sharding uses "<EntityTypeKey name>|<entityId>";
--   sequence_number 1-based; ordering = BIGSERIAL (global order; rolled-back inserts and deletions leave gaps, and
--   concurrent writers can commit a lower ordering after a higher one - the eventsByTag query therefore applies a
--   configurable delay/"ordering gap" detection); writer = the writer UUID of the persistent actor incarnation;
--   write_timestamp = epoch milliseconds (UTC); adapter_manifest = event adapter manifest ('' when none);
--   event_ser_id = Pekko serializer id, event_ser_manifest = serializer manifest, event_payload = serializer bytes:
--   31 = jackson-json (manifest = class name, "#<version>" suffix with a JacksonMigration), 33 = jackson-cbor (32 = jackson-cbor-264, JSON),
--   2 = protobuf (manifest = class name). meta_* hold optional event metadata (e.g. replicated event metadata).
--   No correlation/causation columns: anything like that is inside the payload or the metadata.
--
-- Data model (10 journal rows left of 12 written, ordering 1..16 with gaps at 2, 4, 9, 13-15):
--   ShoppingCart|cart-1: ItemAdded x2, ItemQuantityAdjusted (JacksonMigration v2 manifest "...#2"), CheckedOut;
--     every cart event tagged "carts" and "carts-<n>"; snapshot of cart-1 at sequence 3.
--   ShoppingCart|cart-2: ItemAdded, ItemRemoved.
--   ShoppingCart|cart-3: ItemAdded, ItemAdded, ItemRemoved, then deleteMessages(3): rows 1-2 gone, row 3 kept with
--     deleted = true; later ItemAdded (sequence 4).
--   Order|order-77 (correlation flow, carried in the payloads: cartId/orderId): OrderCreated from cart-1's checkout,
--     PaymentAuthorized in protobuf (ser id 2, binary payload); tag "orders".
--   durable_state: one Inventory|sku-1 state (revision 3).


-- core/src/main/resources/schema/postgres/postgres-create-schema.sql @ v1.3.0

CREATE TABLE IF NOT EXISTS public.event_journal(
  ordering BIGSERIAL,
  persistence_id VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  deleted BOOLEAN DEFAULT FALSE NOT NULL,

  writer VARCHAR(255) NOT NULL,
  write_timestamp BIGINT,
  adapter_manifest VARCHAR(255),

  event_ser_id INTEGER NOT NULL,
  event_ser_manifest VARCHAR(255) NOT NULL,
  event_payload BYTEA NOT NULL,

  meta_ser_id INTEGER,
  meta_ser_manifest VARCHAR(255),
  meta_payload BYTEA,

  PRIMARY KEY(persistence_id, sequence_number)
);

CREATE UNIQUE INDEX event_journal_ordering_idx ON public.event_journal(ordering);

CREATE TABLE IF NOT EXISTS public.event_tag(
    event_id BIGINT,
    tag VARCHAR(256),
    PRIMARY KEY(event_id, tag),
    CONSTRAINT fk_event_journal
      FOREIGN KEY(event_id)
      REFERENCES event_journal(ordering)
      ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS public.snapshot (
  persistence_id VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  created BIGINT NOT NULL,

  snapshot_ser_id INTEGER NOT NULL,
  snapshot_ser_manifest VARCHAR(255) NOT NULL,
  snapshot_payload BYTEA NOT NULL,

  meta_ser_id INTEGER,
  meta_ser_manifest VARCHAR(255),
  meta_payload BYTEA,

  PRIMARY KEY(persistence_id, sequence_number)
);

CREATE TABLE IF NOT EXISTS public.durable_state (
    global_offset BIGSERIAL,
    persistence_id VARCHAR(255) NOT NULL,
    revision BIGINT NOT NULL,
    state_payload BYTEA NOT NULL,
    state_serial_id INTEGER NOT NULL,
    state_serial_manifest VARCHAR(255),
    tag VARCHAR,
    state_timestamp BIGINT NOT NULL,
    PRIMARY KEY(persistence_id)
    );
-- original: CREATE INDEX CONCURRENTLY state_tag_idx on public.durable_state (tag);
CREATE INDEX state_tag_idx on public.durable_state (tag);
-- original: CREATE INDEX CONCURRENTLY state_global_offset_idx on public.durable_state (global_offset);
CREATE INDEX state_global_offset_idx on public.durable_state (global_offset);


-- ---------------------------------------------------------------------------------------------------------------
-- ShoppingCart|cart-3 sequence 1-2 were ordering 2 and 4 and were physically deleted by deleteMessages(3) (their
-- event_tag rows went with them, ON DELETE CASCADE); ordering 9 was rolled back and 13-15 were taken by inserts
-- that failed, so the journal shows gaps at 2, 4, 9, 13, 14, 15.

INSERT INTO public.event_journal (ordering, persistence_id, sequence_number, deleted, writer, write_timestamp, adapter_manifest, event_ser_id, event_ser_manifest, event_payload, meta_ser_id, meta_ser_manifest, meta_payload) VALUES
(1, 'ShoppingCart|cart-1', 1, FALSE, '7f2c6a10-3b1e-4d5f-9a8b-1c2d3e4f5a61', 1717236000123, '', 31, 'com.example.cart.ShoppingCart$ItemAdded', convert_to('{"cartId":"cart-1","itemId":"socks","quantity":2}', 'UTF8'), NULL, NULL, NULL),
(3, 'ShoppingCart|cart-1', 2, FALSE, '7f2c6a10-3b1e-4d5f-9a8b-1c2d3e4f5a61', 1717236002250, '', 31, 'com.example.cart.ShoppingCart$ItemAdded', convert_to('{"cartId":"cart-1","itemId":"t-shirt","quantity":1}', 'UTF8'), NULL, NULL, NULL),
(5, 'ShoppingCart|cart-2', 1, FALSE, '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f62', 1717236004000, '', 31, 'com.example.cart.ShoppingCart$ItemAdded', convert_to('{"cartId":"cart-2","itemId":"mug","quantity":4}', 'UTF8'), NULL, NULL, NULL),
(6, 'ShoppingCart|cart-1', 3, FALSE, '7f2c6a10-3b1e-4d5f-9a8b-1c2d3e4f5a61', 1717236005000, '', 31, 'com.example.cart.ShoppingCart$ItemQuantityAdjusted#2', convert_to('{"cartId":"cart-1","itemId":"socks","newQuantity":5,"oldQuantity":2}', 'UTF8'), NULL, NULL, NULL),
(7, 'ShoppingCart|cart-3', 3, TRUE, '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f62', 1717236006000, '', 31, 'com.example.cart.ShoppingCart$ItemRemoved', convert_to('{"cartId":"cart-3","itemId":"hat","oldQuantity":1}', 'UTF8'), NULL, NULL, NULL),
(8, 'ShoppingCart|cart-2', 2, FALSE, '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f62', 1717236007000, '', 31, 'com.example.cart.ShoppingCart$ItemRemoved', convert_to('{"cartId":"cart-2","itemId":"mug","oldQuantity":4}', 'UTF8'), NULL, NULL, NULL),
(10, 'ShoppingCart|cart-1', 4, FALSE, '7f2c6a10-3b1e-4d5f-9a8b-1c2d3e4f5a61', 1717236010000, '', 31, 'com.example.cart.ShoppingCart$CheckedOut', convert_to('{"cartId":"cart-1","eventTime":"2024-06-01T10:00:10.000Z","orderId":"order-77"}', 'UTF8'), NULL, NULL, NULL),
(11, 'Order|order-77', 1, FALSE, '5a5a5a5a-1111-4222-8333-444455556666', 1717236010450, '', 31, 'com.example.order.Order$OrderCreated', convert_to('{"orderId":"order-77","cartId":"cart-1","items":{"socks":5,"t-shirt":1},"total":{"amount":"64.90","currency":"EUR"},"note":"Straße №5"}', 'UTF8'), NULL, NULL, NULL),
(12, 'Order|order-77', 2, FALSE, '5a5a5a5a-1111-4222-8333-444455556666', 1717236011200, '', 2, 'com.example.order.proto.PaymentAuthorized', '\x0a086f726465722d373710da321a08617574682d336639'::bytea, NULL, NULL, NULL),
(16, 'ShoppingCart|cart-3', 4, FALSE, '9c8b7a69-5847-4a36-8251-403f2e1d0c9b', 1717322400000, '', 31, 'com.example.cart.ShoppingCart$ItemAdded', convert_to('{"cartId":"cart-3","itemId":"gloves","quantity":1}', 'UTF8'), NULL, NULL, NULL);

SELECT setval(pg_get_serial_sequence('public.event_journal', 'ordering'), 16);

INSERT INTO public.event_tag (event_id, tag) VALUES
(1, 'carts'),
(1, 'carts-1'),
(3, 'carts'),
(3, 'carts-1'),
(5, 'carts'),
(5, 'carts-2'),
(6, 'carts'),
(6, 'carts-1'),
(7, 'carts'),
(7, 'carts-3'),
(8, 'carts'),
(8, 'carts-2'),
(10, 'carts'),
(10, 'carts-1'),
(11, 'orders'),
(12, 'orders'),
(16, 'carts'),
(16, 'carts-3');

INSERT INTO public.snapshot (persistence_id, sequence_number, created, snapshot_ser_id, snapshot_ser_manifest, snapshot_payload, meta_ser_id, meta_ser_manifest, meta_payload) VALUES
('ShoppingCart|cart-1', 3, 1717236005100, 31, 'com.example.cart.ShoppingCart$State', convert_to('{"items":{"socks":5,"t-shirt":1},"checkoutDate":null}', 'UTF8'), NULL, NULL, NULL);

INSERT INTO public.durable_state (global_offset, persistence_id, revision, state_payload, state_serial_id, state_serial_manifest, tag, state_timestamp) VALUES
(1, 'Inventory|sku-1', 3, convert_to('{"sku":"sku-1","onHand":17,"reserved":2}', 'UTF8'), 31, 'com.example.inventory.Inventory$State', 'inventory', 1717236012000);
SELECT setval(pg_get_serial_sequence('public.durable_state', 'global_offset'), 3);
