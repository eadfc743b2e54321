package dev.hindsight.store.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads the many ways stores keep time: ISO-8601 with any number of fraction digits and any zone
 * notation, SQLite's {@code YYYY-MM-DD HH:MM:SS} (UTC), epoch seconds, milliseconds, microseconds
 * or nanoseconds, and .NET ticks. A value without a zone is UTC.
 */
public final class Timestamps {

  /** Ticks (100 ns) from 0001-01-01T00:00Z to the Unix epoch. */
  static final long DOTNET_EPOCH_TICKS = 621_355_968_000_000_000L;

  private static final DateTimeFormatter TEXT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private Timestamps() {}

  /**
   * Parses a stored time.
   *
   * @param raw a String, a Number, or null
   * @param format a mapping-file format name; null or {@code auto} guesses from the value
   * @return the instant, or null when {@code raw} is null or blank
   * @throws DateTimeException when the value cannot be read as a time (the message says why)
   */
  public static Instant parse(Object raw, String format) {
    if (raw == null) {
      return null;
    }
    String f = format == null ? "auto" : format.toLowerCase(Locale.ROOT);
    if (raw instanceof byte[] b) {
      raw = new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (raw instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return null;
      }
      BigDecimal number = asNumber(t);
      if (number == null) {
        return text(t);
      }
      return numeric(number, f);
    }
    if (raw instanceof Number n) {
      return numeric(new BigDecimal(n.toString()), f);
    }
    throw new DateTimeException("not a time: " + raw);
  }

  private static Instant numeric(BigDecimal n, String format) {
    return switch (format) {
      case "epoch-seconds" -> scaled(n, 1_000_000_000L);
      case "epoch-millis" -> scaled(n, 1_000_000L);
      case "epoch-micros" -> scaled(n, 1_000L);
      case "epoch-nanos" -> scaled(n, 1L);
      case "dotnet-ticks" -> ticks(n);
      case "auto", "iso", "sqlite" -> guess(n);
      default -> throw new DateTimeException("unknown timestamp format '" + format + "'");
    };
  }

  /** Guesses the unit of an epoch number by its size (good for 1973 to 2286 in each unit). */
  private static Instant guess(BigDecimal n) {
    BigDecimal abs = n.abs();
    if (abs.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) {
      return scaled(n, 1_000_000_000L);
    }
    if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) {
      return scaled(n, 1_000_000L);
    }
    if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) < 0) {
      return scaled(n, 1_000L);
    }
    if (abs.compareTo(BigDecimal.valueOf(DOTNET_EPOCH_TICKS / 2)) > 0
        && abs.compareTo(new BigDecimal("1100000000000000000")) < 0) {
      return ticks(n);
    }
    return scaled(n, 1L);
  }

  private static Instant scaled(BigDecimal n, long nanosPerUnit) {
    BigInteger nanos =
        n.multiply(BigDecimal.valueOf(nanosPerUnit))
            .setScale(0, RoundingMode.HALF_UP)
            .toBigInteger();
    BigInteger[] sec = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    if (sec[1].signum() < 0) {
      sec[0] = sec[0].subtract(BigInteger.ONE);
      sec[1] = sec[1].add(BigInteger.valueOf(1_000_000_000L));
    }
    try {
      return Instant.ofEpochSecond(sec[0].longValueExact(), sec[1].longValue());
    } catch (ArithmeticException | DateTimeException e) {
      throw new DateTimeException("time out of range: " + n.toPlainString());
    }
  }

  private static Instant ticks(BigDecimal n) {
    BigDecimal sinceEpoch = n.subtract(BigDecimal.valueOf(DOTNET_EPOCH_TICKS));
    return scaled(sinceEpoch, 100L);
  }

  private static Instant text(String t) {
    if (isPlainUtc(t)) {
      try {
        return Instant.parse(t); // what most stores write: about four times faster than below
      } catch (DateTimeException notReally) {
        // the shape fits but the values do not (month 13): the general parser says why
      }
    }
    try {
      TemporalAccessor parsed = TEXT.parse(t);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS)
              ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
              : ZoneOffset.UTC;
      return OffsetDateTime.of(local, offset).toInstant();
    } catch (DateTimeParseException e) {
      throw new DateTimeException("unreadable time '" + abbreviate(t) + "'");
    }
  }

  /** The shape {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}. */
  private static boolean isPlainUtc(String t) {
    int n = t.length();
    if (n < 20 || n == 21 || t.charAt(n - 1) != 'Z') {
      return false;
    }
    for (int i = 0; i < n - 1; i++) {
      char c = t.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            case 19 -> c == '.';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static BigDecimal asNumber(String t) {
    char c = t.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return null;
    }
    // "2024-01-01" starts with digits but is not a number
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** ISO-8601 UTC ending in {@code Z}, as the CLI prints times. */
  public static String format(Instant instant) {
    return dev.hindsight.event.EventJson.iso(instant);
  }
}
