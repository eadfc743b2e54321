package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.audit.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code find --all-streams} and {@code compare-reducers} on the demo store, checked against each
 * stream searched or folded on its own ({@code find --stream}, {@code state --version}).
 */
@Timeout(300)
class AllStreamsCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REDUCERS = "resources/reducers/demo";

  @TempDir Path dir;

  private String file;
  private String sha256;

  @BeforeEach
  void demo() throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), copy);
    file = copy.toString();
    sha256 = Digests.sha256(copy);
  }

  @Test
  void everySecondCaptureAndNothingElse() throws Exception {
    JsonNode hits =
        json(
            CliRun.of(
                "find",
                file,
                "--all-streams",
                "--where",
                "state.captured > state.authorized",
                "--reducer",
                REDUCERS,
                "--json"));
    assertThat(hits).hasSize(1);
    JsonNode hit = hits.get(0);
    assertThat(fieldNames(hit)).containsExactly("stream", "version", "type", "timestamp");
    assertThat(hit.get("stream").asText()).isEqualTo("payment-5006");
    assertThat(hit.get("version").asLong()).isEqualTo(3);
    assertThat(hit.get("type").asText()).isEqualTo("PaymentCaptured");
    assertThat(hit.get("timestamp").asText()).isEqualTo("2026-03-12T12:13:13Z");
    assertThat(Digests.sha256(Path.of(file))).isEqualTo(sha256);
  }

  @Test
  void agreesWithEachStreamSearchedOnItsOwn() throws Exception {
    // stock below zero with the demo's reducers; a generic-state condition without them
    agree("state.onHand < 0", REDUCERS);
    agree("state.amount > 40 && event.type !== 'PaymentAuthorized'", null);
  }

  private void agree(String where, String reducer) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("find", file, "--all-streams", "--where", where, "--json"));
    if (reducer != null) {
      args.addAll(List.of("--reducer", reducer));
    }
    JsonNode all = json(CliRun.of(args.toArray(String[]::new)));
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode s : json(CliRun.of("streams", file, "--json"))) {
      List<String> one =
          new ArrayList<>(
              List.of("find", file, "--stream", s.get("stream").asText(), "--where", where));
      one.add("--json");
      if (reducer != null) {
        one.addAll(List.of("--reducer", reducer));
      }
      JsonNode r = json(CliRun.of(one.toArray(String[]::new)));
      if (!r.get("version").isNull()) {
        expected.add(r);
      }
    }
    expected.sort(java.util.Comparator.comparing(n -> n.get("stream").asText()));
    assertThat(expected).as(where).isNotEmpty();
    assertThat(all).as(where).containsExactlyElementsOf(expected);
  }

  @Test
  void textHasOneLinePerStreamAndACount() {
    CliRun run =
        CliRun.of(
            "find", file, "--all-streams", "--where", "state.onHand < 0", "--reducer", REDUCERS);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            "inventory-hand-grinder  version 7 (StockShipped, 2026-03-20T08:35:30Z)",
            "1 of 50 streams: the condition holds");

    CliRun typo =
        CliRun.of(
            "find", file, "--all-streams", "--where", "state.onHnad < 0", "--reducer", REDUCERS);
    assertThat(typo.outLines())
        .containsExactly(
            "0 of 50 streams: the condition holds; note: state.onHnad was undefined at every event"
                + " — a typo?");
  }

  @Test
  void typeAndGlobNarrowTheStreams() throws Exception {
    CliRun run =
        CliRun.of(
            "find",
            file,
            "--all-streams",
            "--streams",
            "payment-500*",
            "--where",
            "state.captured > 0",
            "--reducer",
            REDUCERS);
    assertThat(run.outLines().get(run.outLines().size() - 1))
        .isEqualTo("8 of 9 streams: the condition holds");
    JsonNode typed =
        json(
            CliRun.of(
                "find",
                file,
                "--all-streams",
                "--type",
                "nosuchtype",
                "--where",
                "true",
                "--json"));
    assertThat(typed).isEmpty();
  }

  @Test
  void streamAndAllStreamsAreOneOrTheOther() {
    CliRun both =
        CliRun.of("find", file, "--stream", "payment-5006", "--all-streams", "--where", "true");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CliRun neither = CliRun.of("find", file, "--where", "true");
    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).contains("--stream").contains("--all-streams");
  }

  @Test
  void aReducerErrorInOneStreamLeavesTheOthersGoingOn() throws Exception {
    Path broken = dir.resolve("broken");
    copyReducers(broken);
    replace(
        broken.resolve("30-payments.js"),
        "PaymentCaptured: (state, { data, timestamp }) => ({",
        "PaymentCaptured: (state, { data, timestamp }) => { if (state.paymentId === '5006')"
            + " throw new Error('boom'); return {");
    replace(
        broken.resolve("30-payments.js"),
        "lastCapture: { amount: data.amount, pspReference: data.pspReference, at: timestamp },\n"
            + "  }),",
        "lastCapture: { amount: data.amount, pspReference: data.pspReference, at: timestamp },\n"
            + "  }; },");
    CliRun run =
        CliRun.of(
            "find",
            file,
            "--all-streams",
            "--streams",
            "payment-*",
            "--where",
            "state.captured > 0",
            "--reducer",
            broken.toString(),
            "--json");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("reducer error in payment-5006").contains("boom");
    List<String> streams = new ArrayList<>();
    json(run).forEach(h -> streams.add(h.get("stream").asText()));
    assertThat(streams).doesNotContain("payment-5006").contains("payment-5002", "payment-5013");
  }

  @Test
  void compareReducersFindsWhatAFixChanges() throws Exception {
    Path fixed = dir.resolve("fixed");
    copyReducers(fixed);
    replace(
        fixed.resolve("30-payments.js"),
        "captured: cents(state.captured + data.amount),",
        "captured: state.captures > 0 ? state.captured : cents(state.captured + data.amount),");
    CliRun run =
        CliRun.of(
            "compare-reducers",
            file,
            "--reducer",
            REDUCERS,
            "--against",
            fixed.toString(),
            "--json");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode r = json(run);
    assertThat(fieldNames(r)).containsExactly("streams", "same", "differ", "errors");
    assertThat(r.get("streams").asInt()).isEqualTo(50);
    assertThat(r.get("same").asInt()).isEqualTo(49);
    assertThat(r.get("errors")).isEmpty();
    JsonNode d = r.get("differ").get(0);
    assertThat(fieldNames(d)).containsExactly("stream", "version", "type", "changes");
    assertThat(d.get("stream").asText()).isEqualTo("payment-5006");
    assertThat(d.get("version").asLong()).isEqualTo(3);
    // what B's state has that A's has not, as diff prints it; checked against each state alone
    JsonNode a = stateAt("payment-5006", 3, REDUCERS);
    JsonNode b = stateAt("payment-5006", 3, fixed.toString());
    assertThat(d.get("changes"))
        .containsExactly(
            JSON.readTree(
                "{\"path\":\"/captured\",\"op\":\"changed\",\"old\":"
                    + a.get("captured")
                    + ",\"new\":"
                    + b.get("captured")
                    + "}"));
    assertThat(a.get("captured")).isNotEqualTo(b.get("captured"));
    assertThat(stateAt("payment-5006", 2, REDUCERS))
        .isEqualTo(stateAt("payment-5006", 2, fixed.toString()));

    CliRun text =
        CliRun.of("compare-reducers", file, "--reducer", REDUCERS, "--against", fixed.toString());
    assertThat(text.outLines())
        .containsExactly(
            "payment-5006  version 3 (PaymentCaptured)",
            "    ~ /captured: 84 -> 42",
            "50 streams compared: 49 the same, 1 differ");
    assertThat(Digests.sha256(Path.of(file))).isEqualTo(sha256);
  }

  @Test
  void keyOrderAloneIsTheSame() throws Exception {
    Path reordered = dir.resolve("reordered");
    copyReducers(reordered);
    replace(
        reordered.resolve("30-payments.js"),
        "    status: \"AUTHORIZED\",\n    method: data.method,",
        "    method: data.method,\n    status: \"AUTHORIZED\",");
    CliRun run =
        CliRun.of(
            "compare-reducers",
            file,
            "--reducer",
            REDUCERS,
            "--against",
            reordered.toString(),
            "--json");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(json(run))
        .isEqualTo(JSON.readTree("{\"streams\":50,\"same\":50,\"differ\":[],\"errors\":[]}"));
  }

  @Test
  void errorsNameTheirSideAndAMissingFileCannotRun() throws Exception {
    Path broken = dir.resolve("broken");
    copyReducers(broken);
    replace(
        broken.resolve("30-payments.js"),
        "PaymentRefunded: (state, { data, timestamp }) => ({",
        "PaymentRefunded: (state, { data, timestamp }) => { throw new Error('no refunds'); },"
            + " Unused: (state, { data, timestamp }) => ({");
    CliRun run =
        CliRun.of(
            "compare-reducers",
            file,
            "--reducer",
            REDUCERS,
            "--against",
            broken.toString(),
            "--streams",
            "payment-*",
            "--json");
    JsonNode r = json(run);
    assertThat(r.get("errors")).isNotEmpty();
    for (JsonNode e : r.get("errors")) {
      assertThat(fieldNames(e)).containsExactly("stream", "version", "reducer", "message");
      assertThat(e.get("reducer").asText()).isEqualTo("B");
      assertThat(e.get("message").asText()).contains("no refunds");
    }
    assertThat(run.exit()).isEqualTo(r.get("differ").isEmpty() ? 0 : 1);

    CliRun missing =
        CliRun.of(
            "compare-reducers",
            file,
            "--reducer",
            REDUCERS,
            "--against",
            dir.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope");
  }

  private JsonNode stateAt(String stream, long version, String reducer) throws Exception {
    JsonNode r =
        json(
            CliRun.of(
                "state",
                file,
                "--stream",
                stream,
                "--at",
                Long.toString(version),
                "--reducer",
                reducer,
                "--json"));
    return r.get("state");
  }

  private void copyReducers(Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(Path.of(REDUCERS))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).as(file.toString()).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.out()).as(run.toString()).isNotBlank();
    return JSON.readTree(run.out());
  }
}
