package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliTest {

  @Test
  void demoWritesTheDemoStoreWhichTheOtherCommandsRead(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("shop.db");
    CliRun run = CliRun.of("demo", "--out", out.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("wrote " + out + ": 50 streams, ")
        .contains("(its reducers: add --reducers DIR)");
    assertThat(Files.readAllBytes(out))
        .isEqualTo(Files.readAllBytes(Path.of("resources/demo/hindsight-demo.db")));

    CliRun verify = CliRun.of("verify", out.toString(), "--json");
    assertThat(verify.exit()).isEqualTo(1); // the planted version gap
    assertThat(verify.out()).contains("\"kind\":\"version-gap\"").contains("order-1004");
  }

  @Test
  void withReducersItWritesTheDemoReducersToo(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("shop.db");
    Path reducers = dir.resolve("reducers");
    CliRun run = CliRun.of("demo", "--out", out.toString(), "--reducers", reducers.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .endsWith(
            ", and its reducers to "
                + reducers
                + " (open it with: hindsight "
                + out
                + " --reducer "
                + reducers
                + ")\n");
    try (var files = Files.list(Path.of("resources/reducers/demo"))) {
      for (Path source : files.toList()) {
        assertThat(reducers.resolve(source.getFileName())).hasSameBinaryContentAs(source);
      }
    }
    try (var files = Files.list(reducers)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(dev.hindsight.demo.DemoReducers.FILES);
    }
    CliRun state =
        CliRun.of(
            "find",
            out.toString(),
            "--stream",
            "payment-5006",
            "--reducer",
            reducers.toString(),
            "--where",
            "state.captured > state.authorized");
    assertThat(state.out()).startsWith("version 3 (PaymentCaptured");
  }

  @Test
  void aMissingFolderIsMade(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("new/folder/shop.db");
    CliRun run = CliRun.of("demo", "--out", out.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(CliRun.of("streams", out.toString(), "--json").exit()).isZero();
    try (var left = Files.list(out.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("shop.db");
    }
  }

  @Test
  void anExistingFileIsReplacedOnlyWithForce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("mine.db");
    Files.writeString(out, "precious");
    CliRun refused = CliRun.of("demo", "--out", out.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith("hindsight: " + out + " exists; add --force to replace it");
    assertThat(Files.readString(out)).isEqualTo("precious");

    assertThat(CliRun.of("demo", "--out", out.toString(), "--force").exit()).isZero();
    assertThat(Files.size(out)).isGreaterThan(100_000);

    // now a database: even --force does not replace it
    byte[] demo = Files.readAllBytes(out);
    CliRun database = CliRun.of("demo", "--out", out.toString(), "--force");
    assertThat(database.exit()).isEqualTo(2);
    assertThat(database.errLines())
        .containsExactly(
            "hindsight: "
                + out
                + " is a SQLite database; Hindsight never writes over one (choose another file)");
    assertThat(Files.readAllBytes(out)).isEqualTo(demo);

    CliRun folder = CliRun.of("demo", "--out", dir.toString(), "--force");
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).startsWith("hindsight: " + dir + " is a folder");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out); // nothing half-written left behind
    }
  }
}
