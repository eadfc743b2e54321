package dev.hindsight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutFilesTest {

  @Test
  void everyBuiltInLayoutLoadsInDetectionOrder() {
    assertThat(LayoutFiles.builtIns())
        .extracting(Layout::name)
        .containsExactly(
            "hindsight-simple",
            "marten",
            "emmett-postgresql",
            "message-db",
            "eventuous-postgresql",
            "commanded-eventstore",
            "emmett",
            "evtstore",
            "axon-jdbc",
            "axon-jpa",
            "eventsourcing-encrypted",
            "eventsourcing-zlib",
            "eventsourcing",
            "eventsourcing-encrypted-postgres",
            "eventsourcing-zlib-postgres",
            "eventsourcing-postgres",
            "pekko-jdbc",
            "akka-net-sqlite",
            "sqlstreamstore-sqlite",
            "eventuous-sqlite");
  }

  @Test
  void resolvingBindsThePrefixEverywhereAndDropsDetection() {
    Layout eventuous =
        LayoutFiles.builtIns().stream()
            .filter(l -> l.name().equals("eventuous-sqlite"))
            .findFirst()
            .orElseThrow();

    Layout bound = LayoutFiles.resolve(eventuous, "shop");

    assertThat(bound.detect()).isNull();
    assertThat(bound.table()).isEqualTo("shop_messages");
    assertThat(bound.join().table()).isEqualTo("shop_streams");
    assertThat(bound.stream().column()).isEqualTo("shop_streams.stream_name");
    assertThat(LayoutFiles.write(bound)).doesNotContain("{prefix}").doesNotContain("detect");
  }

  @Test
  void aWrittenLayoutReadsBackEqual(@TempDir Path dir) throws Exception {
    for (Layout builtIn : LayoutFiles.builtIns()) {
      Layout resolved = LayoutFiles.resolve(builtIn, "x");
      Path file = dir.resolve(builtIn.name() + ".json");
      Files.writeString(file, LayoutFiles.write(resolved));

      assertThat(LayoutFiles.read(file)).isEqualTo(resolved);
    }
  }

  @Test
  void anIncompleteMappingSaysWhatItLacks() {
    assertThatThrownBy(() -> LayoutFiles.parse("{\"name\": \"m\", \"table\": \"t\"}", "m.json"))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "mapping m.json is incomplete: it needs \"stream\" (a \"column\", or a \"typeColumn\" and an"
                + " \"idColumn\"), \"version\" with a \"column\", \"payload\" with a \"column\","
                + " \"eventType\" with a \"column\" or a \"pointer\"");
  }

  @Test
  void aMisspeltKeyOrEncodingIsNamed() {
    assertThatThrownBy(() -> LayoutFiles.parse("{\"name\": \"m\", \"tabel\": \"t\"}", "m.json"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("mapping m.json is not a valid layout")
        .hasMessageContaining("tabel");
    String json =
        "{\"name\":\"m\",\"table\":\"t\",\"stream\":{\"column\":\"s\"},\"version\":{\"column\":\"v\"},"
            + "\"eventType\":{\"column\":\"ty\"},\"payload\":{\"column\":\"p\",\"encoding\":\"yaml\"}}";
    assertThatThrownBy(() -> LayoutFiles.parse(json, "m.json"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("mapping m.json: unknown encoding 'yaml' (known: json, zlib-json");
  }

  @Test
  void mappingMistakesAreExplainedWithoutJacksonInternals() {
    assertThatThrownBy(() -> LayoutFiles.parse("{\"name\": \"m\", \"bogusKey\": 1}", "m.json"))
        .hasMessageStartingWith(
            "mapping m.json is not a valid layout: unknown key \"bogusKey\" (known keys: aggregateType,")
        .hasMessageNotContaining("dev.hindsight");
    assertThatThrownBy(() -> LayoutFiles.parse("[1, 2]", "m.json"))
        .hasMessage(
            "mapping m.json is not a valid layout: a value has the wrong kind (an object, text or list was expected)");
    assertThatThrownBy(() -> LayoutFiles.parse("{\"name\": \"m\",\n  \"table\": }", "m.json"))
        .hasMessageStartingWith(
            "mapping m.json is not a valid layout: malformed JSON at line 2, column 12");
    String badFormat =
        "{\"name\":\"m\",\"table\":\"t\",\"stream\":{\"column\":\"s\"},\"version\":{\"column\":\"v\"},"
            + "\"eventType\":{\"column\":\"ty\"},\"payload\":{\"column\":\"p\"},"
            + "\"timestamp\":{\"column\":\"at\",\"format\":\"weird\"}}";
    assertThatThrownBy(() -> LayoutFiles.parse(badFormat, "m.json"))
        .hasMessage(
            "mapping m.json: unknown timestamp format 'weird' (known: auto, iso, sqlite, epoch-seconds,"
                + " epoch-millis, epoch-micros, epoch-nanos, dotnet-ticks)");
  }

  @Test
  void aSnapshotTranscodingIsOneHindsightKnows() {
    String json =
        "{\"name\":\"m\",\"table\":\"t\",\"stream\":{\"column\":\"s\"},\"version\":{\"column\":\"v\"},"
            + "\"eventType\":{\"column\":\"ty\"},\"payload\":{\"column\":\"p\"},"
            + "\"snapshots\":{\"tables\":[\"snaps\"],\"compare\":{\"table\":\"snaps\",\"pointer\":\"\","
            + "\"transcoding\":\"TRANSCODING\"}}}";

    assertThat(LayoutFiles.parse(json.replace("TRANSCODING", "eventsourcing"), "m.json"))
        .extracting(l -> l.snapshots().compare().transcoding())
        .isEqualTo("eventsourcing");
    assertThatThrownBy(() -> LayoutFiles.parse(json.replace("TRANSCODING", "pickle"), "m.json"))
        .isInstanceOf(StoreException.class)
        .hasMessage("mapping m.json: unknown snapshot transcoding 'pickle' (known: eventsourcing)");
  }

  @Test
  void aMissingMappingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> LayoutFiles.read(dir.resolve("nope.json")))
        .isInstanceOf(StoreException.class)
        .hasMessage("no such mapping file: " + dir.resolve("nope.json"));
  }

  @Test
  void tableNamesMatchExactlyOrThroughThePrefixPlaceholder() {
    assertThat(LayoutFiles.prefixIfMatches("events", "EVENTS")).isEqualTo("");
    assertThat(LayoutFiles.prefixIfMatches("events", "events2")).isNull();
    assertThat(LayoutFiles.prefixIfMatches("{prefix}_messages", "eventuous_messages"))
        .isEqualTo("eventuous");
    assertThat(LayoutFiles.prefixIfMatches("{prefix}_messages", "my_shop_messages"))
        .isEqualTo("my_shop");
    assertThat(LayoutFiles.prefixIfMatches("{prefix}_messages", "messages")).isNull();
    assertThat(LayoutFiles.prefixIfMatches("{prefix}_messages", "_messages")).isNull();
  }
}
