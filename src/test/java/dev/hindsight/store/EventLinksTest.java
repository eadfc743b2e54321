package dev.hindsight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.event.EventLinks;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event's id, correlation and causation, read as each library keeps them: by the built-in
 * layouts' keys, by a mapping file's columns and pointers, and by the usual metadata keys.
 */
class EventLinksTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.hindsight.store.FlowStores#conventions")
  void readsTheLinksOfEveryEvent(String convention, FlowStores.Builder builder) throws Exception {
    FlowStores.FlowStore store = builder.build(dir);
    try (EventSource source = SqliteEventSource.open(store.db(), store.mapping())) {
      assertThat(source.layout().name()).isEqualTo(store.layout());
      List<StoredEvent> events = source.readList(EventQuery.all());
      assertThat(events)
          .extracting(StoredEvent::position)
          .containsExactlyElementsOf(
              FlowStores.ROWS.stream().map(FlowStores.Row::position).toList());
      assertThat(events).extracting(StoredEvent::links).isEqualTo(store.expectedLinks());
      assertThat(events).as("read cleanly").allSatisfy(e -> assertThat(e.problems()).isEmpty());
    }
  }

  @Test
  void columnsKeepTheirLinksWhenTheMetadataIsNotRead() throws Exception {
    FlowStores.FlowStore store = FlowStores.martenColumns(dir);
    try (EventSource source = SqliteEventSource.open(store.db(), store.mapping())) {
      assertThat(source.readList(EventQuery.all().withoutMetadata()))
          .extracting(StoredEvent::links)
          .isEqualTo(store.expectedLinks());
    }
  }

  @Test
  void theUsualMetadataKeysFirstHitWins() {
    Layout layout = LayoutFiles.builtIns().get(0); // hindsight-simple: no link keys
    LinkRules rules = LinkRules.of(layout);
    assertThat(
            rules.read(
                null,
                null,
                null,
                json("{}"),
                json(
                    "{\"id\":\"d\",\"$eventId\":\"c\",\"messageId\":\"b\",\"eventId\":\"a\","
                        + "\"$correlationId\":\"z\",\"correlation_id\":\"y\","
                        + "\"$causationId\":\"q\",\"causation_id\":\"p\"}")))
        .isEqualTo(new EventLinks("a", "y", "p", null));
    assertThat(rules.read(null, null, null, json("{}"), json("{\"id\":42,\"messageId\":\"\"}")))
        .as("an empty text is no id; a number is its digits")
        .isEqualTo(new EventLinks("42", null, null, null));
    assertThat(rules.read(null, null, null, json("{}"), json("[1]"))).isEqualTo(EventLinks.NONE);
    assertThat(rules.read(null, null, null, json("{}"), null)).isEqualTo(EventLinks.NONE);
  }

  @Test
  void pointersGoIntoThePayloadWhenTheLayoutSaysSo() {
    Layout layout =
        LayoutFiles.parse(
            """
            {"name": "x", "table": "t", "stream": {"column": "s"}, "version": {"column": "v"},
             "eventType": {"column": "ty"}, "payload": {"column": "p", "encoding": "json"},
             "eventId": {"pointer": "/meta/id", "in": "payload"},
             "correlation": {"column": "corr", "pointer": "/flow", "pattern": "^flow:(.*)$"}}
            """,
            "test");
    LinkRules rules = LinkRules.of(layout);
    assertThat(
            rules.read(
                null,
                null,
                null,
                json("{\"meta\":{\"id\":\"i-1\"}}"),
                json("{\"flow\":\"flow:F\",\"causationId\":\"c-1\"}")))
        .isEqualTo(new EventLinks("i-1", "F", "c-1", null));
    assertThat(rules.read(null, "flow:G", null, json("{}"), json("{\"flow\":\"flow:F\"}")))
        .as("the column first, then the pointer")
        .isEqualTo(new EventLinks(null, "G", null, null));
  }

  @Test
  void aCausationThatIsNoPositionIsKeptAsText() {
    Layout layout =
        LayoutFiles.parse(
            """
            {"name": "x", "table": "t", "stream": {"column": "s"}, "version": {"column": "v"},
             "eventType": {"column": "ty"}, "payload": {"column": "p", "encoding": "json"},
             "causation": {"pointer": "/cause", "format": "position"}}
            """,
            "test");
    LinkRules rules = LinkRules.of(layout);
    assertThat(rules.read(null, null, null, json("{}"), json("{\"cause\":\"seven\"}")))
        .isEqualTo(new EventLinks(null, null, "seven", null));
    assertThat(rules.read(null, null, null, json("{}"), json("{\"cause\":7}")))
        .isEqualTo(new EventLinks(null, null, "7", 7L));
  }

  @Test
  void mappingFilesSayWhatIsWrongWithTheirLinks() {
    String base =
        "{\"name\": \"x\", \"table\": \"t\", \"stream\": {\"column\": \"s\"}, \"version\":"
            + " {\"column\": \"v\"}, \"eventType\": {\"column\": \"ty\"}, \"payload\": {\"column\":"
            + " \"p\"}, ";
    assertThatThrownBy(() -> LayoutFiles.parse(base + "\"eventId\": {}}", "m.json"))
        .hasMessage("mapping m.json: \"eventId\" needs a \"column\" or a \"pointer\"");
    assertThatThrownBy(
            () ->
                LayoutFiles.parse(
                    base + "\"correlation\": {\"pointer\": \"/c\", \"in\": \"x\"}}", "m.json"))
        .hasMessage("mapping m.json: \"correlation\" has \"in\": \"x\" (known: metadata, payload)");
    assertThatThrownBy(
            () ->
                LayoutFiles.parse(
                    base + "\"causation\": {\"pointer\": \"/c\", \"format\": \"iso\"}}", "m.json"))
        .hasMessage("mapping m.json: \"causation\" has \"format\": \"iso\" (known: id, position)");
    assertThatThrownBy(
            () ->
                LayoutFiles.parse(
                    base + "\"eventId\": {\"column\": \"i\", \"format\": \"position\"}}", "m.json"))
        .hasMessage(
            "mapping m.json: \"eventId\" has \"format\": \"position\" (only \"causation\" takes a"
                + " format)");
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return dev.hindsight.store.codec.Json.parse(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
