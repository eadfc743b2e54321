package dev.hindsight.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.audit.Seal;
import dev.hindsight.audit.SealCheck;
import dev.hindsight.audit.StorePrint;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.AllStreams;
import dev.hindsight.replay.Fold;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StoreStates;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.replay.js.FindInAllStreams;
import dev.hindsight.replay.js.Finder;
import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.EventFilter;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench FILE|URL [--stream ID] [--reducer R] [--scale] [--json]}: how fast Hindsight is on
 * this store, in one run and one process. Benchmarks belong here, never in timed unit tests.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Measure listing streams, opening and folding a stream (default: the longest), random jumps,"
            + " steps and heap, against the floor of just reading and parsing its payloads; reading"
            + " one flow's events; and the states of a type's streams as of a time, against"
            + " reading and folding them once.")
final class BenchCommand implements Callable<Integer> {

  static final int JUMPS = 1_000;
  static final int WARM_UP_JUMPS = 200;
  static final int STEPS = 200;

  @Mixin StoreOptions store;

  @Option(names = "--stream", paramLabel = "ID", description = "The stream (default: the longest).")
  String stream;

  @Option(
      names = "--reducer",
      paramLabel = "R",
      description = "A JavaScript reducer file or folder.")
  Path reducer;

  @Option(
      names = "--type",
      paramLabel = "T",
      description = "The aggregate type for the states figures (default: the stream's).")
  String type;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(
      names = "--scale",
      description =
          "Only the figures for a large store: the stream list and its first page, opening the"
              + " stream to its final state against reading and parsing its events, jumps, steps"
              + " and heap; none of the passes over the whole store.")
  boolean scale;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    EventSource source = store.open();
    List<StreamSummary> streams;
    try {
      streams = source.streams();
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
    double listStreamsMs = ms(t0);
    try (source) {
      StreamSummary target =
          stream == null
              ? streams.stream()
                  .max(Comparator.comparingLong(StreamSummary::events))
                  .orElseThrow(
                      () -> new StoreException(source.location() + " has no streams to measure"))
              : source.stream(stream)
                  .orElseThrow(
                      () ->
                          new StoreException("no stream '" + stream + "' in " + source.location()));
      ReducerSet set = reducer == null ? ReducerSet.generic() : JsReducers.load(reducer);
      Reducer r = set.forStream(target.stream(), target.type());

      // a store on a server (and any store with --scale) also gets the figures of a large store:
      // the first page of streams on a fresh connection, and opening the stream to its final
      // state as the window does against reading and parsing its events; each the faster of two
      // interleaved runs, with one replay in memory at a time
      boolean scaleFigures = scale || source.localFile().isEmpty();
      double firstStreamPageMs = scaleFigures ? firstStreamPage(source) : -1;

      long t1 = System.nanoTime();
      StreamReplay replay =
          StreamReplay.build(source, target, r, ReplayOptions.defaults(), Progress.NONE);
      double openStreamMs = ms(t1);
      replay.point(replay.size() - 1);
      double openStreamFinalStateMs = ms(t1);
      double readParseStreamMs = -1;
      if (scaleFigures) {
        readParseStreamMs = readParse(source, target, r);
        firstStreamPageMs = Math.min(firstStreamPageMs, firstStreamPage(source));
        replay = null;
        System.gc();
        long t2 = System.nanoTime();
        replay = StreamReplay.build(source, target, r, ReplayOptions.defaults(), Progress.NONE);
        replay.point(replay.size() - 1);
        openStreamFinalStateMs = Math.min(openStreamFinalStateMs, ms(t2));
        readParseStreamMs = Math.min(readParseStreamMs, readParse(source, target, r));
      }

      // each measured twice, interleaved, and the faster kept: the first pass also pays for JIT
      // warm-up and the garbage of the build before it, which is not what either figure is about
      double floorMs = -1;
      double finalStateMs = -1;
      if (!scale) {
        floorMs = floor(source, target);
        finalStateMs = finalState(source, target, r);
        floorMs = Math.min(floorMs, floor(source, target));
        finalStateMs = Math.min(finalStateMs, finalState(source, target, r));
      }

      // the floor and fold runs above leave a heap full of garbage that a session would not have
      // when someone starts jumping around; collected first, and the jump path warmed up (as JMH
      // would), so the jumps measure jumps rather than the JIT compiler
      System.gc();
      Random random = new Random(42);
      for (int i = 0; i < WARM_UP_JUMPS; i++) {
        replay.stateAfter(random.nextInt(replay.size() + 1) - 1);
      }
      double[] jumps = new double[JUMPS];
      for (int i = 0; i < JUMPS; i++) {
        int o = random.nextInt(replay.size() + 1) - 1;
        long j = System.nanoTime();
        replay.stateAfter(o);
        jumps[i] = ms(j);
      }
      Arrays.sort(jumps);
      double[] steps = new double[Math.min(STEPS, replay.size())];
      int start = Math.max(0, replay.size() / 2 - steps.length / 2);
      for (int i = 0; i < steps.length; i++) {
        long s = System.nanoTime();
        replay.point(start + i);
        steps[i] = ms(s);
      }
      Arrays.sort(steps);

      // the store-wide figures (not with --scale: on a store of millions of events each pass over
      // the whole store takes minutes)
      ObjectNode wide = scale ? null : storeWide(source, target, set, streams);

      System.gc();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
      boolean keep = replay.size() >= 0; // the replay stays reachable until the heap is measured

      long heapPeak = 0;
      for (java.lang.management.MemoryPoolMXBean pool :
          java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          heapPeak += pool.getPeakUsage().getUsed();
        }
      }

      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.put("listStreamsMs", round(listStreamsMs));
      if (scale) {
        result.put("firstStreamPageMs", round(firstStreamPageMs));
      }
      result.put("openStreamMs", round(openStreamMs));
      if (scale) {
        result.put("readParseStreamMs", round(readParseStreamMs));
        result.put("openStreamFinalStateMs", round(openStreamFinalStateMs));
        result.put(
            "openStreamFinalStateRatio",
            round(openStreamFinalStateMs / Math.max(0.001, readParseStreamMs)));
      } else {
        result.put("finalStateMs", round(finalStateMs));
      }
      result.put("jumpP50Ms", round(percentile(jumps, 50)));
      result.put("jumpP99Ms", round(percentile(jumps, 99)));
      result.put("jumpMaxMs", round(jumps[jumps.length - 1]));
      result.put("stepMs", round(steps.length == 0 ? 0 : percentile(steps, 50)));
      result.put("heapMiB", keep ? heap : -1);
      if (scale) {
        result.put("heapPeakMiB", heapPeak >> 20);
      } else {
        result.put("floorMs", round(floorMs));
        result.put("finalStateRatio", round(finalStateMs / Math.max(0.001, floorMs)));
        result.setAll(wide);
        if (scaleFigures) { // a store on a server: the figures of a large store, after the others
          result.put("firstStreamPageMs", round(firstStreamPageMs));
          result.put("readParseStreamMs", round(readParseStreamMs));
          result.put("openStreamFinalStateMs", round(openStreamFinalStateMs));
          result.put(
              "openStreamFinalStateRatio",
              round(openStreamFinalStateMs / Math.max(0.001, readParseStreamMs)));
          result.put("heapPeakMiB", heapPeak >> 20);
        }
      }
      if (json) {
        out.println(Json.write(result));
      } else {
        out.println("store:    " + source.location());
        out.println(
            "stream:   "
                + target.stream()
                + " ("
                + String.format(Locale.ROOT, "%,d", target.events())
                + " events)");
        out.println("reducer:  " + r.name());
        out.println(
            "java:     "
                + System.getProperty("java.version")
                + ", max heap "
                + (rt.maxMemory() >> 20)
                + " MiB, "
                + rt.availableProcessors()
                + " cores");
        try (TextTable table = new TextTable(out, "FIGURE", "VALUE")) {
          result.properties().forEach(e -> table.row(e.getKey(), e.getValue().asText()));
        }
      }
    }
    return HindsightCli.OK;
  }

  /**
   * The figures over the whole store, in their JSON order: one flow's events, the states of a type,
   * the Log's reads, every stream folded, and the audit's passes.
   */
  private ObjectNode storeWide(
      EventSource source, StreamSummary target, ReducerSet set, List<StreamSummary> streams) {
    // the store-wide figures: one flow's events, and every stream of a type as of a time
    String correlation = correlationNear(source, source.lastPosition() / 2);
    double correlationMs = correlation == null ? -1 : eventsOfFlow(source, correlation);
    if (correlation != null) {
      correlationMs = Math.min(correlationMs, eventsOfFlow(source, correlation));
    }
    String statesType = type != null ? type : target.type();
    List<StreamSummary> ofType =
        statesType == null ? List.of() : StatesCommand.streamsOf(source, statesType);
    StoreStates.Point asOf = StoreStates.Point.asOf(middle(streams));
    double statesMs = states(source, ofType, set, asOf);
    double statesFloorMs = foldAll(source, ofType, set);
    statesMs = Math.min(statesMs, states(source, ofType, set, asOf));
    statesFloorMs = Math.min(statesFloorMs, foldAll(source, ofType, set));

    // the Log of the window: its first page, its index of positions, and the times for its strip
    double logFirstPageMs = Double.MAX_VALUE;
    double logIndexMs = Double.MAX_VALUE;
    double logTimesMs = Double.MAX_VALUE;
    for (int run = 0; run < 2; run++) { // the faster of two, as above
      long p = System.nanoTime();
      source.readAfter(Long.MIN_VALUE, 200, e -> true);
      logFirstPageMs = Math.min(logFirstPageMs, ms(p));
      long i = System.nanoTime();
      source.positions(position -> true);
      logIndexMs = Math.min(logIndexMs, ms(i));
      long t = System.nanoTime();
      source.timedPositions((position, time) -> true);
      logTimesMs = Math.min(logTimesMs, ms(t));
    }

    // questions over every stream: one pass folding all of them on every core, against the
    // floor of reading and parsing every event once (the same workers, doing nothing else)
    long af = System.nanoTime();
    AllStreams.run(source, streams, st -> new Reading(st, set), Progress.NONE);
    double allStreamsFloorMs = ms(af);
    long ao = System.nanoTime();
    AllStreams.run(source, streams, st -> new Folding(source, st, set), Progress.NONE);
    double allStreamsFoldMs = ms(ao);
    long an = System.nanoTime();
    new FindInAllStreams(Finder.compile("false"), set)
        .run(source, streams, hit -> {}, Progress.NONE);
    double allStreamsFindMs = ms(an);

    // the audit's passes over the whole store, against the floor of reading and parsing every
    // event once: seal (the fingerprint, written), verify, and verify against that seal
    double readAllMs = Double.MAX_VALUE;
    double sealMs = Double.MAX_VALUE;
    double verifyMs = Double.MAX_VALUE;
    double verifyAgainstMs = Double.MAX_VALUE;
    java.nio.file.Path sealFile = tempFile();
    try {
      for (int run = 0; run < 2; run++) { // the faster of two, as above
        long r0 = System.nanoTime();
        source.read(dev.hindsight.store.EventQuery.all(), e -> true);
        readAllMs = Math.min(readAllMs, ms(r0));
        long s0 = System.nanoTime();
        Seal seal = sealOf(source);
        seal.write(sealFile, null);
        sealMs = Math.min(sealMs, ms(s0));
        long v0 = System.nanoTime();
        VerifyCommand.check(source, ReducerSet.generic(), false); // as verify: checks and digest
        verifyMs = Math.min(verifyMs, ms(v0));
        long a0 = System.nanoTime();
        // as verify --against: the checks and the heads, then prints only where they differ
        Seal.read(sealFile, (stream, head, events) -> false);
        VerifyCommand.Checked checked = VerifyCommand.check(source, ReducerSet.generic(), false);
        SealCheck.Compared compared =
            SealCheck.prepare(source, sealFile, checked.heads(), Progress.NONE);
        SealCheck.compare(compared.seal(), compared.now(), source);
        verifyAgainstMs = Math.min(verifyAgainstMs, ms(a0));
      }
    } finally {
      sealFile.toFile().delete();
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("eventsCorrelationMs", round(correlationMs));
    result.put("statesStreams", ofType.size());
    result.put("statesMs", round(statesMs));
    result.put("statesFloorMs", round(statesFloorMs));
    result.put("statesRatio", round(statesMs / Math.max(0.001, statesFloorMs)));
    result.put("logFirstPageMs", round(logFirstPageMs));
    result.put("logIndexMs", round(logIndexMs));
    result.put("logTimesMs", round(logTimesMs));
    result.put("allStreamsWorkers", AllStreams.workers());
    result.put("allStreamsFloorMs", round(allStreamsFloorMs));
    result.put("allStreamsFoldMs", round(allStreamsFoldMs));
    result.put("allStreamsFoldRatio", round(allStreamsFoldMs / Math.max(0.001, allStreamsFloorMs)));
    result.put("allStreamsFindMs", round(allStreamsFindMs));
    result.put("readAllMs", round(readAllMs));
    result.put("sealMs", round(sealMs));
    result.put("sealRatio", round(sealMs / Math.max(0.001, readAllMs)));
    result.put("verifyMs", round(verifyMs));
    result.put("verifyRatio", round(verifyMs / Math.max(0.001, readAllMs)));
    result.put("verifyAgainstMs", round(verifyAgainstMs));
    result.put("verifyAgainstRatio", round(verifyAgainstMs / Math.max(0.001, readAllMs)));
    return result;
  }

  private static java.nio.file.Path tempFile() {
    try {
      return java.nio.file.Files.createTempFile("hindsight-bench-", ".seal.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A seal of the store as {@code seal} writes it, by no one in particular. */
  private static Seal sealOf(EventSource source) {
    return new Seal(
        Version.text(),
        java.time.Instant.now().toString(),
        "bench",
        "bench",
        source.location(),
        source.layout().name(),
        StorePrint.take(source, Progress.NONE),
        null);
  }

  /**
   * The time to the first page of streams (200, as the window asks for) on a fresh connection:
   * connecting, finding the layout, and the page.
   */
  private static double firstStreamPage(EventSource source) {
    long t = System.nanoTime();
    try (EventSource fresh = source.reopen()) {
      fresh.streams(null, null, 200);
    }
    return ms(t);
  }

  /**
   * Reading and parsing the stream's events as its fold reads them (metadata only when the reducer
   * reads it), with no fold: what opening the stream cannot go below.
   */
  private static double readParse(EventSource source, StreamSummary target, Reducer r) {
    long[] n = {0};
    EventQuery query = EventQuery.stream(target.stream());
    long t = System.nanoTime();
    source.read(
        r.readsMetadata() ? query : query.withoutMetadata(),
        e -> {
          n[0]++;
          return true;
        });
    return ms(t);
  }

  /**
   * Reading and JSON-parsing the stream's payloads (not their metadata), nothing else: what any
   * fold must pay.
   */
  private static double floor(EventSource source, StreamSummary target) {
    long[] n = {0};
    long t = System.nanoTime();
    source.read(
        EventQuery.stream(target.stream()).withoutMetadata(),
        e -> {
          n[0]++;
          return true;
        });
    return ms(t);
  }

  /** One cold fold of the whole stream into a fresh fold: reading, parsing and folding. */
  private static double finalState(EventSource source, StreamSummary target, Reducer r) {
    long t = System.nanoTime();
    foldOnce(source, target, r);
    return ms(t);
  }

  /** Reads, parses and folds the whole stream into a fresh fold, and takes its state. */
  private static void foldOnce(EventSource source, StreamSummary s, Reducer r) {
    Fold fold = r.newFold(s.stream(), s.type());
    fold.reset(null);
    EventQuery query = EventQuery.stream(s.stream());
    source.read(
        r.readsMetadata() ? query : query.withoutMetadata(),
        e -> {
          fold.apply(e);
          return true;
        });
    fold.state();
  }

  /** The correlation id of the first event at or after a position that has one; null if none. */
  private static String correlationNear(EventSource source, long position) {
    String[] found = {null};
    source.readAfter(
        Math.max(0, position - 1),
        e -> {
          found[0] = e.links().correlation();
          return found[0] == null;
        });
    return found[0];
  }

  /** What {@code events --correlation ID} reads: every event of one flow, in global order. */
  private static double eventsOfFlow(EventSource source, String correlation) {
    long[] n = {0};
    long t = System.nanoTime();
    source.read(
        EventQuery.all().withFilter(EventFilter.correlation(correlation)),
        e -> {
          n[0]++;
          return true;
        });
    return ms(t);
  }

  /** The time halfway between the store's first and last event. */
  private static java.time.Instant middle(List<StreamSummary> streams) {
    java.time.Instant first = null;
    java.time.Instant last = null;
    for (StreamSummary s : streams) {
      if (s.firstTimestamp() != null && (first == null || s.firstTimestamp().isBefore(first))) {
        first = s.firstTimestamp();
      }
      if (s.lastTimestamp() != null && (last == null || s.lastTimestamp().isAfter(last))) {
        last = s.lastTimestamp();
      }
    }
    if (first == null || last == null) {
      return java.time.Instant.MAX;
    }
    return first.plus(java.time.Duration.between(first, last).dividedBy(2));
  }

  /** What {@code states --type T --as-of} does. */
  private static double states(
      EventSource source, List<StreamSummary> streams, ReducerSet set, StoreStates.Point point) {
    long t = System.nanoTime();
    StoreStates.of(source, streams, set, point, ReplayOptions.defaults(), e -> {}, Progress.NONE);
    return ms(t);
  }

  /** The floor of {@code states}: reading, parsing and folding each of those streams once. */
  private static double foldAll(EventSource source, List<StreamSummary> streams, ReducerSet set) {
    long t = System.nanoTime();
    for (StreamSummary s : streams) {
      foldOnce(source, s, set.forStream(s.stream(), s.type()));
    }
    return ms(t);
  }

  /** Reads a stream as its fold would (with metadata only when the reducer reads it). */
  private record Reading(StreamSummary stream, ReducerSet set) implements AllStreams.StreamJob {
    @Override
    public boolean readsMetadata() {
      return set.forStream(stream.stream(), stream.type()).readsMetadata();
    }

    @Override
    public boolean accept(dev.hindsight.event.StoredEvent event) {
      return true;
    }
  }

  /** Reads and folds a stream. */
  private static final class Folding implements AllStreams.StreamJob {
    private final Reducer reducer;
    private final dev.hindsight.replay.StreamFold fold;

    Folding(EventSource source, StreamSummary stream, ReducerSet set) {
      reducer = set.forStream(stream.stream(), stream.type());
      fold = new dev.hindsight.replay.StreamFold(source, stream, reducer);
    }

    @Override
    public boolean readsMetadata() {
      return reducer.readsMetadata();
    }

    @Override
    public boolean accept(dev.hindsight.event.StoredEvent event) {
      fold.apply(event);
      return true;
    }
  }

  private static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
