package dev.hindsight.audit;

import dev.hindsight.replay.Progress;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.RawEvent;
import dev.hindsight.store.StoredValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A store's content fingerprint (see {@link Fingerprints}): its digest, and per stream its chain
 * head and, for telling later what changed, a short print of each event.
 *
 * @param digest the store digest, in hex
 * @param events how many events the store has
 * @param streams the streams, ordered by id as the Merkle tree orders them
 */
public record StorePrint(String digest, long events, List<Stream> streams) {

  /**
   * One stream's fingerprint.
   *
   * @param stream the stream id
   * @param head the chain head after its last event, in hex
   * @param entries its events in version, then position, order
   */
  public record Stream(String stream, String head, List<Entry> entries) {

    public long lastVersion() {
      return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).version();
    }
  }

  /**
   * What a seal keeps of one event: enough to say which part changed, and how where it is short.
   *
   * @param version its version
   * @param position its global position
   * @param type the type column, as text (or {@code sha256:…} of a long one); null when NULL
   * @param revision the revision column, likewise
   * @param time the time column as stored, likewise
   * @param data {@link Fingerprints#valueHash} of the payload
   * @param metadata {@link Fingerprints#valueHash} of the metadata
   */
  public record Entry(
      long version,
      long position,
      String type,
      String revision,
      String time,
      String data,
      String metadata) {}

  /** A column's text in an entry: itself when short, else a short hash of it. */
  static String shown(StoredValue v) {
    String text = v.display();
    if (text != null && text.length() > 100) {
      return "sha256:" + Fingerprints.valueHash(v);
    }
    return text;
  }

  /**
   * Takes the fingerprint of every event {@code source} has, read as stored in one pass.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static StorePrint take(EventSource source, Progress progress) {
    Map<String, List<Hashed>> byStream = new HashMap<>();
    Map<String, String> interned = new HashMap<>();
    long[] count = {0};
    boolean[] cancelled = {false};
    long total = Math.max(1, source.lastPosition());
    // the reading thread only reads; the hashing is done in batches on other cores, merged here
    // in order (the order does not matter: each stream's events are sorted before chaining)
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread t = new Thread(task, "hindsight-fingerprint");
              t.setDaemon(true);
              return t;
            });
    ArrayDeque<Future<List<Hashed>>> inFlight = new ArrayDeque<>();
    List<RawEvent>[] batch = newBatch();
    try {
      source.readStored(
          e -> {
            batch[0].add(e);
            if (batch[0].size() == BATCH) {
              List<RawEvent> full = batch[0];
              inFlight.add(pool.submit(() -> hashAll(full)));
              batch[0] = new ArrayList<>(BATCH);
              while (inFlight.size() > 2 * workers) {
                merge(await(inFlight.remove()), byStream, interned);
              }
            }
            if ((++count[0] & 4095) == 0 && !progress.report(e.position(), total)) {
              cancelled[0] = true;
              return false;
            }
            return true;
          });
      if (cancelled[0]) {
        throw new CancellationException("fingerprint cancelled");
      }
      List<RawEvent> last = batch[0];
      inFlight.add(pool.submit(() -> hashAll(last)));
      while (!inFlight.isEmpty()) {
        merge(await(inFlight.remove()), byStream, interned);
      }
    } finally {
      pool.shutdownNow();
    }
    TreeMap<String, List<Hashed>> ordered = new TreeMap<>(Fingerprints::compareIds);
    ordered.putAll(byStream);
    List<Stream> streams = new ArrayList<>(ordered.size());
    List<byte[]> leaves = new ArrayList<>(ordered.size());
    Comparator<Hashed> order =
        Comparator.comparingLong((Hashed h) -> h.entry.version())
            .thenComparingLong(h -> h.entry.position());
    ordered.forEach(
        (id, events) -> {
          events.sort(order);
          byte[] head = Fingerprints.chainStart();
          List<Entry> entries = new ArrayList<>(events.size());
          for (Hashed h : events) {
            head = Fingerprints.chain(head, h.hash);
            entries.add(h.entry);
          }
          streams.add(new Stream(id, Fingerprints.hex(head), entries));
          leaves.add(Fingerprints.leaf(id, events.size(), head));
        });
    return new StorePrint(Fingerprints.hex(Fingerprints.root(leaves)), count[0], streams);
  }

  /** The store digest alone. */
  public static String digest(EventSource source, Progress progress) {
    return take(source, progress).digest();
  }

  /** One stream by id, or null. */
  public Stream stream(String id) {
    for (Stream s : streams) {
      if (s.stream().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private static final int BATCH = 2048;

  private record Hashed(String stream, Entry entry, byte[] hash) {}

  @SuppressWarnings("unchecked")
  private static List<RawEvent>[] newBatch() {
    return new List[] {new ArrayList<RawEvent>(BATCH)};
  }

  private static List<Hashed> hashAll(List<RawEvent> events) {
    List<Hashed> out = new ArrayList<>(events.size());
    for (RawEvent e : events) {
      out.add(
          new Hashed(
              e.stream(),
              new Entry(
                  e.version(),
                  e.position(),
                  shown(e.type()),
                  shown(e.revision()),
                  shown(e.time()),
                  Fingerprints.valueHash(e.payload()),
                  Fingerprints.valueHash(e.metadata())),
              Fingerprints.eventHash(e)));
    }
    return out;
  }

  /** Adds a hashed batch to its streams, one copy of each type and revision text kept. */
  private static void merge(
      List<Hashed> batch, Map<String, List<Hashed>> byStream, Map<String, String> interned) {
    for (Hashed h : batch) {
      Entry e = h.entry;
      Entry kept =
          new Entry(
              e.version(),
              e.position(),
              e.type() == null ? null : interned.computeIfAbsent(e.type(), t -> t),
              e.revision() == null ? null : interned.computeIfAbsent(e.revision(), t -> t),
              e.time(),
              e.data(),
              e.metadata());
      byStream
          .computeIfAbsent(h.stream, s -> new ArrayList<>())
          .add(new Hashed(null, kept, h.hash));
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("fingerprint interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
