package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.store.FlowStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow}: its JSON fields and order, the tree, and exit 2 for an event in no flow. */
@Timeout(60)
class FlowCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jsonIsTheFlowWithOneEventPerLine() throws Exception {
    FlowStores.FlowStore store = FlowStores.martenColumns(dir);
    CliRun r =
        CliRun.of(
            "flow",
            store.db().toString(),
            "--mapping",
            store.mapping().toString(),
            "--correlation",
            FlowStores.FLOW,
            "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode flow = JSON.readTree(r.out());
    assertThat(fields(flow)).containsExactly("correlation", "streams", "events");
    assertThat(flow.get("correlation").asText()).isEqualTo(FlowStores.FLOW);
    assertThat(flow.get("streams"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(FlowStores.FLOW_STREAMS);
    assertThat(r.outLines()).hasSize(2 + FlowStores.FLOW_POSITIONS.size());
    JsonNode first = flow.get("events").get(0);
    assertThat(fields(first))
        .containsExactly(
            "position", "stream", "version", "type", "timestamp", "id", "causation", "causedBy");
    assertThat(first.toString())
        .isEqualTo(
            "{\"position\":1,\"stream\":\"order-1\",\"version\":1,\"type\":\"order_placed\","
                + "\"timestamp\":\"2024-05-01T10:01:00Z\",\"id\":\"e1\",\"causation\":\"cmd-1\","
                + "\"causedBy\":null}");
    List<Long> causedBy = new ArrayList<>();
    flow.get("events")
        .forEach(e -> causedBy.add(e.get("causedBy").isNull() ? null : e.get("causedBy").asLong()));
    assertThat(causedBy).containsExactlyElementsOf(FlowStores.FLOW_CAUSED_BY);
  }

  @Test
  void positionGivesTheFlowOfThatEvent() throws Exception {
    FlowStores.FlowStore store = FlowStores.messageDb(dir);
    String[] base = {"flow", store.db().toString(), "--mapping", store.mapping().toString()};
    CliRun byPosition = CliRun.of(concat(base, "--position", "8", "--json"));
    CliRun byId = CliRun.of(concat(base, "--correlation", FlowStores.FLOW, "--json"));
    assertThat(byPosition.exit()).as(byPosition.toString()).isZero();
    assertThat(byPosition.out()).isEqualTo(byId.out());
    // Message DB names causes by global position: kept as the text it is
    JsonNode first = JSON.readTree(byId.out()).get("events").get(0);
    assertThat(first.get("causation").asText()).isEqualTo("999");
    assertThat(first.get("causedBy").isNull()).isTrue();
  }

  @Test
  void anEventWithNoCorrelationIsExit2AndOneLine() throws Exception {
    FlowStores.FlowStore store = FlowStores.esdb(dir);
    CliRun r = CliRun.of("flow", store.db().toString(), "--position", "10");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .containsExactly(
            "hindsight: the event at position 10 (other-2 v0) has no correlation id, so it belongs"
                + " to no flow");
    r = CliRun.of("flow", store.db().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo(
            "hindsight: Error: Missing required argument (specify one of these): (--correlation=ID | --position=P)");
    r = CliRun.of("flow", store.db().toString(), "--position", "1", "--correlation", "x");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void textIsACausationTreeWithTimes() throws Exception {
    FlowStores.FlowStore store = FlowStores.axonJson(dir);
    CliRun r = CliRun.of("flow", store.db().toString(), "--correlation", FlowStores.FLOW);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "flow flow-F: 7 events in 3 streams (order-1, payment-1, stock-1)",
            "2024-05-01T10:01:00Z  order-1 v0  com.example.OrderPlaced  @1  <- cmd-1 (not a stored"
                + " event)",
            "  2024-05-01T10:03:00Z  payment-1 v0  com.example.PaymentAuthorized  @3",
            "    2024-05-01T10:06:00Z  payment-1 v1  com.example.PaymentCaptured  @6",
            "      2024-05-01T10:08:00Z  order-1 v1  com.example.OrderPaid  @8",
            "    2024-05-01T10:07:00Z  payment-1 v2  com.example.PaymentCaptured  @7",
            "  2024-05-01T10:04:00Z  stock-1 v0  com.example.StockReserved  @4",
            "2024-05-01T10:09:00Z  stock-1 v1  com.example.StockShipped  @9  <- @5 (outside this"
                + " flow)");
  }

  private static List<String> fields(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }
}
