package dev.hindsight.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

  @ParameterizedTest
  @CsvSource({
    "2024-05-01T10:00:00Z, 2024-05-01T10:00:00Z",
    "2024-05-01T10:00:00.100Z, 2024-05-01T10:00:00.100Z",
    "2024-05-01T10:00:00.120Z, 2024-05-01T10:00:00.120Z",
    "2024-05-01T10:00:00.123456Z, 2024-05-01T10:00:00.123456Z",
    "2024-05-01T10:00:00.1234567Z, 2024-05-01T10:00:00.1234567Z",
    "2024-05-01T10:00:00.123456789Z, 2024-05-01T10:00:00.123456789Z",
    "1969-12-31T23:59:59.5Z, 1969-12-31T23:59:59.500Z",
  })
  void timesShowTheDigitsTheyHaveAndAtLeastMilliseconds(String instant, String printed) {
    assertThat(EventJson.iso(Instant.parse(instant))).isEqualTo(printed);
  }
}
