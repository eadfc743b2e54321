package dev.hindsight.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // ISO-8601, any fraction digits, any zone notation
        "2024-05-01T10:00:00Z                 | iso    | 2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00.1Z               | iso    | 2024-05-01T10:00:00.100Z",
        "2024-05-01T10:00:00.123Z             | iso    | 2024-05-01T10:00:00.123Z",
        "2024-05-01T10:00:00.1234567Z         | iso    | 2024-05-01T10:00:00.123456700Z",
        "2024-05-01T10:00:00.123456789Z       | iso    | 2024-05-01T10:00:00.123456789Z",
        "2024-05-01T12:00:00.123456+02:00     | iso    | 2024-05-01T10:00:00.123456Z",
        "2024-05-01T05:30:00-0430             | iso    | 2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00+00               | iso    | 2024-05-01T10:00:00Z",
        "2024-05-01t10:00:00z                 | iso    | 2024-05-01T10:00:00Z",
        // SQLite CURRENT_TIMESTAMP and .NET text: no zone means UTC
        "2024-05-01 10:00:00                  | sqlite | 2024-05-01T10:00:00Z",
        "2024-05-01 10:00:00.1234567          | auto   | 2024-05-01T10:00:00.123456700Z",
        "2024-05-01 10:00:00+00:00            | auto   | 2024-05-01T10:00:00Z",
        "2024-05-01T10:00                     | auto   | 2024-05-01T10:00:00Z",
        // epoch numbers stored as text
        "1714557600                           | epoch-seconds | 2024-05-01T10:00:00Z",
        "1714557600.5                         | epoch-seconds | 2024-05-01T10:00:00.500Z",
        "1714557600123                        | epoch-millis  | 2024-05-01T10:00:00.123Z",
        "1714557600123456                     | epoch-micros  | 2024-05-01T10:00:00.123456Z",
        "1714557600123456789                  | epoch-nanos   | 2024-05-01T10:00:00.123456789Z",
        "638501544001234567                   | dotnet-ticks  | 2024-05-01T10:00:00.1234567Z",
      })
  void readsEveryNotationAsUtc(String raw, String format, String expected) {
    assertThat(Timestamps.parse(raw, format)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0} guessed")
  @CsvSource({
    "1714557600, 2024-05-01T10:00:00Z",
    "1714557600123, 2024-05-01T10:00:00.123Z",
    "1714557600123456, 2024-05-01T10:00:00.123456Z",
    "638501544000000000, 2024-05-01T10:00:00Z",
    "1714557600123456789, 2024-05-01T10:00:00.123456789Z",
  })
  void guessesTheUnitOfANumberBySize(long raw, String expected) {
    assertThat(Timestamps.parse(raw, "auto")).isEqualTo(Instant.parse(expected));
  }

  @Test
  void numbersFromTheDriverAreReadInTheLayoutsUnit() {
    assertThat(Timestamps.parse(1714557600123L, "epoch-millis"))
        .isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
    assertThat(Timestamps.parse(1714557600.25d, "epoch-seconds"))
        .isEqualTo(Instant.parse("2024-05-01T10:00:00.250Z"));
    assertThat(Timestamps.parse(Integer.valueOf(0), "epoch-seconds")).isEqualTo(Instant.EPOCH);
  }

  @Test
  void nothingStoredIsNoTime() {
    assertThat(Timestamps.parse(null, "iso")).isNull();
    assertThat(Timestamps.parse("   ", "iso")).isNull();
  }

  @Test
  void unreadableAndOutOfRangeTimesSayWhy() {
    assertThatThrownBy(() -> Timestamps.parse("yesterday at noon", "iso"))
        .isInstanceOf(DateTimeException.class)
        .hasMessage("unreadable time 'yesterday at noon'");
    assertThatThrownBy(() -> Timestamps.parse("2024-13-45T99:00:00Z", "iso"))
        .isInstanceOf(DateTimeException.class)
        .hasMessageStartingWith("unreadable time");
    assertThatThrownBy(() -> Timestamps.parse("1e400", "epoch-seconds"))
        .isInstanceOf(DateTimeException.class)
        .hasMessageStartingWith("time out of range");
    assertThatThrownBy(() -> Timestamps.parse(12, "fortnights"))
        .isInstanceOf(DateTimeException.class)
        .hasMessage("unknown timestamp format 'fortnights'");
  }

  @Test
  void printsIsoUtcEndingInZ() {
    assertThat(Timestamps.format(Instant.parse("2024-05-01T10:00:00.120Z")))
        .isEqualTo("2024-05-01T10:00:00.120Z");
    assertThat(Timestamps.format(null)).isNull();
  }
}
