package dev.hindsight.replay;

import java.util.List;

/** Folds a stream's events into its state. */
public interface Reducer {

  /** The name shown to users; the generic reducer says it is generic. */
  String name();

  /** Whether this is the built-in generic reducer (deep merge), used when the user gives none. */
  default boolean generic() {
    return false;
  }

  /**
   * Whether its folds look at events' metadata. When they do not (the generic reducer merges only
   * the data), the replay reads events without decoding their metadata.
   */
  default boolean readsMetadata() {
    return !generic();
  }

  /**
   * Whether this reducer applies to a stream with this id and aggregate type (which may be null).
   */
  boolean appliesTo(String stream, String aggregateType);

  /**
   * The names of this reducer's invariants, in the order they are declared: conditions on the state
   * that must hold after every event. {@code verify} reports where they do not; see {@link
   * Fold#brokenInvariants}.
   */
  default List<String> invariants() {
    return List.of();
  }

  /** A new fold, starting from the initial state. */
  Fold newFold(String stream, String aggregateType);

  /**
   * The event as this reducer's handlers see it, when an upcaster changes it; null when none
   * applies.
   *
   * @throws ReducerException when the upcaster fails
   */
  default com.fasterxml.jackson.databind.JsonNode upcast(dev.hindsight.event.StoredEvent event) {
    return null;
  }
}
