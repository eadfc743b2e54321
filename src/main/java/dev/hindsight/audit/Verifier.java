package dev.hindsight.audit;

import dev.hindsight.audit.Finding.Severity;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.event.Words;
import dev.hindsight.replay.Fold;
import dev.hindsight.replay.InvariantTracker;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerError;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.Step;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Checks a whole store: one pass over every event in global order (versions, order, times,
 * payloads), then, with reducers, a fold of every stream they apply to. What it finds is reported,
 * never repaired; the store is only read.
 */
public final class Verifier {

  /**
   * How far the global order may run back in time before it is a finding: writers on several
   * machines disagree by a little, and that is not a fault of the history.
   */
  public static final Duration GLOBAL_TIME_TOLERANCE = Duration.ofSeconds(5);

  private static final String ENCRYPTED = "encrypted payload";
  private static final String TIMESTAMP = "timestamp:";

  /** What was checked and found; findings ordered by stream, version, then kind. */
  public record Result(long streams, long events, List<Finding> findings) {

    /** Whether any finding is a warning or an error ({@code verify} then exits 1). */
    public boolean hasFindings() {
      return findings.stream().anyMatch(Finding::counts);
    }
  }

  private final EventSource source;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Track> tracks = new HashMap<>();
  private final Map<String, List<StoredEvent>> snapshots = new HashMap<>();
  private long events;
  private Instant latest;
  private EventRef latestEvent;

  private Verifier(EventSource source) {
    this.source = source;
  }

  /**
   * Verifies {@code source}; with reducers other than the generic one, also folds the streams they
   * apply to.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static Result verify(EventSource source, ReducerSet reducers, Progress progress) {
    Verifier v = new Verifier(source);
    List<StreamSummary> streams = source.streams();
    long total = streams.stream().mapToLong(StreamSummary::events).sum();
    v.readAll(progress, total);
    v.tracks.forEach(v::checkVersions);
    v.checkHeaders(source.streamHeaders());
    v.checkOrphans(streams);
    if (!reducers.reducers().isEmpty()) {
      for (StoredEvent snapshot : source.snapshots()) {
        v.snapshots.computeIfAbsent(snapshot.stream(), k -> new ArrayList<>()).add(snapshot);
      }
      for (StreamSummary s : streams) {
        Reducer reducer = reducers.forStream(s.stream(), s.type());
        if (!reducer.generic()) {
          v.fold(s, reducer, progress);
        }
      }
    }
    v.sort();
    return new Result(v.tracks.size(), v.events, List.copyOf(v.findings));
  }

  /**
   * What {@link #verify} finds in one stream, and nothing else: the same pass over the whole store
   * in global order (so time running back against other streams' events is found too), then the
   * stream's versions, header and aggregate type, and with a reducer other than the generic one a
   * fold of the stream, as {@code verify} folds it.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static List<Finding> verifyStream(
      EventSource source, StreamSummary stream, Reducer reducer, Progress progress) {
    Verifier v = new Verifier(source);
    String id = stream.stream();
    v.readAll(progress, source.streams().stream().mapToLong(StreamSummary::events).sum());
    Track track = v.tracks.get(id);
    if (track != null) {
      v.checkVersions(id, track);
    }
    EventSource.HeaderVersion header = source.streamHeaders().get(id);
    if (header != null) {
      v.checkHeaders(Map.of(id, header));
    }
    v.checkOrphans(List.of(stream));
    if (!reducer.generic()) {
      for (StoredEvent snapshot : source.snapshots()) {
        if (id.equals(snapshot.stream())) {
          v.snapshots.computeIfAbsent(id, k -> new ArrayList<>()).add(snapshot);
        }
      }
      v.fold(stream, reducer, progress);
    }
    v.findings.removeIf(f -> !id.equals(f.stream()));
    v.sort();
    return List.copyOf(v.findings);
  }

  /** The order findings are reported in: by stream, version, position, then kind. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::stream, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::version, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::position, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::kind);

  /** {@link #verifyStream(EventSource, StreamSummary, Reducer, Progress)}, without progress. */
  public static List<Finding> verifyStream(
      EventSource source, StreamSummary stream, Reducer reducer) {
    return verifyStream(source, stream, reducer, Progress.NONE);
  }

