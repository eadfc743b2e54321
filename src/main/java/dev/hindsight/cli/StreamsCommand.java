package dev.hindsight.cli;

import dev.hindsight.event.EventJson;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streams FILE [--mapping M] [--json]}: one row per stream. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "List the streams of a store, one row per stream.")
final class StreamsCommand implements Callable<Integer> {

  @Mixin StoreOptions store;

  @Option(
      names = "--json",
      description =
          "Print a JSON array of {stream, type, events, firstVersion,"
              + " lastVersion, firstTimestamp, lastTimestamp}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EventSource source = store.open()) {
      var streams = source.streams();
      if (json) {
        JsonArrayWriter array = new JsonArrayWriter(out);
        streams.forEach(s -> array.add(EventJson.toJson(s)));
        array.finish();
      } else {
        try (TextTable table =
            new TextTable(
                out,
                "STREAM",
                "TYPE",
                "EVENTS",
                "FIRST",
                "LAST",
                "FIRST TIMESTAMP",
                "LAST TIMESTAMP")) {
          for (StreamSummary s : streams) {
            table.row(
                s.stream(),
                s.type(),
                Long.toString(s.events()),
                Long.toString(s.firstVersion()),
                Long.toString(s.lastVersion()),
                EventJson.iso(s.firstTimestamp()),
                EventJson.iso(s.lastTimestamp()));
          }
        }
      }
    }
    return HindsightCli.OK;
  }
}
