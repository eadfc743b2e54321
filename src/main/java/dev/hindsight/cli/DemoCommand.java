package dev.hindsight.cli;

import dev.hindsight.audit.OutputPaths;
import dev.hindsight.demo.DemoReducers;
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

/**
 * {@code demo --out FILE [--force] [--reducers DIR]}: writes the demo store, the same every time.
 */
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

  @Option(
      names = "--force",
      description = "Replace FILE if it exists (never a SQLite database: delete that yourself).")
  boolean force;

  @Option(
      names = "--reducers",
      paramLabel = "DIR",
      description = "Also write the demo's reducers into DIR (made if missing), for --reducer DIR.")
  Path reducers;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    OutputPaths.checkWritable(out, null, force);
    if (reducers != null && Files.exists(reducers) && !Files.isDirectory(reducers)) {
      throw new ParameterException(spec.commandLine(), reducers + " is a file, not a folder");
    }
    DemoStory.Story story;
    try {
      story = DemoStoreWriter.write(out);
      if (reducers != null) {
        DemoReducers.writeTo(reducers);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %,d streams, %,d events%s%n",
            out,
            story.streamCount(),
            story.events().size(),
            reducers == null
                ? " (its reducers: add --reducers DIR)"
                : ", and its reducers to "
                    + reducers
                    + " (open it with: hindsight "
                    + out
                    + " --reducer "
                    + reducers
                    + ")");
    return HindsightCli.OK;
  }
}
