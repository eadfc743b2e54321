package dev.hindsight.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * What an evidence report says about one stream over a range of versions, gathered once and written
 * as HTML, JSON or CSV. Everything in it follows from the inputs, except {@code generatedAt}: the
 * same store, stream, range and reducer give the same evidence.
 *
 * @param store where the store is: its file's path, or its server's URL without a password
 * @param storeFile the store's file, or null for a store on a database server
 * @param storeSize the file's size in bytes, or null for a server
 * @param storeSha256 the SHA-256 of the file's bytes, or null for a server
 * @param storeDigest the store's content digest ({@link Fingerprints}): what a copy or a {@code
 *     VACUUM} leaves as it is, and what the report can be checked against later
 * @param layout the layout it was read with
 * @param reducer the reducer's name
 * @param reducerFile the reducer file or folder, or null for the generic reducer
 * @param reducerSha256 the SHA-256 of the reducer file (of a folder: of its {@code .js} files'
 *     names and bytes, in name order), or null
 * @param hindsight the Hindsight version that made it
 * @param generatedAt when it was made
 * @param stream the stream
 * @param fromVersion the first version in range (as asked)
 * @param toVersion the last version in range (as asked)
 * @param stateAtStart the state before the first event in range
 * @param stateAtEnd the state after the last event in range
 * @param events the events in range, each with what it changed
 * @param findings what {@code verify} finds in this stream, exactly: the whole store is read in
 *     global order for it
 * @param bookmarks the stream's bookmarks and notes in range
 * @param masking what is masked and how much of it
 * @param fingerprint the whole stream's fingerprint (every event's print and its chain head), as a
 *     seal keeps it: {@code verify --against} takes a JSON report as a seal of this stream
 */
