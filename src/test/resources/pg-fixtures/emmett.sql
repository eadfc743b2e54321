-- Hindsight fixture: Emmett PostgreSQL event store (@event-driven-io/emmett-postgresql).
--
-- Library : event-driven-io/emmett, npm package @event-driven-io/emmett-postgresql 0.42.0 (repository tag 0.42.0,
--           commit c5d9a755c5d6230328920adb6dadd3a60758d9c7), which depends on @event-driven-io/dumbo 0.12.7.
-- Source  : src/packages/emmett-postgresql/src/eventStore/schema/tables.ts @ 0.42.0 (streamsTableSQL,
--           messagesTableSQL, projectionsTableSQL, processorsTableSQL, sanitizeNameSQL, addTablePartitions,
--           addPartitionSQL, addDefaultPartitionSQL), schema/typing.ts (emt_ prefix, default partition 'emt:default'),
--           schema/index.ts (order of schemaSQL), schema/appendToStream.ts (how rows are written),
--           schema/readMessagesBatch.ts (reading: ORDER BY transaction_id, global_position and only
--           transaction_id < pg_snapshot_xmin(pg_current_snapshot())); dumbo's migrationTableSQL (dmb_migrations).
--           Emmett wraps each function in "DO $$ IF NOT EXISTS (pg_proc ...) THEN ... END IF $$"
--           (createFunctionIfDoesNotExist.ts); they are given here unwrapped. emt_append_to_stream and the
--           processor/projection lock functions hold no data and are left out.
-- Checked : the published 0.42.0 package was run against PostgreSQL 15 (getPostgreSQLEventStore + appendToStream);
--           the columns, types, defaults and indexes of emt_messages/emt_streams/emt_processors/emt_projections it
--           created are identical to the ones below, and its rows have the shape used below
--           (message_schema_version '1', message_metadata {} unless the caller passes metadata, stream_metadata {}).
-- Newer   : main (0.43.0-beta, commit 6e308790bfc44396e4288a04de81e36a1655af80) adds
--           CREATE INDEX idx_messages_transaction_id_global_position ON emt_messages(transaction_id, global_position)
--           (a 0.43.0 migration) and fills message_metadata from the observability context with correlationId,
--           causationId, traceId and spanId. Its appendToStream.ts passes the schema versions as the JS strings "'1'"
--           through a parameter, which may store the quotes (not verified: 0.43 is not published).
-- How Emmett writes (0.42.0): stream_type = stream name before the first '-' ('emt:unknown' when there is no '-');
--   message_kind 'E' for events, 'C' for commands; message_schema_version '1'; message_id = uuid v4 text;
--   message_metadata = the metadata the application passed (conventionally correlationId / causationId), '{}'
--   otherwise; transaction_id = pg_current_xact_id() (xid8) of the appending transaction; global_position from
--   sequence emt_global_message_position; created = now() (transaction start, shared by all messages of one
--   append); stream_position 1-based; stream_metadata '{}'.
--
-- Data model (17 messages in 2 partitions, global_position 1..18, gap at 15):
--   partition 'emt:default':
--     shopping_cart-1c5f...: ProductItemAddedToShoppingCart x2 (one append, one xid), removed, confirmed;
--     order-7d2e...: OrderInitiated + PaymentRequested caused by the cart confirmation (same correlationId,
--       causationId = the ShoppingCartConfirmed message_id) - the correlation flow across streams;
--     order_workflow-7d2e...: a command message (kind 'C') ReserveStock and the event StockReserved;
--     shopping_cart-2b7a...: archived (is_archived = TRUE rows live in *_archived partitions) AND a new live stream
--       with the same stream_id starting again at stream_position 1;
--     inventory: stream without '-', so stream_type 'emt:unknown';
--   partition 'globex' (emt_add_partition('globex')): guest_stay-11aa... with 3 events.
--   Out-of-order visibility: xid 812 appended global_position 17 and xid 811 appended 18 (811 took its xid by
--   writing emt_streams first, then called nextval after 812 did); global_position order != commit order.
--   global_position 15 is a gap (nextval consumed by a rolled-back append).
--   dmb_migrations rows as dumbo 0.12.7 wrote them for 0.42.0 (hashes copied from the checked run).
--   One processor checkpoint in emt_processors, checkpoint text '<xid padded to 20>:<position padded to 19>'.

