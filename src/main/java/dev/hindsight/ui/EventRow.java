package dev.hindsight.ui;

import dev.hindsight.replay.ReducerError;
import dev.hindsight.replay.StreamReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the events table. What the replay's index knows is here at once; the one-line summary
 * of the data needs the event itself and is filled in when the row is first shown.
 */
public final class EventRow {

  private final int ordinal;
  private final long version;
  private final String type;
  private final Instant timestamp;
  private final String error;
  private ReadOnlyStringWrapper summary;

  EventRow(int ordinal, long version, String type, Instant timestamp, String error) {
    this.ordinal = ordinal;
    this.version = version;
    this.type = type;
    this.timestamp = timestamp;
    this.error = error;
  }

  static List<EventRow> of(StreamReplay replay) {
    List<EventRow> rows = new ArrayList<>(replay.size());
    for (int o = 0; o < replay.size(); o++) {
      ReducerError e = replay.errors().get(o);
      rows.add(
          new EventRow(
              o,
              replay.version(o),
              replay.type(o),
              replay.timestamp(o),
              e == null ? null : e.message()));
    }
    return rows;
  }

  public int ordinal() {
    return ordinal;
  }

  public long version() {
    return version;
  }

  public String type() {
    return type;
  }

  public Instant timestamp() {
    return timestamp;
  }

  /** The reducer error at this event, or null. */
  public String error() {
    return error;
  }

  /** The data's one-line summary; empty until loaded. */
  public ReadOnlyStringProperty summaryProperty() {
    return summaryWrapper().getReadOnlyProperty();
  }

  boolean summaryLoaded() {
    return summary != null && summary.get() != null;
  }

  void setSummary(String text) {
    summaryWrapper().set(text);
  }

  private ReadOnlyStringWrapper summaryWrapper() {
    if (summary == null) {
      summary = new ReadOnlyStringWrapper(this, "summary");
    }
    return summary;
  }
}
