package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.audit.Digests;
import dev.hindsight.audit.Finding;
import dev.hindsight.audit.Keys;
import dev.hindsight.audit.ReportWriter;
import dev.hindsight.audit.Seal;
import dev.hindsight.audit.SealCheck;
import dev.hindsight.audit.StorePrint;
import dev.hindsight.audit.Verifier;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify FILE [--reducer R] [--against SEAL.json [--trust PUB.pem]] [--json]}: checks the
 * whole store. Exit 0 when clean, 1 when there are findings of severity warning or error, 2 when it
 * could not run.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Check a whole store: version gaps, duplicates and disorder, time running backwards,"
            + " unreadable or encrypted payloads, (with --reducer) unhandled types and reducer"
            + " errors, and (with --against) every event changed, removed, inserted or appended"
            + " since a seal. Exit 0: clean; 1: findings; 2: could not run.")
final class VerifyCommand implements Callable<Integer> {

  static final int FINDINGS = 1;

  @Mixin StoreOptions store;

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description = "A JavaScript reducer file, or a folder of them: also fold every stream.")
  Path reducer;

  @Option(
      names = "--json",
      description =
          "Print {file, sha256, storeDigest, layout, hindsight, reducer, reducerSha256, startedAt,"
              + " durationMs, checked: {streams, events}, against: {seal, digest, sealedAt,"
              + " sealedBy, signed, signatureValid, matches} (with --against), findings: [{kind,"
              + " severity, stream, version, position, message}]}.")
  boolean json;

  @Option(
      names = "--against",
      paramLabel = "SEAL.json",
      description =
          "A seal written by 'hindsight seal' (or a JSON evidence report, for its stream): also"
              + " report each event changed, removed, inserted or appended since, and each stream"
              + " removed or added.")
  Path against;

  @Option(
      names = "--trust",
      paramLabel = "PUB.pem",
      description =
          "With --against: the seal must be signed by this Ed25519 public key (X.509 PEM, as"
              + " 'openssl pkey -pubout' writes it).")
  Path trust;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long start = System.nanoTime();
    if (trust != null && against == null) {
      throw new StoreException("--trust needs --against SEAL.json");
    }
    // read first without its entries: enough to check its signature and to fail early
    Seal seal = against == null ? null : Seal.read(against, (stream, head, events) -> false);
    String signatureProblem = seal == null ? null : seal.signatureProblem(against, trusted());
    ReducerSet reducers = reducer == null ? ReducerSet.generic() : JsReducers.load(reducer);
    try (EventSource source = store.open()) {
      String sha256 =
          source.localFile().isPresent() ? Digests.sha256(source.localFile().get()) : null;
      boolean wholeStore = seal != null && seal.wholeStore();
      Checked checked = check(source, reducers, seal != null && !wholeStore);
      StorePrint now = checked.print();
      Verifier.Result result = checked.result();
      if (wholeStore) {
        SealCheck.Compared compared =
            SealCheck.prepare(source, against, checked.heads(), Progress.NONE);
        seal = compared.seal();
        now = compared.now();
      }
      if (seal != null) {
        result =
            new Verifier.Result(
                result.streams(),
                result.events(),
                SealCheck.withSeal(result.findings(), seal, signatureProblem, now, source));
      }
      Run run =
          new Run(
              Version.text(),
              reducer == null ? null : reducer.toString(),
              reducer == null ? null : Digests.sha256OfReducers(reducer),
              startedAt,
              (System.nanoTime() - start) / 1_000_000);
      Against versus =
          seal == null ? null : new Against(against, seal, signatureProblem, seal.matches(now));
      if (json) {
        out.println(Json.write(json(source, sha256, checked.digest(), run, versus, result)));
      } else {
        text(out, source, sha256, checked.digest(), run, versus, result);
      }
      out.flush();
      return result.hasFindings() ? FINDINGS : HindsightCli.OK;
    }
  }

  /**
   * What {@link #check} found: the findings, the store's digest and heads, and (when asked for) the
   * whole fingerprint, else null.
   */
  record Checked(Verifier.Result result, StorePrint.Heads heads, StorePrint print) {

    String digest() {
      return print != null ? print.digest() : heads.digest();
    }
  }

  /**
   * Verifies the store and takes its digest and heads, or with {@code prints} its whole fingerprint
   * (each event's print): on a connection of its own while the checks run, two passes over the
   * store at once on every core instead of one after the other.
   */
  static Checked check(EventSource source, ReducerSet reducers, boolean prints) {
    try (EventSource second = source.reopen()) {
      java.util.concurrent.CompletableFuture<Object> print =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  prints
                      ? StorePrint.take(second, Progress.NONE)
                      : StorePrint.heads(second, Progress.NONE),
              VerifyCommand::daemon);
      Verifier.Result result = Verifier.verify(source, reducers, Progress.NONE);
      Object taken = join(print);
      return taken instanceof StorePrint p
          ? new Checked(result, null, p)
          : new Checked(result, (StorePrint.Heads) taken, null);
    }
  }

  private static void daemon(Runnable work) {
    Thread t = new Thread(work, "hindsight-verify-fingerprint");
    t.setDaemon(true);
    t.start();
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> print) {
    try {
      return print.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private java.security.PublicKey trusted() {
    if (trust == null) {
      return null;
    }
    try {
      return Keys.publicKey(trust);
    } catch (IllegalArgumentException e) {
      throw new StoreException(e.getMessage());
    }
  }

  /** How this verify ran: by which Hindsight, with which reducer, when and for how long. */
  private record Run(
      String hindsight, String reducer, String reducerSha256, Instant startedAt, long durationMs) {}

  /** The seal checked against, and what came of it. */
  private record Against(Path file, Seal seal, String signatureProblem, boolean matches) {}

  private static ObjectNode json(
      EventSource source,
      String sha256,
      String digest,
      Run run,
      Against versus,
      Verifier.Result result) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("file", source.location());
    o.put("sha256", sha256);
    o.put("storeDigest", digest);
    o.put("layout", source.layout().name());
    o.put("hindsight", run.hindsight());
    o.put("reducer", run.reducer());
    o.put("reducerSha256", run.reducerSha256());
    o.put("startedAt", EventJson.iso(run.startedAt()));
    o.put("durationMs", run.durationMs());
    ObjectNode checked = o.putObject("checked");
    checked.put("streams", result.streams());
    checked.put("events", result.events());
    if (versus != null) {
      Seal seal = versus.seal();
      ObjectNode a = o.putObject("against");
      a.put("seal", versus.file().toString());
      a.put("digest", seal.print().digest());
      a.put("sealedAt", seal.sealedAt());
      a.put("sealedBy", seal.wholeStore() ? seal.user() + "@" + seal.host() : null);
      a.put("signed", seal.signature() != null);
      a.put("signatureValid", seal.signature() != null && versus.signatureProblem() == null);
      a.put("matches", versus.matches());
    }
    ArrayNode findings = o.putArray("findings");
    result.findings().forEach(f -> findings.add(ReportWriter.json(f)));
    return o;
  }

  private static void text(
      PrintWriter out,
      EventSource source,
      String sha256,
      String digest,
      Run run,
      Against versus,
      Verifier.Result result) {
    out.println("file:     " + source.location());
    out.println("sha256:   " + (sha256 == null ? "none (a database server)" : sha256));
    out.println("digest:   " + digest);
    out.println("layout:   " + source.layout().name());
    out.println(
        "reducer:  "
            + (run.reducer() == null
                ? "none"
                : run.reducer() + " (sha256 " + run.reducerSha256() + ")"));
    out.println(
        String.format(
            Locale.ROOT,
            "ran:      %s, started %s, took %,d ms",
            run.hindsight(),
            EventJson.iso(run.startedAt()),
            run.durationMs()));
    if (versus != null) {
      Seal seal = versus.seal();
      out.println(
          "against:  "
              + versus.file()
              + (seal.wholeStore()
                  ? " (sealed "
                      + seal.sealedAt()
                      + " by "
                      + seal.user()
                      + "@"
                      + seal.host()
                      + (seal.signature() == null ? ", unsigned" : ", signed")
                      + "): "
                      + (versus.matches()
                          ? "the events are as sealed"
                          : "the events differ from the seal")
                  : " (a report on "
                      + seal.print().streams().get(0).stream()
                      + ", generated "
                      + seal.sealedAt()
                      + "): "
                      + (versus.matches()
                          ? "the stream is as reported"
                          : "the stream differs from the report")));
    }
    out.println(
        String.format(
            Locale.ROOT, "checked:  %,d streams, %,d events", result.streams(), result.events()));
    long errors = count(result, Finding.Severity.ERROR);
    long warnings = count(result, Finding.Severity.WARNING);
    long info = count(result, Finding.Severity.INFO);
    out.println(
        "findings: "
            + (result.findings().isEmpty()
                ? "none"
                : dev.hindsight.event.Words.count(errors, "error")
                    + ", "
                    + dev.hindsight.event.Words.count(warnings, "warning")
                    + ", "
                    + info
                    + " for information"));
    if (result.findings().isEmpty()) {
      return;
    }
    out.println();
    try (TextTable table =
        new TextTable(out, "SEVERITY", "KIND", "STREAM", "VERSION", "POSITION", "MESSAGE")) {
      for (Finding f : result.findings()) {
        table.row(
            f.severity().label(),
            f.kind(),
            f.stream() == null ? "" : f.stream(),
            f.version() == null ? "" : f.version().toString(),
            f.position() == null ? "" : f.position().toString(),
            f.message());
      }
    }
  }

  private static long count(Verifier.Result result, Finding.Severity severity) {
    return result.findings().stream().filter(f -> f.severity() == severity).count();
  }
}
