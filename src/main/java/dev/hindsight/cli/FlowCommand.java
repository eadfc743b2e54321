package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.flow.Flow;
import dev.hindsight.flow.FlowEvent;
import dev.hindsight.flow.Flows;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flow FILE (--correlation ID | --position P) [--json]}: the events of one flow across
 * streams, with what caused each.
 */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print one flow: every event of a correlation id across streams, in global order, as a"
            + " tree of what caused what.")
final class FlowCommand implements Callable<Integer> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Mixin StoreOptions store;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(
        names = "--correlation",
        paramLabel = "ID",
        required = true,
        description = "The flow's correlation id.")
    String correlation;

    @Option(
        names = "--position",
        paramLabel = "P",
        required = true,
        description = "The flow of the event at global position P.")
    Long position;
  }

  @Option(
      names = "--json",
      description =
          "Print {correlation, streams, events: [{position, stream, version, type, timestamp, id,"
              + " causation, causedBy}]}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Flow flow;
    try (EventSource source = store.open()) {
      flow =
          which.correlation != null
              ? Flows.of(source, which.correlation)
              : Flows.at(source, which.position);
    }
    if (json) {
      writeJson(flow, out);
    } else {
      writeTree(flow, out);
    }
    out.flush();
    return HindsightCli.OK;
  }

  /** The flow's object, with one event per line. */
  static void writeJson(Flow flow, PrintWriter out) {
    ArrayNode streams = NODES.arrayNode();
    flow.streams().forEach(streams::add);
    out.print(
        "{\"correlation\":"
            + Json.write(NODES.textNode(flow.correlation()))
            + ",\"streams\":"
            + Json.write(streams)
            + ",\"events\":[");
    String separator = "\n";
    for (FlowEvent e : flow.events()) {
      out.print(separator);
      out.print(Json.write(toJson(e)));
      separator = ",\n";
    }
    out.println("\n]}");
  }

  /** {@code {"position","stream","version","type","timestamp","id","causation","causedBy"}}. */
  static ObjectNode toJson(FlowEvent e) {
    ObjectNode o = NODES.objectNode();
    o.put("position", e.position());
    o.put("stream", e.stream());
    o.put("version", e.version());
    o.put("type", e.type());
    o.put("timestamp", EventJson.iso(e.timestamp()));
    o.put("id", e.id());
    o.put("causation", e.causation());
    if (e.causedBy() == null) {
      o.putNull("causedBy");
    } else {
      o.put("causedBy", e.causedBy());
    }
    return o;
  }

  /** A heading, then each event under the event that caused it, with its time. */
  private static void writeTree(Flow flow, PrintWriter out) {
    out.println(
        "flow "
            + flow.correlation()
            + ": "
            + dev.hindsight.event.Words.count(flow.events().size(), "event")
            + " in "
            + dev.hindsight.event.Words.count(flow.streams().size(), "stream")
            + " ("
            + String.join(", ", flow.streams())
            + ")");
    for (Flow.Node root : flow.tree()) {
      write(flow, root, 0, out);
    }
  }

  private static void write(Flow flow, Flow.Node node, int depth, PrintWriter out) {
    FlowEvent e = node.event();
    StringBuilder line = new StringBuilder("  ".repeat(depth));
    line.append(e.timestamp() == null ? "(no time)" : EventJson.iso(e.timestamp()))
        .append("  ")
        .append(e.stream())
        .append(" v")
        .append(e.version())
        .append("  ")
        .append(e.type())
        .append("  @")
        .append(e.position());
    if (depth == 0 && e.causation() != null) {
      line.append("  <- ").append(cause(flow, e));
    }
    out.println(line);
    List<Flow.Node> caused = node.caused();
    for (Flow.Node child : caused) {
      write(flow, child, depth + 1, out);
    }
  }

  /** Why a root has no parent in the tree: its cause is elsewhere, or not stored. */
  private static String cause(Flow flow, FlowEvent e) {
    if (e.causedBy() == null) {
      return e.causation() + " (not a stored event)";
    }
    if (flow.at(e.causedBy()).isEmpty()) {
      return "@" + e.causedBy() + " (outside this flow)";
    }
    return "@" + e.causedBy() + " (a cycle of causes)";
  }
}
