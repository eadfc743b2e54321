-- Hindsight fixture: Marten event store, Guid stream identity, single tenancy, archived-stream partitioning.
--
-- Library : Marten (JasperFx/marten) 9.x, DDL as of tag V9.29.0 (commit c921fa5dfdf7d540b5fe85d833831080c07c94d6),
--           written out by Weasel.Postgresql (JasperFx/weasel V9.26.0, Tables/Table.cs, Partitioning/ListPartitioning.cs,
--           Partitioning/ListPartition.cs, Sequence.cs).
-- Source  : src/Marten/Events/Schema/StreamsTable.cs (9.0 dropped the vestigial snapshot/snapshot_version columns),
--           EventsTable.cs (bdata bytea added for binary events, issue 4515), StreamIdColumn.cs (uuid for AsGuid),
--           EventBdataColumn.cs, EventProgressionTable.cs, EventGraph.FeatureSchema.cs,
--           src/Marten/Storage/Metadata/*Column.cs (correlation_id, causation_id, headers, user_name),
--           src/Marten/Events/Archiving/IsArchivedColumn.cs + ArchiveStreamFunction.cs (archive = copy rows with
--           is_archived = TRUE into the "archived" partition and delete the live ones),
--           src/Marten/Storage/DocumentTable.cs + Storage/Metadata/{LastModifiedColumn,RevisionColumn,DotNetTypeColumn}.cs
--           for the mt_doc_bankaccount snapshot document table.
--           Marten builds this DDL from C# column objects (no .sql file exists); order, types, NULL/NOT NULL and
--           defaults follow those classes and Weasel's writer.
-- Checked : the column declarations, constraint/index names and the sequence statements agree with schema exports
--           that Marten itself wrote, found in public repositories (single-tenant, uuid and varchar stream ids, with
--           and without the correlation/causation/headers columns); conjoined tenancy and archive partitioning follow
--           the code paths named above and were not compared with an export. Marten (.NET) could not be run here.
-- Options modelled: Events.StreamIdentity = AsGuid (default); TenancyStyle.Single (tenant_id always '*DEFAULT*');
--           Events.UseArchivedStreamPartitioning = true; MetadataConfig: CorrelationId, CausationId, Headers and
--           UserName enabled; Projections.Snapshot<BankAccount>(SnapshotLifecycle.Inline) with numeric revisions
--           (mt_version = stream version); one event type registered for binary serialization (bdata).
--
-- Data model (13 events, seq_id 1..14 with a gap at 12):
--   bank account 9a6e...01 (opened, deposited x2, withdrawn, overdraft-limit-changed) + inline snapshot document
--     at version 5 in mt_doc_bankaccount;
--   bank account 9a6e...02 (opened, deposited, closed) then ARCHIVED: its rows live in the partitions
--     mt_streams_archived / mt_events_archived with is_archived = TRUE (Marten 9 archiving with partitioning moves
--     the rows, so seq_ids of archived events are unchanged but they are no longer in mt_events_default);
--   transfer b7c1...01 (requested, debited, credited, completed) - correlation flow: the transfer's correlation id is
--     carried on the Deposited event it caused in account ...01 (causation = transfer event id);
--   a fraud-score event stored as binary (bdata = MemoryPack-style bytes, data = '{}' placeholder).

CREATE TABLE IF NOT EXISTS public.mt_streams (
id uuid NOT NULL,
type varchar NULL,
version bigint NULL,
timestamp timestamptz NOT NULL DEFAULT (now()),
created timestamptz NOT NULL DEFAULT (now()),
tenant_id varchar NULL DEFAULT '*DEFAULT*',
is_archived bool NOT NULL DEFAULT FALSE,
CONSTRAINT pkey_mt_streams_id_is_archived PRIMARY KEY (id, is_archived)
) PARTITION BY LIST (is_archived);

CREATE TABLE IF NOT EXISTS public.mt_streams_archived partition of public.mt_streams for values in (true);

CREATE TABLE IF NOT EXISTS public.mt_streams_default PARTITION OF public.mt_streams DEFAULT;

CREATE TABLE IF NOT EXISTS public.mt_events (
seq_id bigint NOT NULL,
id uuid NOT NULL,
stream_id uuid NULL,
version bigint NOT NULL,
data jsonb NOT NULL,
bdata bytea NULL,
type varchar(500) NOT NULL,
timestamp timestamp with time zone NOT NULL DEFAULT '(now())',
tenant_id varchar NULL DEFAULT '*DEFAULT*',
mt_dotnet_type varchar NULL,
correlation_id varchar NULL,
causation_id varchar NULL,
headers jsonb NULL,
user_name varchar NULL,
is_archived bool NOT NULL DEFAULT FALSE,
CONSTRAINT pkey_mt_events_seq_id_is_archived PRIMARY KEY (seq_id, is_archived)
) PARTITION BY LIST (is_archived);

ALTER TABLE public.mt_events
ADD CONSTRAINT fkey_mt_events_stream_id_is_archived FOREIGN KEY(stream_id, is_archived)
REFERENCES public.mt_streams(id, is_archived)
ON DELETE CASCADE;

CREATE TABLE IF NOT EXISTS public.mt_events_archived partition of public.mt_events for values in (true);

CREATE TABLE IF NOT EXISTS public.mt_events_default PARTITION OF public.mt_events DEFAULT;

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON public.mt_events USING btree (stream_id, version, is_archived);

CREATE SEQUENCE public.mt_events_sequence;
ALTER SEQUENCE public.mt_events_sequence OWNED BY public.mt_events.seq_id;

CREATE TABLE IF NOT EXISTS public.mt_event_progression (
name varchar NOT NULL,
last_seq_id bigint NULL,
last_updated timestamp with time zone NULL DEFAULT (transaction_timestamp()),
CONSTRAINT pk_mt_event_progression PRIMARY KEY (name)
);

-- Inline snapshot of the BankAccount aggregate (a Marten document; revision = stream version).
CREATE TABLE IF NOT EXISTS public.mt_doc_bankaccount (
id uuid NOT NULL,
data jsonb NOT NULL,
mt_last_modified timestamp with time zone NULL DEFAULT (transaction_timestamp()),
mt_dotnet_type varchar NULL,
mt_version bigint NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_bankaccount_id PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO public.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) VALUES
('9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01', 'bank_account', 5, '2024-06-03 15:20:00.654321+00', '2024-06-01 08:00:00.000100+00', '*DEFAULT*', FALSE),
('9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02', 'bank_account', 3, '2024-06-02 19:10:00.000000+00', '2024-06-01 08:30:00.000000+00', '*DEFAULT*', TRUE),
('b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01', 'transfer',     4, '2024-06-03 15:20:00.700000+00', '2024-06-03 15:19:59.900000+00', '*DEFAULT*', FALSE),
('d00dfeed-0000-4000-8000-00000000f001', NULL,           1, '2024-06-03 15:21:00.000000+00', '2024-06-03 15:21:00.000000+00', '*DEFAULT*', FALSE);

INSERT INTO public.mt_events (seq_id, id, stream_id, version, data, bdata, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived) VALUES
(1, '01900a00-0000-7000-8000-000000000001', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01', 1,
 '{"AccountId":"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01","Owner":"Ada Lovelace","Currency":"EUR"}', NULL,
 'account_opened', '2024-06-01 08:00:00.000100+00', '*DEFAULT*', 'Bank.Accounts.AccountOpened, Bank', '0f1e2d3c-4b5a-4697-8877-665544332211', NULL, '{"tenant-region":"eu-west-1"}', 'ada', FALSE),
(2, '01900a00-0000-7000-8000-000000000002', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02', 1,
 '{"AccountId":"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02","Owner":"Charles Babbage","Currency":"GBP"}', NULL,
 'account_opened', '2024-06-01 08:30:00.000000+00', '*DEFAULT*', 'Bank.Accounts.AccountOpened, Bank', 'aa00aa00-bb11-4c22-8d33-ee44ff556677', NULL, NULL, 'charles', TRUE),
(3, '01900a00-0000-7000-8000-000000000003', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01', 2,
 '{"Amount":1500.00,"Reference":"salary"}', NULL,
 'money_deposited', '2024-06-01 09:00:00.250000+00', '*DEFAULT*', 'Bank.Accounts.MoneyDeposited, Bank', '0f1e2d3c-4b5a-4697-8877-665544332211', NULL, NULL, 'ada', FALSE),
(4, '01900a00-0000-7000-8000-000000000004', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02', 2,
 '{"Amount":20.00,"Reference":"initial"}', NULL,
 'money_deposited', '2024-06-01 09:00:01.000000+00', '*DEFAULT*', 'Bank.Accounts.MoneyDeposited, Bank', 'aa00aa00-bb11-4c22-8d33-ee44ff556677', NULL, NULL, 'charles', TRUE),
(5, '01900a00-0000-7000-8000-000000000005', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01', 3,
 '{"Amount":-120.45,"Reference":"groceries"}', NULL,
 'money_withdrawn', '2024-06-02 18:44:12.123456+00', '*DEFAULT*', 'Bank.Accounts.MoneyWithdrawn, Bank', NULL, NULL, NULL, 'ada', FALSE),
(6, '01900a00-0000-7000-8000-000000000006', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c02', 3,
 '{"ClosedBy":"customer"}', NULL,
 'account_closed', '2024-06-02 19:10:00.000000+00', '*DEFAULT*', 'Bank.Accounts.AccountClosed, Bank', 'aa00aa00-bb11-4c22-8d33-ee44ff556677', NULL, NULL, 'charles', TRUE),
(7, '01900a00-0000-7000-8000-000000000007', 'b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01', 1,
 '{"TransferId":"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01","From":"DE89370400440532013000","To":"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01","Amount":250.00}', NULL,
 'transfer_requested', '2024-06-03 15:19:59.900000+00', '*DEFAULT*', 'Bank.Transfers.TransferRequested, Bank', '5e5e5e5e-0000-4000-8000-7777aaaa0001', 'http-req-7f0c2d', '{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}', 'api', FALSE),
(8, '01900a00-0000-7000-8000-000000000008', 'b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01', 2,
 '{"TransferId":"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01","Amount":250.00}', NULL,
 'transfer_debited', '2024-06-03 15:20:00.100000+00', '*DEFAULT*', 'Bank.Transfers.TransferDebited, Bank', '5e5e5e5e-0000-4000-8000-7777aaaa0001', '01900a00-0000-7000-8000-000000000007', NULL, 'transfer-saga', FALSE),
(9, '01900a00-0000-7000-8000-000000000009', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01', 4,
 '{"Amount":250.00,"Reference":"transfer b7c13f00"}', NULL,
 'money_deposited', '2024-06-03 15:20:00.600000+00', '*DEFAULT*', 'Bank.Accounts.MoneyDeposited, Bank', '5e5e5e5e-0000-4000-8000-7777aaaa0001', '01900a00-0000-7000-8000-000000000008', NULL, 'transfer-saga', FALSE),
(10, '01900a00-0000-7000-8000-000000000010', 'b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01', 3,
 '{"TransferId":"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01","Amount":250.00}', NULL,
 'transfer_credited', '2024-06-03 15:20:00.650000+00', '*DEFAULT*', 'Bank.Transfers.TransferCredited, Bank', '5e5e5e5e-0000-4000-8000-7777aaaa0001', '01900a00-0000-7000-8000-000000000009', NULL, 'transfer-saga', FALSE),
(11, '01900a00-0000-7000-8000-000000000011', '9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01', 5,
 '{"NewLimit":500.00}', NULL,
 'overdraft_limit_changed', '2024-06-03 15:20:00.654321+00', '*DEFAULT*', 'Bank.Accounts.OverdraftLimitChanged, Bank', NULL, NULL, NULL, 'backoffice', FALSE),
-- seq 12: gap (sequence value consumed by a rolled-back append; no tombstone in this store)
(13, '01900a00-0000-7000-8000-000000000013', 'b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01', 4,
 '{"TransferId":"b7c13f00-aa55-4e2d-9f10-6c5d4e3f2a01"}', NULL,
 'transfer_completed', '2024-06-03 15:20:00.700000+00', '*DEFAULT*', 'Bank.Transfers.TransferCompleted, Bank', '5e5e5e5e-0000-4000-8000-7777aaaa0001', '01900a00-0000-7000-8000-000000000010', NULL, 'transfer-saga', FALSE),
-- binary event: data is the '{}' placeholder, payload bytes in bdata
(14, '01900a00-0000-7000-8000-000000000014', 'd00dfeed-0000-4000-8000-00000000f001', 1,
 '{}', '\x93c4109a6e0c523f1d4c7b8e215d4f3a2b1c01cb3fe3333333333333a474726e73666572'::bytea,
 'fraud_score_computed', '2024-06-03 15:21:00.000000+00', '*DEFAULT*', 'Bank.Risk.FraudScoreComputed, Bank.Risk', '5e5e5e5e-0000-4000-8000-7777aaaa0001', '01900a00-0000-7000-8000-000000000013', NULL, 'risk-engine', FALSE);

SELECT setval('public.mt_events_sequence', 14);

INSERT INTO public.mt_doc_bankaccount (id, data, mt_last_modified, mt_dotnet_type, mt_version) VALUES
('9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01',
 '{"Id":"9a6e0c52-3f1d-4c7b-8e21-5d4f3a2b1c01","Owner":"Ada Lovelace","Currency":"EUR","Balance":1629.55,"OverdraftLimit":500.00,"Version":5}',
 '2024-06-03 15:20:00.654321+00', 'Bank.Accounts.BankAccount', 5);

INSERT INTO public.mt_event_progression (name, last_seq_id, last_updated) VALUES
('HighWaterMark', 14, '2024-06-03 15:21:05.000000+00');
