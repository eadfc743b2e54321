-- Hindsight fixture: Marten event store, string stream identity, conjoined multi-tenancy.
--
-- Library : Marten (JasperFx/marten) 8.x, DDL as of tag V8.37.2 (commit d31cdf4b9599a94e9a846b4ff2dbd6264dc8b242),
--           written out by Weasel.Postgresql (JasperFx/weasel) Table.WriteCreateStatement / Sequence.WriteCreateStatement.
-- Source  : src/Marten/Events/Schema/StreamsTable.cs, EventsTable.cs, StreamIdColumn.cs, EventTypeColumn.cs,
--           SequenceColumn.cs, src/Marten/Storage/Metadata/{TenantIdColumn,DotNetTypeColumn,CorrelationIdColumn,
--           CausationIdColumn,HeadersColumn}.cs, src/Marten/Events/Archiving/IsArchivedColumn.cs,
--           src/Marten/Events/EventGraph.FeatureSchema.cs (sequence mt_events_sequence OWNED BY mt_events.seq_id),
--           src/Marten/Events/Operations/EstablishTombstoneStream.cs (mt_tombstone stream).
--           Marten generates this DDL from C# column objects; there is no .sql file in the repository. The column
--           order, types, NULL/NOT NULL and defaults below follow those classes (Weasel's "NULL"/"NOT NULL" rule:
--           primary-key or AllowNulls=false columns are NOT NULL). Note Weasel's DefaultValueByString("(now())")
--           on mt_events.timestamp really produces the string literal DEFAULT '(now())'.
-- Checked : the column declarations, constraint/index names and the sequence statements agree with schema exports
--           that Marten itself wrote, found in public repositories (single-tenant, uuid and varchar stream ids, with
--           and without the correlation/causation/headers columns); conjoined tenancy and archive partitioning follow
--           the code paths named above and were not compared with an export. Marten (.NET) could not be run here.
-- Options modelled: StoreOptions.Events.StreamIdentity = StreamIdentity.AsString;
--           Events.TenancyStyle = TenancyStyle.Conjoined; Events.MetadataConfig.CorrelationIdEnabled,
--           CausationIdEnabled and HeadersEnabled = true; EnableUniqueIndexOnEventId = true; default schema public;
--           default serializer (System.Text.Json, Casing.Default => PascalCase property names as declared).
--
-- Data model (19 rows in mt_events = 18 domain events + 1 tombstone, seq_id 1..19, then a gap at 20):
--   tenant "acme":   order-1001 (placed, item added x2, paid, shipped), order-1002 (placed, cancelled),
--                    shipment-1001 (created, dispatched, delivered) - caused by order-1001 paid, same correlation id,
--                    order-1000 archived (placed, paid, archived event; is_archived = true on stream and events).
--   tenant "globex": order-1001 (same stream key as acme's, different tenant; placed, item added, paid),
--                    customer-c-77 (registered, address changed).
--   mt_tombstone     Marten's tombstone stream: seq_id 13 was reserved by a failed append and Marten wrote a
--                    "tombstone" event with version = seq_id so that the high-water mark can pass it.
--   seq_id 20 is a gap that was never filled (the sequence is at 20) (a rolled-back transaction before tombstones existed, or a
--   sequence value lost on crash): readers must not assume contiguous seq_ids.
--   Timestamps: Marten writes the append time as timestamptz; events of one SaveChanges share the same
--   transaction but not necessarily the same timestamp value.

CREATE TABLE IF NOT EXISTS public.mt_streams (
tenant_id varchar NOT NULL DEFAULT '*DEFAULT*',
id varchar NOT NULL,
type varchar NULL,
version bigint NULL,
timestamp timestamptz NOT NULL DEFAULT (now()),
snapshot jsonb NULL,
snapshot_version integer NULL,
created timestamptz NOT NULL DEFAULT (now()),
is_archived bool NULL DEFAULT FALSE,
CONSTRAINT pkey_mt_streams_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS public.mt_events (
seq_id bigint NOT NULL,
id uuid NOT NULL,
stream_id varchar NULL,
version bigint NOT NULL,
data jsonb NOT NULL,
type varchar(500) NOT NULL,
timestamp timestamp with time zone NOT NULL DEFAULT '(now())',
tenant_id varchar NULL DEFAULT '*DEFAULT*',
mt_dotnet_type varchar NULL,
correlation_id varchar NULL,
causation_id varchar NULL,
headers jsonb NULL,
is_archived bool NULL DEFAULT FALSE,
CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id)
);

ALTER TABLE public.mt_events
ADD CONSTRAINT fkey_mt_events_stream_id_tenant_id FOREIGN KEY(tenant_id, stream_id)
REFERENCES public.mt_streams(tenant_id, id);

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON public.mt_events USING btree (tenant_id, stream_id, version);

CREATE UNIQUE INDEX idx_mt_events_event_id ON public.mt_events USING btree (id);

CREATE SEQUENCE public.mt_events_sequence;
ALTER SEQUENCE public.mt_events_sequence OWNED BY public.mt_events.seq_id;

-- mt_event_progression: the async daemon's high-water mark and projection progress (EventProgressionTable.cs).
CREATE TABLE IF NOT EXISTS public.mt_event_progression (
name varchar NOT NULL,
last_seq_id bigint NULL,
last_updated timestamp with time zone NULL DEFAULT (transaction_timestamp()),
CONSTRAINT pk_mt_event_progression PRIMARY KEY (name)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Streams (version = last event version; timestamp = last append; created = first append)
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO public.mt_streams (tenant_id, id, type, version, timestamp, snapshot, snapshot_version, created, is_archived) VALUES
('acme',   'order-1000',    'order',    3, '2024-03-01 09:15:02.481233+00', NULL, NULL, '2024-03-01 09:00:00.120045+00', TRUE),
('acme',   'order-1001',    'order',    5, '2024-03-05 12:05:00.522104+00', NULL, NULL, '2024-03-04 10:12:45.330112+00', FALSE),
('acme',   'order-1002',    'order',    2, '2024-03-04 11:02:19.774410+00', NULL, NULL, '2024-03-04 10:58:03.100500+00', FALSE),
('acme',   'shipment-1001', 'shipment', 3, '2024-03-08 08:30:00.000001+00', NULL, NULL, '2024-03-04 14:05:31.918273+00', FALSE),
('acme',   'mt_tombstone',  NULL,       0, '2024-03-05 12:00:52.100000+00', NULL, NULL, '2024-03-05 12:00:52.100000+00', FALSE),
('globex', 'order-1001',    'order',    3, '2024-03-05 12:01:07.650000+00', NULL, NULL, '2024-03-05 12:00:00.005000+00', FALSE),
('globex', 'customer-c-77', 'customer', 2, '2024-03-07 17:45:00.123456+00', NULL, NULL, '2024-03-05 12:00:55.000000+00', FALSE);

-- ---------------------------------------------------------------------------------------------------------------
-- Events
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO public.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, is_archived) VALUES
-- acme / order-1000 (archived stream: every event row is flagged too)
(1, '018e0a1c-6a40-7c4e-9d1a-000000000001', 'order-1000', 1,
 '{"OrderId":"order-1000","CustomerId":"c-12","Currency":"EUR","PlacedAt":"2024-03-01T09:00:00.1200450+00:00"}',
 'order_placed', '2024-03-01 09:00:00.120045+00', 'acme', 'Shop.Orders.OrderPlaced, Shop.Orders',
 '6c1f0d0e-2b7a-4c43-9d41-5b8e0c9f0a01', NULL, '{"user":"alice","source":"web"}', TRUE),
(2, '018e0a1c-6a40-7c4e-9d1a-000000000002', 'order-1000', 2,
 '{"OrderId":"order-1000","Amount":49.90,"PaymentRef":"pay_81723"}',
 'order_paid', '2024-03-01 09:05:41.002000+00', 'acme', 'Shop.Orders.OrderPaid, Shop.Orders',
 '6c1f0d0e-2b7a-4c43-9d41-5b8e0c9f0a01', '018e0a1c-6a40-7c4e-9d1a-000000000001', '{"user":"alice","source":"web"}', TRUE),
(3, '018e0a1c-6a40-7c4e-9d1a-000000000003', 'order-1000', 3,
 '{"Reason":"GDPR retention"}',
 'archived', '2024-03-01 09:15:02.481233+00', 'acme', 'JasperFx.Events.Archived, JasperFx.Events',
 NULL, NULL, NULL, TRUE),
-- acme / order-1001: the start of the correlation flow 7f3c...
(4, '018e0f55-1b20-7a11-8c4d-000000000004', 'order-1001', 1,
 '{"OrderId":"order-1001","CustomerId":"c-12","Currency":"EUR","PlacedAt":"2024-03-04T10:12:45.3301120+00:00"}',
 'order_placed', '2024-03-04 10:12:45.330112+00', 'acme', 'Shop.Orders.OrderPlaced, Shop.Orders',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f1', '{"user":"bob","source":"mobile","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}', FALSE),
(5, '018e0f55-1b20-7a11-8c4d-000000000005', 'order-1001', 2,
 '{"OrderId":"order-1001","Sku":"SKU-ABC-1","Quantity":2,"UnitPrice":12.50}',
 'item_added', '2024-03-04 10:12:45.330112+00', 'acme', 'Shop.Orders.ItemAdded, Shop.Orders',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f1', '{"user":"bob","source":"mobile"}', FALSE),
(6, '018e0f55-1b20-7a11-8c4d-000000000006', 'order-1001', 3,
 '{"OrderId":"order-1001","Sku":"SKU-XYZ-9","Quantity":1,"UnitPrice":7.99}',
 'item_added', '2024-03-04 10:20:03.004501+00', 'acme', 'Shop.Orders.ItemAdded, Shop.Orders',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f2', '{"user":"bob","source":"mobile"}', FALSE),
-- acme / order-1002
(7, '018e0f8a-0c10-7d22-9e5f-000000000007', 'order-1002', 1,
 '{"OrderId":"order-1002","CustomerId":"c-40","Currency":"USD","PlacedAt":"2024-03-04T10:58:03.1005000+00:00"}',
 'order_placed', '2024-03-04 10:58:03.100500+00', 'acme', 'Shop.Orders.OrderPlaced, Shop.Orders',
 'a0b1c2d3-e4f5-4607-8819-2a3b4c5d6e70', NULL, NULL, FALSE),
(8, '018e0f8a-0c10-7d22-9e5f-000000000008', 'order-1002', 2,
 '{"OrderId":"order-1002","Reason":"CustomerRequest"}',
 'order_cancelled', '2024-03-04 11:02:19.774410+00', 'acme', 'Shop.Orders.OrderCancelled, Shop.Orders',
 'a0b1c2d3-e4f5-4607-8819-2a3b4c5d6e70', '018e0f8a-0c10-7d22-9e5f-000000000007', NULL, FALSE),
-- acme / order-1001 paid -> causes the shipment
(9, '018e1011-4e00-7b33-8a6b-000000000009', 'order-1001', 4,
 '{"OrderId":"order-1001","Amount":32.99,"PaymentRef":"pay_90211"}',
 'order_paid', '2024-03-04 14:05:31.811002+00', 'acme', 'Shop.Orders.OrderPaid, Shop.Orders',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', 'c0ffee00-0000-4000-8000-00000000beef', '{"user":"payments-webhook"}', FALSE),
-- acme / shipment-1001, correlation id carried over, causation = the OrderPaid event id
(10, '018e1011-4e00-7b33-8a6b-000000000010', 'shipment-1001', 1,
 '{"ShipmentId":"shipment-1001","OrderId":"order-1001","Carrier":"DHL"}',
 'shipment_created', '2024-03-04 14:05:31.918273+00', 'acme', 'Shop.Shipping.ShipmentCreated, Shop.Shipping',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', '018e1011-4e00-7b33-8a6b-000000000009', '{"user":"order-saga"}', FALSE),
-- globex / order-1001 (same key, other tenant)
(11, '018e1500-0000-7000-8000-000000000011', 'order-1001', 1,
 '{"OrderId":"order-1001","CustomerId":"c-77","Currency":"GBP","PlacedAt":"2024-03-05T12:00:00.0050000+00:00"}',
 'order_placed', '2024-03-05 12:00:00.005000+00', 'globex', 'Shop.Orders.OrderPlaced, Shop.Orders',
 '11111111-2222-4333-8444-555555555555', NULL, NULL, FALSE),
(12, '018e1500-0000-7000-8000-000000000012', 'order-1001', 2,
 '{"OrderId":"order-1001","Sku":"SKU-G-5","Quantity":10,"UnitPrice":1.05}',
 'item_added', '2024-03-05 12:00:40.250000+00', 'globex', 'Shop.Orders.ItemAdded, Shop.Orders',
 '11111111-2222-4333-8444-555555555555', NULL, NULL, FALSE),
-- seq 13: reserved by an append in an acme session that failed; Marten wrote a tombstone with version = seq_id
(13, '018e0f8c-ffff-7fff-8fff-000000000013', 'mt_tombstone', 13,
 '{}',
 'tombstone', '2024-03-05 12:00:52.100000+00', 'acme', 'JasperFx.Events.Tombstone, JasperFx.Events',
 NULL, NULL, NULL, FALSE),
(14, '018e1500-0000-7000-8000-000000000014', 'order-1001', 3,
 '{"OrderId":"order-1001","Amount":10.50,"PaymentRef":"gbx-0001"}',
 'order_paid', '2024-03-05 12:01:07.650000+00', 'globex', 'Shop.Orders.OrderPaid, Shop.Orders',
 '11111111-2222-4333-8444-555555555555', '018e1500-0000-7000-8000-000000000012', NULL, FALSE),
(15, '018e14ff-0000-7000-8000-000000000015', 'customer-c-77', 1,
 '{"CustomerId":"c-77","Name":"Zoë Ångström","Email":"zoe@example.org"}',
 'customer_registered', '2024-03-05 12:00:55.000000+00', 'globex', 'Shop.Customers.CustomerRegistered, Shop.Customers',
 NULL, NULL, NULL, FALSE),
(16, '018e1a00-0000-7000-8000-000000000016', 'shipment-1001', 2,
 '{"ShipmentId":"shipment-1001","TrackingNumber":"JD0146000012345","DispatchedAt":"2024-03-05T12:05:00+00:00"}',
 'shipment_dispatched', '2024-03-05 12:05:00.418000+00', 'acme', 'Shop.Shipping.ShipmentDispatched, Shop.Shipping',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', '018e1011-4e00-7b33-8a6b-000000000010', NULL, FALSE),
(17, '018e1a10-0000-7000-8000-000000000017', 'order-1001', 5,
 '{"OrderId":"order-1001","ShipmentId":"shipment-1001"}',
 'order_shipped', '2024-03-05 12:05:00.522104+00', 'acme', 'Shop.Orders.OrderShipped, Shop.Orders',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', '018e1a00-0000-7000-8000-000000000016', NULL, FALSE),
(18, '018e2000-0000-7000-8000-000000000018', 'customer-c-77', 2,
 '{"CustomerId":"c-77","Street":"1 Long Lane","City":"London","PostCode":"EC1A 9HF"}',
 'customer_address_changed', '2024-03-07 17:45:00.123456+00', 'globex', 'Shop.Customers.CustomerAddressChanged, Shop.Customers',
 NULL, NULL, '{"user":"zoe","ip":"203.0.113.7"}', FALSE),
(19, '018e2100-0000-7000-8000-000000000019', 'shipment-1001', 3,
 '{"ShipmentId":"shipment-1001","DeliveredAt":"2024-03-08T08:30:00+00:00","SignedBy":"B. Baker"}',
 'shipment_delivered', '2024-03-08 08:30:00.000001+00', 'acme', 'Shop.Shipping.ShipmentDelivered, Shop.Shipping',
 '7f3c2a10-5d8e-4b6f-a2c1-93e4d5f60001', '018e1a00-0000-7000-8000-000000000016', NULL, FALSE);
-- seq_id 20 intentionally absent (a gap).

SELECT setval('public.mt_events_sequence', 20);

-- The async daemon's high-water mark sits at the last seq_id below which no gap is still open.
INSERT INTO public.mt_event_progression (name, last_seq_id, last_updated) VALUES
('HighWaterMark', 19, '2024-03-08 08:30:05.000000+00'),
('OrderSummary:All', 19, '2024-03-08 08:30:05.500000+00');
