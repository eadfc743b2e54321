package dev.hindsight.replay;

import java.util.List;

/**
 * The reducers a user gave, in order; the first that applies to a stream folds it, and the generic
 * reducer folds streams none applies to.
 */
public record ReducerSet(List<Reducer> reducers, String source) {

  public ReducerSet {
    reducers = List.copyOf(reducers);
  }

  /** No user reducers: every stream is folded by the generic reducer. */
  public static ReducerSet generic() {
    return new ReducerSet(List.of(), null);
  }

  public Reducer forStream(String stream, String aggregateType) {
    for (Reducer r : reducers) {
      if (r.appliesTo(stream, aggregateType)) {
        return r;
      }
    }
    return GenericReducer.INSTANCE;
  }
}
