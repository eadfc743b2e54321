-- Hindsight fixture: Axon Framework 4 JpaEventStorageEngine on PostgreSQL through Hibernate ORM 6 (Spring Boot 3),
--                   @Lob byte[] payload and metadata stored as PostgreSQL large objects (oid), Jackson JSON.
--
-- Library : AxonFramework/AxonFramework 4.13.0, tag axon-4.13.0 (commit bafad882717a64c96d49cbd58a07e9a78403b4c0).
-- Source  : the JPA entities, not SQL: eventsourcing/src/main/java/org/axonframework/eventsourcing/eventstore/jpa/
--           DomainEventEntry.java (@Entity, @Table(indexes = @Index(columnList = "aggregateIdentifier,sequenceNumber",
--           unique = true))), SnapshotEventEntry.java, eventsourcing/.../eventstore/AbstractSnapshotEventEntry.java
--           (@IdClass PK = aggregateIdentifier, sequenceNumber, type), messaging/.../eventhandling/
--           AbstractSequencedDomainEventEntry.java (@Id @GeneratedValue long globalIndex),
--           AbstractDomainEventEntry.java, AbstractEventEntry.java (@Lob @Column(length = 10000) payload/metaData,
--           eventIdentifier unique, timeStamp String), messaging/.../tokenstore/jpa/TokenEntry.java.
-- Checked : the DDL below is the script Hibernate ORM 6.6.4.Final generated for these entities (axon-eventsourcing
--           4.13.0 from Maven Central) with org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy, the
--           physical naming Spring Boot 3 uses, on PostgreSQL 15; in the same run JpaEventStorageEngine.appendEvents
--           with JacksonSerializer stored rows shaped as below (@Lob byte[] -> oid large objects holding compact
--           Jackson JSON, metadata {} when empty, pooled sequence at 51 after the first allocation).
--           With plain Hibernate naming (no Spring Boot) the same entities give tables domainevententry,
--           snapshotevententry, tokenentry with columns globalindex, aggregateidentifier, ... (unquoted camelCase
--           folded to lower case) and sequence DomainEventEntry_SEQ (folded to domainevententry_seq); older Hibernate 5
--           setups use one hibernate_sequence.
-- How Axon writes: as in axon-jdbc.sql (0-based sequence_number, type = aggregate type or NULL for events published
--   outside an aggregate, payload_type = Java binary class name, payload_revision = @Revision or NULL, time_stamp =
--   ISO-8601 UTC text with 3 fraction digits and "Z", metadata keys traceId/correlationId), but the bytes are
--   Jackson JSON (axon.serializer.events=jackson) and live in pg_largeobject: the column holds only the oid, read
--   it with lo_get(oid) / convert_from(lo_get(payload), 'UTF8'). Large objects need SELECT on pg_largeobject
--   (a read-only role may lack it unless lo_compat_privileges is on or it owns the objects).
--   global_index comes from Hibernate's pooled sequence: each application instance reserves blocks of 50, so two
--   instances interleave (1,2,3 then 51,52 then 4,5 ...): global_index order is NOT insertion/commit order. Axon's
--   GapAwareTrackingToken copes; a reader ordering by global_index must expect it.
--
-- Data model: the same 10 events, 1 snapshot and correlation flow as axon-jdbc.sql, written by two instances:
--   instance 1 took ids 1..50 (used 1-6), instance 2 took ids 51..100 (used 51-54); one tracking token.

-- DDL exactly as Hibernate ORM 6.6.4.Final wrote it (jakarta.persistence.schema-generation.scripts.create-target)
-- for DomainEventEntry, SnapshotEventEntry and TokenEntry with CamelCaseToUnderscoresNamingStrategy on PostgreSQL:
create sequence domain_event_entry_seq start with 1 increment by 50;
create table domain_event_entry (global_index bigint not null, sequence_number bigint not null, aggregate_identifier varchar(255) not null, event_identifier varchar(255) not null unique, payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null, type varchar(255), meta_data oid, payload oid not null, primary key (global_index), unique (aggregate_identifier, sequence_number));
create table snapshot_event_entry (sequence_number bigint not null, aggregate_identifier varchar(255) not null, event_identifier varchar(255) not null unique, payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null, type varchar(255) not null, meta_data oid, payload oid not null, primary key (sequence_number, aggregate_identifier, type));
create table token_entry (segment integer not null, owner varchar(255), processor_name varchar(255) not null, timestamp varchar(255) not null, token_type varchar(255), token oid, primary key (segment, processor_name));

