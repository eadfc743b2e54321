package dev.hindsight.cli;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What the replay commands share: the stream, the reducers, and --strict. */
final class ReplayArgs {

  @Option(names = "--stream", paramLabel = "ID", required = true, description = "The stream.")
  String stream;

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description = "A JavaScript reducer file, or a folder of them (*.js in name order).")
  Path reducer;

  @Option(names = "--strict", description = "Stop at the first reducer error (exit 2).")
  boolean strict;

  ReducerSet reducers() {
    return reducer == null ? ReducerSet.generic() : JsReducers.load(reducer);
  }

  /** Folds the stream; reducer errors are reported on {@code err}, one line each. */
  StreamReplay replay(EventSource source, PrintWriter err) {
    StreamSummary summary = StoreOptions.requireStream(source, stream);
    StreamReplay replay =
        StreamReplay.build(
            source,
            summary,
            reducers().forStream(summary.stream(), summary.type()),
            ReplayOptions.defaults().withStrict(strict),
            Progress.NONE);
    replay.errors().values().forEach(e -> err.println("hindsight: warning: " + e.describe()));
    return replay;
  }
}
