package dev.hindsight.cli;

import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every store command takes: the file, an optional mapping, and --debug. */
final class StoreOptions {

  @Parameters(index = "0", paramLabel = "FILE", description = "The event-store file (SQLite).")
  Path file;

  @Option(
      names = "--mapping",
      paramLabel = "M",
      description = "A layout (mapping) file; without it the layout is detected.")
  Path mapping;

  @Option(names = "--debug", description = "Print the stack trace of an error.")
  boolean debug;

  SqliteEventSource open() {
    return SqliteEventSource.open(file, mapping);
  }

  /** The stream's summary, or the one error every command gives for a stream that is not there. */
  static dev.hindsight.event.StreamSummary requireStream(
      dev.hindsight.store.EventSource source, String stream) {
    return source.stream(stream).orElseThrow(() -> noStream(source, stream));
  }

  static dev.hindsight.store.StoreException noStream(
      dev.hindsight.store.EventSource source, String stream) {
    return new dev.hindsight.store.StoreException(
        "no stream '"
            + stream
            + "' in "
            + source.file()
            + " (list them with: hindsight streams FILE)");
  }
}
