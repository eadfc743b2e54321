package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StoreStates;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code states FILE --type T (--as-of ISO | --at-position P) [--reducer R] [--json]}: the state of
 * every stream of an aggregate type as of a time.
 */
@Command(
    name = "states",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print the state of every stream of an aggregate type as of a time (after each stream's"
            + " last event at or before it), or as of a global position.")
final class StatesCommand implements Callable<Integer> {

  @Mixin StoreOptions store;

  @Option(
      names = "--type",
      paramLabel = "T",
      required = true,
      description = "The aggregate type, as 'streams' lists it.")
  String type;

  @ArgGroup(exclusive = true, multiplicity = "1")
  When when;

  static final class When {
    @Option(
        names = "--as-of",
        paramLabel = "ISO",
        required = true,
        description =
            "The time (ISO-8601; UTC without a zone): each state after its stream's last event at"
                + " or before it.")
    String asOf;

    @Option(
        names = "--at-position",
        paramLabel = "P",
        required = true,
        description = "Each state after its stream's last event at or before global position P.")
    Long atPosition;
  }

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description = "A JavaScript reducer file, or a folder of them (*.js in name order).")
  Path reducer;

  @Option(names = "--json", description = "Print a JSON array of {stream, version, state}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StoreStates.Point point =
        when.asOf != null
            ? StoreStates.Point.asOf(
                TimeArgs.parse("--as-of", when.asOf, "a position goes with --at-position"))
            : StoreStates.Point.atPosition(when.atPosition);
    ReducerSet reducers = reducer == null ? ReducerSet.generic() : JsReducers.load(reducer);
    try (EventSource source = store.open()) {
      List<StreamSummary> streams = streamsOf(source, type);
      List<StoreStates.StreamState> states =
          StoreStates.of(
              source,
              streams,
              reducers,
              point,
              ReplayOptions.defaults(),
              e -> err.println("hindsight: warning: " + e.describe()),
              Progress.NONE);
      if (json) {
        JsonArrayWriter array = new JsonArrayWriter(out);
        for (StoreStates.StreamState s : states) {
          array.add(toJson(s));
        }
        array.finish();
      } else {
        try (TextTable table = new TextTable(out, "STREAM", "VERSION", "STATE")) {
          for (StoreStates.StreamState s : states) {
            String state = Json.write(s.state());
            table.row(
                s.stream(),
                Long.toString(s.version()),
                state.length() <= EventsCommand.DATA_WIDTH
                    ? state
                    : state.substring(0, EventsCommand.DATA_WIDTH - 1) + "…");
          }
        }
      }
    }
    return HindsightCli.OK;
  }

  /** {@code {"stream","version","state"}}. */
  static ObjectNode toJson(StoreStates.StreamState s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stream", s.stream());
    o.put("version", s.version());
    o.set("state", s.state());
    return o;
  }

  /** The streams of an aggregate type, or an error that lists the types there are. */
  static List<StreamSummary> streamsOf(EventSource source, String type) {
    List<StreamSummary> all = source.streams();
    List<StreamSummary> ofType = all.stream().filter(s -> type.equals(s.type())).toList();
    if (ofType.isEmpty()) {
      TreeSet<String> types = new TreeSet<>();
      all.stream().map(StreamSummary::type).filter(Objects::nonNull).forEach(types::add);
      throw new StoreException(
          "no streams of type '"
              + type
              + "' in "
              + source.location()
              + (types.isEmpty()
                  ? " (its layout tells no aggregate types)"
                  : " (types: " + String.join(", ", types) + ")"));
    }
    return ofType;
  }
}
