package dev.hindsight.ui;

import dev.hindsight.event.StoredEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One row of the Log: its place in global order, and its event once it is read. */
public final class LogRow {

  private final int index;
  private final ReadOnlyObjectWrapper<StoredEvent> event =
      new ReadOnlyObjectWrapper<>(this, "event");

  LogRow(int index) {
    this.index = index;
  }

  /** The row's place: 0 is the oldest event of the store. */
  public int index() {
    return index;
  }

  /** The event, or null while it is being read. */
  public StoredEvent event() {
    return event.get();
  }

  public ReadOnlyObjectProperty<StoredEvent> eventProperty() {
    return event.getReadOnlyProperty();
  }

  void show(StoredEvent e) {
    event.set(e);
  }
}
