package dev.hindsight.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.audit.Finding.Severity;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.JsonDiff;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.Layout;
import dev.hindsight.store.codec.Transcodings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stored snapshot against the state replayed to its version. Only what the snapshot holds is
 * compared: libraries leave their own bookkeeping (ids, versions, times) out of it, or in. Values
 * the library tagged with their type (the layout's {@code transcoding}) are decoded on both sides
 * first, and compare as that type: the library's snapshot holds a {@code Decimal} where a reducer
 * holds its text or a number.
 */
final class SnapshotComparison {

  private SnapshotComparison() {}

  /**
   * The finding for a snapshot that differs from the replay; null when it agrees or is not JSON.
   */
  static Finding check(Layout.SnapshotCompare spec, StreamReplay replay, StoredEvent snapshot) {
    String pointer = spec.pointer();
    JsonNode stored =
        pointer == null || pointer.isEmpty() ? snapshot.data() : snapshot.data().at(pointer);
    if (!stored.isContainerNode() || snapshot.hasProblems()) {
      return null; // not JSON (Axon's XStream XML, an encrypted payload): nothing to compare it
      // with
    }
    int o = replay.ordinalOfVersion(snapshot.version());
    if (o < 0) {
      return new Finding(
          Finding.SNAPSHOT_MISMATCH,
          Severity.ERROR,
          snapshot.stream(),
          snapshot.version(),
          null,
          "a snapshot at version " + snapshot.version() + ", which the stream does not have");
    }
    List<Change> differences = differences(replay.stateAfter(o), stored, spec.transcoding());
    if (differences.isEmpty()) {
      return null;
    }
    return new Finding(
        Finding.SNAPSHOT_MISMATCH,
        Severity.ERROR,
        snapshot.stream(),
        snapshot.version(),
        replay.position(o),
        message(differences));
  }

  /**
   * What differs from the replayed state to the stored snapshot, in the keys the snapshot holds,
   * with {@code transcoding}'s tagged values decoded on both sides.
   */
  static List<Change> differences(JsonNode replayed, JsonNode stored, String transcoding) {
    Transcodings.Plain plainStored = Transcodings.decode(transcoding, stored);
    Transcodings.Plain plainReplayed = Transcodings.decode(transcoding, replayed);
    JsonNode state = plainReplayed.value();
    JsonNode snapshot = plainStored.value();
    JsonNode compared = state;
    if (snapshot.isObject() && state.isObject()) {
      ObjectNode same = JsonNodeFactory.instance.objectNode();
      snapshot
          .fieldNames()
          .forEachRemaining(
              k -> {
                if (state.has(k)) {
                  same.set(k, state.get(k));
                }
              });
      compared = same;
    }
    return JsonDiff.diff(compared, snapshot).stream()
        .filter(
            c ->
                c.op() != Change.Op.CHANGED
                    || !(plainStored.same(c.path(), c.oldValue(), c.newValue())
                        || plainReplayed.same(c.path(), c.oldValue(), c.newValue())))
        .toList();
  }

  /** Every difference, on one line: the finding is the whole of what differs, never a sample. */
  static String message(List<Change> differences) {
    int n = differences.size();
    return "the stored snapshot differs from the replayed state at "
        + n
        + (n == 1 ? " path" : " paths")
        + " (replayed -> stored): "
        + differences.stream().map(c -> c.line("->")).collect(Collectors.joining("; "));
  }
}
