package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.Blame;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blame FILE --stream ID --path P}: every event that changed the value at a path. */
@Command(
    name = "blame",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print every event that changed the state's value at a JSON pointer, e.g. /balance.")
final class BlameCommand implements Callable<Integer> {

  @Mixin StoreOptions store;
  @Mixin ReplayArgs replayArgs;

  @Option(
      names = "--path",
      paramLabel = "P",
      required = true,
      description = "A JSON pointer into the state: /items/0/qty (\"\" is the whole state).")
  String path;

  @Option(
      names = "--json",
      description = "Print an array of {version, type, timestamp, op, old, new}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw new StoreException("--path must be a JSON pointer starting with /, e.g. /" + path);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (EventSource source = store.open()) {
      StreamReplay replay = replayArgs.replay(source, spec.commandLine().getErr());
      List<Blame.Entry> entries = Blame.of(replay, path);
      if (json) {
        JsonArrayWriter array = new JsonArrayWriter(out);
        for (Blame.Entry e : entries) {
          ObjectNode o = JsonNodeFactory.instance.objectNode();
          o.put("version", e.version());
          o.put("type", e.type());
          o.put("timestamp", EventJson.iso(e.timestamp()));
          o.put("op", e.op().id());
          o.set("old", e.oldValue() == null ? JsonNodeFactory.instance.nullNode() : e.oldValue());
          o.set("new", e.newValue() == null ? JsonNodeFactory.instance.nullNode() : e.newValue());
          array.add(o);
        }
        array.finish();
      } else {
        try (TextTable table =
            new TextTable(out, "VERSION", "TYPE", "TIMESTAMP", "OP", "OLD", "NEW")) {
          for (Blame.Entry e : entries) {
            table.row(
                Long.toString(e.version()),
                e.type(),
                EventJson.iso(e.timestamp()),
                e.op().id(),
                e.oldValue() == null ? null : Json.write(e.oldValue()),
                e.newValue() == null ? null : Json.write(e.newValue()));
          }
        }
      }
    }
    return HindsightCli.OK;
  }
}
