package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.AllStreams;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerError;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.FindInAllStreams;
import dev.hindsight.replay.js.Finder;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code find FILE --stream ID --where EXPR}: the first version at which a condition holds; with
 * {@code --all-streams}, that version in every stream the reducers apply to.
 */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print the first version after which a JavaScript condition over state and event holds:"
            + " in one stream, or (--all-streams) in every stream the reducer applies to.")
final class FindCommand implements Callable<Integer> {

  @Mixin StoreOptions store;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--stream", paramLabel = "ID", required = true, description = "The stream.")
    String stream;

    @Option(
        names = "--all-streams",
        required = true,
        description =
            "Every stream the reducer applies to (with the generic reducer: every stream).")
    boolean allStreams;
  }

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description = "A JavaScript reducer file, or a folder of them (*.js in name order).")
  Path reducer;

  @Option(
      names = "--strict",
      description = "Stop at the first reducer error (exit 2); with --stream only.")
  boolean strict;

  @Option(
      names = "--type",
      paramLabel = "T",
      description =
          "With --all-streams: only streams of this aggregate type, as 'streams' lists it.")
  String type;

  @Option(
      names = "--streams",
      paramLabel = "GLOB",
      description = "With --all-streams: only streams whose id matches, e.g. 'payment-*'.")
  String streams;

  @Option(
      names = "--where",
      paramLabel = "EXPR",
      required = true,
      description =
          "A JavaScript condition over state (after the event) and event, e.g. 'state.balance < 0'.")
  String where;

  @Option(
      names = "--json",
      description =
          "Print {stream, version, type, timestamp}; version is null when never. With"
              + " --all-streams, an array of them in stream-id order, leaving out streams where it"
              + " never holds.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Finder finder = Finder.compile(where);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (which.allStreams) {
      if (strict) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--strict goes with --stream (all streams go on past an error)");
      }
      return allStreams(finder, out, err);
    }
    if (type != null || streams != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--type and --streams go with --all-streams");
    }
    ReplayArgs replayArgs = new ReplayArgs();
    replayArgs.stream = which.stream;
    replayArgs.reducer = reducer;
    replayArgs.strict = strict;
    try (EventSource source = store.open()) {
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
      String note = hit.note("every event");
      if (json) {
        out.println(Json.write(result));
        if (!note.isEmpty()) {
          err.println("hindsight: " + note);
        }
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
        out.println(
            "never: the condition holds after no event of "
                + replay.stream().stream()
                + (note.isEmpty() ? "" : "; " + note));
      }
    }
    return HindsightCli.OK;
  }

  private int allStreams(Finder finder, PrintWriter out, PrintWriter err) {
    ReducerSet reducers = reducer == null ? ReducerSet.generic() : JsReducers.load(reducer);
    FindInAllStreams search = new FindInAllStreams(finder, reducers);
    try (EventSource source = store.open()) {
      List<StreamSummary> candidates = new AllStreams.Selection(type, streams).of(source.streams());
      FindInAllStreams.Result result = search.run(source, candidates, hit -> {}, Progress.NONE);
      warn(err, result);
      String note = result.note();
      if (json) {
        JsonArrayWriter array = new JsonArrayWriter(out);
        for (FindInAllStreams.Hit hit : result.hits()) {
          array.add(hit.json());
        }
        array.finish();
        if (!note.isEmpty()) {
          err.println("hindsight: " + note);
        }
      } else {
        int width = result.hits().stream().mapToInt(h -> h.stream().length()).max().orElse(0);
        for (FindInAllStreams.Hit hit : result.hits()) {
          out.println(
              String.format(
                  Locale.ROOT,
                  "%-" + width + "s  version %d (%s, %s)",
                  hit.stream(),
                  hit.version(),
                  hit.type(),
                  hit.timestamp() == null ? "no time" : EventJson.iso(hit.timestamp())));
        }
        out.println(
            String.format(
                    Locale.ROOT,
                    "%,d of %,d %s: the condition holds",
                    result.hits().size(),
                    result.streams(),
                    result.streams() == 1 ? "stream" : "streams")
                + (note.isEmpty() ? "" : "; " + note));
      }
      out.flush();
    }
    return HindsightCli.OK;
  }

  /** Reducer and condition errors, one line each (at most {@value #MAX_WARNINGS}). */
  private static void warn(PrintWriter err, FindInAllStreams.Result result) {
    List<ReducerError> errors = result.reducerErrors();
    for (int i = 0; i < Math.min(errors.size(), MAX_WARNINGS); i++) {
      err.println("hindsight: warning: " + errors.get(i).describe());
    }
    if (errors.size() > MAX_WARNINGS) {
      err.println(
          "hindsight: warning: and "
              + Words.count(errors.size() - MAX_WARNINGS, "more reducer error"));
    }
    if (result.conditionError() != null) {
      err.println(
          "hindsight: warning: the condition failed on some events (counted as false) in "
              + Words.count(result.conditionErrorStreams(), "stream")
              + ", first in "
              + result.conditionError());
    }
    err.flush();
  }

  private static final int MAX_WARNINGS = 20;
}
