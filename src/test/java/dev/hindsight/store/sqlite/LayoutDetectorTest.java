package dev.hindsight.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutDetectorTest {

  @Test
  void tableNamesMatchExactlyOrThroughThePrefixPlaceholder() {
    assertThat(LayoutDetector.prefixIfMatches("events", "EVENTS")).isEqualTo("");
    assertThat(LayoutDetector.prefixIfMatches("events", "events2")).isNull();
    assertThat(LayoutDetector.prefixIfMatches("{prefix}_messages", "eventuous_messages"))
        .isEqualTo("eventuous");
    assertThat(LayoutDetector.prefixIfMatches("{prefix}_messages", "my_shop_messages"))
        .isEqualTo("my_shop");
    assertThat(LayoutDetector.prefixIfMatches("{prefix}_messages", "messages")).isNull();
    assertThat(LayoutDetector.prefixIfMatches("{prefix}_messages", "_messages")).isNull();
  }
}
