package dev.hindsight.store;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One column's value exactly as the database holds it, before anything is decoded: what a content
 * fingerprint is taken of, so that a copy, a {@code VACUUM} or a checkpoint of the write-ahead log
 * changes nothing while any change to a stored byte does.
 *
 * @param kind the value's storage class
 * @param number an {@link Kind#INTEGER}'s value, or a {@link Kind#REAL}'s IEEE 754 bits; else 0
 * @param bytes a {@link Kind#TEXT}'s UTF-8 bytes or a {@link Kind#BLOB}'s bytes; else null
 */
public record StoredValue(Kind kind, long number, byte[] bytes) {

  /** SQLite's storage classes (and the same distinctions in any database). */
  public enum Kind {
    NULL,
    INTEGER,
    REAL,
    TEXT,
    BLOB
  }

  public static final StoredValue NULL = new StoredValue(Kind.NULL, 0, null);

  public static StoredValue integer(long value) {
    return new StoredValue(Kind.INTEGER, value, null);
  }

  public static StoredValue real(double value) {
    return new StoredValue(Kind.REAL, Double.doubleToLongBits(value), null);
  }

  /** A text value; null stands for SQL NULL. */
  public static StoredValue text(String value) {
    return value == null ? NULL : textBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A text value from its UTF-8 bytes; null stands for SQL NULL. */
  public static StoredValue textBytes(byte[] utf8) {
    return utf8 == null ? NULL : new StoredValue(Kind.TEXT, 0, utf8);
  }

  /** A blob; null stands for SQL NULL. */
  public static StoredValue blob(byte[] bytes) {
    return bytes == null ? NULL : new StoredValue(Kind.BLOB, 0, bytes);
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /**
   * The value for people: text as it is, numbers in decimal, a blob as an SQL literal ({@code
   * x'0a1b'}); null for NULL.
   */
  public String display() {
    return switch (kind) {
      case NULL -> null;
      case INTEGER -> Long.toString(number);
      case REAL -> Double.toString(Double.longBitsToDouble(number));
      case TEXT -> new String(bytes, StandardCharsets.UTF_8);
      case BLOB -> "x'" + HexFormat.of().formatHex(bytes) + "'";
    };
  }
}
