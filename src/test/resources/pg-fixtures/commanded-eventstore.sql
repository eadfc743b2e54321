-- Hindsight fixture: Commanded's PostgreSQL EventStore (Elixir "eventstore" package) with the default bytea columns.
--
-- Library : commanded/eventstore 1.4.8, tag v1.4.8 (commit 0bf4f2e6ecbfe8be72e66b54bd047d9441c0479c), schema
--           version 1.3.2 as recorded in schema_migrations.
-- Source  : lib/event_store/sql/init.ex - EventStore.Sql.Init.statements/1 with column_data_type "bytea" (the
--           default; "jsonb" is the alternative) and schema "public", statements verbatim and in the same order,
--           run in one transaction as EventStore does (the first statement is SET LOCAL search_path).
--           Row semantics: lib/event_store/sql/statements/insert_events.sql.eex (each event gets a row in
--           stream_events for its own stream with original_stream_id = stream_id, and one for the $all stream
--           (stream_id 0) whose stream_version is the global position), insert_link_events.sql.eex (links: a row
--           in the target stream pointing at the original stream/version), soft_delete_stream.sql.eex
--           (streams.deleted_at = NOW()), commanded/commanded lib/commanded/snapshotting.ex (snapshot metadata
--           {"snapshot_module_version": n}, source_type = struct module name), lib/commanded/event_store/
--           adapters/event_store.ex (causation_id/correlation_id passed through).
-- How it writes: event_type = the Elixir module name as text ("Elixir.Bank.Events.MoneyDeposited");
--   data/metadata = JSON bytes (EventStore.JsonSerializer / Jason) in bytea; event_id uuid; causation_id = the uuid
--   of the command that produced the event, correlation_id = the command's correlation id (a process manager
--   dispatches follow-up commands with causation = the handled event id and the same correlation id);
--   created_at timestamptz (microseconds); stream_version 1-based per stream; the global order is the $all
--   stream's stream_version. The $all version is taken by the UPDATE of stream 0 inside the append transaction,
--   so concurrent appends serialise on that row: global positions become visible in order, without gaps from
--   rollbacks. events/stream_events are protected by triggers against UPDATE and DELETE (unless
--   eventstore.enable_hard_deletes is on); a hard-deleted stream's rows disappear, a soft-deleted one keeps them
--   and gets deleted_at.
--
-- Data model (12 events; $all version 12):
--   account-ACC001: BankAccountOpened, MoneyDeposited, MoneyWithdrawn (transfer), MoneyDeposited, MoneyWithdrawn;
--     snapshot at version 3 (snapshots table)
--   account-ACC002: BankAccountOpened, MoneyDeposited (transfer), MoneyWithdrawn
--   transfer-5b7e...: TransferRequested, TransferCompleted - the correlation flow: all transfer events and the
--     withdrawal/deposit they cause share correlation_id 0c0c...; causation_ids are the command uuids
--   account-ACC003: BankAccountOpened, AccountClosed, then soft-deleted (deleted_at set)
--   vip-accounts: a stream of LINKED events (the two BankAccountOpened of ACC001 and ACC002), stream_events rows
--     whose original_stream_id/version point at the source streams; no rows of its own in events.
--   subscriptions: one $all subscription and one stream subscription.

