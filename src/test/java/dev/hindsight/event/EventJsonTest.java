package dev.hindsight.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
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
    "0001-01-01T00:00:00.000000001Z, 0001-01-01T00:00:00.000000001Z",
    "1970-01-01T00:00:00.001Z, 1970-01-01T00:00:00.001Z",
    "9999-12-31T23:59:59.9Z, 9999-12-31T23:59:59.900Z",
    "+10000-01-01T00:00:00Z, +10000-01-01T00:00:00Z",
  })
  void timesShowTheDigitsTheyHaveAndAtLeastMilliseconds(String instant, String printed) {
    assertThat(EventJson.iso(Instant.parse(instant))).isEqualTo(printed);
  }

  @Test
  void theHandWrittenFormatAgreesWithJavaTimeEverywhere() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong() % 400_000_000_000L;
      int nanos =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(10_000_000) * 100;
            default -> random.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      String parsed = Instant.parse(EventJson.iso(t)).toString();
      assertThat(parsed).as("%s", t).isEqualTo(t.toString());
      assertThat(EventJson.iso(t)).as("%s", t).endsWith("Z").doesNotContain("%");
    }
  }
}
