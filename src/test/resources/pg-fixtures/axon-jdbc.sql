-- Hindsight fixture: Axon Framework 4 JdbcEventStorageEngine on PostgreSQL (bytea payloads, XStream XML).
--
-- Library : AxonFramework/AxonFramework 4.13.0, tag axon-4.13.0 (commit bafad882717a64c96d49cbd58a07e9a78403b4c0).
-- Source  : eventsourcing/src/main/java/org/axonframework/eventsourcing/eventstore/jdbc/AbstractEventTableFactory.java
--           (createDomainEventTable, createSnapshotEventTable, timestampType() = " VARCHAR(255) NOT NULL "),
--           PostgresEventTableFactory.java (idColumnType() = "BIGSERIAL", payloadType() = "bytea"),
--           EventSchema.java (default names DomainEventEntry, SnapshotEventEntry, globalIndex, timeStamp,
--           eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, payload,
--           metaData). The names are unquoted, so PostgreSQL folds them to lower case: domainevententry.globalindex ...
--           Values: messaging/.../eventhandling/AbstractEventEntry.java + common/DateTimeUtils.java (timeStamp =
--           ISO-8601 UTC text with exactly 3 fraction digits and "Z"), messaging/.../serialization/
--           AbstractXStreamSerializer.java (alias "meta-data", MetaDataConverter = XStream MapConverter entries),
--           serialized with XStream's default PrettyPrintWriter (checked: see below),
--           messaging/.../correlation/MessageOriginProvider.java (metadata keys "correlationId" = id of the message
--           being handled when this one was created, "traceId" = id of the root message).
-- How Axon writes: sequenceNumber 0-based per aggregate; type = aggregate type (simple class name); payloadType =
--   Java binary class name ("$" for nested classes; XStream writes the element name with "_-" instead of "$");
--   payloadRevision = @Revision value or NULL; events published outside an aggregate get type NULL,
--   aggregateIdentifier = eventIdentifier and sequenceNumber 0; globalIndex from the BIGSERIAL sequence, so a
--   rolled-back or slow transaction leaves gaps that may fill later (Axon's GapAwareTrackingToken exists for this:
--   global order is NOT safely visible in commit order). No delete/archive flags exist.
--
-- Checked : axon-eventsourcing 4.13.0 from Maven Central was run against PostgreSQL 15 (JdbcEventStorageEngine.createSchema(
--           PostgresEventTableFactory.INSTANCE), appendEvents, storeSnapshot, XStreamSerializer): the tables it created
--           and the shape of its rows (pretty-printed XML, <meta-data/> when empty, timeStamp text, NULL type and
--           aggregateIdentifier = eventIdentifier for a non-aggregate event, "_-" for "$" in XML element names) match
--           this file.
--
-- Data model (10 events, globalIndex 1..11 with a gap at 6):
--   BankAccount A-1001 (created, deposited, withdrawn) + a snapshot at sequenceNumber 2;
--   BankAccount A-2002 (created, deposited, closed);
--   GiftCard 3f2b... with nested event classes GiftCardEvents$CardIssued / $CardRedeemed, the last one with
--   payloadRevision '2';
--   TransferRequestedEvent published through the EventGateway outside any handler (no aggregate, empty
--   <meta-data/>) starting the correlation flow: a saga handles it and sends commands, so the withdrawal on A-1001
--   and the deposit on A-2002 carry its eventIdentifier as traceId and their command's id as correlationId.

CREATE TABLE IF NOT EXISTS DomainEventEntry (
globalIndex BIGSERIAL NOT NULL,
aggregateIdentifier VARCHAR(255) NOT NULL,
sequenceNumber BIGINT NOT NULL,
type VARCHAR(255),
eventIdentifier VARCHAR(255) NOT NULL,
metaData bytea,
payload bytea NOT NULL,
payloadRevision VARCHAR(255),
payloadType VARCHAR(255) NOT NULL,
timeStamp  VARCHAR(255) NOT NULL  ,
PRIMARY KEY (globalIndex),
UNIQUE (aggregateIdentifier, sequenceNumber),
UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
aggregateIdentifier VARCHAR(255) NOT NULL,
sequenceNumber BIGINT NOT NULL,
type VARCHAR(255) NOT NULL,
eventIdentifier VARCHAR(255) NOT NULL,
metaData bytea,
payload bytea NOT NULL,
payloadRevision VARCHAR(255),
payloadType VARCHAR(255) NOT NULL,
timeStamp  VARCHAR(255) NOT NULL  ,
PRIMARY KEY (aggregateIdentifier, sequenceNumber),
UNIQUE (eventIdentifier)
);

