package dev.hindsight.flow;

import dev.hindsight.event.EventLinks;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads flows from a store. */
public final class Flows {

  private Flows() {}

  /**
   * The flow of a correlation id: every event that carries it, in global order, each with the
   * position of the stored event its causation names. Causes outside the flow are looked up in the
   * whole store (one more filtered read, only when some cause is not in the flow).
   *
   * @throws StoreException when no event carries the id
   */
  public static Flow of(EventSource source, String correlation) {
    List<StoredEvent> events =
        source.readList(EventQuery.all().withFilter(EventFilter.correlation(correlation)));
    if (events.isEmpty()) {
      throw new StoreException(
          "no event of " + source.location() + " has the correlation id '" + correlation + "'");
    }
    return flow(source, correlation, events);
  }

  /**
   * The flow the event at a global position belongs to.
   *
   * @throws StoreException when there is no such event, or it has no correlation id
   */
  public static Flow at(EventSource source, long position) {
    StoredEvent event = eventAt(source, position);
    String correlation = event.links().correlation();
    if (correlation == null) {
      throw new StoreException(
          "the event at position "
              + position
              + " ("
              + event.stream()
              + " v"
              + event.version()
              + ") has no correlation id, so it belongs to no flow");
    }
    return of(source, correlation);
  }

  /** The event at a global position, or a clear error. */
  public static StoredEvent eventAt(EventSource source, long position) {
    List<StoredEvent> found =
        source.readList(
            EventQuery.all().withFilter(EventFilter.NONE.withPositions(Set.of(position))));
    if (found.isEmpty()) {
      throw new StoreException("no event at position " + position + " in " + source.location());
    }
    return found.get(0);
  }

  private static Flow flow(EventSource source, String correlation, List<StoredEvent> events) {
    Map<String, Long> byId = new HashMap<>();
    Set<Long> positions = new HashSet<>();
    for (StoredEvent e : events) {
      positions.add(e.position());
      if (e.links().id() != null) {
        byId.putIfAbsent(e.links().id(), e.position());
      }
    }
    // causes that are not in the flow: looked up in the whole store, at most once each
    Set<String> missingIds = new LinkedHashSet<>();
    Set<Long> missingPositions = new LinkedHashSet<>();
    for (StoredEvent e : events) {
      EventLinks l = e.links();
      if (l.causationPosition() != null) {
        if (!positions.contains(l.causationPosition())) {
          missingPositions.add(l.causationPosition());
        }
      } else if (l.causation() != null && !byId.containsKey(l.causation())) {
        missingIds.add(l.causation());
      }
    }
    Set<Long> storedPositions = new HashSet<>(positions);
    if (!missingPositions.isEmpty()) {
      source.read(
          EventQuery.all()
              .withoutMetadata()
              .withFilter(EventFilter.NONE.withPositions(missingPositions)),
          e -> {
            storedPositions.add(e.position());
            return true;
          });
    }
    Map<String, Long> elsewhere = new HashMap<>();
    if (!missingIds.isEmpty()) {
      source.read(
          EventQuery.all().withFilter(EventFilter.NONE.withIds(missingIds)),
          e -> {
            elsewhere.putIfAbsent(e.links().id(), e.position());
            return elsewhere.size() < missingIds.size();
          });
    }
    List<String> streams = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<FlowEvent> result = new ArrayList<>(events.size());
    for (StoredEvent e : events) {
      if (seen.add(e.stream())) {
        streams.add(e.stream());
      }
      EventLinks l = e.links();
      Long causedBy = null;
      if (l.causationPosition() != null) {
        causedBy = storedPositions.contains(l.causationPosition()) ? l.causationPosition() : null;
      } else if (l.causation() != null) {
        causedBy =
            byId.containsKey(l.causation())
                ? byId.get(l.causation())
                : elsewhere.get(l.causation());
      }
      result.add(
          new FlowEvent(
              e.position(),
              e.stream(),
              e.version(),
              e.type(),
              e.timestamp(),
              l.id(),
              l.causation(),
              causedBy));
    }
    return new Flow(correlation, streams, result);
  }
}
