package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.Words;
import dev.hindsight.replay.AllStreams;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerComparison;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare-reducers FILE --reducer A --against B}: every stream either set applies to, folded
 * with both; for each stream whose states differ, the first event after which they do. Exit 0 when
 * every stream is the same, 1 when any differs, 2 when it could not run.
 */
@Command(
    name = "compare-reducers",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Fold every stream either set of reducers applies to with both and compare the states after"
            + " each event: for each stream that differs, the first event after which it does and"
            + " what B's state has that A's does not. Exit 0: all the same; 1: some differ; 2:"
            + " could not run.")
final class CompareReducersCommand implements Callable<Integer> {

  static final int DIFFER = 1;

  @Mixin StoreOptions store;

  @Option(
      names = "--reducer",
      paramLabel = "A",
      required = true,
      description = "The reducers as they are: a JavaScript file or a folder of them.")
  Path reducerA;

  @Option(
      names = "--against",
      paramLabel = "B",
      required = true,
      description = "The reducers to compare with them (a changed copy): a file or a folder.")
  Path reducerB;

  @Option(
      names = "--type",
      paramLabel = "T",
      description = "Only streams of this aggregate type, as 'streams' lists it.")
  String type;

  @Option(
      names = "--streams",
      paramLabel = "GLOB",
      description = "Only streams whose id matches, e.g. 'payment-*'.")
  String streams;

  @Option(
      names = "--json",
      description =
          "Print {streams, same, differ: [{stream, version, type, changes}], errors: [{stream,"
              + " version, reducer, message}]}; changes as 'diff --json' prints them.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ReducerComparison comparison =
        new ReducerComparison(JsReducers.load(reducerA), JsReducers.load(reducerB));
    try (EventSource source = store.open()) {
      ReducerComparison.Result result =
          comparison.run(
              source,
              new AllStreams.Selection(type, streams).of(source.streams()),
              d -> {},
              Progress.NONE);
      if (json) {
        out.println(Json.write(json(result)));
      } else {
        text(out, result);
      }
      out.flush();
      return result.differ().isEmpty() ? HindsightCli.OK : DIFFER;
    }
  }

  static ObjectNode json(ReducerComparison.Result result) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("streams", result.streams());
    o.put("same", result.same());
    ArrayNode differ = o.putArray("differ");
    for (ReducerComparison.Difference d : result.differ()) {
      ObjectNode one = differ.addObject();
      one.put("stream", d.stream());
      one.put("version", d.version());
      one.put("type", d.type());
      one.set("changes", DiffCommand.changesJson(d.changes()));
    }
    ArrayNode errors = o.putArray("errors");
    for (ReducerComparison.SideError e : result.errors()) {
      ObjectNode one = errors.addObject();
      one.put("stream", e.error().stream());
      one.put("version", e.error().version());
      one.put("reducer", e.side().name());
      one.put("message", e.error().message());
    }
    return o;
  }

  private static void text(PrintWriter out, ReducerComparison.Result result) {
    for (ReducerComparison.Difference d : result.differ()) {
      out.println(d.stream() + "  version " + d.version() + " (" + d.type() + ")");
      for (Change c : d.changes()) {
        out.println("    " + c.line("->"));
      }
    }
    for (ReducerComparison.SideError e : result.errors()) {
      out.println("reducer error (" + e.side() + "): " + e.error().describe());
    }
    out.println(
        Words.count(result.streams(), "stream")
            + " compared: "
            + result.same()
            + " the same, "
            + result.differ().size()
            + " differ"
            + (result.errors().isEmpty()
                ? ""
                : ", " + Words.count(result.errors().size(), "reducer error")));
  }
}
