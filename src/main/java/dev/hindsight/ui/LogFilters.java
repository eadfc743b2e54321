package dev.hindsight.ui;

import dev.hindsight.store.EventFilter;
import dev.hindsight.store.codec.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The Log's filter bar, read: its fields as the events command's filters. */
final class LogFilters {

  private LogFilters() {}

  /**
   * The filter the fields say (empty fields keep everything): types (commas between them; a stored
   * type or its short name), a stream glob, times from and to (ISO-8601, or a day: its start, or
   * for the upper bound its end), text, a correlation id.
   *
   * @throws DateTimeException when a time cannot be read
   */
  static EventFilter parse(
      String types, String streams, String from, String to, String text, String correlation) {
    Instant fromTime = time(from, false);
    Instant toTime = time(to, true);
    List<String> typeList = new ArrayList<>();
    for (String t : blankToNull(types) == null ? new String[0] : types.split(",")) {
      if (!t.isBlank()) {
        typeList.add(t.strip());
      }
    }
    return EventFilter.NONE
        .withTypes(typeList)
        .withStreams(blankToNull(streams))
        .withTimes(fromTime, toTime)
        .withText(blankToNull(text))
        .withCorrelation(blankToNull(correlation));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A time bound: an ISO-8601 time, or a day (its start, or for an upper bound its end). */
  private static Instant time(String text, boolean upper) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
      LocalDate day = LocalDate.parse(t);
      Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      return upper ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1) : start;
    }
    Instant parsed = Timestamps.parse(t, "iso");
    if (parsed == null) {
      throw new DateTimeException(t);
    }
    return parsed;
  }
}
