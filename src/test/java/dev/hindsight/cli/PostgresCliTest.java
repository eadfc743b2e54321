package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.postgres.PgServer;
import dev.hindsight.store.postgres.PgTestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every store command takes a PostgreSQL URL where it takes a file, and says the same of the same
 * events: the demo store, copied into a real PostgreSQL server, gives each command's output as the
 * SQLite file does (but for the line naming the store), and no output holds the password.
 */
class PostgresCliTest {

  static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");
  static final String REDUCERS = "resources/reducers/demo";

  @TempDir static Path dir;
  static String file;
  static String url;
  static String shownUrl;

  @BeforeAll
  static void copyTheDemo() throws Exception {
    Path copy = dir.resolve("demo.db");
    Files.copy(DEMO, copy, StandardCopyOption.REPLACE_EXISTING);
    file = copy.toString();
    String db = PgTestStores.copy(DEMO, "cli");
    var u = PgServer.url(db);
    url =
        "postgresql://"
            + PgServer.READER
            + ":"
            + PgServer.READER_PASSWORD
            + "@localhost:"
            + u.port()
            + "/"
            + db;
    shownUrl = u.display();
  }

  /** Each command with STORE where the file or URL goes. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "streams STORE",
        "streams STORE --json",
        "events STORE --stream payment-5006 --json",
        "events STORE --json",
        "state STORE --stream payment-5006 --reducer " + REDUCERS,
        "state STORE --stream order-1008 --reducer " + REDUCERS + " --json",
        "states STORE --type order --at-position 100 --reducer " + REDUCERS + " --json",
        "diff STORE --stream payment-5006 --from 1 --to 3 --reducer " + REDUCERS + " --json",
        "blame STORE --stream inventory-hand-grinder --path /onHand --reducer " + REDUCERS,
        "find STORE --stream payment-5006 --reducer "
            + REDUCERS
            + " --where state.captured>state.authorized",
        "find STORE --all-streams --reducer " + REDUCERS + " --where state.onHand<0 --json",
        "flow STORE --position 20 --json",
        "layout STORE",
        "compare-reducers STORE --reducer " + REDUCERS + " --against " + REDUCERS,
      })
  void aUrlGivesWhatTheFileGives(String command) {
    CliRun onFile = run(command, file);
    CliRun onServer = run(command, url);
    assertThat(onFile.exit()).as(onFile.toString()).isIn(0, 1);
    assertThat(onServer.exit()).as(onServer.toString()).isEqualTo(onFile.exit());
    String server = onServer.out().replace(shownUrl, "STORE");
    String local = onFile.out().replace(file, "STORE");
    if (command.contains("--json")) {
      // jsonb keeps an object's keys in an order of its own (shorter keys first), so the same
      // payloads print with their keys in another order: the same JSON, compared as JSON
      assertThat(parse(server)).as(onServer.toString()).isEqualTo(parse(local));
    } else {
      assertThat(server).as(onServer.toString()).isEqualTo(local);
    }
    assertThat(onServer.out() + onServer.err()).doesNotContain(PgServer.READER_PASSWORD);
  }

  @org.junit.jupiter.api.Test
  void verifySealAndReportWorkOnAUrlAndNameTheServerWithoutThePassword() throws Exception {
    CliRun lite = run("verify STORE --json", file);
    CliRun pg = run("verify STORE --json", url);
    assertThat(pg.exit()).as(pg.toString()).isEqualTo(lite.exit()).isEqualTo(1);
    JsonNode l = Json.parse(lite.out());
    JsonNode p = Json.parse(pg.out());
    assertThat(p.get("file").asText()).isEqualTo(shownUrl);
    assertThat(p.get("sha256").isNull()).isTrue();
    assertThat(p.get("checked")).isEqualTo(l.get("checked"));
    assertThat(p.get("findings")).isEqualTo(l.get("findings"));

    Path seal = dir.resolve("pg-seal.json");
    CliRun sealed = run("seal STORE --out " + seal, url);
    assertThat(sealed.exit()).as(sealed.toString()).isZero();
    CliRun against = run("verify STORE --against " + seal + " --json", url);
    JsonNode a = Json.parse(against.out());
    assertThat(a.get("against").get("matches").asBoolean()).as(against.toString()).isTrue();
    // (a seal is of the columns as stored: jsonb's normal form and timestamptz are not the file's
    // text, so the server is checked against its own seal)
    assertThat(Files.readString(seal)).contains(shownUrl).doesNotContain(PgServer.READER_PASSWORD);

    Path report = dir.resolve("pg-report.json");
    CliRun reported =
        run("report STORE --stream payment-5006 --reducer " + REDUCERS + " --out " + report, url);
    assertThat(reported.exit()).as(reported.toString()).isIn(0, 1);
    JsonNode r = Json.parse(Files.readString(report));
    assertThat(r.get("store").get("url").asText()).isEqualTo(shownUrl);
    assertThat(r.get("store").has("sha256")).isFalse();
    assertThat(Files.readString(report)).doesNotContain(PgServer.READER_PASSWORD);
    CliRun checked = run("verify STORE --against " + report, url);
    assertThat(checked.out()).as(checked.toString()).contains("as reported");
  }

  private static JsonNode parse(String json) {
    try {
      return Json.parse(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static CliRun run(String command, String store) {
    List<String> args = new ArrayList<>();
    for (String part : command.split(" ")) {
      args.add(part.equals("STORE") ? store : part);
    }
    return CliRun.of(args.toArray(String[]::new));
  }
}
