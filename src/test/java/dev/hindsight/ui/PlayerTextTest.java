package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.StreamReplay;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayerTextTest {

  @Test
  void givesTheCountOfEventsOnlyWhenTheFutureIsShown() {
    StreamReplay.Point third = point(2, event(3));
    StreamReplay.Point initial = point(-1, null);

    assertThat(PlayerText.position(third, 4, false)).isEqualTo("v3 · 3 / 4");
    assertThat(PlayerText.position(third, 4, true)).isEqualTo("v3 · 3");
    assertThat(PlayerText.position(initial, 4, false)).isEqualTo("Initial state · 0 / 4");
    assertThat(PlayerText.position(initial, 4, true)).isEqualTo("Initial state · 0");
  }

  private static StreamReplay.Point point(int ordinal, StoredEvent e) {
    return new StreamReplay.Point(ordinal, null, null, e, null, null, List.of());
  }

  private static StoredEvent event(long version) {
    return new StoredEvent(
        version,
        "cart-1",
        version,
        "ItemAdded",
        null,
        null,
        JsonNodeFactory.instance.objectNode(),
        null,
        List.of());
  }
}
