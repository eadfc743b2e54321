package dev.hindsight.cli;

import dev.hindsight.demo.DemoStoreWriter;
import dev.hindsight.demo.DemoStory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code demo --out FILE [--force]}: writes the demo store, the same every time. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Write the demo store: four weeks of a small coffee roaster's shop, with problems planted"
            + " to find (the same file the window opens when started without one).")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
  Path out;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), out + " is a folder");
    }
    if (Files.exists(out) && !force) {
      throw new ParameterException(spec.commandLine(), out + " exists; add --force to replace it");
    }
    DemoStory.Story story;
    try {
      story = DemoStoreWriter.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %,d streams, %,d events (open it with: hindsight %s --reducer"
                + " resources/reducers/demo)%n",
            out, story.streamCount(), story.events().size(), out);
    return HindsightCli.OK;
  }
}
