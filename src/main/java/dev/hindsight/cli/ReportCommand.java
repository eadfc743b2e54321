package dev.hindsight.cli;

import dev.hindsight.audit.Evidence;
import dev.hindsight.audit.OutputPaths;
import dev.hindsight.audit.ReportWriter;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report FILE --stream ID [--from V --to V] [--reducer R] --out FILE [--force] [--format
 * html|json|csv]}: an evidence report on a stream, for filing. It never writes over a SQLite
 * database or the store it reads, and over another existing file only with {@code --force}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Write an evidence report on a stream: the store's SHA-256, layout, reducer, each event in"
            + " range with what it changed, the state at the start and end, and the findings.")
final class ReportCommand implements Callable<Integer> {

  @Mixin StoreOptions store;

  @Option(names = "--stream", paramLabel = "ID", required = true, description = "The stream.")
  String stream;

  @Option(
      names = "--from",
      paramLabel = "V",
      description = "The first version (default: the first).")
  Long from;

  @Option(names = "--to", paramLabel = "V", description = "The last version (default: the last).")
  Long to;

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description = "A JavaScript reducer file, or a folder of them (*.js in name order).")
  Path reducer;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it.")
  Path out;

  @Option(
      names = "--force",
      description =
          "Replace --out if it exists (never a SQLite database, never the store being read).")
  boolean force;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "html, json or csv (default: as --out's extension .html/.htm, .json or .csv names it,"
              + " else html).")
  ReportWriter.Format format;

  @Option(
      names = "--mask",
      paramLabel = "RULES",
      description =
          "Values to show as •••, comma-separated: field names, matched by word part at any depth"
              + " (customer masks customerId and customer_id), and JSON pointers"
              + " (/customer/address, /items/*/price). A string a rule hides is hidden wherever"
              + " else it shows. The report says masking was on, counts what it hid and warns"
              + " when a hidden value still shows.")
  String mask;

  @Spec CommandSpec spec;

  /** The format asked for, else the one --out's extension names; refused when they disagree. */
  private ReportWriter.Format format() {
    Optional<ReportWriter.Format> named = ReportWriter.Format.ofExtension(out);
    if (format != null && named.isPresent() && named.get() != format) {
      throw new StoreException(
          "--format "
              + format
              + " does not match --out "
              + out.getFileName()
              + " (a "
              + named.get()
              + " name); change one of them");
    }
    return format != null ? format : named.orElse(ReportWriter.Format.html);
  }

  @Override
  public Integer call() {
    if (from != null && to != null && from > to) {
      throw new StoreException("--from " + from + " is after --to " + to);
    }
    ReportWriter.Format written = format();
    OutputPaths.checkWritable(out, store.file(), force);
    ReducerSet reducers = reducer == null ? ReducerSet.generic() : JsReducers.load(reducer);
    Evidence evidence;
    try (EventSource source = store.open()) {
      StreamSummary summary = StoreOptions.requireStream(source, stream);
      Reducer r = reducers.forStream(summary.stream(), summary.type());
      evidence =
          Evidence.gather(
              source,
              summary,
              from,
              to,
              r,
              reducer,
              Version.text(),
              Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
              dev.hindsight.audit.Masking.parse(mask),
              dev.hindsight.audit.Bookmarks.of(source)
                  .of(summary.stream(), Long.MIN_VALUE, Long.MAX_VALUE),
              Progress.NONE);
    }
    ReportWriter.write(evidence, written, out);
    spec.commandLine()
        .getOut()
        .println(
            out
                + ": "
                + dev.hindsight.event.Words.count(evidence.events().size(), "event")
                + ", "
                + dev.hindsight.event.Words.count(evidence.findings().size(), "finding"));
    return HindsightCli.OK;
  }
}