BEGIN;
-- ~s(SET LOCAL search_path TO "#{schema}";)
SET LOCAL search_path TO "public";
-- create_streams_table
CREATE TABLE streams
(
    stream_id bigserial PRIMARY KEY NOT NULL,
    stream_uuid text NOT NULL,
    stream_version bigint default 0 NOT NULL,
    created_at timestamp with time zone DEFAULT NOW() NOT NULL,
    deleted_at timestamp with time zone
);
-- create_stream_uuid_index
CREATE UNIQUE INDEX ix_streams_stream_uuid ON streams (stream_uuid);
-- create_events_table
CREATE TABLE events
(
    event_id uuid PRIMARY KEY NOT NULL,
    event_type text NOT NULL,
    causation_id uuid NULL,
    correlation_id uuid NULL,
    data bytea NOT NULL,
    metadata bytea NULL,
    created_at timestamp with time zone DEFAULT NOW() NOT NULL
);
-- create_stream_events_table
CREATE TABLE stream_events
(
  event_id uuid NOT NULL REFERENCES events (event_id),
  stream_id bigint NOT NULL REFERENCES streams (stream_id),
  stream_version bigint NOT NULL,
  original_stream_id bigint REFERENCES streams (stream_id),
  original_stream_version bigint,
  PRIMARY KEY(event_id, stream_id)
);
-- create_stream_events_index
CREATE UNIQUE INDEX ix_stream_events ON stream_events (stream_id, stream_version);
-- create_event_store_exception_function
CREATE OR REPLACE FUNCTION event_store_exception()
  RETURNS trigger AS $$
DECLARE
  message text;
BEGIN
  message := 'EventStore: ' || TG_ARGV[0];

  RAISE EXCEPTION USING MESSAGE = message;
END;
$$ LANGUAGE plpgsql;
-- create_event_store_delete_function
CREATE OR REPLACE FUNCTION event_store_delete()
  RETURNS trigger AS $$
DECLARE
  message text;
BEGIN
  IF current_setting('eventstore.enable_hard_deletes', true) = 'on' OR
    current_setting('eventstore.reset', true) = 'on'
  THEN
    -- Allow DELETE
    RETURN OLD;
  ELSE
    -- Prevent DELETE
    message := 'EventStore: ' || TG_ARGV[0];

    RAISE EXCEPTION USING MESSAGE = message, ERRCODE = 'feature_not_supported';
  END IF;
END;
$$ LANGUAGE plpgsql;
-- prevent_streams_delete
CREATE TRIGGER no_delete_streams
BEFORE DELETE ON streams
FOR EACH STATEMENT
EXECUTE PROCEDURE event_store_delete('Cannot delete streams');
-- prevent_event_delete
CREATE TRIGGER no_delete_events
BEFORE DELETE ON events
FOR EACH STATEMENT
EXECUTE PROCEDURE event_store_delete('Cannot delete events');
-- prevent_event_update
CREATE TRIGGER no_update_events
BEFORE UPDATE ON events
FOR EACH STATEMENT
EXECUTE PROCEDURE event_store_exception('Cannot update events');
-- prevent_stream_events_delete
CREATE TRIGGER no_delete_stream_events
BEFORE DELETE ON stream_events
FOR EACH STATEMENT
EXECUTE PROCEDURE event_store_delete('Cannot delete stream events');
-- prevent_stream_events_update
CREATE TRIGGER no_update_stream_events
BEFORE UPDATE ON stream_events
FOR EACH STATEMENT
EXECUTE PROCEDURE event_store_exception('Cannot update stream events');
-- create_notify_events_function
CREATE OR REPLACE FUNCTION notify_events()
  RETURNS trigger AS $$
DECLARE
  old_stream_version bigint;
  channel text;
  payload text;
BEGIN
    -- Payload text contains:
    --  * `stream_uuid`
    --  * `stream_id`
    --  * first `stream_version`
    --  * last `stream_version`
    -- Each separated by a comma (e.g. 'stream-12345,1,1,5')

    IF TG_OP = 'UPDATE' THEN
      old_stream_version := OLD.stream_version + 1;
    ELSE
      old_stream_version := 1;
    END IF;

    channel := TG_TABLE_SCHEMA || '.events';
    payload := NEW.stream_uuid || ',' || NEW.stream_id || ',' || old_stream_version || ',' || NEW.stream_version;

    -- Notify events to listeners
    PERFORM pg_notify(channel, payload);

    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- seed_all_stream
