-- Hindsight fixture: Python "eventsourcing" library, PostgreSQL persistence module.
--
-- Library : pyeventsourcing/eventsourcing 9.2.22, tag v9.2.22 (commit a691028ffcf919076ec043b35ee441c1f99401a4).
-- Source  : eventsourcing/postgres.py - PostgresAggregateRecorder.construct_create_table_statements (snapshots
--           table: no notification_id), PostgresApplicationRecorder.construct_create_table_statements (events table
--           with "notification_id bigserial" and the unique index "<table>_notification_id_idx"),
--           PostgresProcessRecorder.construct_create_table_statements (tracking table), Factory.aggregate_recorder /
--           application_recorder / process_recorder (table names = application name lower-cased + "_events",
--           "_snapshots", "_tracking"; prefixed "<schema>." when POSTGRES_SCHEMA is set; not set here).
--           Values: eventsourcing/persistence.py (Mapper.to_stored_event: state = transcoded event __dict__ minus
--           originator_id/originator_version, "class_version" added when > 1, then optional compression and
--           encryption; JSONTranscoder: compact JSON, ensure_ascii=False, non-JSON values as
--           {"_type_": "uuid_hex"|"decimal_str"|"datetime_iso", "_data_": ...}), eventsourcing/domain.py (topic =
--           "<module>:<qualname>"; timestamps datetime.now(tz=TZINFO), UTC by default; Snapshot.take: topic
--           "eventsourcing.domain:Snapshot", state = aggregate __dict__ minus _id/_version/_pending_events).
-- How it writes: originator_id uuid, originator_version 1-based; notification_id bigserial, inserts serialised by
--   "LOCK TABLE ... IN EXCLUSIVE MODE" so notification ids become visible in order, but a rolled-back insert still
--   leaves a gap; no delete/archive flags; no correlation/causation columns - a process application records in
--   its <app>_tracking table which upstream notification it processed in the same transaction as its new events.
--
-- Data model:
--   application "BankAccounts" (bankaccounts_events, 7 events, notification_id 1..8 with a gap at 6;
--     bankaccounts_snapshots, 1 snapshot of Alice's account at version 4): BankAccount Alice (Opened,
--     TransactionAppended x2, OverdraftLimitSet), BankAccount Bob (Opened, TransactionAppended, Closed with
--     class_version 2); Decimal and datetime values transcoded; non-ASCII text.
--   process application "EmailProcess" following BankAccounts, with
--     EMAILPROCESS_COMPRESSOR_TOPIC=eventsourcing.compressor:ZlibCompressor (every state is zlib data, bytes 78 9c;
--     the application-prefixed variable keeps the leader's mapper uncompressed): emailprocess_events (3 events of
--     2 EmailNotification aggregates whose ids are uuid5 values) and emailprocess_tracking with one row per
--     upstream notification it processed, ('BankAccounts', 1..8 without the gap 6), also for notifications its
--     policy ignored (application_name = the upstream application's name) - the cross-application flow.
--
-- Checked : v9.2.22 (run from the tag's source with Debian's psycopg2 2.9.5) against PostgreSQL 15: a BankAccounts
--   application with snapshotting and an EmailProcess follower with EMAILPROCESS_COMPRESSOR_TOPIC created these four
--   tables and wrote rows of exactly these shapes (state JSON, snapshot state, zlib header 78 9c, tracking rows).

-- application BankAccounts: application recorder + aggregate recorder(purpose='snapshots')
CREATE TABLE IF NOT EXISTS bankaccounts_events (originator_id uuid NOT NULL, originator_version bigint NOT NULL, topic text, state bytea, notification_id bigserial, PRIMARY KEY (originator_id, originator_version)) WITH (autovacuum_enabled=false);
CREATE UNIQUE INDEX IF NOT EXISTS bankaccounts_events_notification_id_idx ON bankaccounts_events (notification_id ASC);
CREATE TABLE IF NOT EXISTS bankaccounts_snapshots (originator_id uuid NOT NULL, originator_version bigint NOT NULL, topic text, state bytea, PRIMARY KEY (originator_id, originator_version)) WITH (autovacuum_enabled=false);

-- process application EmailProcess: process recorder
CREATE TABLE IF NOT EXISTS emailprocess_events (originator_id uuid NOT NULL, originator_version bigint NOT NULL, topic text, state bytea, notification_id bigserial, PRIMARY KEY (originator_id, originator_version)) WITH (autovacuum_enabled=false);
CREATE UNIQUE INDEX IF NOT EXISTS emailprocess_events_notification_id_idx ON emailprocess_events (notification_id ASC);
CREATE TABLE IF NOT EXISTS emailprocess_tracking (application_name text, notification_id bigint, PRIMARY KEY (application_name, notification_id));

-- ---------------------------------------------------------------------------------------------------------------
-- BankAccounts: state = UTF-8 JSON (uncompressed, unencrypted)
INSERT INTO bankaccounts_events (originator_id, originator_version, topic, state, notification_id) VALUES
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a01', 1, 'bankaccounts.domainmodel:BankAccount.Opened',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-01T10:00:00.120456+00:00"},"originator_topic":"bankaccounts.domainmodel:BankAccount","full_name":"Alice Example","email_address":"alice@example.com"}', 'UTF8'), 1),
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a01', 2, 'bankaccounts.domainmodel:BankAccount.TransactionAppended',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-01T10:05:00.000001+00:00"},"amount":{"_type_":"decimal_str","_data_":"100.00"}}', 'UTF8'), 2),
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a02', 1, 'bankaccounts.domainmodel:BankAccount.Opened',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-01T11:00:00+00:00"},"originator_topic":"bankaccounts.domainmodel:BankAccount","full_name":"Bob Ñúñez","email_address":"bob@example.com"}', 'UTF8'), 3),
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a01', 3, 'bankaccounts.domainmodel:BankAccount.TransactionAppended',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-02T09:30:15.250000+00:00"},"amount":{"_type_":"decimal_str","_data_":"-30.50"}}', 'UTF8'), 4),
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a01', 4, 'bankaccounts.domainmodel:BankAccount.OverdraftLimitSet',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-02T09:31:00+00:00"},"overdraft_limit":{"_type_":"decimal_str","_data_":"500.00"}}', 'UTF8'), 5),
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a02', 2, 'bankaccounts.domainmodel:BankAccount.TransactionAppended',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-03T08:00:00.500000+00:00"},"amount":{"_type_":"decimal_str","_data_":"250.00"}}', 'UTF8'), 7),
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a02', 3, 'bankaccounts.domainmodel:BankAccount.Closed',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-04T17:45:00+00:00"},"class_version":2,"reason":"moved abroad"}', 'UTF8'), 8);
SELECT setval(pg_get_serial_sequence('bankaccounts_events', 'notification_id'), 8);
INSERT INTO bankaccounts_snapshots (originator_id, originator_version, topic, state) VALUES
('2f1e7b34-5c6d-4e8f-9a0b-1c2d3e4f5a01', 4, 'eventsourcing.domain:Snapshot',
 convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-02T09:31:00.100000+00:00"},"topic":"bankaccounts.domainmodel:BankAccount","state":{"_created_on":{"_type_":"datetime_iso","_data_":"2024-05-01T10:00:00.120456+00:00"},"_modified_on":{"_type_":"datetime_iso","_data_":"2024-05-02T09:31:00+00:00"},"full_name":"Alice Example","email_address":"alice@example.com","balance":{"_type_":"decimal_str","_data_":"69.50"},"overdraft_limit":{"_type_":"decimal_str","_data_":"500.00"},"is_closed":false}}', 'UTF8'));

-- EmailProcess: state = zlib.compress(JSON bytes); the JSON is given in the comment above each row
INSERT INTO emailprocess_events (originator_id, originator_version, topic, state, notification_id) VALUES
-- {"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-01T10:00:00.350000+00:00"},"originator_topic":"emailnotifications.application:EmailNotification","to":"alice@example.com","subject":"Your new account","message":"Dear Alice Example, welcome.","account_id":{"_type_":"uuid_hex","_data_":"2f1e7b345c6d4e8f9a0b1c2d3e4f5a01"},"cause_notification_id":1}
('8275f093-baf4-5239-8099-b95d57ee6ae1', 1, 'emailnotifications.application:EmailNotification.Created',
 '\x789c558fbb6ec3300c457fc5d05ac790fce8c35303246ba72e9d045aa65316b66558149222c8bf974a33248296cbc34bf29e15d38481615a547b56967f17b4aa553d3026622978952b2b1a52bdd465bdd1cd469b4fa35b9d7e51355aded355a84baefc4a079a81fd6ad92fe4c48613d0387ba6811c30f93914b02ce34db4fb843feeb0ac642f3e90167cc7939c3762e1fc2420c4ee071d0bfdf271cd663c66e09c8f330b942c010e287087b066dbe4cff6fffe3c3be22833b090c69bc552ff903b46eaed379e1e320f065fbaaa6edc735fe3ebf006ba33aeec2bac8706b449991dc480f63ee175b2b9fc019e087542'::bytea, 1),