-- dumbo's migrations table (created before the Emmett schema)
  CREATE TABLE IF NOT EXISTS dmb_migrations (
    id SERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL UNIQUE,
    application VARCHAR(255) NOT NULL DEFAULT 'default',
    sql_hash VARCHAR(64) NOT NULL,
    timestamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
  );

-- streamsTableSQL
CREATE TABLE IF NOT EXISTS emt_streams(
      stream_id         TEXT                      NOT NULL,
      stream_position   BIGINT                    NOT NULL,
      partition         TEXT                      NOT NULL DEFAULT 'emt:default',
      stream_type       TEXT                      NOT NULL,
      stream_metadata   JSONB                     NOT NULL,
      is_archived       BOOLEAN                   NOT NULL DEFAULT FALSE,
      PRIMARY KEY (stream_id, partition, is_archived)
  ) PARTITION BY LIST (partition);
   
  CREATE UNIQUE INDEX IF NOT EXISTS idx_streams_unique 
  ON emt_streams(stream_id, partition, is_archived) 
  INCLUDE (stream_position);

-- messagesTableSQL
  CREATE SEQUENCE IF NOT EXISTS emt_global_message_position;

  CREATE TABLE IF NOT EXISTS emt_messages(
      stream_position        BIGINT                    NOT NULL,
      global_position        BIGINT                    DEFAULT nextval('emt_global_message_position'),
      transaction_id         XID8                      NOT NULL,
      created                TIMESTAMPTZ               NOT NULL DEFAULT now(),
      is_archived            BOOLEAN                   NOT NULL DEFAULT FALSE,
      message_kind           VARCHAR(1)                NOT NULL DEFAULT 'E',
      stream_id              TEXT                      NOT NULL,
      partition              TEXT                      NOT NULL DEFAULT 'emt:default',
      message_schema_version TEXT                      NOT NULL,
      message_id             TEXT                      NOT NULL,
      message_type           TEXT                      NOT NULL,
      message_data           JSONB                     NOT NULL,
      message_metadata       JSONB                     NOT NULL,
      PRIMARY KEY (stream_id, stream_position, partition, is_archived)
  ) PARTITION BY LIST (partition);

-- projectionsTableSQL
  CREATE TABLE IF NOT EXISTS emt_projections(
      version                       INT                    NOT NULL DEFAULT 1,
      type                          VARCHAR(1)             NOT NULL,
      name                          TEXT                   NOT NULL,
      partition                     TEXT                   NOT NULL DEFAULT 'emt:default',
      kind                          TEXT                   NOT NULL,
      status                        TEXT                   NOT NULL,
      definition                    JSONB                  NOT NULL DEFAULT '{}'::jsonb,
      created_at                    TIMESTAMPTZ            NOT NULL DEFAULT now(),
      last_updated                  TIMESTAMPTZ            NOT NULL DEFAULT now(),
      PRIMARY KEY (name, partition, version)
  ) PARTITION BY LIST (partition);

-- processorsTableSQL
  CREATE TABLE IF NOT EXISTS emt_processors(
      last_processed_transaction_id XID8                   NOT NULL,
      version                       INT                    NOT NULL DEFAULT 1,
      processor_id                  TEXT                   NOT NULL,
      partition                     TEXT                   NOT NULL DEFAULT 'emt:default',
      status                        TEXT                   NOT NULL DEFAULT 'stopped',
      last_processed_checkpoint     TEXT                   NOT NULL,
      processor_instance_id         TEXT                   DEFAULT 'emt:unknown',
      created_at                    TIMESTAMPTZ            NOT NULL DEFAULT now(),
      last_updated                  TIMESTAMPTZ            NOT NULL DEFAULT now(),
      PRIMARY KEY (processor_id, partition, version)
  ) PARTITION BY LIST (partition);

-- sanitizeNameSQL
CREATE OR REPLACE FUNCTION emt_sanitize_name(input_name TEXT) RETURNS TEXT AS $emt_sanitize_name$
    BEGIN
        RETURN REGEXP_REPLACE(input_name, '[^a-zA-Z0-9_]', '_', 'g');
    END;
    $emt_sanitize_name$ LANGUAGE plpgsql;

