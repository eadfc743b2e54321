package dev.hindsight.ui;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The window's command line, {@code hindsight [FILE|URL] [--mapping M] [--reducer R] [--stream ID]
 * [--at V] [--measure-stalls]}, parsed with picocli like the CLI's commands. Without a file the
 * window opens the bundled demo store.
 */
@Command(name = "hindsight")
final class WindowArgs {

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|URL",
      description = "The store to open: a SQLite file, or a PostgreSQL URL.")
  String file;

  @Option(names = "--mapping", paramLabel = "M", description = "A mapping file for the store.")
  Path mapping;

  @Option(names = "--reducer", paramLabel = "R", description = "Reducers: a .js file or folder.")
  Path reducer;

  @Option(names = "--stream", paramLabel = "ID", description = "The stream to open.")
  String stream;

  @Option(
      names = "--at",
      paramLabel = "V",
      description = "The version to show.",
      converter = Version.class)
  Long at;

  @Option(names = "--measure-stalls", description = "Measure the UI thread's stalls, then quit.")
  boolean measureStalls;

  /**
   * Parses {@code raw}.
   *
   * @throws IllegalArgumentException with one line to show when they are wrong
   */
  static WindowArgs parse(List<String> raw) {
    WindowArgs args = new WindowArgs();
    try {
      new CommandLine(args).parseArgs(raw.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      // a version that is not a number is said as the converter says it, without picocli's preface
      String said =
          e.getCause() instanceof CommandLine.TypeConversionException t
              ? t.getMessage()
              : e.getMessage();
      throw new IllegalArgumentException(
          said
              + " (the window takes FILE --mapping M --reducer R --stream ID --at V"
              + " --measure-stalls)",
          e);
    }
    if (args.file != null) {
      try {
        args.target(); // a URL that cannot be read is said now, in one line
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    if (args.mapping != null && args.file == null) {
      throw new IllegalArgumentException("--mapping is for a store: give the store's FILE too");
    }
    return args;
  }

  /** A version number, said in words when it is not one. */
  static final class Version implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.valueOf(value);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "--at needs a version number, not '" + value + "'");
      }
    }
  }

  /**
   * The store to open (a URL's password, if it has one, kept for the connection only); null for the
   * demo.
   */
  StoreTarget target() {
    return file == null ? null : StoreTarget.parse(file, mapping);
  }
}
