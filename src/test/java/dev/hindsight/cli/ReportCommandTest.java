package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: what the evidence says, in each format, and that it is reproducible. */
class ReportCommandTest {

  @TempDir Path dir;

  private Path store() throws Exception {
    Path db = dir.resolve("shop <&> store.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insert(
          c,
          1,
          "order-1",
          1,
          "Placed",
          "{\"status\":\"placed\",\"total\":24.00}",
          "{\"by\":\"ada\"}",
          "2024-05-01T10:00:00Z");
      TestStores.insert(
          c,
          2,
          "order-1",
          2,
          "Paid",
          "{\"status\":\"paid\",\"note\":\"<script>x</script>\"}",
          "{\"by\":\"bob\"}",
          "2024-05-01T10:01:00Z");
      TestStores.insert(
          c, 3, "order-1", 3, "Shipped", "{\"status\":\"shipped\"}", "{}", "2024-05-01T10:02:00Z");
      TestStores.insert(
          c, 4, "order-1", 5, "Closed", "{\"status\":\"closed\"}", "{}", "2024-05-01T10:03:00Z");
    }
    return db;
  }

  @Test
  void theJsonReportHasTheProvenanceTheEventsTheStatesAndTheFindings() throws Exception {
    Path db = store();
    Path out = dir.resolve("report.json");

    CliRun run =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "order-1",
            "--from",
            "2",
            "--to",
            "3",
            "--out",
            out.toString(),
            "--format",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("2 events, 1 finding");
    JsonNode r = Json.parse(Files.readString(out));
    assertThat(r.get("store").get("file").asText()).isEqualTo("shop <&> store.db");
    assertThat(r.get("store").get("sha256").asText()).isEqualTo(TestStores.sha256(db));
    assertThat(r.get("store").get("size").asLong()).isEqualTo(Files.size(db));
    assertThat(r.get("layout").asText()).isEqualTo("hindsight-simple");
    assertThat(r.get("reducer").get("name").asText()).isEqualTo("generic (deep merge)");
    assertThat(r.get("reducer").get("sha256").isNull()).isTrue();
    assertThat(r.get("hindsight").asText()).startsWith("hindsight ");
    assertThat(r.get("masking").get("on").asBoolean()).isFalse();
    assertThat(r.get("range").get("events").asInt()).isEqualTo(2);
    assertThat(Json.write(r.get("stateAtStart")))
        .isEqualTo("{\"status\":\"placed\",\"total\":24.00}");
    assertThat(Json.write(r.get("stateAtEnd")))
        .isEqualTo("{\"status\":\"shipped\",\"total\":24.00,\"note\":\"<script>x</script>\"}");
    JsonNode paid = r.get("events").get(0);
    assertThat(paid.get("version").asLong()).isEqualTo(2);
    assertThat(paid.get("type").asText()).isEqualTo("Paid");
    assertThat(paid.get("metadata").get("by").asText()).isEqualTo("bob");
    assertThat(paid.get("changes").findValuesAsText("path")).containsExactly("/status", "/note");
    assertThat(paid.get("changes").get(0).get("op").asText()).isEqualTo("changed");
    // the stream's gap (version 4) is a finding of the stream, whatever the range
    assertThat(r.get("findings").get(0).get("kind").asText()).isEqualTo("version-gap");
  }

  @Test
  void theHtmlReportStandsAloneEscapesWhatItShowsAndIsReproducible() throws Exception {
    Path db = store();
    Path reducer = dir.resolve("orders.js");
    Files.writeString(reducer, "({ $any: (s, e) => ({ ...s, last: e.type }) })\n");
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");

    for (Path out : List.of(a, b)) {
      CliRun run =
          CliRun.of(
              "report",
              db.toString(),
              "--stream",
              "order-1",
              "--reducer",
              reducer.toString(),
              "--out",
              out.toString());
      assertThat(run.exit()).as(run.toString()).isZero();
    }

    String html = Files.readString(a);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("shop &lt;&amp;&gt; store.db")
        .contains(TestStores.sha256(db))
        .contains(dev.hindsight.audit.Digests.sha256(reducer))
        .contains("&lt;script&gt;x&lt;/script&gt;")
        .doesNotContain("<script>")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .contains("Masking</th><td>off")
        .contains("version-gap");
    assertThat(withoutGenerationTime(Files.readString(b))).isEqualTo(withoutGenerationTime(html));
  }

  @Test
  void maskedValuesAreNowhereInTheReportAndTheReportSaysMaskingWasOn() throws Exception {
    Path db = store();
    Path html = dir.resolve("masked.html");
    Path json = dir.resolve("masked.json");
    Path csv = dir.resolve("masked.csv");

    for (String[] f :
        new String[][] {
          {"html", html.toString()}, {"json", json.toString()}, {"csv", csv.toString()}
        }) {
      CliRun run =
          CliRun.of(
              "report",
              db.toString(),
              "--stream",
              "order-1",
              "--mask",
              "by,/note",
              "--out",
              f[1],
              "--format",
              f[0]);
      assertThat(run.exit()).as(run.toString()).isZero();
    }

    for (Path out : List.of(html, json, csv)) {
      assertThat(Files.readString(out))
          .as(out.getFileName().toString())
          .doesNotContainPattern("\\bada\\b") // "metadata" has it inside
          .doesNotContainPattern("\\bbob\\b")
          .doesNotContain("script")
          .contains("•••");
    }
    assertThat(Files.readString(html)).contains("Masking</th><td>on: by, /note shown as •••");
    JsonNode masking = Json.parse(Files.readString(json)).get("masking");
    assertThat(masking.get("on").asBoolean()).isTrue();
    assertThat(masking.get("fields").findValuesAsText("")).isEmpty();
    assertThat(Json.write(masking.get("fields"))).isEqualTo("[\"by\",\"/note\"]");
  }

  @Test
  void bookmarksInRangeAreInTheReport() throws Exception {
    Path db = store();
    dev.hindsight.audit.Bookmarks b = dev.hindsight.audit.Bookmarks.of(db);
    b.add(
        new dev.hindsight.audit.Bookmarks.Bookmark(
            "order-1",
            2,
            "paid <twice>?",
            "check the bank",
            "carol",
            java.time.Instant.parse("2024-06-01T09:00:00Z")));
    b.add(
        new dev.hindsight.audit.Bookmarks.Bookmark(
            "order-1",
            5,
            "out of range",
            "",
            "carol",
            java.time.Instant.parse("2024-06-01T09:05:00Z")));
    Path html = dir.resolve("b.html");
    Path json = dir.resolve("b.json");

    CliRun.of(
        "report", db.toString(), "--stream", "order-1", "--to", "3", "--out", html.toString());
    CliRun.of(
        "report",
        db.toString(),
        "--stream",
        "order-1",
        "--to",
        "3",
        "--out",
        json.toString(),
        "--format",
        "json");

    assertThat(Files.readString(html))
        .contains("paid &lt;twice&gt;?")
        .contains("check the bank")
        .contains("Bookmark: <strong>paid &lt;twice&gt;?</strong>")
        .doesNotContain("out of range");
    JsonNode marks = Json.parse(Files.readString(json)).get("bookmarks");
    assertThat(marks).hasSize(1);
    assertThat(marks.get(0).get("author").asText()).isEqualTo("carol");
    assertThat(marks.get(0).get("version").asLong()).isEqualTo(2);
  }

  @Test
  void theCsvReportHasOneQuotedRowPerEvent() throws Exception {
    Path db = store();
    Path out = dir.resolve("report.csv");

    CliRun run =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "order-1",
            "--out",
            out.toString(),
            "--format",
            "csv");

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> all = List.of(Files.readString(out).split("\r\n"));
    assertThat(all).contains("# masking: off");
    List<String> lines = all.stream().filter(l -> !l.startsWith("# ")).toList();
    assertThat(lines.get(0))
        .isEqualTo("version,position,timestamp,type,data,metadata,changes,reducer_error");
    assertThat(lines.get(1))
        .isEqualTo(
            "1,1,2024-05-01T10:00:00Z,Placed,\"{\"\"status\"\":\"\"placed\"\",\"\"total\"\":24.00}\","
                + "\"{\"\"by\"\":\"\"ada\"\"}\",\"+ /status = \"\"placed\"\"\n+ /total = 24.00\",");
  }

  @Test
  void anUnknownStreamOrABackwardRangeIsOneClearLine() throws Exception {
    Path db = store();
    CliRun none =
        CliRun.of(
            "report", db.toString(), "--stream", "nope", "--out", dir.resolve("r").toString());
    CliRun backwards =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "order-1",
            "--from",
            "3",
            "--to",
            "2",
            "--out",
            dir.resolve("r").toString());

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.errLines()).singleElement().asString().contains("no stream 'nope'");
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.errLines()).containsExactly("hindsight: --from 3 is after --to 2");
    assertThat(Files.exists(dir.resolve("r"))).isFalse();
  }

  @Test
  void theStoreItselfByAnyPathIsNeverWrittenOver() throws Exception {
    Path db = store();
    byte[] before = Files.readAllBytes(db);
    Path link = Files.createSymbolicLink(dir.resolve("link.html"), db);
    Files.createDirectories(dir.resolve("sub"));
    Path roundabout = dir.resolve("sub/../" + db.getFileName());
    Path wal = dir.resolve(db.getFileName() + "-wal");

    for (Path out : List.of(db, link, roundabout, wal)) {
      CliRun run =
          CliRun.of(
              "report", db.toString(), "--stream", "order-1", "--out", out.toString(), "--force");

      assertThat(run.exit()).as(run.toString()).isEqualTo(2);
      assertThat(run.errLines())
          .singleElement()
          .asString()
          .startsWith("hindsight: " + out + " is the store");
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    assertThat(Files.exists(wal)).isFalse();
  }

  @Test
  void anotherDatabaseIsNeverWrittenOverAndOtherFilesOnlyWithForce() throws Exception {
    Path db = store();
    Path other = TestStores.simpleStore(dir.resolve("other.sqlite"), 3, 1);
    byte[] otherBytes = Files.readAllBytes(other);
    Path notes = dir.resolve("notes.html");
    Files.writeString(notes, "mine");

    CliRun database =
        CliRun.of(
            "report", db.toString(), "--stream", "order-1", "--out", other.toString(), "--force");
    CliRun refused =
        CliRun.of("report", db.toString(), "--stream", "order-1", "--out", notes.toString());

    assertThat(database.exit()).isEqualTo(2);
    assertThat(database.errLines())
        .containsExactly(
            "hindsight: "
                + other
                + " is a SQLite database; Hindsight never writes over one (choose another file)");
    assertThat(Files.readAllBytes(other)).isEqualTo(otherBytes);
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.errLines())
        .containsExactly("hindsight: " + notes + " exists; add --force to replace it");
    assertThat(Files.readString(notes)).isEqualTo("mine");

    CliRun forced =
        CliRun.of(
            "report", db.toString(), "--stream", "order-1", "--out", notes.toString(), "--force");
    assertThat(forced.exit()).as(forced.toString()).isZero();
    assertThat(Files.readString(notes)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void theFormatIsTakenFromTheExtensionAndAFormatThatContradictsItIsRefused() throws Exception {
    Path db = store();
    Path json = dir.resolve("r.json");
    Path csv = dir.resolve("r.CSV");
    Path htm = dir.resolve("r.htm");
    Path other = dir.resolve("r.txt");
    for (Path out : List.of(json, csv, htm, other)) {
      CliRun run =
          CliRun.of("report", db.toString(), "--stream", "order-1", "--out", out.toString());
      assertThat(run.exit()).as(run.toString()).isZero();
    }

    assertThat(Json.parse(Files.readString(json)).get("stream").get("id").asText())
        .isEqualTo("order-1");
    assertThat(Files.readString(csv)).contains("version,position,timestamp,type");
    assertThat(Files.readString(htm)).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(other)).startsWith("<!DOCTYPE html>");

    Path contradicted = dir.resolve("x.json");
    CliRun run =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "order-1",
            "--out",
            contradicted.toString(),
            "--format",
            "csv");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "hindsight: --format csv does not match --out x.json (a json name); change one of"
                + " them");
    assertThat(Files.exists(contradicted)).isFalse();
  }

  @Test
  void theReportsFindingsAreVerifysFindingsForTheStreamWithTheGlobalOrderChecks() throws Exception {
    Path db = dir.resolve("forged.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), db);
    try (Connection c = TestStores.connect(db)) {
      // a refund appended at the end, dated after its payment's last event but ten days
      // before the events just before it in the global order
      TestStores.insert(
          c,
          2246,
          "payment-5006",
          5,
          "PaymentRefunded",
          "{\"amount\":42.00,\"reason\":\"goodwill\"}",
          "{\"actor\":\"support\"}",
          "2026-03-19T09:00:00.000Z");
    }
    String sha256 = TestStores.sha256(db);
    Path out = dir.resolve("payment-5006.json");
    String reducers = "resources/reducers/demo";

    CliRun verify = CliRun.of("verify", db.toString(), "--reducer", reducers, "--json");
    CliRun report =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "payment-5006",
            "--reducer",
            reducers,
            "--out",
            out.toString());

    assertThat(report.exit()).as(report.toString()).isZero();
    List<JsonNode> verified = new java.util.ArrayList<>();
    Json.parse(verify.out())
        .get("findings")
        .forEach(
            f -> {
              if (f.get("stream").asText().equals("payment-5006")) {
                verified.add(f);
              }
            });
    List<JsonNode> reported = new java.util.ArrayList<>();
    Json.parse(Files.readString(out)).get("findings").forEach(reported::add);
    assertThat(reported).isEqualTo(verified);
    assertThat(reported)
        .anySatisfy(
            f -> {
              assertThat(f.get("kind").asText()).isEqualTo("time-regression");
              assertThat(f.get("version").asLong()).isEqualTo(5);
            });
    assertThat(TestStores.sha256(db)).isEqualTo(sha256);
  }

  @Test
  void theCsvReportStartsWithItsProvenanceAsCommentLines() throws Exception {
    Path db = store();
    Path reducer = dir.resolve("orders.js");
    Files.writeString(reducer, "({ $any: (s, e) => ({ ...s, last: e.type }) })\n");
    Path out = dir.resolve("report.csv");
    byte[] before = Files.readAllBytes(db);

    CliRun run =
        CliRun.of(
            "report",
            db.toString(),
            "--stream",
            "order-1",
            "--from",
            "2",
            "--to",
            "3",
            "--reducer",
            reducer.toString(),
            "--mask",
            "by",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = List.of(Files.readString(out).split("\r\n"));
    List<String> comments = lines.stream().takeWhile(l -> l.startsWith("# ")).toList();
    assertThat(comments)
        .hasSize(11)
        .contains(
            "# stream: order-1 (order)",
            "# range: versions 2–3 (2 events)",
            "# reducer sha256: " + dev.hindsight.audit.Digests.sha256(reducer),
            "# masking: on (by; by: 1 value, by value: 0)",
            "# store: " + db.toAbsolutePath().normalize(),
            "# store sha256: " + TestStores.sha256(db));
    assertThat(comments.get(2)).startsWith("# reducer: ").endsWith("(" + reducer + ")");
    assertThat(comments.get(5)).matches("# generated at: \\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(comments.get(6)).startsWith("# hindsight: hindsight ");
    assertThat(comments.get(9)).matches("# store digest: [0-9a-f]{64}");
    assertThat(comments.get(10)).matches("# stream head: [0-9a-f]{64}");
    assertThat(lines.get(comments.size())).startsWith("version,position,");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void aRangeOutsideTheStreamOrWithNoEventsIsAnError() throws Exception {
    Path db = store(); // order-1 has versions 1, 2, 3 and 5
    Path out = dir.resolve("r.json");

    CliRun before = CliRun.of(report(db, out, "--from", "0"));
    CliRun after = CliRun.of(report(db, out, "--to", "9"));
    CliRun gap = CliRun.of(report(db, out, "--from", "4", "--to", "4"));

    assertThat(before.exit()).isEqualTo(2);
    assertThat(before.errLines())
        .containsExactly("hindsight: version 0 is outside order-1, whose versions are 1–5");
    assertThat(after.exit()).isEqualTo(2);
    assertThat(after.errLines())
        .containsExactly("hindsight: version 9 is outside order-1, whose versions are 1–5");
    assertThat(gap.exit()).isEqualTo(2);
    assertThat(gap.errLines())
        .containsExactly(
            "hindsight: order-1 has no events from version 4 to 4 (its versions are 1–5)");
    assertThat(Files.exists(out)).isFalse();
  }

  private static String[] report(Path db, Path out, String... range) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("report", db.toString(), "--stream", "order-1", "--out", out.toString()));
    args.addAll(List.of(range));
    return args.toArray(String[]::new);
  }

  private static String withoutGenerationTime(String html) {
    return html.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME");
  }
}