-- addTablePartitions
  CREATE OR REPLACE FUNCTION emt_add_table_partition(tableName TEXT, partition_name TEXT) RETURNS void AS $emt_add_table_partition$
  DECLARE
    v_main_partiton_name     TEXT;
    v_active_partiton_name   TEXT;
    v_archived_partiton_name TEXT;
  BEGIN                
      v_main_partiton_name     := emt_sanitize_name(tableName || '_' || partition_name);
      v_active_partiton_name   := emt_sanitize_name(v_main_partiton_name   || '_active');
      v_archived_partiton_name := emt_sanitize_name(v_main_partiton_name   || '_archived');


      -- create default partition
      EXECUTE format('
          CREATE TABLE IF NOT EXISTS %I PARTITION OF %I
          FOR VALUES IN (%L) PARTITION BY LIST (is_archived);',
          v_main_partiton_name, tableName, partition_name
      );
  
      EXECUTE format('
          CREATE TABLE IF NOT EXISTS %I PARTITION OF %I
          FOR VALUES IN (FALSE);',
          v_active_partiton_name, v_main_partiton_name
      );
  
      EXECUTE format('
          CREATE TABLE IF NOT EXISTS %I PARTITION OF %I
          FOR VALUES IN (TRUE);',
          v_archived_partiton_name, v_main_partiton_name
      );
  END;
  $emt_add_table_partition$ LANGUAGE plpgsql;

-- addPartitionSQL
  CREATE OR REPLACE FUNCTION emt_add_partition(partition_name TEXT) RETURNS void AS $emt_add_partition$
  BEGIN                
      PERFORM emt_add_table_partition('emt_messages', partition_name);
      PERFORM emt_add_table_partition('emt_streams', partition_name);

      EXECUTE format('
          CREATE TABLE IF NOT EXISTS %I PARTITION OF %I
          FOR VALUES IN (%L);',
          emt_sanitize_name('emt_processors' || '_' || partition_name), 'emt_processors', partition_name
      );

      EXECUTE format('
          CREATE TABLE IF NOT EXISTS %I PARTITION OF %I
          FOR VALUES IN (%L);',
          emt_sanitize_name('emt_projections' || '_' || partition_name), 'emt_projections', partition_name
      );
  END;
  $emt_add_partition$ LANGUAGE plpgsql;

-- addDefaultPartitionSQL
SELECT emt_add_partition('emt:default');

SELECT emt_add_partition('globex');

-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type, stream_metadata, is_archived) VALUES
('shopping_cart-1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71', 4, 'emt:default', 'shopping_cart', '{}', FALSE),
('order-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51',         2, 'emt:default', 'order',         '{}', FALSE),
('order_workflow-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51', 2, 'emt:default', 'order_workflow', '{}', FALSE),
('shopping_cart-2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22', 2, 'emt:default', 'shopping_cart', '{}', TRUE),
('shopping_cart-2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22', 1, 'emt:default', 'shopping_cart', '{}', FALSE),
('inventory',                                           3, 'emt:default', 'emt:unknown',   '{}', FALSE),
('guest_stay-11aa22bb-33cc-44dd-85ee-66ff77008899',     3, 'globex',      'guest_stay',    '{}', FALSE);

INSERT INTO emt_messages (stream_position, global_position, transaction_id, created, is_archived, message_kind, stream_id, partition, message_schema_version, message_id, message_type, message_data, message_metadata) VALUES
-- archived cart (two appends), then archived
(1, 1, '790', '2024-09-10 08:00:01.101+00', TRUE, 'E', 'shopping_cart-2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22', 'emt:default', '1', '0b9d1e22-4c1a-4a77-9a31-6f0e5d4c3b01', 'ProductItemAddedToShoppingCart',
 '{"shoppingCartId":"2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22","productItem":{"productId":"p-100","quantity":1,"unitPrice":15},"addedAt":"2024-09-10T08:00:01.097Z"}',
 '{}'),
(2, 2, '791', '2024-09-10 08:03:12.420+00', TRUE, 'E', 'shopping_cart-2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22', 'emt:default', '1', '0b9d1e22-4c1a-4a77-9a31-6f0e5d4c3b02', 'ShoppingCartCancelled',
 '{"shoppingCartId":"2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22","cancelledAt":"2024-09-10T08:03:12.418Z"}',
 '{}'),
-- cart 1c5f: two items in one append (same xid, same created)
(1, 3, '795', '2024-09-10 09:15:00.250+00', FALSE, 'E', 'shopping_cart-1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71', 'emt:default', '1', '5a1b2c3d-0001-4e5f-8a9b-0c1d2e3f4a01', 'ProductItemAddedToShoppingCart',
 '{"shoppingCartId":"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71","clientId":"client-42","productItem":{"productId":"p-200","quantity":2,"unitPrice":9.99},"addedAt":"2024-09-10T09:15:00.248Z"}',
 '{"correlationId":"corr-6f1d7a"}'),
