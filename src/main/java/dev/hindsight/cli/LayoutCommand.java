package dev.hindsight.cli;

import dev.hindsight.store.EventSource;
import dev.hindsight.store.LayoutFiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code layout FILE}: the detected layout, as a mapping file a user can edit and pass to
 * --mapping.
 */
@Command(
    name = "layout",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print the store's detected layout as a mapping file (edit it, pass it with --mapping).")
final class LayoutCommand implements Callable<Integer> {

  @Mixin StoreOptions store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (EventSource source = store.open()) {
      spec.commandLine().getOut().print(LayoutFiles.write(source.layout()));
      spec.commandLine().getOut().flush();
    }
    return HindsightCli.OK;
  }
}
