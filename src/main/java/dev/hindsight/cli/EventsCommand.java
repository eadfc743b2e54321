package dev.hindsight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerException;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.Follower;
import dev.hindsight.store.StoreException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code events FILE [--stream ID] [--from-version V] [--to-version V] [filters] [--limit N]
 * [--json]}: one stream's events in version order, or all events in global order; the filters
 * ({@code --type}, {@code --streams}, {@code --from-time}, {@code --to-time}, {@code --text},
 * {@code --correlation}) are combined with AND.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print events: one stream's in version order, or without --stream all in global order.")
final class EventsCommand implements Callable<Integer> {

  static final int DATA_WIDTH = 100;

  @Mixin StoreOptions store;

  @Option(names = "--stream", paramLabel = "ID", description = "The stream to print.")
  String stream;

  @Option(names = "--from-version", paramLabel = "V", description = "The first version to print.")
  Long fromVersion;

  @Option(names = "--to-version", paramLabel = "V", description = "The last version to print.")
  Long toVersion;

  @Option(names = "--limit", paramLabel = "N", description = "Print at most N events.")
  Long limit;

  @Option(
      names = "--type",
      paramLabel = "T",
      description =
          "Only events of type T: the stored type, or a short name as reducers look handlers up"
              + " (ItemAdded for com.example.Cart$ItemAdded#2). Repeatable: any of them.")
  List<String> types;

  @Option(
      names = "--streams",
      paramLabel = "GLOB",
      description = "Only events of streams whose id matches GLOB (* any run, ? one character).")
  String streams;

  @Option(
      names = "--from-time",
      paramLabel = "ISO",
      description =
          "Only events at or after this time (ISO-8601; UTC without a zone; a date: its start).")
  String fromTime;

  @Option(
      names = "--to-time",
      paramLabel = "ISO",
      description =
          "Only events at or before this time (ISO-8601; UTC without a zone; a date: its end).")
  String toTime;

  @Option(
      names = "--text",
      paramLabel = "S",
      description = "Only events whose data or metadata contains S (case-insensitive).")
  String text;