  private void sort() {
    findings.sort(ORDER);
  }

  /** An event a finding names: its stream, version and position. */
  private record EventRef(String stream, long version, long position) {
    static EventRef of(StoredEvent e) {
      return new EventRef(e.stream(), e.version(), e.position());
    }

    @Override
    public String toString() {
      return stream + " version " + version + " at position " + position;
    }
  }

  /** What the pass remembers of each stream. */
  private static final class Track {
    long[] versions = new long[8];
    long[] positions = new long[8];
    int size;
    Long lastVersion;
    Instant lastTime;
    EventRef lastTimed;
    long encrypted;
    long firstEncryptedVersion;
    long firstEncryptedPosition;

    void add(long version, long position) {
      if (size == versions.length) {
        versions = Arrays.copyOf(versions, size * 2);
        positions = Arrays.copyOf(positions, size * 2);
      }
      versions[size] = version;
      positions[size++] = position;
    }

    /** For each version held by more than one event, their positions, ascending. */
    Map<Long, List<Long>> positionsOfDuplicates() {
      Map<Long, List<Long>> byVersion = new HashMap<>();
      for (int i = 0; i < size; i++) {
        byVersion.computeIfAbsent(versions[i], k -> new ArrayList<>(1)).add(positions[i]);
      }
      byVersion.values().removeIf(p -> p.size() < 2);
      byVersion.values().forEach(p -> p.sort(Comparator.naturalOrder()));
      return byVersion;
    }
  }

  private void readAll(Progress progress, long total) {
    source.read(
        EventQuery.all(),
        e -> {
          check(e, true);
          events++;
          if ((events & 4095) == 0 && !progress.report(events, total)) {
            throw new CancellationException("verify cancelled after " + events + " events");
          }
          return true;
        });
  }

  /** Checks one event; {@code globalOrder}: events come in global order, not stream order. */
  private void check(StoredEvent e, boolean globalOrder) {
    Track t = tracks.computeIfAbsent(e.stream(), k -> new Track());
    t.add(e.version(), e.position());
    if (globalOrder && t.lastVersion != null && e.version() < t.lastVersion) {
      add(
          Finding.VERSION_ORDER,
          Severity.ERROR,
          e,
          "version "
              + e.version()
              + " comes after version "
              + t.lastVersion
              + " in the global order (position "
              + e.position()
              + ")");
    }
    t.lastVersion = t.lastVersion == null ? e.version() : Math.max(t.lastVersion, e.version());
    checkTime(e, t, globalOrder);
    for (String problem : e.problems()) {
      if (problem.startsWith(ENCRYPTED)) {
        if (t.encrypted++ == 0) {
          t.firstEncryptedVersion = e.version();
          t.firstEncryptedPosition = e.position();
        }
      } else if (problem.startsWith(TIMESTAMP)) {
        add(Finding.UNREADABLE_PAYLOAD, Severity.WARNING, e, "unreadable " + problem);
      } else {
        add(Finding.UNREADABLE_PAYLOAD, Severity.ERROR, e, problem);
      }
    }
  }

  private void checkTime(StoredEvent e, Track t, boolean globalOrder) {
    Instant time = e.timestamp();
    if (time == null) {
      return;
    }
    if (t.lastTime != null && time.isBefore(t.lastTime)) {
      timeRegression(e, time, t.lastTime, "the stream's previous event", t.lastTimed);
    } else if (globalOrder
        && latest != null
        && time.isBefore(latest.minus(GLOBAL_TIME_TOLERANCE))) {
      timeRegression(e, time, latest, "an earlier event in the global order", latestEvent);
    }
    t.lastTime = time;
    t.lastTimed = EventRef.of(e);
    if (latest == null || time.isAfter(latest)) {
      latest = time;
      latestEvent = t.lastTimed;
    }
  }

