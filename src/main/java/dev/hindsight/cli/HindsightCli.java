package dev.hindsight.cli;

import dev.hindsight.audit.OutputPaths;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hindsight} command and how it ends: exit 0 on success, 2 with one clear line on error.
 */
@Command(
    name = "hindsight",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Explore the history of event-sourced systems. Without a command, opens the window.",
    footer = {
      "",
      "The window: hindsight [FILE] [--mapping M] [--reducer R] [--stream ID] [--at V]",
      "  FILE          the store to open (without it: a copy of the bundled demo store)",
      "  --mapping M   a mapping file that says how to read the store",
      "  --reducer R   reducers: a .js file or a folder of them",
      "  --stream ID   the stream to open, at version V with --at (else its last event)"
    },
    subcommands = {
      StreamsCommand.class,
      EventsCommand.class,
      LayoutCommand.class,
      StateCommand.class,
      StatesCommand.class,
      FlowCommand.class,
      DiffCommand.class,
      BlameCommand.class,
      FindCommand.class,
      CompareReducersCommand.class,
      BenchCommand.class,
      VerifyCommand.class,
      SealCommand.class,
      ReportCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HindsightCli implements Runnable {

  static final int OK = 0;
  static final int FAILED = 2;

  /** The names of the subcommands above, and help. */
  private static final Set<String> COMMANDS = commandNames();

  private static Set<String> commandNames() {
    Set<String> names = new java.util.HashSet<>();
    for (Class<?> c : HindsightCli.class.getAnnotation(Command.class).subcommands()) {
      names.add(c.getAnnotation(Command.class).name());
    }
    return Set.copyOf(names);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }

  /** The window's own options: with one of them first, the window opens on the demo store. */
  private static final Set<String> WINDOW_OPTIONS =
      Set.of("--mapping", "--reducer", "--stream", "--at", "--measure-stalls");

  /**
   * Whether these arguments are for the CLI (a command or an option such as --help) rather than the
   * window (a file, the window's options, or nothing).
   */
  public static boolean wants(String[] args) {
    return args.length > 0
        && (COMMANDS.contains(args[0])
            || args[0].startsWith("-") && !WINDOW_OPTIONS.contains(args[0]));
  }

  /** Runs the CLI with the process's standard streams; returns the exit code. */
  public static int run(String[] args) {
    if (args.length > 0
        && COMMANDS.contains(args[0])
        && !args[0].equals("help")
        && !args[0].equals("demo")) {
      SqliteEventSource.warmUp();
    }
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(args, out, err);
  }

  /** Runs the CLI writing to the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new HindsightCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = parseResult.originalArgs().contains("--debug");
          err.println("hindsight: " + message(e));
          if (debug) {
            e.printStackTrace(err);
          }
          err.flush();
          return FAILED;
        });
    cli.setParameterExceptionHandler(
        (e, argv) -> {
          boolean top = e.getCommandLine().getParent() == null;
          if (top && e instanceof CommandLine.UnmatchedArgumentException && argv.length > 0) {
            err.println(
                "hindsight: unknown command '"
                    + argv[0]
                    + "' (commands: "
                    + String.join(", ", e.getCommandLine().getSubcommands().keySet())
                    + ")");
          } else {
            err.println("hindsight: " + e.getMessage());
          }
          err.println(
              "Run 'hindsight "
                  + (e.getCommandLine().getCommandName().equals("hindsight")
                      ? ""
                      : e.getCommandLine().getCommandName() + " ")
                  + "--help' for usage.");
          err.flush();
          return FAILED;
        });
    int code = cli.execute(args);
    out.flush();
    return code;
  }

  private static String message(Exception e) {
    if (e instanceof StoreException
        || e instanceof dev.hindsight.replay.ReducerException
        || e instanceof OutputPaths.Refused) {
      return e.getMessage();
    }
    if (e instanceof java.io.UncheckedIOException u) {
      return "I/O error: " + u.getCause().getMessage();
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(m))
        + " (run with --debug for details)";
  }
}