-- ---------------------------------------------------------------------------------------------------------------
-- payload / metaData are the UTF-8 bytes of XStream's default pretty-printed XML (newline + 2-space indent, no XML
-- declaration; empty metadata is <meta-data/>), as a real JdbcEventStorageEngine 4.13.0 run wrote them; written here
-- with convert_to(..., 'UTF8').
INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) VALUES
(1, 'A-1001', 0, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e01',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000001-0000-4000-8000-000000000001</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000001-0000-4000-8000-000000000001</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.AccountCreatedEvent>
  <accountId>A-1001</accountId>
  <overdraftLimit>100</overdraftLimit>
</com.example.bank.coreapi.AccountCreatedEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.AccountCreatedEvent', '2024-04-01T09:00:00.101Z'),
(2, 'A-1001', 1, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e02',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000002-0000-4000-8000-000000000002</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000002-0000-4000-8000-000000000002</string>
  </entry>
  <entry>
    <string>username</string>
    <string>teller-7</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.MoneyDepositedEvent>
  <accountId>A-1001</accountId>
  <amount>500</amount>
</com.example.bank.coreapi.MoneyDepositedEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.MoneyDepositedEvent', '2024-04-01T09:05:12.550Z'),
(3, 'A-2002', 0, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e03',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000003-0000-4000-8000-000000000003</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000003-0000-4000-8000-000000000003</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.AccountCreatedEvent>
  <accountId>A-2002</accountId>
  <overdraftLimit>0</overdraftLimit>
</com.example.bank.coreapi.AccountCreatedEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.AccountCreatedEvent', '2024-04-01T09:10:00.000Z'),
(4, '3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31', 0, 'GiftCard', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e04',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000004-0000-4000-8000-000000000004</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000004-0000-4000-8000-000000000004</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.giftcard.api.GiftCardEvents_-CardIssued>
  <cardId>3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31</cardId>
  <amount>50</amount>
</com.example.giftcard.api.GiftCardEvents_-CardIssued>', 'UTF8'),
 NULL, 'com.example.giftcard.api.GiftCardEvents$CardIssued', '2024-04-01T09:12:30.007Z'),
(5, '3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31', 1, 'GiftCard', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e05',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000005-0000-4000-8000-000000000005</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000005-0000-4000-8000-000000000005</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.giftcard.api.GiftCardEvents_-CardRedeemed>
  <cardId>3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31</cardId>
  <amount>20</amount>
</com.example.giftcard.api.GiftCardEvents_-CardRedeemed>', 'UTF8'),
 NULL, 'com.example.giftcard.api.GiftCardEvents$CardRedeemed', '2024-04-02T14:00:00.250Z'),
(7, '7e7e7e7e-0000-4000-8000-000000000007', 0, NULL, '7e7e7e7e-0000-4000-8000-000000000007',
 convert_to('<meta-data/>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.TransferRequestedEvent>
  <transferId>TR-1</transferId>
  <sourceAccountId>A-1001</sourceAccountId>
  <destinationAccountId>A-2002</destinationAccountId>
  <amount>120</amount>
</com.example.bank.coreapi.TransferRequestedEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.TransferRequestedEvent', '2024-04-03T08:00:00.000Z'),
(8, 'A-1001', 2, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>7e7e7e7e-0000-4000-8000-000000000007</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>d0000008-0000-4000-8000-000000000008</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.MoneyWithdrawnEvent>
  <accountId>A-1001</accountId>
  <amount>120</amount>
  <transferId>TR-1</transferId>
</com.example.bank.coreapi.MoneyWithdrawnEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.MoneyWithdrawnEvent', '2024-04-03T08:00:00.480Z'),
(9, 'A-2002', 1, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e09',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>7e7e7e7e-0000-4000-8000-000000000007</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>d0000009-0000-4000-8000-000000000009</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.MoneyDepositedEvent>
  <accountId>A-2002</accountId>
  <amount>120</amount>
</com.example.bank.coreapi.MoneyDepositedEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.MoneyDepositedEvent', '2024-04-03T08:00:00.912Z'),
(10, '3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31', 2, 'GiftCard', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e10',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000010-0000-4000-8000-000000000010</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000010-0000-4000-8000-000000000010</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.giftcard.api.GiftCardEvents_-CardRedeemed>
  <cardId>3f2b9a7c-5e1d-4c8b-a0f6-9d7e6c5b4a31</cardId>
  <amount>30</amount>
  <transactionId>tx-99</transactionId>
</com.example.giftcard.api.GiftCardEvents_-CardRedeemed>', 'UTF8'),
 '2', 'com.example.giftcard.api.GiftCardEvents$CardRedeemed', '2024-04-04T16:20:00.000Z'),
(11, 'A-2002', 2, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e11',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>c0000011-0000-4000-8000-000000000011</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>c0000011-0000-4000-8000-000000000011</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.coreapi.AccountClosedEvent>
  <accountId>A-2002</accountId>
  <reason>customer request — “closed”</reason>
</com.example.bank.coreapi.AccountClosedEvent>', 'UTF8'),
 NULL, 'com.example.bank.coreapi.AccountClosedEvent', '2024-04-05T11:11:11.111Z');

SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), 11);

INSERT INTO SnapshotEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) VALUES
('A-1001', 2, 'BankAccount', '6a0d3f52-1b7e-4f0a-8c21-0a1b2c3d4e08',
 convert_to('<meta-data>
  <entry>
    <string>traceId</string>
    <string>7e7e7e7e-0000-4000-8000-000000000007</string>
  </entry>
  <entry>
    <string>correlationId</string>
    <string>d0000008-0000-4000-8000-000000000008</string>
  </entry>
</meta-data>', 'UTF8'),
 convert_to('<com.example.bank.command.BankAccount>
  <accountId>A-1001</accountId>
  <balance>380</balance>
  <overdraftLimit>100</overdraftLimit>
</com.example.bank.command.BankAccount>', 'UTF8'),
 NULL, 'com.example.bank.command.BankAccount', '2024-04-03T08:00:00.480Z');