INSERT INTO streams (stream_id, stream_uuid, stream_version) VALUES (0, '$all', 0);
-- create_event_notification_trigger
CREATE TRIGGER event_notification
AFTER INSERT OR UPDATE ON streams
FOR EACH ROW EXECUTE PROCEDURE notify_events();
-- create_subscriptions_table
CREATE TABLE subscriptions
(
    subscription_id bigserial PRIMARY KEY NOT NULL,
    stream_uuid text NOT NULL,
    subscription_name text NOT NULL,
    last_seen bigint NULL,
    created_at timestamp with time zone DEFAULT NOW() NOT NULL
);
-- create_subscription_index
CREATE UNIQUE INDEX ix_subscriptions_stream_uuid_subscription_name ON subscriptions (stream_uuid, subscription_name);
-- create_snapshots_table
CREATE TABLE snapshots
(
    source_uuid text PRIMARY KEY NOT NULL,
    source_version bigint NOT NULL,
    source_type text NOT NULL,
    data bytea NOT NULL,
    metadata bytea NULL,
    created_at timestamp with time zone DEFAULT NOW() NOT NULL
);
-- create_schema_migrations_table
CREATE TABLE schema_migrations
(
    major_version int NOT NULL,
    minor_version int NOT NULL,
    patch_version int NOT NULL,
    migrated_at timestamp with time zone DEFAULT NOW() NOT NULL,
    PRIMARY KEY(major_version, minor_version, patch_version)
);
-- record_event_store_schema_version
INSERT INTO schema_migrations (major_version, minor_version, patch_version)
VALUES (1, 3, 2);
COMMIT;
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO streams (stream_id, stream_uuid, stream_version, created_at, deleted_at) VALUES
(1, 'account-ACC001', 5, '2024-01-15 09:00:00.100200+00', NULL),
(2, 'account-ACC002', 3, '2024-01-15 09:05:00.000400+00', NULL),
(3, 'transfer-5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c', 2, '2024-01-16 14:00:00.000000+00', NULL),
(4, 'account-ACC003', 2, '2024-01-17 10:00:00.000000+00', '2024-01-21 11:00:00.000000+00'),
(5, 'vip-accounts', 2, '2024-01-18 08:00:00.000000+00', NULL);
UPDATE streams SET stream_version = 12 WHERE stream_id = 0;
SELECT setval(pg_get_serial_sequence('streams', 'stream_id'), 5);
INSERT INTO events (event_id, event_type, causation_id, correlation_id, data, metadata, created_at) VALUES
('6f75753b-5fe1-5c2a-801d-a0b642a6b84e', 'Elixir.Bank.Events.BankAccountOpened', 'a1000001-0000-4000-8000-000000000001', 'a1000001-0000-4000-8000-000000000001',
 convert_to('{"account_number":"ACC001","initial_balance":1000,"owner":"Jane Doe"}', 'UTF8'),
 convert_to('{"user_id":"u-17"}', 'UTF8'), '2024-01-15 09:00:00.100200+00'),
('3465aec6-e6d6-5417-93ab-b2445394f86d', 'Elixir.Bank.Events.BankAccountOpened', 'a1000002-0000-4000-8000-000000000002', 'a1000002-0000-4000-8000-000000000002',
 convert_to('{"account_number":"ACC002","initial_balance":0,"owner":"Jörg Müller"}', 'UTF8'),
 convert_to('{"user_id":"u-18"}', 'UTF8'), '2024-01-15 09:05:00.000400+00'),
('26a9384c-7916-5548-b149-170dd4eeb1c5', 'Elixir.Bank.Events.MoneyDeposited', 'a1000003-0000-4000-8000-000000000003', 'a1000003-0000-4000-8000-000000000003',
 convert_to('{"account_number":"ACC001","amount":250,"balance":1250,"transfer_uuid":null}', 'UTF8'),
 convert_to('{}', 'UTF8'), '2024-01-15 12:30:45.123456+00'),
