-- Hindsight fixture: Eventuous PostgreSQL event store (Eventuous.Postgresql).
--
-- Library : Eventuous/eventuous 0.15.0, tag 0.15.0 (commit 9f05a4ec23378768172277fe145bafa1bfe8ce42); the script is
--           unchanged on the fetched main (b2c610f29ae58267e9c647f2c30fb2dd3647ca19).
-- Source  : src/Postgres/src/Eventuous.Postgresql/Scripts/1_Schema.sql with "__schema__" replaced by the default
--           schema name "eventuous" (Schema.cs: DefaultSchema = "eventuous"; SchemaInitializer replaces
--           __schema__). How rows are written: Scripts/2_AppendEvents.sql (append_events), 8_TruncateStream.sql,
--           PostgresStore.cs (_created = DateTime.UtcNow), src/Relational/src/Eventuous.Sql.Base/SqlEventStoreBase.cs
--           (DeleteStream throws NotImplementedException), src/Core/src/Eventuous.Shared/Meta/MetaTags.cs and
--           src/Core/src/Eventuous.Diagnostics/Tags/MetaTags.cs (metadata key names).
-- Checked : the 0.15.0 scripts 1_Schema, 2_AppendEvents and 3_CheckStream were installed on PostgreSQL 15 and
--           append_events called with the same timestamptz under TimeZone 'Europe/Berlin' and 'UTC': created became
--           12:30:00.1 and 10:30:00.1 for 10:30:00.1Z, stream positions 0.., streams.version = last position; the
--           tables match this file's.
-- How Eventuous writes: stream_name = "<AggregateType>-<id>" (StreamName.For<T>), streams.version = last
--   stream_position (-1 for an empty stream); stream_position 0-based; message_id = the event id uuid;
--   message_type = the name registered with [EventType("V1.RoomBooked")] / TypeMap; json_data = System.Text.Json
--   with JsonSerializerDefaults.Web (camelCase); json_metadata = the metadata dictionary as JSON with keys
--   "eventuous.correlation-id", "eventuous.causation-id", "trace-id", "span-id", "parent-span-id" plus user keys.
--   created: append_events receives DateTime.UtcNow as "timestamp with time zone" and stores it in a
--   "timestamp" (without time zone) column, so PostgreSQL converts it to the SESSION TimeZone: UTC wall time only
--   when the server/session runs in UTC (the usual container default). All messages of one append share created.
--   global_position is an identity column: rolled-back appends leave gaps and, because appends to different
--   streams do not serialise, a lower global_position can commit after a higher one.
--   No delete or archive flag: truncate_stream physically deletes messages below a position (streams.version stays).
--
-- Data model (14 messages appended, global_position 1..15, a gap at 9; 2 removed by truncation, 12 remain):
--   Booking-b-0001 : V1.RoomBooked, V1.PaymentRecorded x2, V1.FullyPaid (one append of 2), V1.BookingCancelled
--   Booking-b-0002 : V1.RoomBooked, V1.PaymentRecorded, V1.Overpaid, V1.FullyPaid
--   Payment-p-7001 : V1.PaymentRegistered - correlation flow: the PaymentRecorded it causes in Booking-b-0002
--                    carries the same eventuous.correlation-id and eventuous.causation-id = its message_id
--   Booking-b-0003 : V1.RoomBooked, V1.PaymentRecorded, V1.GuestCheckedIn, V1.GuestCheckedOut, then truncated
--                    before position 2 (positions 0 and 1 deleted; remaining start at 2)
--   one subscription checkpoint.

create schema if not exists eventuous;

create table if not exists eventuous.streams (
    stream_name varchar(1000) not null,
    stream_id   integer primary key generated always as identity,
    version     integer not null default(-1),
    constraint uq_streams_name unique (stream_name),
    constraint ck_version_gte_negative_one check (version >= -1)
);

create table if not exists eventuous.messages (
    message_id      uuid,
    message_type    varchar not null,
    stream_id       integer not null,
    stream_position integer not null,
    global_position bigint primary key generated always as identity, 
    json_data       jsonb not null,
    json_metadata   jsonb,
    created         timestamp not null,
    constraint fk_messages_stream foreign key (stream_id) references eventuous.streams (stream_id),
    constraint uq_messages_stream_id_and_stream_position unique (stream_id, stream_position),
    constraint uq_stream_id_and_message_id unique (stream_id, message_id),
    constraint ck_stream_position_gte_zero check (stream_position >= 0)
);

