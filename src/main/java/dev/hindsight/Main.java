package dev.hindsight;

import dev.hindsight.cli.HindsightCli;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one entry point of the jar. With a command ({@code streams}, {@code events}, …) or an option
 * it runs the CLI, which never loads JavaFX; otherwise it starts the window on the file given (or
 * on the bundled demo store). This class does not extend {@code Application}, so JavaFX also starts
 * from a plain classpath jar.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (HindsightCli.wants(args) || looksLikeACommand(args)) {
      System.exit(HindsightCli.run(args));
    }
    try {
      dev.hindsight.ui.HindsightApp.start(args);
    } catch (RuntimeException | LinkageError e) {
      // e.g. no display, or no GTK 3: say so in one line rather than with the toolkit's stack trace
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      System.err.println(
          "hindsight: cannot open the window: "
              + reason.lines().findFirst().orElse(reason)
              + " (the window needs a display and GTK 3; the command line needs neither: hindsight --help)");
      System.exit(2);
    }
  }

  /**
   * A first argument that is a word and not a file is a mistyped command ({@code stream}, {@code
   * evnets}): the CLI then says it does not know it, instead of the window failing to open it.
   */
  static boolean looksLikeACommand(String[] args) {
    return args.length > 0 && args[0].matches("[a-z][a-z-]*") && !Files.exists(Path.of(args[0]));
  }
}
