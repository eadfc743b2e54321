package dev.hindsight.cli;

import dev.hindsight.store.EventSource;
import dev.hindsight.store.open.Stores;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every store command takes: the file or URL, an optional mapping, and --debug. */
final class StoreOptions {

  @Parameters(
      index = "0",
      paramLabel = "FILE|URL",
      description =
          "The event store: a SQLite file, or a PostgreSQL URL"
              + " (postgresql://user@host:port/db?schema=S; the password from PGPASSWORD or"
              + " ~/.pgpass).")
  String target;

  @Option(
      names = "--mapping",
      paramLabel = "M",
      description = "A layout (mapping) file; without it the layout is detected.")
  Path mapping;

  @Option(names = "--debug", description = "Print the stack trace of an error.")
  boolean debug;

  EventSource open() {
    return Stores.open(target, mapping);
  }

  /** The store's file, or null when it is on a database server. */
  Path file() {
    return Stores.isUrl(target) ? null : Path.of(target);
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
            + source.location()
            + " (list them with: hindsight streams FILE)");
  }
}