create index if not exists events_stream_idx on eventuous.messages (stream_id);

create table if not exists eventuous.checkpoints (
    id varchar primary key, 
    position bigint null 
);

do $$
begin
    create type eventuous.stream_message as (
        message_id    uuid,
        message_type  varchar(128),
        json_data     jsonb,
        json_metadata jsonb);
    exception
        when duplicate_object then null;
end $$;

-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO eventuous.streams (stream_name, version) VALUES
('Booking-b-0001', 4),
('Booking-b-0002', 3),
('Payment-p-7001', 0),
('Booking-b-0003', 3);
-- stream_id is GENERATED ALWAYS AS IDENTITY: 1 = Booking-b-0001, 2 = Booking-b-0002, 3 = Payment-p-7001, 4 = Booking-b-0003

INSERT INTO eventuous.messages (message_id, message_type, stream_id, stream_position, global_position, json_data, json_metadata, created) OVERRIDING SYSTEM VALUE VALUES
('3c1f0b9e-7a55-4d1e-9c3a-000000000001', 'V1.RoomBooked', 1, 0, 1,
 '{"bookingId":"b-0001","guestId":"g-17","roomId":"r-204","checkInDate":"2024-07-01","checkOutDate":"2024-07-04","bookingPrice":360.00,"prepaidAmount":0,"currency":"EUR","bookingDate":"2024-05-10T08:12:30.1234567+00:00"}',
 '{"eventuous.correlation-id":"8d3b1c58-43d9-4c0a-bb6e-1a0f2e3d4c5b","eventuous.causation-id":"8d3b1c58-43d9-4c0a-bb6e-1a0f2e3d4c5b","trace-id":"5b8efff798038103d269b633813fc60c","span-id":"eee19b7ec3c1b174"}',
 '2024-05-10 08:12:30.123456'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000002', 'V1.RoomBooked', 2, 0, 2,
 '{"bookingId":"b-0002","guestId":"g-18","roomId":"r-101","checkInDate":"2024-08-10","checkOutDate":"2024-08-12","bookingPrice":200.00,"prepaidAmount":50.00,"currency":"EUR","bookingDate":"2024-05-11T14:00:00.0000001+00:00"}',
 '{"eventuous.correlation-id":"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c"}',
 '2024-05-11 14:00:00.000000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000003', 'V1.PaymentRecorded', 1, 1, 3,
 '{"bookingId":"b-0001","paidAmount":160.00,"outstanding":200.00,"currency":"EUR","paymentId":"pm-1","paidBy":"card","paidAt":"2024-05-12T09:00:00+00:00"}',
 '{"eventuous.correlation-id":"c0c0c0c0-1111-4222-8333-444455556666","eventuous.causation-id":"c0c0c0c0-1111-4222-8333-444455556666"}',
 '2024-05-12 09:00:00.412000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000004', 'V1.RoomBooked', 4, 0, 4,
 '{"bookingId":"b-0003","guestId":"g-19","roomId":"r-305","checkInDate":"2024-06-02","checkOutDate":"2024-06-03","bookingPrice":90.00,"prepaidAmount":0,"currency":"USD","bookingDate":"2024-05-12T10:00:00+00:00"}',
 '{}',
 '2024-05-12 10:00:00.000000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000005', 'V1.PaymentRecorded', 4, 1, 5,
 '{"bookingId":"b-0003","paidAmount":90.00,"outstanding":0,"currency":"USD","paymentId":"pm-2","paidBy":"cash","paidAt":"2024-06-01T15:00:00+00:00"}',
 NULL,
 '2024-06-01 15:00:00.000000'),
