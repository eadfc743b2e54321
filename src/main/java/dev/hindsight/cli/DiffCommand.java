package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.JsonDiff;
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

/**
 * {@code diff FILE --stream ID --from V1 --to V2}: what changed in the state between two versions.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print what changed in a stream's state from after version V1 to after version V2.")
final class DiffCommand implements Callable<Integer> {

  @Mixin StoreOptions store;
  @Mixin ReplayArgs replayArgs;

  @Option(names = "--from", paramLabel = "V1", required = true, description = "The first version.")
  long from;

  @Option(names = "--to", paramLabel = "V2", required = true, description = "The second version.")
  long to;

  @Option(
      names = "--json",
      description = "Print {stream, from, to, changes: [{path, op, old, new}]}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EventSource source = store.open()) {
      StreamReplay replay = replayArgs.replay(source, spec.commandLine().getErr());
      List<Change> changes =
          JsonDiff.diff(
              replay.stateAfter(ordinal(replay, from)), replay.stateAfter(ordinal(replay, to)));
      if (json) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("stream", replay.stream().stream());
        result.put("from", from);
        result.put("to", to);
        result.set("changes", changesJson(changes));
        out.println(Json.write(result));
      } else if (changes.isEmpty()) {
        out.println("no changes from version " + from + " to version " + to);
      } else {
        for (Change c : changes) {
          out.println(c.line("->"));
        }
      }
    }
    return HindsightCli.OK;
  }

  /**
   * The ordinal after which the state is "after version v": v must be one of the stream's versions.
   */
  static int ordinal(StreamReplay replay, long version) {
    int o = replay.ordinalOfVersion(version);
    if (o < 0) {
      throw new StoreException(
          "stream "
              + replay.stream().stream()
              + " has no version "
              + version
              + (replay.size() == 0
                  ? ""
                  : " (its versions run from "
                      + replay.version(0)
                      + " to "
                      + replay.version(replay.size() - 1)
                      + ")"));
    }
    return o;
  }

  /** Changes as {@code diff --json} prints them: [{path, op, old, new}]. */
  static ArrayNode changesJson(List<Change> changes) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Change c : changes) {
      ObjectNode o = list.addObject();
      o.put("path", c.path());
      o.put("op", c.op().id());
      o.set("old", c.oldValue() == null ? JsonNodeFactory.instance.nullNode() : c.oldValue());
      o.set("new", c.newValue() == null ? JsonNodeFactory.instance.nullNode() : c.newValue());
    }
    return list;
  }
}