  /** Names the event {@code e} runs back against: what it is, which, and its time. */
  private void timeRegression(
      StoredEvent e, Instant time, Instant before, String what, EventRef against) {
    add(
        Finding.TIME_REGRESSION,
        Severity.WARNING,
        e,
        "recorded at "
            + time
            + ", "
            + human(Duration.between(time, before))
            + " before "
            + what
            + ", "
            + against
            + " ("
            + before
            + ")");
  }

  /** Gaps and duplicates, from the stream's versions sorted. */
  private void checkVersions(String stream, Track t) {
    long[] v = Arrays.copyOf(t.versions, t.size);
    Arrays.sort(v);
    Map<Long, List<Long>> duplicates = null;
    for (int i = 1; i < v.length; i++) {
      if (v[i] == v[i - 1]) {
        while (i + 1 < v.length && v[i + 1] == v[i]) {
          i++;
        }
        if (duplicates == null) {
          duplicates = t.positionsOfDuplicates();
        }
        List<Long> positions = duplicates.get(v[i]);
        findings.add(
            new Finding(
                Finding.DUPLICATE_VERSION,
                Severity.ERROR,
                stream,
                v[i],
                null,
                DuplicateVersions.message(source, stream, v[i], positions)));
      } else if (v[i] > v[i - 1] + 1) {
        long from = v[i - 1] + 1;
        long to = v[i] - 1;
        findings.add(
            new Finding(
                Finding.VERSION_GAP,
                Severity.ERROR,
                stream,
                from,
                null,
                (from == to ? "version " + from + " is" : "versions " + from + "–" + to + " are")
                    + " missing (between "
                    + v[i - 1]
                    + " and "
                    + v[i]
                    + ")"));
      }
    }
    if (t.encrypted > 0) {
      findings.add(
          new Finding(
              Finding.ENCRYPTED_PAYLOAD,
              Severity.WARNING,
              stream,
              t.firstEncryptedVersion,
              t.firstEncryptedPosition,
              t.encrypted
                  + " of "
                  + t.size
                  + " payloads are encrypted; their content could not be checked"));
    }
  }

  /** The store's own record of each stream's version against the stream's rows. */
  private void checkHeaders(Map<String, EventSource.HeaderVersion> headers) {
    headers.forEach(
        (stream, h) -> {
          if (h.lastRow() == null && h.header() > 0) {
            findings.add(
                new Finding(
                    Finding.STREAM_HEADER_MISMATCH,
                    Severity.ERROR,
                    stream,
                    h.header(),
                    null,
                    "the stream's header says version " + h.header() + ", but it has no rows"));
          } else if (h.lastRow() != null && h.lastRow() != h.header()) {
            findings.add(
                new Finding(
                    Finding.STREAM_HEADER_MISMATCH,
                    Severity.ERROR,
                    stream,
                    h.header(),
                    null,
                    "the stream's header says version "
                        + h.header()
                        + ", its rows end at version "
                        + h.lastRow()));
          }
        });
  }

  /**
   * Events that belong to no aggregate: where the layout takes the aggregate type from a column
   * (Axon's {@code type}, empty for events published outside an aggregate), a stream without one.
   * Information, not an error: libraries write them on purpose.
   */
  private void checkOrphans(List<StreamSummary> streams) {
    var type = source.layout().aggregateType();
    if (type == null || type.column() == null || type.derivedFromStream()) {
      return;
    }
    for (StreamSummary s : streams) {
      if (s.type() == null) {
        findings.add(
            new Finding(
                Finding.ORPHAN_EVENT,
                Severity.INFO,
                s.stream(),
                s.firstVersion(),
                null,
                s.events()
                    + (s.events() == 1 ? " event that belongs" : " events that belong")
                    + " to no aggregate (no aggregate type)"));
      }
    }
  }

