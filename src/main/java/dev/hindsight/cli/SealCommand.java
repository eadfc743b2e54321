package dev.hindsight.cli;

import dev.hindsight.audit.Keys;
import dev.hindsight.audit.Seal;
import dev.hindsight.audit.StorePrint;
import dev.hindsight.event.Words;
import dev.hindsight.replay.Progress;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seal FILE --out SEAL.json [--sign KEY.pem] [--force]}: a sealed baseline of the store's
 * content, for {@code verify --against} later.
 */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Seal a store: write its content digest and, per stream, its events' fingerprints and chain"
            + " head to SEAL.json (format hindsight-seal/1), optionally signed with an Ed25519 key."
            + " Check the store against it later with: hindsight verify FILE --against SEAL.json.")
final class SealCommand implements Callable<Integer> {

  @Mixin StoreOptions store;

  @Option(
      names = "--out",
      paramLabel = "SEAL.json",
      required = true,
      description = "Where to write the seal.")
  Path out;

  @Option(
      names = "--sign",
      paramLabel = "KEY.pem",
      description =
          "Sign the seal with this Ed25519 private key (PKCS#8 PEM, as 'openssl genpkey"
              + " -algorithm ed25519' writes it); the seal embeds its public key.")
  Path sign;

  @Option(names = "--force", description = "Replace --out when it exists.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrivateKey key = null;
    if (sign != null) {
      try {
        key = Keys.privateKey(sign);
      } catch (IllegalArgumentException e) {
        throw new StoreException(e.getMessage());
      }
    }
    Seal seal;
    try (EventSource source = store.open()) {
      dev.hindsight.audit.OutputPaths.checkWritable(out, source.localFile().orElse(null), force);
      StorePrint print = StorePrint.take(source, Progress.NONE);
      seal =
          new Seal(
              Version.text(),
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
              System.getProperty("user.name"),
              Hosts.name(),
              source.localFile().map(f -> f.toAbsolutePath().toString()).orElse(source.location()),
              source.layout().name(),
              print,
              null);
    }
    seal.write(out, key);
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "sealed "
            + seal.file()
            + ": "
            + Words.count(seal.print().streams().size(), "stream")
            + ", "
            + Words.count(seal.print().events(), "event")
            + (key == null ? "" : ", signed"));
    o.println("digest: " + seal.print().digest());
    o.println("seal:   " + out);
    o.flush();
    return HindsightCli.OK;
  }
}
