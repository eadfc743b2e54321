-- Hindsight fixture: Message DB (Eventide's PostgreSQL message store).
--
-- Library : message-db/message-db 1.3.0, tag v1.3.0 (commit e6999a6bd95ace6e8d70ec62a00c66b27ce8bf3b; the files
--           used are unchanged on master 25da82b044f94416202ac3daa1866791b385badc).
-- Source  : database/schema/message-store.sql, database/extensions/pgcrypto.sql, database/tables/messages.sql,
--           database/functions/category.sql (needed by the messages_category index),
--           database/indexes/messages-id.sql, messages-stream.sql, messages-category.sql, in the order install.sh
--           runs them (table, then functions, then indexes). The message_store role, the privileges and the other
--           functions/views (write_message, get_stream_messages, ...) are left out: they hold no data.
-- Checked : with the 1.3.0 functions (hash_64, acquire_lock, category, stream_version, write_message) installed on
--           PostgreSQL 15, write_message under a session TimeZone of 'Europe/Berlin' stored time in UTC and positions
--           0, 1; the table and indexes match this file's.
-- How Eventide writes: write_message() takes an advisory lock per category, position = stream version + 1 (0-based),
--   time = DEFAULT now() AT TIME ZONE 'utc' (timestamp WITHOUT time zone holding UTC), id = the message id uuid,
--   type = the message class name without namespace (e.g. "Deposited"), data/metadata jsonb with camelCase keys
--   (the Ruby attributes are snake_case, the message store transforms to camelCase). Metadata keys:
--   causationMessageStreamName, causationMessagePosition, causationMessageGlobalPosition, correlationStreamName,
--   replyStreamName, schemaVersion, properties ([{"name":..,"value":..}]); absent values are omitted.
--   Stream name = category-id; category = text before the first '-' (message_store.category), may carry types
--   after ':' ("account:command", "account:position", "account:snapshot"); compound ids join with '+'.
--   Entity snapshots (entity-snapshot-postgres) are messages of type "Recorded" in "<category>:snapshot-<id>"
--   with data {entityData, entityVersion, time}; consumer positions are type "Recorded" in
--   "<category>:position-<consumer>" with data {position}.
--   There are no delete/archive flags; global_position is a bigserial, so rolled-back writes leave gaps, and
--   commits can become visible out of global_position order (writes to different categories do not share a lock).
--
-- Data model (20 messages, global_position 1..21 with a gap at 12):
--   account-4f3a... : Opened, Deposited, Withdrawn, WithdrawalRejected, Deposited (positions 0..4), each caused by a
--     command in account:command-4f3a... (Open, Deposit, Withdraw, Withdraw, Deposit);
--   account-9b1c... : Opened, Deposited (positions 0..1);
--   fundsTransfer-77e0... : Initiated, Withdrawn, Deposited, Transferred - the correlation flow: the account
--     commands/events it causes carry correlationStreamName = "fundsTransfer-77e0..." and the commands carry
--     replyStreamName;
--   account:snapshot-4f3a... : one Recorded snapshot at entity version 3;
--   account:position-accountComponent : consumer position Recorded.

-- database/schema/message-store.sql
CREATE SCHEMA IF NOT EXISTS message_store;

-- database/extensions/pgcrypto.sql
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- database/tables/messages.sql
CREATE TABLE IF NOT EXISTS message_store.messages (
  global_position bigserial NOT NULL,
  position bigint NOT NULL,
  time TIMESTAMP WITHOUT TIME ZONE DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  stream_name text NOT NULL,
  type text NOT NULL,
  data jsonb,
  metadata jsonb,
  id UUID NOT NULL DEFAULT gen_random_uuid()
);

ALTER TABLE message_store.messages ADD PRIMARY KEY (global_position) NOT DEFERRABLE INITIALLY IMMEDIATE;

-- database/functions/category.sql
CREATE OR REPLACE FUNCTION message_store.category(
  stream_name varchar
)
RETURNS varchar
AS $$
BEGIN
  RETURN SPLIT_PART(category.stream_name, '-', 1);
END;
$$ LANGUAGE plpgsql
IMMUTABLE;

-- database/indexes/messages-id.sql
DROP INDEX IF EXISTS message_store.messages_id;

CREATE UNIQUE INDEX messages_id ON message_store.messages (
  id
);

-- database/indexes/messages-stream.sql
DROP INDEX IF EXISTS messages_stream;

CREATE UNIQUE INDEX messages_stream ON message_store.messages (
  stream_name,
  position
);

-- database/indexes/messages-category.sql
DROP INDEX IF EXISTS message_store.messages_category;

CREATE INDEX messages_category ON message_store.messages (
  message_store.category(stream_name),
  global_position,
  message_store.category(metadata->>'correlationStreamName')
);


-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO message_store.messages (global_position, position, time, stream_name, type, data, metadata, id) VALUES
(1, 0, '2024-02-01 12:00:00.120000', 'account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Open',
 '{"accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "customerId": "c-1001", "time": "2024-02-01T12:00:00.120Z"}',
 '{"properties": [{"name": "origin", "value": "web"}]}', 'd355d3ed-3867-520a-919e-d10fd960a3b2'),
(2, 0, '2024-02-01 12:00:00.155000', 'account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Opened',
 '{"accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "customerId": "c-1001", "time": "2024-02-01T12:00:00.120Z", "processedTime": "2024-02-01T12:00:00.155Z"}',
 '{"causationMessageStreamName": "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "causationMessagePosition": 0, "causationMessageGlobalPosition": 1}', 'e58b0bdf-715f-54c4-b08f-2ad4133d3b07'),
(3, 1, '2024-02-01 12:00:01.120000', 'account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Deposit',
 '{"depositId": "d0000001-0000-4000-8000-000000000001", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 100, "time": "2024-02-01T12:00:01.120Z"}',
 '{}', '532bab75-2749-58ec-8cff-677e47ae40cb'),
(4, 1, '2024-02-01 12:00:01.141000', 'account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Deposited',
 '{"depositId": "d0000001-0000-4000-8000-000000000001", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 100, "time": "2024-02-01T12:00:01.120Z", "processedTime": "2024-02-01T12:00:01.141Z", "sequence": 3}',
 '{"causationMessageStreamName": "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "causationMessagePosition": 1, "causationMessageGlobalPosition": 3}', '6daf5485-47e5-5b67-9784-1a8973682e2d'),
(5, 0, '2024-02-01 12:00:02.120000', 'account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', 'Open',
 '{"accountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "customerId": "c-2002", "time": "2024-02-01T12:00:02.120Z"}',
 '{}', '8aa6acee-2a6a-533b-aab2-57f2f36f1b94'),
(6, 0, '2024-02-01 12:00:02.137000', 'account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', 'Opened',
 '{"accountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "customerId": "c-2002", "time": "2024-02-01T12:00:02.120Z", "processedTime": "2024-02-01T12:00:02.137Z"}',
 '{"causationMessageStreamName": "account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "causationMessagePosition": 0, "causationMessageGlobalPosition": 5}', 'eae33b4b-b909-5b92-95bb-6e9cee1a01a5'),
(7, 0, '2024-02-01 12:00:05.130000', 'fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b', 'Initiated',
 '{"fundsTransferId": "77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "withdrawalAccountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "depositAccountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "withdrawalId": "a0000001-0000-4000-8000-000000000001", "depositId": "d0000002-0000-4000-8000-000000000002", "amount": 30, "time": "2024-02-01T12:00:05.120Z", "processedTime": "2024-02-01T12:00:05.130Z"}',
 '{}', '4024c627-e010-5a42-85da-77f0c3ed5bfa'),
(8, 2, '2024-02-01 12:00:05.145000', 'account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Withdraw',
 '{"withdrawalId": "a0000001-0000-4000-8000-000000000001", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 30, "time": "2024-02-01T12:00:05.130Z"}',
 '{"causationMessageStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "causationMessagePosition": 0, "causationMessageGlobalPosition": 7, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "replyStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', '043c5a0e-b36f-5309-a807-1f65dacf6aca'),
(9, 2, '2024-02-01 12:00:05.160000', 'account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Withdrawn',
 '{"withdrawalId": "a0000001-0000-4000-8000-000000000001", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 30, "time": "2024-02-01T12:00:05.130Z", "processedTime": "2024-02-01T12:00:05.160Z", "sequence": 8}',
 '{"causationMessageStreamName": "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "causationMessagePosition": 2, "causationMessageGlobalPosition": 8, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "replyStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', '0c0fbb2f-1650-5a8e-9a9a-840c8c223bdc'),
(10, 1, '2024-02-01 12:00:05.181000', 'fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b', 'Withdrawn',
 '{"fundsTransferId": "77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "withdrawalId": "a0000001-0000-4000-8000-000000000001", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 30, "time": "2024-02-01T12:00:05.160Z", "processedTime": "2024-02-01T12:00:05.181Z"}',
 '{"causationMessageStreamName": "account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "causationMessagePosition": 2, "causationMessageGlobalPosition": 9, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', 'e85a0af3-7556-5a4c-9aa0-1c175f47f39b'),
(11, 1, '2024-02-01 12:00:05.195000', 'account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', 'Deposit',
 '{"depositId": "d0000002-0000-4000-8000-000000000002", "accountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "amount": 30, "time": "2024-02-01T12:00:05.181Z"}',
 '{"causationMessageStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "causationMessagePosition": 1, "causationMessageGlobalPosition": 10, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "replyStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', '692904a8-9297-59b2-a919-9f6f36d838a8'),
(13, 1, '2024-02-01 12:00:05.210000', 'account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', 'Deposited',
 '{"depositId": "d0000002-0000-4000-8000-000000000002", "accountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "amount": 30, "time": "2024-02-01T12:00:05.181Z", "processedTime": "2024-02-01T12:00:05.210Z", "sequence": 11}',
 '{"causationMessageStreamName": "account:command-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "causationMessagePosition": 1, "causationMessageGlobalPosition": 11, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "replyStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', 'e3bf6159-d250-5bfd-b28f-0145ecf013d4'),
(14, 2, '2024-02-01 12:00:05.230000', 'fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b', 'Deposited',
 '{"fundsTransferId": "77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "depositId": "d0000002-0000-4000-8000-000000000002", "accountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "amount": 30, "time": "2024-02-01T12:00:05.210Z", "processedTime": "2024-02-01T12:00:05.230Z"}',
 '{"causationMessageStreamName": "account-9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "causationMessagePosition": 1, "causationMessageGlobalPosition": 13, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', '4d705813-cfb8-50c8-ad11-61c3b07cf1c2'),
(15, 3, '2024-02-01 12:00:05.240000', 'fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b', 'Transferred',
 '{"fundsTransferId": "77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "withdrawalAccountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "depositAccountId": "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "amount": 30, "time": "2024-02-01T12:00:05.230Z", "processedTime": "2024-02-01T12:00:05.240Z"}',
 '{"causationMessageStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", "causationMessagePosition": 2, "causationMessageGlobalPosition": 14, "correlationStreamName": "fundsTransfer-77e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b"}', '608252c3-5dea-5d3f-aa46-4cf7f8bd4c79'),
(16, 3, '2024-02-01 12:01:00.120000', 'account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Withdraw',
 '{"withdrawalId": "a0000003-0000-4000-8000-000000000003", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 1000, "time": "2024-02-01T12:01:00.120Z"}',
 '{"schemaVersion": "1"}', '35a70f3a-3ddd-5b1f-8c97-13def1fc4a58'),
(17, 3, '2024-02-01 12:01:00.140000', 'account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'WithdrawalRejected',
 '{"withdrawalId": "a0000003-0000-4000-8000-000000000003", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 1000, "time": "2024-02-01T12:01:00.120Z", "sequence": 16}',
 '{"causationMessageStreamName": "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "causationMessagePosition": 3, "causationMessageGlobalPosition": 16}', 'e7ffc897-8866-5a46-b7d4-187a9dc12095'),
(18, 0, '2024-02-01 12:01:00.150000', 'account:snapshot-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Recorded',
 '{"entityData": {"id": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "customerId": "c-1001", "balance": 70, "openedTime": "2024-02-01T12:00:00.155Z", "sequence": 16}, "entityVersion": 3, "time": "2024-02-01T12:01:00.150Z"}',
 '{}', '9d721e5d-64d0-5b5f-be99-a6206f6d3b6a'),
(19, 4, '2024-02-01 12:02:00.120000', 'account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Deposit',
 '{"depositId": "d0000003-0000-4000-8000-000000000003", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 50, "time": "2024-02-01T12:02:00.120Z"}',
 '{}', 'efe40ed6-c0fe-57b1-8f6a-d30296d3d4ac'),
(20, 4, '2024-02-01 12:02:00.133000', 'account-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c', 'Deposited',
 '{"depositId": "d0000003-0000-4000-8000-000000000003", "accountId": "4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "amount": 50, "time": "2024-02-01T12:02:00.120Z", "processedTime": "2024-02-01T12:02:00.133Z", "sequence": 19}',
 '{"causationMessageStreamName": "account:command-4f3a6b2c-8d1e-4f5a-9b7c-1d2e3f4a5b6c", "causationMessagePosition": 4, "causationMessageGlobalPosition": 19}', 'f2f80be1-6bdc-50c3-bdeb-af4c10e40a9b'),
(21, 0, '2024-02-01 12:02:01.120000', 'account:position-accountComponent', 'Recorded',
 '{"position": 20}',
 '{}', 'b85a715a-d04f-598b-850d-a4e75ef7bebf');

-- bigserial: move the sequence past the explicit values (write_message would have used nextval)
SELECT setval('message_store.messages_global_position_seq', 21);
