package dev.hindsight.cli;

import static dev.hindsight.store.sqlite.TestStores.connect;
import static dev.hindsight.store.sqlite.TestStores.exec;
import static dev.hindsight.store.sqlite.TestStores.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.store.sqlite.TestStores;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input never crashes the CLI: it exits 2 with one line on stderr (a stack trace only with
 * --debug), never hangs, and never changes the file it was given. Bad payloads are shown, not
 * fatal.
 */
@Timeout(60)
class BadInputTest {

  @TempDir Path dir;

  /** A bad input: the arguments after the command, and how the one error line must read. */
  record Case(Path folder, List<String> args, Consumer<String> message) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "text-file",
        "empty-file",
        "truncated-1000",
        "truncated-50",
        "corrupt-pages",
        "folder",
        "missing-file",
        "unknown-layout",
        "mapping-missing-column",
        "mapping-malformed",
        "hot-journal"
      })
  void badInputExitsTwoWithOneLineAndChangesNothing(String name) throws Exception {
    Case c = prepare(name);
    Map<String, String> before = fingerprint(c.folder());

    for (String[] command :
        List.of(
            new String[] {"streams"},
            new String[] {"events"},
            new String[] {"events", "--json"},
            new String[] {"events", "--stream", "order-1"},
            new String[] {"layout"})) {
      if (name.equals("corrupt-pages") && command[0].equals("layout")) {
        continue; // layout reads only the schema, which is intact, and succeeds
      }
      CliRun run = CliRun.of(args(command, c.args()));
      assertThat(run.exit()).as("%s %s", Arrays.toString(command), run).isEqualTo(2);
      assertThat(run.errLines()).as("%s", run).hasSize(1);
      String line = run.errLines().get(0);
      assertThat(line)
          .startsWith("hindsight: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      c.message().accept(line.substring("hindsight: ".length()));
      if (!name.equals("corrupt-pages") || command[0].equals("streams")) {
        // these fail before anything is printed: nothing at all reaches stdout
        assertThat(run.out()).as("%s", run).isEmpty();
      } else {
        // events stream out a page (1,000 rows) at a time until a read reaches the damaged pages;
        // the
        // error then ends the run, so not every one of the 2,000 events is printed
        long rows =
            run.outLines().stream().filter(l -> l.matches("^\\{?\"?(position\":)?\\d+.*")).count();
        assertThat(rows).as("%s", run).isLessThan(2000);
      }
    }

    assertThat(fingerprint(c.folder())).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "text-file",
        "empty-file",
        "truncated-1000",
        "truncated-50",
        "corrupt-pages",
        "folder",
        "missing-file",
        "unknown-layout",
        "mapping-missing-column",
        "mapping-malformed",
        "hot-journal"
      })
  void debugAddsTheStackTrace(String name) throws Exception {
    Case c = prepare(name);
    Map<String, String> before = fingerprint(c.folder());

    CliRun run = CliRun.of(args(new String[] {"streams", "--debug"}, c.args()));

    assertThat(run.exit()).as("%s", run).isEqualTo(2);
    List<String> lines = run.errLines();
    assertThat(lines.get(0)).startsWith("hindsight: ");
    c.message().accept(lines.get(0).substring("hindsight: ".length()));
    assertThat(lines.get(1))
        .isEqualTo(
            "dev.hindsight.store.StoreException: "
                + lines.get(0).substring("hindsight: ".length()));
    assertThat(lines.get(2)).startsWith("\tat dev.hindsight.");
    assertThat(lines).anyMatch(l -> l.startsWith("\tat dev.hindsight.cli.StreamsCommand.call("));
    assertThat(fingerprint(c.folder())).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------- bad payloads

  @Test
  void badPayloadsAreShownRawAndEverythingElseReadsFine() throws Exception {
    Path db = dir.resolve("payloads.db");
    try (Connection c = connect(db)) {
      TestStores.createSchema(c);
      insert(c, 1, "order-1", 1, "Placed", "{\"amount\":24.00}", "{}", "2024-01-01T00:00:01Z");
      insert(c, 2, "order-2", 1, "Placed", "{\"amount\":1}", "{}", "2024-01-01T00:00:02Z");
      insert(c, 3, "order-1", 2, "Paid", "{\"amount\": 12,", "{}", "2024-01-01T00:00:03Z");
      insert(
          c,
          4,
          "order-2",
          2,
          "Paid",
          new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, 0x41},
          "{}",
          "2024-01-01T00:00:04Z");
      insert(c, 5, "order-1", 3, "Shipped", "{\"to\":\"Oslo\"}", "{}", "2024-01-01T00:00:05Z");
    }
    Map<String, String> before = fingerprint(dir);

    CliRun streams = CliRun.of("streams", db.toString(), "--json");
    assertThat(streams.exit()).as("%s", streams).isZero();
    assertThat(streams.err()).isEmpty();
    JsonNode list = new ObjectMapper().readTree(streams.out());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("stream").asText()).isEqualTo("order-1");
    assertThat(list.get(0).get("events").asLong()).isEqualTo(3);
    assertThat(list.get(1).get("stream").asText()).isEqualTo("order-2");
    assertThat(list.get(1).get("events").asLong()).isEqualTo(2);
    assertThat(list.get(1).get("lastTimestamp").asText()).isEqualTo("2024-01-01T00:00:04Z");

    CliRun text = CliRun.of("events", db.toString());
    assertThat(text.exit()).as("%s", text).isZero();
    assertThat(text.outLines()).hasSize(6);
    assertThat(text.outLines().get(3)).endsWith("  ! {\"amount\": 12,");
    assertThat(text.outLines().get(4)).endsWith("  ! c328ff41");
    assertThat(text.outLines().get(1)).endsWith("  {\"amount\":24.00}");
    assertThat(text.outLines().get(5)).endsWith("  {\"to\":\"Oslo\"}");
    checkWarnings(text);

    CliRun json = CliRun.of("events", db.toString(), "--json");
    assertThat(json.exit()).as("%s", json).isZero();
    JsonNode events = new ObjectMapper().readTree(json.out());
    assertThat(events.isArray()).isTrue();
    assertThat(events).hasSize(5);
    assertThat(events.get(2).get("position").asLong()).isEqualTo(3);
    assertThat(events.get(2).get("data").isTextual()).isTrue();
    assertThat(events.get(2).get("data").asText()).isEqualTo("{\"amount\": 12,");
    assertThat(events.get(3).get("position").asLong()).isEqualTo(4);
    assertThat(events.get(3).get("data").isTextual()).isTrue();
    assertThat(events.get(3).get("data").asText()).isEqualTo("c328ff41");
    assertThat(events.get(3).get("type").asText()).isEqualTo("Paid");
    assertThat(events.get(3).get("timestamp").asText()).isEqualTo("2024-01-01T00:00:04Z");
    for (int i : new int[] {0, 1, 4}) {
      assertThat(events.get(i).get("data").isObject()).as("event %d", i + 1).isTrue();
    }
    assertThat(json.out()).contains("\"data\":{\"amount\":24.00}");
    assertThat(events.get(4).get("data").get("to").asText()).isEqualTo("Oslo");
    checkWarnings(json);

    CliRun one = CliRun.of("events", db.toString(), "--stream", "order-2", "--json");
    assertThat(one.exit()).isZero();
    assertThat(new ObjectMapper().readTree(one.out())).hasSize(2);
    assertThat(one.errLines()).hasSize(1);
    assertThat(one.errLines().get(0))
        .isEqualTo(
            "hindsight: warning: event at position 4 (order-2 v2): payload is not UTF-8 text (4 bytes)");

    assertThat(fingerprint(dir)).isEqualTo(before);
  }

  private static void checkWarnings(CliRun run) {
    assertThat(run.errLines()).as("%s", run).hasSize(2);
    assertThat(run.errLines().get(0))
        .startsWith("hindsight: warning: event at position 3 (order-1 v2): malformed JSON: ");
    assertThat(run.errLines().get(1))
        .isEqualTo(
            "hindsight: warning: event at position 4 (order-2 v2): payload is not UTF-8 text (4 bytes)");
  }

  // ------------------------------------------------------------------------------------ the cases

  private Case prepare(String name) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Path file = folder.resolve("store.db");
    String abs = file.toAbsolutePath().normalize().toString();
    switch (name) {
      case "text-file" -> {
        Files.writeString(file, "stream,version,type\norder-1,1,Placed\n".repeat(20));
        return new Case(
            folder, List.of(abs), m -> assertThat(m).isEqualTo(abs + " is not a SQLite database"));
      }
      case "empty-file" -> {
        Files.write(file, new byte[0]);
        return new Case(
            folder,
            List.of(abs),
            m -> assertThat(m).isEqualTo(abs + " is empty (0 bytes), not a SQLite database"));
      }
      case "truncated-1000", "truncated-50" -> {
        int keep = name.equals("truncated-50") ? 50 : 1000;
        Path real = TestStores.simpleStore(dir.resolve(name + "-source.db"), 400, 7);
        byte[] bytes = Files.readAllBytes(real);
        assertThat(bytes.length).isGreaterThan(4096 * 5);
        Files.write(file, Arrays.copyOf(bytes, keep));
        String expected =
            keep == 50
                ? abs + " is truncated: 50 bytes, shorter than a SQLite header"
                : abs + " is corrupt: SQLite reports a malformed database";
        return new Case(folder, List.of(abs), m -> assertThat(m).isEqualTo(expected));
      }
      case "corrupt-pages" -> {
        TestStores.simpleStore(file, 2000, 7);
        long size = Files.size(file);
        long pages = size / 4096;
        assertThat(pages).isGreaterThan(20);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
          byte[] junk = new byte[4096 * 6];
          Arrays.fill(junk, (byte) 0xa5);
          f.seek((pages / 2 - 3) * 4096);
          f.write(junk);
        }
        return new Case(
            folder,
            List.of(abs),
            m -> assertThat(m).isEqualTo(abs + " is corrupt: SQLite reports a malformed database"));
      }
      case "folder" -> {
        Path sub = Files.createDirectories(folder.resolve("events.db"));
        Files.writeString(sub.resolve("inside.txt"), "not a store");
        String subAbs = sub.toAbsolutePath().normalize().toString();
        return new Case(
            folder,
            List.of(subAbs),
            m -> assertThat(m).isEqualTo(subAbs + " is a folder, not an event-store file"));
      }
      case "missing-file" -> {
        return new Case(folder, List.of(abs), m -> assertThat(m).isEqualTo("no such file: " + abs));
      }
      case "unknown-layout" -> {
        try (Connection c = connect(file)) {
          exec(c, "CREATE TABLE people(id INTEGER PRIMARY KEY, full_name TEXT)");
          exec(
              c,
              "CREATE TABLE audit_log(id INTEGER PRIMARY KEY, entity TEXT, seq INTEGER, kind TEXT,"
                  + " body TEXT, created TEXT)");
          exec(c, "INSERT INTO audit_log VALUES (1, 'order-1', 1, 'Placed', '{}', '2024-01-01')");
        }
        return new Case(
            folder,
            List.of(abs),
            m ->
                assertThat(m)
                    .startsWith(
                        "unknown layout: "
                            + abs
                            + " matches none of the built-in layouts (hindsight-simple, ")
                    .contains(
                        "Tables found: people(id, full_name); audit_log(id, entity, seq, kind, body, created). ")
                    .contains(
                        "Candidate columns: stream id: audit_log.entity; version: audit_log.seq;"
                            + " event type: people.full_name, audit_log.kind; payload: audit_log.body;"
                            + " timestamp: audit_log.created. ")
                    .contains("--mapping FILE"));
      }
      case "mapping-missing-column" -> {
        TestStores.simpleStore(file, 10, 2);
        Path mapping = folder.resolve("mapping.json");
        String layout = CliRun.of("layout", abs).out();
        assertThat(layout).contains("\"column\": \"payload\"");
        Files.writeString(
            mapping, layout.replace("\"column\": \"payload\"", "\"column\": \"body\""));
        return new Case(
            folder,
            List.of(abs, "--mapping", mapping.toString()),
            m ->
                assertThat(m)
                    .isEqualTo(
                        "layout 'hindsight-simple': table 'events' has no column 'body' (columns: global_position,"
                            + " stream_id, stream_version, event_type, payload, metadata, recorded_at)"));
      }
      case "mapping-malformed" -> {
        TestStores.simpleStore(file, 10, 2);
        Path mapping = folder.resolve("mapping.json");
        Files.writeString(mapping, "{ \"name\": \"broken\", \"table\": \"events\", ");
        return new Case(
            folder,
            List.of(abs, "--mapping", mapping.toString()),
            m ->
                assertThat(m)
                    .startsWith("mapping " + mapping + " is not a valid layout: ")
                    .doesNotContain("\n"));
      }
      case "hot-journal" -> {
        // what a writer that crashed mid-transaction leaves: changed pages in the file, the
        // originals
        // in a hot -journal; rolling it back would change the user's file, so it is refused
        Path live = Files.createDirectories(dir.resolve(name + "-live"));
        Path source = TestStores.simpleStore(live.resolve("store.db"), 2000, 3);
        try (Connection w = connect(source)) {
          exec(w, "PRAGMA cache_size=1");
          w.setAutoCommit(false);
          exec(w, "UPDATE events SET payload = '{\"x\":1}'");
          assertThat(TestStores.sibling(source, "-journal")).exists();
          Files.copy(source, file);
          Files.copy(TestStores.sibling(source, "-journal"), TestStores.sibling(file, "-journal"));
          w.rollback();
        }
        return new Case(
            folder,
            List.of(abs),
            m ->
                assertThat(m)
                    .isEqualTo(
                        abs
                            + " needs recovery that only a writer can do (a crashed writer left a journal);"
                            + " open it once in the application that wrote it, or work on a copy"));
      }
      default -> throw new IllegalArgumentException(name);
    }
  }

  private static String[] args(String[] command, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(command[0]));
    all.addAll(rest);
    all.addAll(List.of(command).subList(1, command.length));
    return all.toArray(String[]::new);
  }

  /** Every file under {@code root} (folders too) with the SHA-256 of its bytes. */
  private static Map<String, String> fingerprint(Path root) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String key = root.relativize(p).toString();
        result.put(key, Files.isDirectory(p) ? "<dir>" : TestStores.sha256(p));
      }
    }
    return result;
  }
}