  @Option(
      names = "--correlation",
      paramLabel = "ID",
      description = "Only events of the flow with this correlation id.")
  String correlation;

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description =
          "A JavaScript reducer file or folder: each event also shows as its upcasters make it"
              + " (JSON field \"upcast\", null when no upcaster applies).")
  java.nio.file.Path reducer;

  @Option(
      names = "--json",
      description =
          "Print a JSON array of {position, stream, version, type, revision, timestamp, data, metadata}.")
  boolean json;

  @Option(
      names = "--follow",
      description =
          "Keep running and print each event committed after the start as one JSON object per line"
              + " (--limit N: stop after N).")
  boolean follow;

  /** How often --follow asks the store whether something was written. */
  static final long FOLLOW_POLL_MILLIS = 250;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (follow) {
      return follow();
    }
    if ((fromVersion != null || toVersion != null) && stream == null) {
      throw new StoreException("--from-version and --to-version need --stream");
    }
    if (fromVersion != null && toVersion != null && fromVersion > toVersion) {
      throw new StoreException(
          "--from-version " + fromVersion + " is after --to-version " + toVersion);
    }
    if (limit != null && limit < 0) {
      throw new StoreException("--limit must be 0 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EventQuery query =
        new EventQuery(stream, fromVersion, toVersion, limit == null ? 0 : limit)
            .withFilter(filter());
    if (limit != null && limit == 0) {
      query = null;
    }
    try (EventSource source = store.open()) {
      if (stream != null && !source.hasStream(stream)) {
        throw StoreOptions.noStream(source, stream);
      }
      if (reducer != null && !json) {
        err.println(
            "hindsight: note: --reducer adds the \"upcast\" field to --json output; the table shows"
                + " events as stored");
      }
      if (json) {
        JsonArrayWriter array = new JsonArrayWriter(out);
        Upcasts upcasts =
            reducer == null ? null : new Upcasts(() -> source, JsReducers.load(reducer), err);
        read(
            source,
            query,
            err,
            e -> {
              ObjectNode o = EventJson.toJson(e);
              if (upcasts != null) {
                JsonNode up = upcasts.of(e);
                o.set("upcast", up == null ? o.nullNode() : up);
              }
              array.add(o);
            });
        array.finish();
      } else {
        try (TextTable table =
            new TextTable(out, "POSITION", "STREAM", "VERSION", "TYPE", "TIMESTAMP", "DATA")) {
          read(
              source,
              query,
              err,
              e ->
                  table.row(
                      Long.toString(e.position()),
                      e.stream(),
                      Long.toString(e.version()),
                      e.type(),
                      EventJson.iso(e.timestamp()),
                      (e.hasProblems() ? "! " : "") + summary(e)));
        }
      }
    }
    return HindsightCli.OK;
  }

  /** The filters given, combined with AND; {@link EventFilter#NONE} for none. */
  EventFilter filter() {
    Instant from = fromTime == null ? null : TimeArgs.bound("--from-time", fromTime, false);
    Instant to = toTime == null ? null : TimeArgs.bound("--to-time", toTime, true);
    if (from != null && to != null && from.isAfter(to)) {
      throw new StoreException("--from-time " + fromTime + " is after --to-time " + toTime);
    }
    if (correlation != null && correlation.isEmpty()) {
      throw new StoreException("--correlation needs an id");
    }
    return EventFilter.NONE
        .withTypes(types)
        .withStreams(streams)
        .withTimes(from, to)
        .withText(text)
        .withCorrelation(correlation);
  }

  /** --follow: JSON lines of what is written from now on, until --limit or the process ends. */
  private int follow() {
    if (fromVersion != null || toVersion != null) {
      throw new StoreException(
          "--follow prints events written from now on: it takes no --from-version or --to-version");
    }
    if (limit != null && limit < 0) {
      throw new StoreException("--limit must be 0 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit != null && limit == 0) {
      return HindsightCli.OK; // zero events asked for: done
    }
    long wanted = limit == null ? Long.MAX_VALUE : limit;
    long[] printed = {0};
    EventFilter filter = filter();
    try (Follower follower = new Follower(store::open, stream)) {
      Upcasts upcasts =
          reducer == null ? null : new Upcasts(follower::source, JsReducers.load(reducer), err);
      com.fasterxml.jackson.databind.ObjectWriter writer =
          dev.hindsight.store.codec.Json.mapper().writer();
      while (printed[0] < wanted) {
        follower.poll(
            e -> {
              if (!filter.test(e)) {
                return true;
              }
              ObjectNode o = EventJson.toJson(e);
              if (upcasts != null) {
                JsonNode up = upcasts.of(e);
                o.set("upcast", up == null ? o.nullNode() : up);
              }
              try {
                out.println(writer.writeValueAsString(o));
              } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new IllegalStateException(x);
              }
              printed[0]++;
              return printed[0] < wanted;
            });
        out.flush();
        // the reader went away (a closed pipe, `| head -1`): nothing more to do. System.out is a
        // PrintStream, which keeps a failed write to itself, so it is asked too
        if (out.checkError() || System.out.checkError()) {
          return HindsightCli.OK;
        }
        if (printed[0] < wanted) {
          try {
            Thread.sleep(FOLLOW_POLL_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HindsightCli.OK;
          }
        }
      }
    }
    return HindsightCli.OK;
  }

  private static void read(
      EventSource source,
      EventQuery query,
      PrintWriter err,
      java.util.function.Consumer<StoredEvent> each) {
    if (query == null) {
      return;
    }
    source.read(
        query,
        e -> {
          each.accept(e);
          if (e.hasProblems()) {
            err.println(
                "hindsight: warning: event at position "
                    + e.position()
                    + " ("
                    + e.stream()
                    + " v"
                    + e.version()
                    + "): "
                    + String.join("; ", e.problems()));
          }
          return true;
        });
  }

  /** The upcast form of events, by the reducer that applies to each one's stream. */
  private static final class Upcasts {
    private final java.util.function.Supplier<? extends EventSource> source;
    private final ReducerSet reducers;
    private final PrintWriter err;
    private final Map<String, Reducer> byStream = new HashMap<>();

    Upcasts(
        java.util.function.Supplier<? extends EventSource> source,
        ReducerSet reducers,
        PrintWriter err) {
      this.source = source;
      this.reducers = reducers;
      this.err = err;
    }

    JsonNode of(StoredEvent e) {
      Reducer r =
          byStream.computeIfAbsent(
              e.stream(),
              s ->
                  reducers.forStream(
                      s, source.get().stream(s).map(StreamSummary::type).orElse(null)));
      try {
        return r.upcast(e);
      } catch (ReducerException failure) {
        err.println(
            "hindsight: warning: event at position " + e.position() + ": " + failure.getMessage());
        return null;
      }
    }
  }

  /**
   * A one-line summary of the data: compact JSON or the text, cut to {@value #DATA_WIDTH} chars.
   */
  static String summary(StoredEvent e) {
    return EventJson.summary(e, DATA_WIDTH);
  }
}