('89446b6c-bbed-5b5d-badf-29235d43f6d8', 'Elixir.Bank.Events.TransferRequested', 'a1000004-0000-4000-8000-000000000004', '0c0c0c0c-5555-4666-8777-888899990000',
 convert_to('{"transfer_uuid":"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c","debit_account":"ACC001","credit_account":"ACC002","amount":400}', 'UTF8'),
 convert_to('{"user_id":"u-17"}', 'UTF8'), '2024-01-16 14:00:00.000000+00'),
('e92eed67-4bbd-5761-a996-322bc5ae72bc', 'Elixir.Bank.Events.MoneyWithdrawn', 'a1000005-0000-4000-8000-000000000005', '0c0c0c0c-5555-4666-8777-888899990000',
 convert_to('{"account_number":"ACC001","amount":400,"balance":850,"transfer_uuid":"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c"}', 'UTF8'),
 convert_to('{"user_id":"u-17"}', 'UTF8'), '2024-01-16 14:00:00.051000+00'),
('c993dd7a-ddb3-543f-a0f2-f73316564e61', 'Elixir.Bank.Events.MoneyDeposited', 'a1000007-0000-4000-8000-000000000007', '0c0c0c0c-5555-4666-8777-888899990000',
 convert_to('{"account_number":"ACC002","amount":400,"balance":400,"transfer_uuid":"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c"}', 'UTF8'),
 convert_to('{"user_id":"u-17"}', 'UTF8'), '2024-01-16 14:00:00.099000+00'),
('790cfb2b-96d3-5360-9720-fbe8a6a10772', 'Elixir.Bank.Events.TransferCompleted', 'a1000008-0000-4000-8000-000000000008', '0c0c0c0c-5555-4666-8777-888899990000',
 convert_to('{"transfer_uuid":"5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c"}', 'UTF8'),
 convert_to('{"user_id":"u-17"}', 'UTF8'), '2024-01-16 14:00:00.140000+00'),
('76f200b8-9625-5b17-ac25-30c79383eec2', 'Elixir.Bank.Events.BankAccountOpened', 'a1000006-0000-4000-8000-000000000006', 'a1000006-0000-4000-8000-000000000006',
 convert_to('{"account_number":"ACC003","initial_balance":5,"owner":"Test Account"}', 'UTF8'),
 convert_to('{}', 'UTF8'), '2024-01-17 10:00:00.000000+00'),
('027a55d8-4c95-5573-b688-bade247abfcb', 'Elixir.Bank.Events.AccountClosed', 'a1000009-0000-4000-8000-000000000009', 'a1000006-0000-4000-8000-000000000006',
 convert_to('{"account_number":"ACC003","reason":"test"}', 'UTF8'),
 convert_to('{}', 'UTF8'), '2024-01-17 10:05:00.000000+00'),
('3eea9484-d7b8-54f4-be00-082a16897076', 'Elixir.Bank.Events.MoneyDeposited', 'a1000010-0000-4000-8000-000000000010', 'a1000010-0000-4000-8000-000000000010',
 convert_to('{"account_number":"ACC001","amount":10,"balance":860,"transfer_uuid":null}', 'UTF8'),
 convert_to('{"user_id":"u-17","ip":"198.51.100.4"}', 'UTF8'), '2024-01-19 16:45:00.000001+00'),
('2a97812e-59d1-569a-ba73-ff2ee75c5a0e', 'Elixir.Bank.Events.MoneyWithdrawn', 'a1000011-0000-4000-8000-000000000011', 'a1000011-0000-4000-8000-000000000011',
 convert_to('{"account_number":"ACC002","amount":100,"balance":300,"transfer_uuid":null}', 'UTF8'),
 convert_to('{}', 'UTF8'), '2024-01-20 08:00:00.000000+00'),
