package dev.hindsight.audit;

import java.util.Locale;

/**
 * One thing {@code verify} found.
 *
 * @param kind what it is: {@code version-gap}, {@code duplicate-version}, {@code version-order},
 *     {@code time-regression}, {@code unreadable-payload}, {@code encrypted-payload}, {@code
 *     unhandled-type}, {@code reducer-error}, {@code stream-header-mismatch}, {@code orphan-event},
 *     {@code snapshot-mismatch}, {@code invariant-violated}
 * @param severity how much it matters
 * @param stream the stream, or null for a finding about the store
 * @param version the version it is at, or null
 * @param position the event's global position, or null
 * @param message one line for people
 */
public record Finding(
    String kind, Severity severity, String stream, Long version, Long position, String message) {

  /** How much a finding matters; {@code verify} exits 1 when any is a warning or an error. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** As written in reports: {@code error}, {@code warning}, {@code info}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String VERSION_GAP = "version-gap";
  public static final String DUPLICATE_VERSION = "duplicate-version";
  public static final String VERSION_ORDER = "version-order";
  public static final String TIME_REGRESSION = "time-regression";
  public static final String UNREADABLE_PAYLOAD = "unreadable-payload";
  public static final String ENCRYPTED_PAYLOAD = "encrypted-payload";
  public static final String UNHANDLED_TYPE = "unhandled-type";
  public static final String REDUCER_ERROR = "reducer-error";
  public static final String STREAM_HEADER_MISMATCH = "stream-header-mismatch";
  public static final String ORPHAN_EVENT = "orphan-event";
  public static final String SNAPSHOT_MISMATCH = "snapshot-mismatch";
  public static final String INVARIANT_VIOLATED = "invariant-violated";

  /** Whether this finding makes {@code verify} exit 1. */
  public boolean counts() {
    return severity != Severity.INFO;
  }
}
