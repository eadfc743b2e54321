package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** What the reader role can see of a server: tables, columns and types, partitions folded in. */
class PgSchemaTest {

  @Test
  void martensPartitionedTablesShowAsTheirParentsWithTheirTypes() throws Exception {
    String db = PgTestStores.load("marten-guid.sql", "public");
    try (Connection c = PgConnections.open(PgServer.url(db), PgServer.READER_PASSWORD)) {
      PgSchema schema = PgSchema.read(c, null);

      assertThat(schema.tables()).containsKey("public.mt_events").containsKey("public.mt_streams");
      assertThat(schema.tables().keySet()).noneMatch(k -> k.endsWith("_archived"));
      PgSchema.Table events = schema.tables().get("public.mt_events");
      assertThat(events.column("SEQ_ID")).map(PgSchema.Column::type).contains("int8");
      assertThat(events.column("stream_id")).map(PgSchema.Column::type).contains("uuid");
      assertThat(events.column("data")).map(PgSchema.Column::type).contains("jsonb");
      assertThat(events.column("timestamp")).map(PgSchema.Column::type).contains("timestamptz");
    }
  }

  @Test
  void onlyWhatTheRoleMayReadAndOnlyTheSchemaAskedFor() throws Exception {
    String db = PgTestStores.load("message-db.sql");
    PgUrl url = PgServer.url(db);
    try (Connection c = PgConnections.open(url, PgServer.READER_PASSWORD)) {
      assertThat(PgSchema.read(c, null).tables()).isEmpty();
    }
    PgServer.grantRead(db, "message_store");
    try (Connection c = PgConnections.open(url, PgServer.READER_PASSWORD)) {
      assertThat(PgSchema.read(c, null).named("MESSAGES"))
          .extracting(PgSchema.Table::qualified)
          .containsExactly("message_store.messages");
      assertThat(PgSchema.read(c, "public").tables()).isEmpty();
    }
  }
}