-- ---------------------------------------------------------------------------------------------------------------
-- Every payload/meta_data/token value is a new large object: lo_from_bytea(0, bytes) returns its oid.
insert into domain_event_entry (global_index, sequence_number, aggregate_identifier, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, type) values
(1, 0, 'A-1001', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e01',
 lo_from_bytea(0, convert_to('{"traceId":"c0000001-0000-4000-8000-000000000001","correlationId":"c0000001-0000-4000-8000-000000000001"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-1001","overdraftLimit":100}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.AccountCreatedEvent', '2024-04-01T09:00:00.101Z', 'BankAccount'),
(2, 1, 'A-1001', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e02',
 lo_from_bytea(0, convert_to('{"traceId":"c0000002-0000-4000-8000-000000000002","correlationId":"c0000002-0000-4000-8000-000000000002","username":"teller-7"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-1001","amount":500}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.MoneyDepositedEvent', '2024-04-01T09:05:12.550Z', 'BankAccount'),
(3, 0, 'A-2002', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e03',
 lo_from_bytea(0, convert_to('{"traceId":"c0000003-0000-4000-8000-000000000003","correlationId":"c0000003-0000-4000-8000-000000000003"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-2002","overdraftLimit":0}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.AccountCreatedEvent', '2024-04-01T09:10:00.000Z', 'BankAccount'),
(4, 0, '7e7e7e7e-0000-4000-8000-000000000007', '7e7e7e7e-0000-4000-8000-000000000007',
 lo_from_bytea(0, convert_to('{}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"transferId":"TR-1","sourceAccountId":"A-1001","destinationAccountId":"A-2002","amount":120}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.TransferRequestedEvent', '2024-04-03T08:00:00.000Z', NULL),
(5, 2, 'A-1001', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08',
 lo_from_bytea(0, convert_to('{"traceId":"7e7e7e7e-0000-4000-8000-000000000007","correlationId":"d0000008-0000-4000-8000-000000000008"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-1001","amount":120,"transferId":"TR-1"}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.MoneyWithdrawnEvent', '2024-04-03T08:00:00.480Z', 'BankAccount'),
(6, 2, '3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e10',
 lo_from_bytea(0, convert_to('{"traceId":"c0000010-0000-4000-8000-000000000010","correlationId":"c0000010-0000-4000-8000-000000000010"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"cardId":"3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31","amount":30,"transactionId":"tx-99"}', 'UTF8')),
 '2', 'com.example.giftcard.api.GiftCardEvents$CardRedeemed', '2024-04-04T16:20:00.000Z', 'GiftCard'),
(51, 0, '3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e04',
 lo_from_bytea(0, convert_to('{"traceId":"c0000004-0000-4000-8000-000000000004","correlationId":"c0000004-0000-4000-8000-000000000004"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"cardId":"3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31","amount":50}', 'UTF8')),
 NULL, 'com.example.giftcard.api.GiftCardEvents$CardIssued', '2024-04-01T09:12:30.007Z', 'GiftCard'),
(52, 1, '3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e05',
 lo_from_bytea(0, convert_to('{"traceId":"c0000005-0000-4000-8000-000000000005","correlationId":"c0000005-0000-4000-8000-000000000005"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"cardId":"3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31","amount":20}', 'UTF8')),
 NULL, 'com.example.giftcard.api.GiftCardEvents$CardRedeemed', '2024-04-02T14:00:00.250Z', 'GiftCard'),
(53, 1, 'A-2002', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e09',
 lo_from_bytea(0, convert_to('{"traceId":"7e7e7e7e-0000-4000-8000-000000000007","correlationId":"d0000009-0000-4000-8000-000000000009"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-2002","amount":120}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.MoneyDepositedEvent', '2024-04-03T08:00:00.912Z', 'BankAccount'),
(54, 2, 'A-2002', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e11',
 lo_from_bytea(0, convert_to('{"traceId":"c0000011-0000-4000-8000-000000000011","correlationId":"c0000011-0000-4000-8000-000000000011"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-2002","reason":"customer request — “closed”"}', 'UTF8')),
 NULL, 'com.example.bank.coreapi.AccountClosedEvent', '2024-04-05T11:11:11.111Z', 'BankAccount');

-- two instances have each reserved a block of 50 (the pooled optimizer reads 1 and 51 at start-up, the second
-- instance then 101)
select setval('domain_event_entry_seq', 101);

insert into snapshot_event_entry (sequence_number, aggregate_identifier, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, type) values
(2, 'A-1001', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08',
 lo_from_bytea(0, convert_to('{"traceId":"7e7e7e7e-0000-4000-8000-000000000007","correlationId":"d0000008-0000-4000-8000-000000000008"}', 'UTF8')),
 lo_from_bytea(0, convert_to('{"accountId":"A-1001","balance":380,"overdraftLimit":100}', 'UTF8')),
 NULL, 'com.example.bank.command.BankAccount', '2024-04-03T08:00:00.480Z', 'BankAccount');

insert into token_entry (segment, owner, processor_name, timestamp, token, token_type) values
(0, '1@app-instance-1', 'com.example.bank.query', '2024-04-05T11:11:12.002Z',
 lo_from_bytea(0, convert_to('{"index":54,"gaps":[7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50]}', 'UTF8')),
 'org.axonframework.eventhandling.GapAwareTrackingToken');
