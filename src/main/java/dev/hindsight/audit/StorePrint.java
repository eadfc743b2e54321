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
   * Takes the fingerprint of every event {@code source} has, read as stored in one pass: the
   * digest, and each event's print for telling later what changed.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static StorePrint take(EventSource source, Progress progress) {
    return take(source, progress, id -> true);
  }

  /**
   * The fingerprint of every event, with the prints of only the streams {@code printed} accepts
   * (the others have their head and no entries): one pass, the memory of those streams' prints
   * alone.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static StorePrint take(
      EventSource source, Progress progress, java.util.function.Predicate<String> printed) {
    return scan(source, progress, id -> true, printed).print();
  }

  /**
   * The store digest alone: the same one pass, keeping of each event only its hash and place (no
   * prints), so it costs a fraction of {@link #take}'s memory and hashing.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static String digest(EventSource source, Progress progress) {
    return heads(source, progress).digest();
  }

  /**
   * The store digest and each stream's chain head and event count, without the prints.
   *
   * @param digest the store digest
   * @param streams by stream id
   */
  public record Heads(String digest, Map<String, Head> streams) {}

  /** A stream's chain head (hex) and event count. */
  public record Head(String head, long events) {}

  /**
   * The store digest and each stream's head, keeping of each event only its hash and place.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static Heads heads(EventSource source, Progress progress) {
    return scan(source, progress, id -> true, id -> false).heads();
  }

  /**
   * The fingerprint of the store as {@code heads} gives it, with the prints of only the streams
   * {@code printed} names (read again for them, and only they); the other streams have their head
   * and no entries.
   *
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static StorePrint take(
      EventSource source, Progress progress, Heads heads, java.util.Set<String> printed) {
    Map<String, List<Entry>> some =
        printed.isEmpty()
            ? Map.of()
            : scan(source, progress, printed::contains, id -> true).entries();
    return of(heads, some);
  }

  /** What one pass found: every scanned stream's head, and the prints of those asked for. */
  private record Scan(Heads heads, Map<String, List<Entry>> entries) {
    StorePrint print() {
      return of(heads, entries);
    }
  }

  /** The fingerprint made of {@code heads}, with {@code entries} for the streams that have them. */
  private static StorePrint of(Heads heads, Map<String, List<Entry>> entries) {
    List<Stream> streams = new ArrayList<>(heads.streams().size());
    long events = 0;
    for (Map.Entry<String, Head> h : heads.streams().entrySet()) {
      events += h.getValue().events();
      streams.add(
          new Stream(h.getKey(), h.getValue().head(), entries.getOrDefault(h.getKey(), List.of())));
    }
    return new StorePrint(heads.digest(), events, streams);
  }

  /**
   * One pass over the events of the streams {@code read} accepts: each stream's chain head (from
   * each event's hash and place, kept in primitive arrays), and for the streams {@code printed}
   * accepts, every event's print in version, then position, order.
   */
  private static Scan scan(
      EventSource source,
      Progress progress,
      java.util.function.Predicate<String> read,
      java.util.function.Predicate<String> printed) {
    Map<String, Hashes> byStream = new HashMap<>();
    Map<String, List<Entry>> prints = new HashMap<>();
    Map<String, String> interned = new HashMap<>();
    hash(
        source,
        progress,
        printed,
        read,
        batch -> {
          for (Hashed h : batch) {
            byStream.computeIfAbsent(h.stream, s -> new Hashes()).add(h);
            if (h.entry != null) {
              prints.computeIfAbsent(h.stream, s -> new ArrayList<>()).add(kept(h.entry, interned));
            }
          }
        });
    TreeMap<String, Hashes> ordered = new TreeMap<>(Fingerprints::compareIds);
    ordered.putAll(byStream);
    List<byte[]> leaves = new ArrayList<>(ordered.size());
    Map<String, Head> heads = new java.util.LinkedHashMap<>();
    ordered.forEach(
        (id, hashes) -> {
          byte[] head = hashes.head();
          leaves.add(Fingerprints.leaf(id, hashes.n, head));
          heads.put(id, new Head(Fingerprints.hex(head), hashes.n));
        });
    Comparator<Entry> order =
        Comparator.comparingLong(Entry::version).thenComparingLong(Entry::position);
    prints.values().forEach(list -> list.sort(order));
    return new Scan(new Heads(Fingerprints.hex(Fingerprints.root(leaves)), heads), prints);
  }

  /**
   * Reads every event as stored and hashes it in batches on every core while this thread reads,
   * handing each hashed batch to {@code merged} here, in order; how many events there were.
   */
  private static long hash(
      EventSource source,
      Progress progress,
      java.util.function.Predicate<String> prints,
      java.util.function.Predicate<String> streams,
      java.util.function.Consumer<List<Hashed>> merged) {
    long[] count = {0};
    boolean[] cancelled = {false};
    long total = Math.max(1, source.lastPosition());
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
            if (streams.test(e.stream())) {
              batch[0].add(e);
            }
            if (batch[0].size() == BATCH) {
              List<RawEvent> full = batch[0];
              inFlight.add(pool.submit(() -> hashAll(full, prints)));
              batch[0] = new ArrayList<>(BATCH);
              while (inFlight.size() > 2 * workers) {
                merged.accept(await(inFlight.remove()));
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
      inFlight.add(pool.submit(() -> hashAll(last, prints)));
      while (!inFlight.isEmpty()) {
        merged.accept(await(inFlight.remove()));
      }
    } finally {
      pool.shutdownNow();
    }
    return count[0];
  }

  /** One stream's event hashes and places, in primitive arrays, chained in order at the end. */
  private static final class Hashes {
    private long[] versions = new long[8];
    private long[] positions = new long[8];
    private byte[] hashes = new byte[8 * 32];
    private int n;
    private boolean ordered = true;

    void add(Hashed h) {
      if (n == versions.length) {
        versions = java.util.Arrays.copyOf(versions, n * 2);
        positions = java.util.Arrays.copyOf(positions, n * 2);
        hashes = java.util.Arrays.copyOf(hashes, n * 2 * 32);
      }
      if (n > 0
          && (h.version < versions[n - 1]
              || (h.version == versions[n - 1] && h.position < positions[n - 1]))) {
        ordered = false;
      }
      versions[n] = h.version;
      positions[n] = h.position;
      System.arraycopy(h.hash, 0, hashes, n * 32, 32);
      n++;
    }

    byte[] head() {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      if (!ordered) {
        java.util.Arrays.sort(
            order,
            Comparator.comparingLong((Integer i) -> versions[i])
                .thenComparingLong(i -> positions[i]));
      }
      byte[] head = Fingerprints.chainStart();
      for (int i : order) {
        head = Fingerprints.chain(head, java.util.Arrays.copyOfRange(hashes, i * 32, i * 32 + 32));
      }
      return head;
    }
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

  /** One event hashed: its stream and place, its hash, and (when prints are kept) its print. */
  private record Hashed(String stream, long version, long position, Entry entry, byte[] hash) {}

  @SuppressWarnings("unchecked")
  private static List<RawEvent>[] newBatch() {
    return new List[] {new ArrayList<RawEvent>(BATCH)};
  }

  private static List<Hashed> hashAll(
      List<RawEvent> events, java.util.function.Predicate<String> prints) {
    List<Hashed> out = new ArrayList<>(events.size());
    for (RawEvent e : events) {
      out.add(
          new Hashed(
              e.stream(),
              e.version(),
              e.position(),
              prints.test(e.stream())
                  ? new Entry(
                      e.version(),
                      e.position(),
                      shown(e.type()),
                      shown(e.revision()),
                      shown(e.time()),
                      Fingerprints.valueHash(e.payload()),
                      Fingerprints.valueHash(e.metadata()))
                  : null,
              Fingerprints.eventHash(e)));
    }
    return out;
  }

  /** An event's print with one copy of each type and revision text. */
  private static Entry kept(Entry e, Map<String, String> interned) {
    return new Entry(
        e.version(),
        e.position(),
        e.type() == null ? null : interned.computeIfAbsent(e.type(), t -> t),
        e.revision() == null ? null : interned.computeIfAbsent(e.revision(), t -> t),
        e.time(),
        e.data(),
        e.metadata());
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