-- {"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-01T11:00:00.400000+00:00"},"originator_topic":"emailnotifications.application:EmailNotification","to":"bob@example.com","subject":"Your new account","message":"Dear Bob Ñúñez, welcome.","account_id":{"_type_":"uuid_hex","_data_":"2f1e7b345c6d4e8f9a0b1c2d3e4f5a02"},"cause_notification_id":3}
('f0666829-d72f-557f-ba08-2c57abf41b8b', 1, 'emailnotifications.application:EmailNotification.Created',
 '\x789c558f3d6ec3300c85af6268ad63c87ffdf15414eddaa94b278192e994856d1a9684a40d72881ea56b575fac74902111b83c7e7a24df41051ad0071826d51c94095f131ad5a81602aec49067952a231ad67ea18b6aa3eb8dcedff2bcd15a2aabf4fa6e4e421d53c5336d6984c0b3093c91131b0e40fdc8813a721088479fc134f567d1bcacf8f502cbcac0e2b36c1f712fc7f598391ea4eda3fd441784bd739c9311770938c7710c022589872d0a7c46989327b6c9f2b3fc2dbff89d263bec650466f2efec30d45e858e915af381fbabc05d8e77b6ac6a77db5678df3d80b6b92bda12abae065dac811d448fe632de697279fc070a557604'::bytea, 2),
-- {"timestamp":{"_type_":"datetime_iso","_data_":"2024-05-01T10:00:02.000000+00:00"}}
('8275f093-baf4-5239-8099-b95d57ee6ae1', 2, 'emailnotifications.application:EmailNotification.Sent',
 '\x789cab562ac9cc4d2d2e49cc2d50b2aa568a2fa92c488d57b2524a492c4905c9c46716e72be928c503f9892071230323135d03535d03c31043032b032032d23300036d10c740a9b616006e8e1808'::bytea, 3);
SELECT setval(pg_get_serial_sequence('emailprocess_events', 'notification_id'), 3);
INSERT INTO emailprocess_tracking (application_name, notification_id) VALUES
('BankAccounts', 1),
('BankAccounts', 2),
('BankAccounts', 3),
('BankAccounts', 4),
('BankAccounts', 5),
('BankAccounts', 7),
('BankAccounts', 8);
