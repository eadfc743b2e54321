package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code $invariants} through the CLI: {@code verify --json}, the evidence report, load errors. */
class InvariantsCliTest {

  static final String REDUCERS = Path.of("resources/reducers/demo-invariants").toString();

  @TempDir Path dir;

  private Path demo() throws Exception {
    Path db = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    return db;
  }

  private static List<JsonNode> ofKind(JsonNode findings, String kind) {
    List<JsonNode> out = new ArrayList<>();
    findings.forEach(
        f -> {
          if (f.get("kind").asText().equals(kind)) {
            out.add(f);
          }
        });
    return out;
  }

  @Test
  void verifyJsonHasInvariantViolatedFindings() throws Exception {
    CliRun run = CliRun.of("verify", demo().toString(), "--reducer", REDUCERS, "--json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    List<JsonNode> found = ofKind(Json.parse(run.out()).get("findings"), "invariant-violated");
    assertThat(found).extracting(f -> f.get("stream").asText()).contains("payment-5006");
    JsonNode payment =
        found.stream()
            .filter(f -> f.get("stream").asText().equals("payment-5006"))
            .findFirst()
            .orElseThrow();
    assertThat(payment.get("severity").asText()).isEqualTo("error");
    assertThat(payment.get("version").asLong()).isEqualTo(3);
    assertThat(payment.get("message").asText())
        .startsWith("invariant \"captured within authorised\" broke after PaymentCaptured");
  }

  @Test
  void theEvidenceReportListsTheViolation() throws Exception {
    Path out = dir.resolve("report.json");
    CliRun run =
        CliRun.of(
            "report",
            demo().toString(),
            "--stream",
            "payment-5006",
            "--reducer",
            REDUCERS,
            "--format",
            "json",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode findings = Json.parse(Files.readString(out)).get("findings");
    assertThat(ofKind(findings, "invariant-violated"))
        .singleElement()
        .satisfies(f -> assertThat(f.get("version").asLong()).isEqualTo(3));
  }

  @Test
  void aBadInvariantsValueIsALoadErrorNamingTheFile() throws Exception {
    Path reducer = dir.resolve("bad.js");
    Files.writeString(reducer, "({ name: 'Payment', X: (s) => s, $invariants: (s) => s.ok })");

    CliRun run = CliRun.of("verify", demo().toString(), "--reducer", reducer.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("bad.js").contains("Payment").contains("$invariants must be");
  }
}
