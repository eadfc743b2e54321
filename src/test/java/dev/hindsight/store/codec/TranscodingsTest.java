package dev.hindsight.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.store.codec.Transcodings.Type;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python eventsourcing's JSONTranscoder output, read back as its decoder would. */
class TranscodingsTest {

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text);
  }

  @Test
  void taggedValuesBecomeTheirPlainValuesFromTheInnermostOut() throws Exception {
    JsonNode stored =
        json(
            "{\"at\":{\"_type_\":\"datetime_iso\",\"_data_\":\"2026-03-02T09:00:00+00:00\"},"
                + "\"id\":{\"_type_\":\"uuid_hex\",\"_data_\":\"A1B2C3D4E5F64A7B8C9D0E1F2A3B4C5D\"},"
                + "\"lines\":[[\"pen\",{\"_type_\":\"decimal_str\",\"_data_\":\"1.50\"}]],"
                + "\"owner\":{\"_type_\":\"person_as_dict\",\"_data_\":"
                + "{\"id\":{\"_type_\":\"uuid_hex\",\"_data_\":\"0a1b2c3d4e5f40718293a4b5c6d7e8f9\"}}},"
                + "\"a/b\":{\"_type_\":\"decimal_str\",\"_data_\":\"2\"},"
                + "\"three\":{\"_type_\":\"decimal_str\",\"_data_\":\"3\",\"extra\":1},"
                + "\"bad\":{\"_type_\":\"uuid_hex\",\"_data_\":\"not a uuid\"}}");

    Transcodings.Plain plain = Transcodings.decode(Transcodings.EVENTSOURCING, stored);

    assertThat(plain.value())
        .isEqualTo(
            json(
                "{\"at\":\"2026-03-02T09:00:00+00:00\","
                    + "\"id\":\"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d\","
                    + "\"lines\":[[\"pen\",\"1.50\"]],"
                    + "\"owner\":{\"_type_\":\"person_as_dict\",\"_data_\":"
                    + "{\"id\":\"0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9\"}},"
                    + "\"a/b\":\"2\","
                    + "\"three\":{\"_type_\":\"decimal_str\",\"_data_\":\"3\",\"extra\":1},"
                    + "\"bad\":{\"_type_\":\"uuid_hex\",\"_data_\":\"not a uuid\"}}"));
    assertThat(plain.types())
        .isEqualTo(
            Map.of(
                "/at", Type.DATETIME_ISO,
                "/id", Type.UUID_HEX,
                "/lines/0/1", Type.DECIMAL_STR,
                "/owner/_data_/id", Type.UUID_HEX,
                "/a~1b", Type.DECIMAL_STR));
    assertThat(stored.at("/at").isObject()).as("the stored value is left as it was").isTrue();
  }

  @Test
  void withoutATranscodingTheValueIsAsItWasAndAnUnknownOneIsRefused() throws Exception {
    JsonNode stored = json("{\"at\":{\"_type_\":\"datetime_iso\",\"_data_\":\"x\"}}");

    assertThat(Transcodings.decode(null, stored).value()).isSameAs(stored);
    assertThatThrownBy(() -> Transcodings.decode("pickle", stored))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown transcoding 'pickle' (known: eventsourcing)");
  }

  @Test
  void decodedValuesCompareAsTheTypeTheyWereWrittenAs() {
    TextNode hex = TextNode.valueOf("a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d");
    TextNode dashed = TextNode.valueOf("A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D");
    assertThat(Type.UUID_HEX.same(hex, dashed)).isTrue();
    assertThat(Type.UUID_HEX.same(hex, TextNode.valueOf("0a1b2c3d4e5f40718293a4b5c6d7e8f9")))
        .isFalse();
    assertThat(Type.UUID_HEX.same(TextNode.valueOf("x"), TextNode.valueOf("x"))).isFalse();

    TextNode decimal = TextNode.valueOf("13.50");
    assertThat(Type.DECIMAL_STR.same(decimal, DecimalNode.valueOf(new BigDecimal("13.5"))))
        .isTrue();
    assertThat(Type.DECIMAL_STR.same(decimal, TextNode.valueOf("13.5"))).isTrue();
    assertThat(Type.DECIMAL_STR.same(decimal, TextNode.valueOf("13.51"))).isFalse();
    assertThat(Type.DECIMAL_STR.same(TextNode.valueOf("NaN"), TextNode.valueOf("NaN"))).isFalse();

    TextNode python = TextNode.valueOf("2026-03-02T09:05:30.250000+00:00");
    assertThat(Type.DATETIME_ISO.same(python, TextNode.valueOf("2026-03-02T09:05:30.25Z")))
        .isTrue();
    assertThat(Type.DATETIME_ISO.same(python, TextNode.valueOf("2026-03-02T10:05:30.25+01:00")))
        .isTrue();
    assertThat(Type.DATETIME_ISO.same(python, TextNode.valueOf("2026-03-02T09:05:30.251Z")))
        .as("a time cut to milliseconds is another time")
        .isFalse();
  }
}