(2, 4, '795', '2024-09-10 09:15:00.250+00', FALSE, 'E', 'shopping_cart-1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71', 'emt:default', '1', '5a1b2c3d-0002-4e5f-8a9b-0c1d2e3f4a02', 'ProductItemAddedToShoppingCart',
 '{"shoppingCartId":"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71","clientId":"client-42","productItem":{"productId":"p-300","quantity":1,"unitPrice":120},"addedAt":"2024-09-10T09:15:00.248Z"}',
 '{"correlationId":"corr-6f1d7a"}'),
(1, 5, '796', '2024-09-10 09:20:00.000+00', FALSE, 'E', 'inventory', 'emt:default', '1', '9e8d7c6b-0001-4a5b-8c6d-000000000005', 'StockCounted',
 '{"warehouse":"WH-1","counts":{"p-100":40,"p-200":12,"p-300":3}}',
 '{}'),
(3, 6, '799', '2024-09-10 09:31:44.873+00', FALSE, 'E', 'shopping_cart-1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71', 'emt:default', '1', '5a1b2c3d-0003-4e5f-8a9b-0c1d2e3f4a03', 'ProductItemRemovedFromShoppingCart',
 '{"shoppingCartId":"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71","productItem":{"productId":"p-200","quantity":1,"unitPrice":9.99},"removedAt":"2024-09-10T09:31:44.870Z"}',
 '{"correlationId":"corr-6f1d7a"}'),
(1, 7, '800', '2024-09-10 09:40:00.000+00', FALSE, 'E', 'guest_stay-11aa22bb-33cc-44dd-85ee-66ff77008899', 'globex', '1', 'c1c1c1c1-0001-4000-8000-000000000007', 'GuestCheckedIn',
 '{"guestStayId":"11aa22bb-33cc-44dd-85ee-66ff77008899","roomNumber":"101","checkedInAt":"2024-09-10T09:40:00.000Z"}',
 '{}'),
(4, 8, '803', '2024-09-10 09:45:10.010+00', FALSE, 'E', 'shopping_cart-1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71', 'emt:default', '1', '5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04', 'ShoppingCartConfirmed',
 '{"shoppingCartId":"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71","confirmedAt":"2024-09-10T09:45:10.004Z"}',
 '{"correlationId":"corr-6f1d7a","causationId":"cmd-confirm-0001"}'),
-- the order reacts to the confirmation: same correlationId, causationId = messageId of ShoppingCartConfirmed
(1, 9, '804', '2024-09-10 09:45:10.200+00', FALSE, 'E', 'order-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51', 'emt:default', '1', '7d2e0000-0001-4000-8000-000000000009', 'OrderInitiated',
 '{"orderId":"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51","shoppingCartId":"1c5f0a62-8d4e-4a3b-9f7e-2c1d0b9a8e71","totalAmount":129.99,"initiatedAt":"2024-09-10T09:45:10.195Z"}',
 '{"correlationId":"corr-6f1d7a","causationId":"5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04"}'),
(2, 10, '804', '2024-09-10 09:45:10.200+00', FALSE, 'E', 'order-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51', 'emt:default', '1', '7d2e0000-0002-4000-8000-000000000010', 'PaymentRequested',
 '{"orderId":"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51","amount":129.99,"currency":"EUR"}',
 '{"correlationId":"corr-6f1d7a","causationId":"5a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04"}'),
(2, 11, '805', '2024-09-10 09:50:00.000+00', FALSE, 'E', 'guest_stay-11aa22bb-33cc-44dd-85ee-66ff77008899', 'globex', '1', 'c1c1c1c1-0002-4000-8000-000000000011', 'ChargeRecorded',
 '{"guestStayId":"11aa22bb-33cc-44dd-85ee-66ff77008899","amount":89.5,"recordedAt":"2024-09-10T09:50:00.000Z"}',
 '{}'),
-- workflow output: a command message (kind C) then an event
(1, 12, '806', '2024-09-10 09:45:10.350+00', FALSE, 'C', 'order_workflow-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51', 'emt:default', '1', 'af000000-0001-4000-8000-000000000012', 'ReserveStock',
 '{"orderId":"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51","items":[{"productId":"p-200","quantity":1},{"productId":"p-300","quantity":1}]}',
 '{"correlationId":"corr-6f1d7a","causationId":"7d2e0000-0001-4000-8000-000000000009"}'),
