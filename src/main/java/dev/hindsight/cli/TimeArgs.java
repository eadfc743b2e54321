package dev.hindsight.cli;

import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;

/** Times given on the command line: ISO-8601, UTC when they name no zone. */
final class TimeArgs {

  private TimeArgs() {}

  /**
   * The bound a time option names: a time, or a plain date ({@code 2024-03-03}), which as a lower
   * bound is the start of that day (UTC) and as an upper bound its end, so that {@code --from-time
   * D --to-time D} is the whole day D.
   */
  static Instant bound(String option, String value, boolean upper) {
    String v = value.strip();
    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        Instant start =
            java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return upper ? start.plus(java.time.Duration.ofDays(1)).minusNanos(1) : start;
      } catch (DateTimeException e) {
        throw new StoreException(option + " " + value + ": " + e.getMessage());
      }
    }
    return parse(option, value, null);
  }

  /**
   * The instant {@code value} names, or one clear error naming {@code option}.
   *
   * @param numberHint what to say when a number was given instead (e.g. which option takes a
   *     version), or null
   */
  static Instant parse(String option, String value, String numberHint) {
    if (value.strip().matches("[+-]?\\d+(\\.\\d+)?")) {
      throw new StoreException(
          option
              + " takes an ISO-8601 time, e.g. 2024-03-03T12:00:00Z"
              + (numberHint == null ? "" : " (" + numberHint + ")"));
    }
    Instant t;
    try {
      t = Timestamps.parse(value, "iso");
    } catch (DateTimeException e) {
      throw new StoreException(
          option + " " + value + ": " + e.getMessage() + " (write e.g. 2024-03-03T12:00:00Z)");
    }
    if (t == null) {
      throw new StoreException(option + " needs a time, e.g. 2024-03-03T12:00:00Z");
    }
    return t;
  }
}
