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
}
