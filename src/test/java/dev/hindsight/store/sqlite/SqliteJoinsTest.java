package dev.hindsight.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.Layout;
import dev.hindsight.store.LayoutFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout keys PostgreSQL's libraries needed are general, and SQLite reads them too: {@code
 * joins} on two columns, a stream key's {@code defaultType} (bare ids for the default tenant,
 * {@code TENANT/ID} for the others), an optional column the store lacks, and a payload's {@code
 * bytesColumn}.
 */
class SqliteJoinsTest {

  static final String MAPPING =
      """
      {
        "name": "tenants",
        "table": "events",
        "joins": [ { "table": "streams", "on": [["tenant", "tenant"], ["sid", "id"]] } ],
        "stream": { "typeColumn": "tenant", "idColumn": "sid", "defaultType": "*DEFAULT*" },
        "aggregateType": { "column": "streams.kind" },
        "version": { "column": "ver" },
        "position": { "column": "seq" },
        "eventType": { "column": "type" },
        "payload": { "column": "data", "encoding": "json", "bytesColumn": "bdata" },
        "correlation": { "column": "correlation_id", "optional": true }
      }
      """;

  @Test
  void joinsOnTwoColumnsAndShowsTheDefaultTenantBare(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE streams (tenant TEXT, id TEXT, kind TEXT)");
      s.execute(
          "CREATE TABLE events (seq INTEGER, tenant TEXT, sid TEXT, ver INTEGER, type TEXT,"
              + " data TEXT, bdata BLOB)");
      s.execute(
          "INSERT INTO streams VALUES ('*DEFAULT*', 'order-1', 'order'),"
              + " ('acme', 'order-1', 'order'), ('acme', 'a/b', 'thing')");
      s.execute(
          "INSERT INTO events VALUES (1, '*DEFAULT*', 'order-1', 1, 'placed', '{\"n\":1}', NULL),"
              + " (2, 'acme', 'order-1', 1, 'placed', '{\"n\":2}', NULL),"
              + " (3, 'acme', 'order-1', 2, 'paid', '{}', X'00ff'),"
              + " (4, 'acme', 'a/b', 1, 'made', '{\"n\":4}', NULL)");
    }
    Layout layout = LayoutFiles.parse(MAPPING, "test");
    try (SqliteEventSource source = SqliteEventSource.open(file, layout)) {
      assertThat(source.streams())
          .extracting(StreamSummary::stream, StreamSummary::type, StreamSummary::events)
          .containsExactly(
              tuple("order-1", "order", 1L),
              tuple("acme/a/b", "thing", 1L),
              tuple("acme/order-1", "order", 2L));
      assertThat(source.readList(EventQuery.stream("order-1")))
          .extracting(StoredEvent::position)
          .containsExactly(1L);
      assertThat(source.readList(EventQuery.stream("acme/order-1")))
          .extracting(StoredEvent::position)
          .containsExactly(2L, 3L);
      assertThat(source.readList(EventQuery.stream("acme/a/b")))
          .extracting(StoredEvent::position)
          .containsExactly(4L);
      StoredEvent binary = source.readList(EventQuery.stream("acme/order-1")).get(1);
      assertThat(binary.data().asText()).isEqualTo("00ff");
      assertThat(binary.links().correlation()).isNull();
      // the fingerprint covers what the event shows: bdata's bytes when it has them
      assertThat(source.storedEvent("acme/order-1", 2).orElseThrow().payload())
          .extracting(dev.hindsight.store.StoredValue::kind, v -> v.bytes().length)
          .containsExactly(dev.hindsight.store.StoredValue.Kind.BLOB, 2);
      assertThat(source.storedEvent("acme/order-1", 1).orElseThrow().payload().display())
          .contains("\"n\":2");
    }
  }
}
