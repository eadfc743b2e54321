package dev.hindsight;

import dev.hindsight.cli.HindsightCli;

/**
 * The one entry point of the jar. With a command ({@code streams}, {@code events}, …) or an option
 * it runs the CLI, which never loads JavaFX; otherwise it starts the window on the file given (or
 * on the bundled demo store). This class does not extend {@code Application}, so JavaFX also starts
 * from a plain classpath jar.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (HindsightCli.wants(args)) {
      System.exit(HindsightCli.run(args));
    }
    dev.hindsight.ui.HindsightApp.start(args);
  }
}
