package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.Finder;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code find FILE --stream ID --where EXPR}: the first version at which a condition holds. */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print the first version after which a JavaScript condition over state and event holds.")
final class FindCommand implements Callable<Integer> {

  @Mixin StoreOptions store;
  @Mixin ReplayArgs replayArgs;

  @Option(
      names = "--where",
      paramLabel = "EXPR",
      required = true,
      description =
          "A JavaScript condition over state (after the event) and event, e.g. 'state.balance < 0'.")
  String where;

  @Option(
      names = "--json",
      description = "Print {stream, version, type, timestamp}; version is null when never.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Finder finder = Finder.compile(where);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SqliteEventSource source = store.open()) {
      StreamReplay replay = replayArgs.replay(source, err);
      Finder.Result hit = finder.first(replay);
      if (hit.error() != null) {
        err.println(
            "hindsight: warning: the condition failed on some events (counted as false): "
                + hit.error());
      }
      int o = hit.ordinal();
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.put("stream", replay.stream().stream());
      if (hit.found()) {
        result.put("version", replay.version(o));
        result.put("type", replay.type(o));
        result.put("timestamp", EventJson.iso(replay.timestamp(o)));
      } else {
        result.putNull("version");
        result.putNull("type");
        result.putNull("timestamp");
      }
      if (json) {
        out.println(Json.write(result));
      } else if (hit.found()) {
        out.println(
            "version "
                + replay.version(o)
                + " ("
                + replay.type(o)
                + ", "
                + (replay.timestamp(o) == null ? "no time" : EventJson.iso(replay.timestamp(o)))
                + ")");
      } else {
        out.println("never: the condition holds after no event of " + replay.stream().stream());
      }
    }
    return HindsightCli.OK;
  }
}