('b5f9df2f-403b-50fa-82da-6ae5fda80c9f', 'Elixir.Bank.Events.MoneyWithdrawn', 'a1000012-0000-4000-8000-000000000012', 'a1000012-0000-4000-8000-000000000012',
 convert_to('{"account_number":"ACC001","amount":60,"balance":800,"transfer_uuid":null}', 'UTF8'),
 convert_to('{}', 'UTF8'), '2024-01-20 09:00:00.000000+00');
INSERT INTO stream_events (event_id, stream_id, stream_version, original_stream_id, original_stream_version) VALUES
('6f75753b-5fe1-5c2a-801d-a0b642a6b84e', 1, 1, 1, 1),
('6f75753b-5fe1-5c2a-801d-a0b642a6b84e', 0, 1, 1, 1),
('3465aec6-e6d6-5417-93ab-b2445394f86d', 2, 1, 2, 1),
('3465aec6-e6d6-5417-93ab-b2445394f86d', 0, 2, 2, 1),
('26a9384c-7916-5548-b149-170dd4eeb1c5', 1, 2, 1, 2),
('26a9384c-7916-5548-b149-170dd4eeb1c5', 0, 3, 1, 2),
('89446b6c-bbed-5b5d-badf-29235d43f6d8', 3, 1, 3, 1),
('89446b6c-bbed-5b5d-badf-29235d43f6d8', 0, 4, 3, 1),
('e92eed67-4bbd-5761-a996-322bc5ae72bc', 1, 3, 1, 3),
('e92eed67-4bbd-5761-a996-322bc5ae72bc', 0, 5, 1, 3),
('c993dd7a-ddb3-543f-a0f2-f73316564e61', 2, 2, 2, 2),
('c993dd7a-ddb3-543f-a0f2-f73316564e61', 0, 6, 2, 2),
('790cfb2b-96d3-5360-9720-fbe8a6a10772', 3, 2, 3, 2),
('790cfb2b-96d3-5360-9720-fbe8a6a10772', 0, 7, 3, 2),
('76f200b8-9625-5b17-ac25-30c79383eec2', 4, 1, 4, 1),
('76f200b8-9625-5b17-ac25-30c79383eec2', 0, 8, 4, 1),
('027a55d8-4c95-5573-b688-bade247abfcb', 4, 2, 4, 2),
('027a55d8-4c95-5573-b688-bade247abfcb', 0, 9, 4, 2),
('3eea9484-d7b8-54f4-be00-082a16897076', 1, 4, 1, 4),
('3eea9484-d7b8-54f4-be00-082a16897076', 0, 10, 1, 4),
('2a97812e-59d1-569a-ba73-ff2ee75c5a0e', 2, 3, 2, 3),
('2a97812e-59d1-569a-ba73-ff2ee75c5a0e', 0, 11, 2, 3),
('b5f9df2f-403b-50fa-82da-6ae5fda80c9f', 1, 5, 1, 5),
('b5f9df2f-403b-50fa-82da-6ae5fda80c9f', 0, 12, 1, 5),
('6f75753b-5fe1-5c2a-801d-a0b642a6b84e', 5, 1, 1, 1),
('3465aec6-e6d6-5417-93ab-b2445394f86d', 5, 2, 2, 1);
INSERT INTO snapshots (source_uuid, source_version, source_type, data, metadata, created_at) VALUES
('account-ACC001', 3, 'Elixir.Bank.BankAccount', convert_to('{"account_number":"ACC001","balance":850,"owner":"Jane Doe","state":"active"}', 'UTF8'), convert_to('{"snapshot_module_version":1}', 'UTF8'), '2024-01-16 14:00:00.060000+00');
INSERT INTO subscriptions (stream_uuid, subscription_name, last_seen, created_at) VALUES
('$all', 'Bank.Projectors.AccountBalance', 12, '2024-01-15 08:59:00.000000+00'),
('transfer-5b7e3c1a-9f2d-4e6b-8a1c-7d0e2f3b4a5c', 'Bank.TransferNotifier', 2, '2024-01-16 14:00:00.200000+00');