(2, 13, '807', '2024-09-10 09:45:10.512+00', FALSE, 'E', 'order_workflow-7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51', 'emt:default', '1', 'af000000-0002-4000-8000-000000000013', 'StockReserved',
 '{"orderId":"7d2e4b10-3c5a-4f6e-8a9b-0c1d2e3f4a51"}',
 '{"correlationId":"corr-6f1d7a","causationId":"af000000-0001-4000-8000-000000000012"}'),
(2, 14, '808', '2024-09-10 09:45:10.512+00', FALSE, 'E', 'inventory', 'emt:default', '1', '9e8d7c6b-0002-4a5b-8c6d-000000000014', 'StockDecreased',
 '{"warehouse":"WH-1","productId":"p-300","by":1}',
 '{"correlationId":"corr-6f1d7a","causationId":"af000000-0001-4000-8000-000000000012"}'),
-- 15: gap
-- the archived cart's id is reused by a new live stream, starting again at stream_position 1
(1, 16, '810', '2024-09-11 07:00:00.000+00', FALSE, 'E', 'shopping_cart-2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22', 'emt:default', '1', '0b9d1e22-4c1a-4a77-9a31-6f0e5d4c3b16', 'ProductItemAddedToShoppingCart',
 '{"shoppingCartId":"2b7a9c3d-1e2f-4a5b-8c6d-7e8f9a0b1c22","productItem":{"productId":"p-100","quantity":3,"unitPrice":15},"addedAt":"2024-09-11T06:59:59.990Z"}',
 '{}'),
-- out-of-order pair: xid 812 has the lower global_position, xid 811 the higher one
(3, 17, '812', '2024-09-11 07:05:00.300+00', FALSE, 'E', 'inventory', 'emt:default', '1', '9e8d7c6b-0003-4a5b-8c6d-000000000017', 'StockDecreased',
 '{"warehouse":"WH-1","productId":"p-100","by":3}',
 '{}'),
(3, 18, '811', '2024-09-11 07:05:00.100+00', FALSE, 'E', 'guest_stay-11aa22bb-33cc-44dd-85ee-66ff77008899', 'globex', '1', 'c1c1c1c1-0003-4000-8000-000000000018', 'GuestCheckedOut',
 '{"guestStayId":"11aa22bb-33cc-44dd-85ee-66ff77008899","checkedOutAt":"2024-09-11T07:05:00.095Z","unicodeNote":"Grüße, 東京 ✓"}',
 '{"correlationId":"corr-globex-9","causationId":"cmd-checkout-77"}');

SELECT setval('emt_global_message_position', 18);

INSERT INTO emt_processors (last_processed_transaction_id, version, processor_id, partition, status, last_processed_checkpoint, processor_instance_id, created_at, last_updated) VALUES
('808', 1, 'emt:processor:projector:shopping_cart_details', 'emt:default', 'running', '00000000000000000808:0000000000000000014', 'a6f9f0e4-2f8b-4a43-9d62-3d6ea6c7f1b5', '2024-09-10 08:00:00+00', '2024-09-10 09:45:11.000+00');

INSERT INTO dmb_migrations (id, name, application, sql_hash, timestamp) VALUES
(1, 'emt:postgresql:eventstore:0.38.7:migrate-events-to-messages', 'default', '8cdd2af05e47081fae213dc48e020845bdb384e0ddfd47cab8185b8bb5a64037', '2024-09-10 07:59:58.204113'),
(2, 'emt:postgresql:eventstore:0.42.0:from-subscriptions-to-processors', 'default', '92e4f894f1d97f6665af1d6a753736d80aa3c41ba465c51a8c18b1671569faa8', '2024-09-10 07:59:58.204113'),
(3, 'emt:postgresql:eventstore:0.42.0-2:add-processor-projection-functions', 'default', 'cbc4d85089b625360df8ddcb4e8b2fa6654986476ebbd5b00162781b401584a5', '2024-09-10 07:59:58.204113'),
(4, 'emt:postgresql:eventstore:initial', 'default', '54628492aa411becc6b5f5a71d7464d5a636343bff1ef994e8272710bcabdcfe', '2024-09-10 07:59:58.204113');
SELECT setval(pg_get_serial_sequence('dmb_migrations', 'id'), 4);
