package dev.hindsight.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.event.EventLinks;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.FlowStores;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flows in each library's convention, every event and every cause checked; and the demo's double
 * charge, whose causes are checked against SQLite's own reading of the metadata.
 */
class FlowsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.hindsight.store.FlowStores#conventions")
  void everyEventOfTheFlowAndItsCause(String convention, FlowStores.Builder builder)
      throws Exception {
    FlowStores.FlowStore store = builder.build(dir);
    try (EventSource source = SqliteEventSource.open(store.db(), store.mapping())) {
      Flow flow = Flows.of(source, FlowStores.FLOW);
      assertThat(flow.correlation()).isEqualTo(FlowStores.FLOW);
      assertThat(flow.streams()).containsExactlyElementsOf(FlowStores.FLOW_STREAMS);
      assertThat(flow.events())
          .extracting(FlowEvent::position)
          .containsExactlyElementsOf(FlowStores.FLOW_POSITIONS);
      assertThat(flow.events())
          .extracting(FlowEvent::causedBy)
          .containsExactlyElementsOf(FlowStores.FLOW_CAUSED_BY);
      List<EventLinks> links = store.expectedLinks();
      for (FlowEvent e : flow.events()) {
        FlowStores.Row row = FlowStores.ROWS.get((int) e.position() - 1);
        EventLinks l = links.get((int) e.position() - 1);
        assertThat(e)
            .as("event at %d", e.position())
            .isEqualTo(
                new FlowEvent(
                    row.position(),
                    row.stream(),
                    store.convention().equals("message-db")
                            || store.convention().startsWith("axon")
                            || store.convention().equals("esdb")
                        ? row.version() - 1
                        : row.version(),
                    e.type(),
                    row.time(),
                    row.id(),
                    l.causation(),
                    e.causedBy()));
        assertThat(e.type().replace("_", "").toLowerCase(java.util.Locale.ROOT))
            .endsWith(row.type().toLowerCase(java.util.Locale.ROOT));
      }
      // the flow of any of its events is the same flow; the other flow is another
      assertThat(Flows.at(source, 7)).isEqualTo(flow);
      Flow other = Flows.of(source, FlowStores.OTHER_FLOW);
      assertThat(other.events()).extracting(FlowEvent::position).containsExactly(2L, 5L);
      assertThat(other.events()).extracting(FlowEvent::causedBy).containsExactly(null, 2L);
      assertThatThrownBy(() -> Flows.at(source, 10))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the event at position 10 (other-2 v"
                  + (store.convention().equals("message-db")
                          || store.convention().startsWith("axon")
                          || store.convention().equals("esdb")
                      ? 0
                      : 1)
                  + ") has no correlation id, so it belongs to no flow");
      assertThatThrownBy(() -> Flows.at(source, 11))
          .hasMessageStartingWith("no event at position 11 in ");
      assertThatThrownBy(() -> Flows.of(source, "flow-X"))
          .hasMessageEndingWith(" has the correlation id 'flow-X'");
    }
  }

  @Test
  void theTreeHangsEachEventUnderItsCause() throws Exception {
    FlowStores.FlowStore store = FlowStores.emmett(dir);
    try (EventSource source = SqliteEventSource.open(store.db(), store.mapping())) {
      List<String> lines = new ArrayList<>();
      for (Flow.Node root : Flows.of(source, FlowStores.FLOW).tree()) {
        walk(root, 0, lines);
      }
      // 1 caused 3 and 4; 3 caused 6 and 7; 6 caused 8; 9's cause is in the other flow
      assertThat(lines).containsExactly("1", " 3", "  6", "   8", "  7", " 4", "9");
    }
  }

  private static void walk(Flow.Node node, int depth, List<String> lines) {
    lines.add(" ".repeat(depth) + node.event().position());
    node.caused().forEach(child -> walk(child, depth + 1, lines));
  }

  @Test
  void theDemosDoubleChargeFlow() throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), copy);
    Flow flow;
    try (EventSource source = SqliteEventSource.open(copy, (Path) null)) {
      // the flow of the second capture of payment-5006 (v3, position 878)
      flow = Flows.at(source, 878);
    }
    assertThat(flow.streams())
        .containsExactly(
            "cart-308",
            "order-1006",
            "inventory-travel-mug",
            "inventory-espresso-beans",
            "payment-5006",
            "account-operating");
    // SQLite's own reading: the events with this correlation id, and the position of the event
    // whose eventId each one's causationId is
    Map<Long, Long> expected = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT e.global_position, (SELECT c.global_position FROM events c WHERE"
                    + " json_extract(c.metadata, '$.eventId') = json_extract(e.metadata,"
                    + " '$.causationId')) FROM events e WHERE json_extract(e.metadata,"
                    + " '$.correlationId') = ? ORDER BY e.global_position")) {
      ps.setString(1, flow.correlation());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long position = rs.getLong(1);
          long cause = rs.getLong(2);
          expected.put(position, rs.wasNull() ? null : cause);
        }
      }
    }
    Map<Long, Long> actual = new LinkedHashMap<>();
    flow.events().forEach(e -> actual.put(e.position(), e.causedBy()));
    assertThat(actual).containsExactlyEntriesOf(expected);
    assertThat(actual).hasSize(23);
    // the story: both captures follow the one authorisation; each is paid out; the refund is of
    // the second
    assertThat(causedBy(flow, "payment-5006", 2)).isEqualTo(position(flow, "payment-5006", 1));
    assertThat(causedBy(flow, "payment-5006", 3)).isEqualTo(position(flow, "payment-5006", 1));
    assertThat(causedBy(flow, "account-operating", 359))
        .isEqualTo(position(flow, "payment-5006", 2));
    assertThat(causedBy(flow, "account-operating", 360))
        .isEqualTo(position(flow, "payment-5006", 3));
    assertThat(causedBy(flow, "payment-5006", 4)).isEqualTo(position(flow, "payment-5006", 3));
    assertThat(flow.events().get(0).causedBy()).as("the cart's first cause is not stored").isNull();
    assertThat(flow.events().get(0).causation()).isNotNull();
  }

  private static Long causedBy(Flow flow, String stream, long version) {
    return event(flow, stream, version).causedBy();
  }

  private static Long position(Flow flow, String stream, long version) {
    return event(flow, stream, version).position();
  }

  private static FlowEvent event(Flow flow, String stream, long version) {
    return flow.events().stream()
        .filter(e -> e.stream().equals(stream) && e.version() == version)
        .findFirst()
        .orElseThrow();
  }
}
