package dev.hindsight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code state FILE --stream ID [--at V | --as-of T] [--reducer R] [--json]}: a stream's state. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print a stream's state: after a version, as of a time, or (by default) the final one.")
final class StateCommand implements Callable<Integer> {

  @Mixin StoreOptions store;
  @Mixin ReplayArgs replayArgs;

  @ArgGroup(exclusive = true)
  Point point;

  static final class Point {
    @Option(names = "--at", paramLabel = "V", description = "The state right after version V.")
    Long at;

    @Option(
        names = "--as-of",
        paramLabel = "T",
        description =
            "The state as of time T (ISO-8601; UTC without a zone): after the last event at or before T.")
    String asOf;
  }

  @Option(names = "--json", description = "Print {stream, version, timestamp, reducer, state}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EventSource source = store.open()) {
      StreamReplay replay = replayArgs.replay(source, spec.commandLine().getErr());
      int ordinal = ordinal(replay);
      JsonNode state = replay.stateAfter(ordinal);
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.put("stream", replay.stream().stream());
      if (ordinal >= 0) {
        result.put("version", replay.version(ordinal));
      } else {
        result.putNull("version");
      }
      result.put("timestamp", ordinal >= 0 ? EventJson.iso(replay.timestamp(ordinal)) : null);
      result.put("reducer", replay.reducer().name());
      result.set("state", state);
      if (json) {
        out.println(Json.write(result));
      } else {
        out.println("stream:    " + replay.stream().stream());
        out.println(
            "version:   "
                + (ordinal >= 0
                    ? replay.version(ordinal) + " (" + replay.type(ordinal) + ")"
                    : "none (the initial state)"));
        out.println(
            "timestamp: "
                + (ordinal >= 0 && replay.timestamp(ordinal) != null
                    ? EventJson.iso(replay.timestamp(ordinal))
                    : "-"));
        out.println("reducer:   " + replay.reducer().name());
        if (replay.unhandled() > 0) {
          out.println("unhandled: " + replay.unhandled() + " events had no handler");
        }
        out.println(Json.pretty(state));
      }
    }
    return HindsightCli.OK;
  }

  private int ordinal(StreamReplay replay) {
    if (point == null) {
      return replay.size() - 1;
    }
    if (point.at != null) {
      if (replay.size() > 0 && point.at > replay.version(replay.size() - 1)) {
        throw new StoreException(
            "version "
                + point.at
                + " is after the last version of "
                + replay.stream().stream()
                + " ("
                + replay.version(replay.size() - 1)
                + ")");
      }
      return replay.ordinalAtVersion(point.at);
    }
    Instant t = TimeArgs.parse("--as-of", point.asOf, "a version goes with --at");
    return replay.ordinalAsOf(t);
  }
}