  /** Folds a stream with a reducer: its errors and the types it does not handle. */
  private void fold(StreamSummary s, Reducer reducer, Progress progress) {
    StreamReplay replay =
        StreamReplay.build(source, s, reducer, ReplayOptions.defaults(), Progress.NONE);
    for (ReducerError error : replay.errors().values()) {
      findings.add(
          new Finding(
              Finding.REDUCER_ERROR,
              Severity.ERROR,
              s.stream(),
              error.version(),
              error.position(),
              error.message()));
    }
    for (StreamReplay.UnhandledType u : replay.unhandledTypes()) {
      findings.add(
          new Finding(
              Finding.UNHANDLED_TYPE,
              Severity.WARNING,
              s.stream(),
              replay.version(u.firstOrdinal()),
              replay.position(u.firstOrdinal()),
              u.events()
                  + (u.events() == 1 ? " event" : " events")
                  + " of type "
                  + u.type()
                  + " had no handler in "
                  + reducer.name()
                  + " (the state stayed as it was)"));
    }
    for (StoredEvent snapshot : snapshots.getOrDefault(s.stream(), List.of())) {
      Finding mismatch =
          SnapshotComparison.check(source.layout().snapshots().compare(), replay, snapshot);
      if (mismatch != null) {
        findings.add(mismatch);
      }
    }
    if (!reducer.invariants().isEmpty()) {
      checkInvariants(replay, reducer);
    }
    if (!progress.report(events, events)) {
      throw new CancellationException("verify cancelled");
    }
  }

  /**
   * Folds the stream again with a fresh fold and asks the reducer's invariants after every event.
   * An event the replay found a reducer error at leaves the state as it was, as in the replay; a
   * fold that fails where the replay did not (a handler that is not deterministic) takes the
   * replay's state there.
   */
  private void checkInvariants(StreamReplay replay, Reducer reducer) {
    if (replay.size() == 0) {
      return;
    }
    StreamSummary s = replay.stream();
    Fold fold = reducer.newFold(s.stream(), s.type());
    fold.reset(null);
    InvariantTracker tracker = new InvariantTracker(reducer.invariants());
    replay.forEach(
        0,
        replay.size() - 1,
        (ordinal, event) -> {
          if (!replay.errors().containsKey(ordinal)
              && fold.apply(event).outcome() == Step.Outcome.ERROR) {
            fold.reset(replay.stateAfter(ordinal));
          }
          tracker.after(event, fold.brokenInvariants());
        });
    for (InvariantTracker.Violation v : tracker.violations()) {
      findings.add(
          new Finding(
              Finding.INVARIANT_VIOLATED,
              Severity.ERROR,
              s.stream(),
              v.version(),
              v.position(),
              message(v)));
    }
  }

  /** What an invariant violation says, e.g. how long it lasted and whether it recovered. */
  static String message(InvariantTracker.Violation v) {
    StringBuilder m =
        new StringBuilder("invariant \"")
            .append(v.invariant())
            .append("\" broke after ")
            .append(v.type())
            .append(" (")
            .append(v.why())
            .append("); it stayed violated ");
    if (v.recovered()) {
      m.append("for ")
          .append(Words.count(v.events(), "event"))
          .append(" and recovered at version ")
          .append(v.recoveredAt());
    } else {
      m.append("to the end of the stream (").append(Words.count(v.events(), "event")).append(')');
    }
    if (v.laterBreaks() > 0) {
      m.append("; it broke ").append(Words.count(v.laterBreaks(), "more time")).append(" later");
    }
    return m.toString();
  }

  private void add(String kind, Severity severity, StoredEvent e, String message) {
    findings.add(new Finding(kind, severity, e.stream(), e.version(), e.position(), message));
  }

  static String human(Duration d) {
    if (d.getSeconds() > 86_400L * 365 * 10_000) {
      // times near the ends of what java.time holds (year ±999,999,999): millis overflow a long
      return String.format(java.util.Locale.ROOT, "%,d days", d.toDays());
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 120_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    if (ms < 7_200_000) {
      return (ms / 60_000) + " min";
    }
    if (ms < 172_800_000) {
      return (ms / 3_600_000) + " h";
    }
    return (ms / 86_400_000) + " days";
  }
}