public record Evidence(
    String store,
    Path storeFile,
    Long storeSize,
    String storeSha256,
    String storeDigest,
    String layout,
    String reducer,
    Path reducerFile,
    String reducerSha256,
    String hindsight,
    Instant generatedAt,
    StreamSummary stream,
    long fromVersion,
    long toVersion,
    JsonNode stateAtStart,
    JsonNode stateAtEnd,
    List<Entry> events,
    List<Finding> findings,
    List<Bookmarks.Bookmark> bookmarks,
    Masked masking,
    StorePrint.Stream fingerprint) {

  /** Refuses a range that reaches outside the stream's versions. */
  private static void checkRange(StreamSummary stream, long from, long to) {
    for (long v : new long[] {from, to}) {
      if (v < stream.firstVersion() || v > stream.lastVersion()) {
        throw new StoreException(
            "version "
                + v
                + " is outside "
                + stream.stream()
                + ", whose versions are "
                + versions(stream));
      }
    }
  }

  private static String versions(StreamSummary stream) {
    return stream.firstVersion() + "–" + stream.lastVersion();
  }

  /** One event in range: as stored, and what it did to the state. */
  public record Entry(StoredEvent event, List<Change> changes, String reducerError) {}

  /**
   * What the report masks and how much of it it hid. The values are kept only to check the written
   * report for them (see {@link ReportWriter}); they are never written.
   *
   * @param rules the rules (empty: masking is off)
   * @param byRule per rule, the places it showed as •••, in rule order (0 when it hid nothing)
   * @param byValue the places hidden for holding a value a rule hid elsewhere
   * @param values the strings the rules hid, lower case, each with the first rule that hid it
   */
  public record Masked(
      List<String> rules, Map<String, Integer> byRule, int byValue, Map<String, String> values) {

    public Masked {
      rules = List.copyOf(rules);
      byRule = Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether masking was on. */
    public boolean on() {
      return !rules.isEmpty();
    }
  }

  /**
   * Gathers the evidence for {@code stream} from {@code fromVersion} to {@code toVersion}
   * (inclusive; null for the stream's first or last).
   *
   * @throws StoreException when the range reaches outside the stream's versions or holds no events
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static Evidence gather(
      EventSource source,
      StreamSummary stream,
      Long fromVersion,
      Long toVersion,
      Reducer reducer,
      Path reducerFile,
      String hindsight,
      Instant generatedAt,
      Masking masking,
      List<Bookmarks.Bookmark> bookmarks,
      Progress progress) {
    long from = fromVersion == null ? stream.firstVersion() : fromVersion;
    long to = toVersion == null ? stream.lastVersion() : toVersion;
    checkRange(stream, from, to);
    StreamReplay replay =
        StreamReplay.build(source, stream, reducer, ReplayOptions.defaults(), Progress.NONE);
    int first = replay.ordinalAtVersion(from - 1) + 1;
    int last = replay.ordinalAtVersion(to);
    List<StreamReplay.Point> points = new ArrayList<>();
    JsonNode start = replay.stateAfter(first - 1);
    for (int o = first; o <= last; o++) {
      points.add(replay.point(o));
      if ((o & 255) == 0 && !progress.report(o - first, Math.max(1, last - first + 1))) {
        throw new CancellationException("report cancelled");
      }
    }
    if (points.isEmpty()) {
      throw new StoreException(
          stream.stream()
              + " has no events from version "
              + from
              + " to "
              + to
              + " (its versions are "
              + versions(stream)
              + ")");
    }
    JsonNode end = replay.stateAfter(last);
    // values are known only after seeing everything: what the rules hide anywhere first (the
    // upcast events too, which the report does not show), then everything with those values hidden
    Masking.Tally seen = new Masking.Tally();
    masking.apply(start, "", seen);
    masking.apply(end, "", seen);
    for (StreamReplay.Point p : points) {
      masking.apply(p.event(), seen);
      masking.apply(p.upcast(), "", seen);
      p.changes().forEach(c -> masking.apply(c, seen));
    }
    Masking all = masking.withValues(seen.values().keySet());
    Masking.Tally tally = new Masking.Tally();
    masking.rules().forEach(r -> tally.byRule().put(r, 0));
    List<Entry> entries = new ArrayList<>();
    for (StreamReplay.Point p : points) {
      entries.add(
          new Entry(
              all.apply(p.event(), tally),
              p.changes().stream().map(c -> all.apply(c, tally)).toList(),
              p.error() == null ? null : all.maskText(p.error().message(), tally)));
    }
    JsonNode maskedStart = all.apply(start, "", tally);
    JsonNode maskedEnd = all.apply(end, "", tally);
    List<Finding> findings =
        Verifier.verifyStream(source, stream, reducer, progress).stream()
            .map(
                f ->
                    new Finding(
                        f.kind(),
                        f.severity(),
                        f.stream(),
                        f.version(),
                        f.position(),
                        all.maskText(f.message(), tally)))
            .toList();
    List<Bookmarks.Bookmark> marks =
        bookmarks.stream()
            .filter(b -> b.version() >= from && b.version() <= to)
            .map(
                b ->
                    new Bookmarks.Bookmark(
                        b.stream(),
                        b.version(),
                        all.maskText(b.title(), tally),
                        all.maskText(b.text(), tally),
                        b.author(),
                        b.time()))
            .toList();
    try {
      // the whole store's digest, and the prints of this stream alone
      StorePrint print = StorePrint.take(source, progress, stream.stream()::equals);
      Path file = source.localFile().orElse(null);
      return new Evidence(
          source.location(),
          file,
          file == null ? null : Files.size(file),
          file == null ? null : Digests.sha256(file),
          print.digest(),
          source.layout().name(),
          reducer.name(),
          reducerFile,
          reducerFile == null ? null : Digests.sha256OfReducers(reducerFile),
          hindsight,
          generatedAt,
          stream,
          from,
          to,
          maskedStart,
          maskedEnd,
          List.copyOf(entries),
          findings,
          marks,
          new Masked(masking.rules(), tally.byRule(), tally.byValue(), seen.values()),
          print.stream(stream.stream()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.location() + ": " + e.getMessage(), e);
    }
  }
}