-- Payment stream -> causes PaymentRecorded in Booking-b-0002 (correlation flow)
('3c1f0b9e-7a55-4d1e-9c3a-000000000006', 'V1.PaymentRegistered', 3, 0, 6,
 '{"paymentId":"p-7001","bookingId":"b-0002","amount":400.00,"currency":"EUR","method":"bank-transfer"}',
 '{"eventuous.correlation-id":"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c","eventuous.causation-id":"a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5","trace-id":"0af7651916cd43dd8448eb211c80319c","span-id":"b7ad6b7169203331"}',
 '2024-06-02 10:30:00.100000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000007', 'V1.PaymentRecorded', 2, 1, 7,
 '{"bookingId":"b-0002","paidAmount":400.00,"outstanding":-250.00,"currency":"EUR","paymentId":"p-7001","paidBy":"bank-transfer","paidAt":"2024-06-02T10:30:00.1+00:00"}',
 '{"eventuous.correlation-id":"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c","eventuous.causation-id":"3c1f0b9e-7a55-4d1e-9c3a-000000000006","trace-id":"0af7651916cd43dd8448eb211c80319c","span-id":"c8be7c8270314442","parent-span-id":"b7ad6b7169203331","subscription":"PaymentsIntegration"}',
 '2024-06-02 10:30:00.350000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000008', 'V1.Overpaid', 2, 2, 8,
 '{"bookingId":"b-0002","overpaidAmount":250.00,"currency":"EUR"}',
 '{"eventuous.correlation-id":"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c","eventuous.causation-id":"3c1f0b9e-7a55-4d1e-9c3a-000000000006","trace-id":"0af7651916cd43dd8448eb211c80319c","span-id":"c8be7c8270314442","parent-span-id":"b7ad6b7169203331","subscription":"PaymentsIntegration"}',
 '2024-06-02 10:30:00.350000'),
-- 9: gap (identity value consumed by a rolled-back append)
('3c1f0b9e-7a55-4d1e-9c3a-000000000010', 'V1.FullyPaid', 2, 3, 10,
 '{"bookingId":"b-0002","fullyPaidAt":"2024-06-02T10:30:00.35+00:00"}',
 '{"eventuous.correlation-id":"e5a4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c","eventuous.causation-id":"3c1f0b9e-7a55-4d1e-9c3a-000000000006"}',
 '2024-06-02 10:30:00.360000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000011', 'V1.GuestCheckedIn', 4, 2, 11,
 '{"bookingId":"b-0003","checkedInAt":"2024-06-02T10:31:00+00:00"}',
 '{}',
 '2024-06-02 10:31:00.000000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000012', 'V1.GuestCheckedOut', 4, 3, 12,
 '{"bookingId":"b-0003","checkedOutAt":"2024-06-03T09:00:00+00:00","note":"Grüße aus Köln"}',
 '{}',
 '2024-06-03 09:00:00.000000'),
-- Booking-b-0001: two events in one append (same created)
('3c1f0b9e-7a55-4d1e-9c3a-000000000013', 'V1.PaymentRecorded', 1, 2, 13,
 '{"bookingId":"b-0001","paidAmount":200.00,"outstanding":0,"currency":"EUR","paymentId":"pm-3","paidBy":"card","paidAt":"2024-06-20T18:00:00+00:00"}',
 '{"eventuous.correlation-id":"f0f0f0f0-2222-4333-8444-555566667777","eventuous.causation-id":"f0f0f0f0-2222-4333-8444-555566667777"}',
 '2024-06-20 18:00:01.000000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000014', 'V1.FullyPaid', 1, 3, 14,
 '{"bookingId":"b-0001","fullyPaidAt":"2024-06-20T18:00:00+00:00"}',
 '{"eventuous.correlation-id":"f0f0f0f0-2222-4333-8444-555566667777","eventuous.causation-id":"f0f0f0f0-2222-4333-8444-555566667777"}',
 '2024-06-20 18:00:01.000000'),
('3c1f0b9e-7a55-4d1e-9c3a-000000000015', 'V1.BookingCancelled', 1, 4, 15,
 '{"bookingId":"b-0001","cancelledBy":"guest","cancelledAt":"2024-06-25T07:45:12.5+00:00"}',
 '{"eventuous.correlation-id":"99999999-8888-4777-8666-555555555555","eventuous.causation-id":"99999999-8888-4777-8666-555555555555","userId":"g-17"}',
 '2024-06-25 07:45:12.500000');

-- Booking-b-0003 truncated before position 2: what eventuous.truncate_stream('Booking-b-0003', -2, 2) does
DELETE FROM eventuous.messages m WHERE m.stream_id = 4 AND m.stream_position < 2;

SELECT setval(pg_get_serial_sequence('eventuous.messages', 'global_position'), 15);

INSERT INTO eventuous.checkpoints (id, position) VALUES
('BookingsProjection', 14),
('PaymentsIntegration', 8);
