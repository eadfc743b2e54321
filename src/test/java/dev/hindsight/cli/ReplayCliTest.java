package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCliTest {

  @TempDir Path dir;
  private String db;
  private String reducer;

  @BeforeEach
  void store() throws Exception {
    Path file = dir.resolve("bank.db");
    try (Connection c = TestStores.connect(file)) {
      TestStores.createSchema(c);
      TestStores.insert(
          c,
          1,
          "account-1",
          1,
          "AccountOpened",
          "{\"owner\":\"ann\",\"balance\":0}",
          "{}",
          "2024-03-03T09:00:00Z");
      TestStores.insert(
          c,
          2,
          "account-1",
          2,
          "MoneyDeposited",
          "{\"amount\":24.00}",
          "{}",
          "2024-03-03T10:00:00Z");
      TestStores.insert(
          c,
          3,
          "account-2",
          1,
          "AccountOpened",
          "{\"owner\":\"bob\",\"balance\":0}",
          "{}",
          "2024-03-03T10:30:00Z");
      TestStores.insert(
          c, 4, "account-1", 3, "MoneyWithdrawn", "{\"amount\":30}", "{}", "2024-03-03T12:00:00Z");
      TestStores.insert(
          c,
          5,
          "account-1",
          4,
          "MoneyDeposited",
          "{\"amount\":10,\"currency\":\"SEK\"}",
          "{}",
          "2024-03-03T13:00:00Z");
    }
    db = file.toString();
    Path js = dir.resolve("bank.js");
    Files.writeString(
        js,
        "({ name: 'Bank account', types: ['account'],\n"
            + "  $init: () => ({ balance: 0, deposits: 0 }),\n"
            + "  $upcast: { MoneyDeposited: (e) => ({ ...e, data: { ...e.data, currency: e.data.currency ?? 'EUR' } }) },\n"
            + "  AccountOpened: (s, e) => ({ ...s, owner: e.data.owner }),\n"
            + "  MoneyDeposited: (s, e) => ({ ...s, balance: s.balance + e.data.amount, deposits: s.deposits + 1, currency: e.data.currency }),\n"
            + "  MoneyWithdrawn: (s, e) => ({ ...s, balance: s.balance - e.data.amount }) })");
    reducer = js.toString();
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exit()).as(run.toString()).isZero();
    return Json.parse(run.out()); // exact decimals, as printed
  }

  private static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void stateAtAVersionAsOfATimeAndFinal() throws Exception {
    JsonNode at = json(CliRun.of("state", db, "--stream", "account-1", "--at", "2", "--json"));
    assertThat(keys(at)).containsExactly("stream", "version", "timestamp", "reducer", "state");
    assertThat(at.toString())
        .isEqualTo(
            "{\"stream\":\"account-1\",\"version\":2,\"timestamp\":\"2024-03-03T10:00:00Z\","
                + "\"reducer\":\"generic (deep merge)\",\"state\":{\"owner\":\"ann\",\"balance\":0,\"amount\":24.00}}");

    JsonNode asOf =
        json(
            CliRun.of(
                "state",
                db,
                "--stream",
                "account-1",
                "--as-of",
                "2024-03-03T12:30:00Z",
                "--reducer",
                reducer,
                "--json"));
    assertThat(asOf.get("version").asLong()).isEqualTo(3);
    assertThat(asOf.get("reducer").asText()).isEqualTo("Bank account");
    assertThat(asOf.get("state").toString())
        .isEqualTo("{\"balance\":-6,\"deposits\":1,\"owner\":\"ann\",\"currency\":\"EUR\"}");

    JsonNode before =
        json(
            CliRun.of(
                "state",
                db,
                "--stream",
                "account-1",
                "--as-of",
                "2024-03-01T00:00:00",
                "--reducer",
                reducer,
                "--json"));
    assertThat(before.get("version").isNull()).isTrue();
    assertThat(before.get("timestamp").isNull()).isTrue();
    assertThat(before.get("state").toString()).isEqualTo("{\"balance\":0,\"deposits\":0}");

    JsonNode last =
        json(CliRun.of("state", db, "--stream", "account-1", "--reducer", reducer, "--json"));
    assertThat(last.get("version").asLong()).isEqualTo(4);
    assertThat(last.get("state").toString())
        .isEqualTo("{\"balance\":4,\"deposits\":2,\"owner\":\"ann\",\"currency\":\"SEK\"}");

    CliRun text = CliRun.of("state", db, "--stream", "account-1", "--at", "1");
    assertThat(text.outLines())
        .startsWith(
            "stream:    account-1",
            "version:   1 (AccountOpened)",
            "timestamp: 2024-03-03T09:00:00Z",
            "reducer:   generic (deep merge)");
  }

  @Test
  void diffBetweenTwoVersions() throws Exception {
    JsonNode diff =
        json(
            CliRun.of(
                "diff",
                db,
                "--stream",
                "account-1",
                "--from",
                "1",
                "--to",
                "4",
                "--reducer",
                reducer,
                "--json"));

    assertThat(keys(diff)).containsExactly("stream", "from", "to", "changes");
    assertThat(diff.get("changes").toString())
        .isEqualTo(
            "[{\"path\":\"/balance\",\"op\":\"changed\",\"old\":0,\"new\":4},"
                + "{\"path\":\"/deposits\",\"op\":\"changed\",\"old\":0,\"new\":2},"
                + "{\"path\":\"/currency\",\"op\":\"added\",\"old\":null,\"new\":\"SEK\"}]");
    assertThat(
            CliRun.of(
                    "diff",
                    db,
                    "--stream",
                    "account-1",
                    "--from",
                    "1",
                    "--to",
                    "4",
                    "--reducer",
                    reducer)
                .outLines())
        .containsExactly("~ /balance: 0 -> 4", "~ /deposits: 0 -> 2", "+ /currency = \"SEK\"");
  }

  @Test
  void blameOfAPath() throws Exception {
    JsonNode blame =
        json(
            CliRun.of(
                "blame",
                db,
                "--stream",
                "account-1",
                "--path",
                "/balance",
                "--reducer",
                reducer,
                "--json"));

    assertThat(blame).hasSize(3);
    assertThat(keys(blame.get(0)))
        .containsExactly("version", "type", "timestamp", "op", "old", "new");
    assertThat(blame.toString())
        .isEqualTo(
            "[{\"version\":2,\"type\":\"MoneyDeposited\",\"timestamp\":\"2024-03-03T10:00:00Z\",\"op\":\"changed\",\"old\":0,\"new\":24},"
                + "{\"version\":3,\"type\":\"MoneyWithdrawn\",\"timestamp\":\"2024-03-03T12:00:00Z\",\"op\":\"changed\",\"old\":24,\"new\":-6},"
                + "{\"version\":4,\"type\":\"MoneyDeposited\",\"timestamp\":\"2024-03-03T13:00:00Z\",\"op\":\"changed\",\"old\":-6,\"new\":4}]");
  }

  @Test
  void findTheFirstVersionWhereAConditionHolds() throws Exception {
    JsonNode hit =
        json(
            CliRun.of(
                "find",
                db,
                "--stream",
                "account-1",
                "--where",
                "state.balance < 0",
                "--reducer",
                reducer,
                "--json"));
    assertThat(hit.toString())
        .isEqualTo(
            "{\"stream\":\"account-1\",\"version\":3,\"type\":\"MoneyWithdrawn\",\"timestamp\":\"2024-03-03T12:00:00Z\"}");

    JsonNode never =
        json(
            CliRun.of(
                "find", db, "--stream", "account-1", "--where", "state.balance > 1000", "--json"));
    assertThat(never.toString())
        .isEqualTo("{\"stream\":\"account-1\",\"version\":null,\"type\":null,\"timestamp\":null}");

    assertThat(
            CliRun.of("find", db, "--stream", "account-1", "--where", "state.balanc < 0")
                .outLines())
        .containsExactly(
            "never: the condition holds after no event of account-1; note: state.balanc was"
                + " undefined at every event — a typo?");
    assertThat(
            CliRun.of(
                    "find",
                    db,
                    "--stream",
                    "account-1",
                    "--where",
                    "state.balance > 1000 || event.data.amout > 1")
                .outLines())
        .containsExactly(
            "never: the condition holds after no event of account-1; note: event.data.amout was"
                + " undefined at every event — a typo?");
  }

  @Test
  void eventsWithAReducerShowTheUpcastForm() throws Exception {
    JsonNode events =
        json(CliRun.of("events", db, "--stream", "account-1", "--reducer", reducer, "--json"));

    assertThat(keys(events.get(0)))
        .containsExactly(
            "position",
            "stream",
            "version",
            "type",
            "revision",
            "timestamp",
            "data",
            "metadata",
            "upcast");
    assertThat(events.get(0).get("upcast").isNull()).isTrue();
    assertThat(events.get(1).get("data").toString()).isEqualTo("{\"amount\":24.00}");
    assertThat(events.get(1).get("upcast").get("data").toString())
        .isEqualTo("{\"amount\":24,\"currency\":\"EUR\"}");
    assertThat(events.get(3).get("upcast").get("data").get("currency").asText()).isEqualTo("SEK");
    JsonNode plain = json(CliRun.of("events", db, "--stream", "account-1", "--json"));
    assertThat(keys(plain.get(0))).doesNotContain("upcast");
  }

  @Test
  void reducerErrorsAreWarningsUnlessStrict() throws Exception {
    Path broken = dir.resolve("broken.js");
    Files.writeString(
        broken,
        "({ MoneyWithdrawn: (s, e) => { throw new Error('overdraft'); }, $any: (s) => s })");

    CliRun run =
        CliRun.of("state", db, "--stream", "account-1", "--reducer", broken.toString(), "--json");
    assertThat(run.exit()).isZero();
    assertThat(run.errLines())
        .containsExactly(
            "hindsight: warning: reducer error in account-1 at version 3 (MoneyWithdrawn): threw Error: overdraft (broken.js:1)");

    CliRun strict =
        CliRun.of("state", db, "--stream", "account-1", "--reducer", broken.toString(), "--strict");
    assertThat(strict.exit()).isEqualTo(2);
    assertThat(strict.errLines())
        .containsExactly(
            "hindsight: reducer error in account-1 at version 3 (MoneyWithdrawn): threw Error: overdraft (broken.js:1)");
  }

  @Test
  void benchPrintsItsFiguresForTheLongestStream() throws Exception {
    JsonNode bench = json(CliRun.of("bench", db, "--json"));

    assertThat(keys(bench))
        .containsExactly(
            "listStreamsMs",
            "openStreamMs",
            "finalStateMs",
            "jumpP50Ms",
            "jumpP99Ms",
            "jumpMaxMs",
            "stepMs",
            "heapMiB",
            "floorMs",
            "finalStateRatio",
            "eventsCorrelationMs",
            "statesStreams",
            "statesMs",
            "statesFloorMs",
            "statesRatio",
            "logFirstPageMs",
            "logIndexMs",
            "logTimesMs",
            "allStreamsWorkers",
            "allStreamsFloorMs",
            "allStreamsFoldMs",
            "allStreamsFoldRatio",
            "allStreamsFindMs",
            "readAllMs",
            "sealMs",
            "sealRatio",
            "verifyMs",
            "verifyRatio",
            "verifyAgainstMs",
            "verifyAgainstRatio");
    assertThat(bench.get("allStreamsWorkers").asInt()).isPositive();
    bench.forEach(v -> assertThat(v.isNumber()).isTrue());
    CliRun text = CliRun.of("bench", db, "--reducer", reducer);
    assertThat(text.exit()).isZero();
    assertThat(text.outLines())
        .contains("stream:   account-1 (4 events)", "reducer:  Bank account");
  }

  @Test
  void mistakesGetOneClearLine() {
    assertThat(CliRun.of("state", db, "--stream", "nope").errLines())
        .containsExactly(
            "hindsight: no stream 'nope' in "
                + Path.of(db).toAbsolutePath().normalize()
                + " (list them with: hindsight streams FILE)");
    assertThat(CliRun.of("state", db, "--stream", "account-1", "--at", "9").errLines())
        .containsExactly("hindsight: version 9 is after the last version of account-1 (4)");
    assertThat(CliRun.of("state", db, "--stream", "account-1", "--as-of", "noon").errLines())
        .containsExactly(
            "hindsight: --as-of noon: unreadable time 'noon' (write e.g. 2024-03-03T12:00:00Z)");
    assertThat(
            CliRun.of("diff", db, "--stream", "account-1", "--from", "1", "--to", "7").errLines())
        .containsExactly(
            "hindsight: stream account-1 has no version 7 (its versions run from 1 to 4)");
    assertThat(CliRun.of("blame", db, "--stream", "account-1", "--path", "balance").errLines())
        .containsExactly("hindsight: --path must be a JSON pointer starting with /, e.g. /balance");
    assertThat(
            CliRun.of("find", db, "--stream", "account-1", "--where", "state.balance <").errLines())
        .singleElement()
        .asString()
        .isEqualTo("hindsight: condition:1:16: Unexpected end of file");
    assertThat(
            CliRun.of("find", db, "--stream", "account-1", "--where", "state.balance ==== 1")
                .errLines())
        .containsExactly("hindsight: condition:1:20: syntax error");
    assertThat(
            CliRun.of(
                    "state",
                    db,
                    "--stream",
                    "account-1",
                    "--reducer",
                    dir.resolve("none.js").toString())
                .errLines())
        .containsExactly("hindsight: no such reducer file: " + dir.resolve("none.js"));
    assertThat(
            CliRun.of(
                    "state",
                    db,
                    "--stream",
                    "account-1",
                    "--at",
                    "1",
                    "--as-of",
                    "2024-01-01T00:00:00Z")
                .exit())
        .isEqualTo(2);
    for (String[] args :
        List.of(
            new String[] {"state", db, "--stream", "nope"},
            new String[] {"find", db, "--stream", "account-1", "--where", "state.balance <"})) {
      assertThat(CliRun.of(args).exit()).isEqualTo(2);
    }
  }
}
