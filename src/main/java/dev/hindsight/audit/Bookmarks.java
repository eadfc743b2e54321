package dev.hindsight.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.UserDirs;
import dev.hindsight.store.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bookmarks and notes of one store, kept in Hindsight's data folder (never in the store), in a
 * file named after the store's real path. Each bookmark keeps the content hash of the event it
 * marks ({@link Fingerprints}), so bookmarks follow the content, not the path: a store copied or
 * moved finds the bookmarks whose events it holds ({@link #of(EventSource)}), and an imported
 * bookmark whose event is not the one marked is flagged. Shared with colleagues as a JSON file:
 * {@link #exportTo}, {@link #check}.
 */
public final class Bookmarks {

  /**
   * A point of a stream, marked with a note.
   *
   * @param stream the stream
   * @param version the version marked
   * @param title a short title
   * @param text the note (may be empty)
   * @param author who wrote it
   * @param time when it was written
   * @param eventHash the content hash of the event marked (hex), or null when not known
   * @param problem why the bookmark may not mark what it meant to (its event's hash differs, or
   *     there is no such event), or null
   */
  public record Bookmark(
      String stream,
      long version,
      String title,
      String text,
      String author,
      Instant time,
      String eventHash,
      String problem) {

    /** A bookmark whose event's hash is not known. */
    public Bookmark(
        String stream, long version, String title, String text, String author, Instant time) {
      this(stream, version, title, text, author, time, null, null);
    }

    public Bookmark withProblem(String why) {
      return new Bookmark(stream, version, title, text, author, time, eventHash, why);
    }

    /** The same mark and note, whoever checked it. */
    boolean sameAs(Bookmark other) {
      return stream.equals(other.stream)
          && version == other.version
          && title.equals(other.title)
          && text.equals(other.text)
          && author.equals(other.author)
          && time.equals(other.time);
    }
  }

  private static final int FORMAT = 1;

  private final Path store;
  private final Path file;
  private final List<Bookmark> all = new ArrayList<>();

  private Bookmarks(Path store, Path file) {
    this.store = store;
    this.file = file;
  }

  /** The bookmarks of {@code store} in the data folder (none yet when there is no file). */
  public static Bookmarks of(Path store) {
    Path real;
    try {
      real = store.toRealPath();
    } catch (IOException e) {
      real = store.toAbsolutePath().normalize();
    }
    Bookmarks b = new Bookmarks(real, UserDirs.data().resolve("bookmarks").resolve(name(real)));
    if (Files.isRegularFile(b.file)) {
      b.all.addAll(read(b.file));
    }
    return b;
  }

  /**
   * The bookmarks of a store on a database server, kept in a file named after its URL (without a
   * password).
   */
  private static Bookmarks ofServer(EventSource source) {
    Path key = Path.of(source.location().replaceAll("[^A-Za-z0-9._-]", "_"));
    Bookmarks b = new Bookmarks(key, UserDirs.data().resolve("bookmarks").resolve(name(key)));
    if (Files.isRegularFile(b.file)) {
      b.all.addAll(read(b.file));
    }
    return b;
  }

  /** How many of a kept file's bookmarks are checked against a store before it is taken. */
  private static final int CHECKED = 50;

  /**
   * The bookmarks of the store {@code source} reads: those kept for its path, or when there are
   * none, the kept file whose bookmarks all mark events this store holds (up to {@value #CHECKED}
   * checked by their content hash; flagged ones are not checked), the most recently written when
   * several do: the bookmarks of a copy, or of the store before it was moved. Reads the store; call
   * it off the FX thread.
   */
  public static Bookmarks of(EventSource source) {
    Bookmarks here = source.localFile().map(Bookmarks::of).orElseGet(() -> ofServer(source));
    if (Files.exists(here.file)) {
      return here;
    }
    Path dir = here.file.getParent();
    if (!Files.isDirectory(dir)) {
      return here;
    }
    List<Path> files;
    try (java.util.stream.Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    } catch (IOException e) {
      return here;
    }
    Path best = null;
    List<Bookmark> bestKept = null;
    java.nio.file.attribute.FileTime bestTime = null;
    for (Path f : files) {
      List<Bookmark> kept;
      java.nio.file.attribute.FileTime written;
      try {
        kept = read(f);
        written = Files.getLastModifiedTime(f);
      } catch (RuntimeException | IOException unreadable) {
        continue;
      }
      List<Bookmark> hashed =
          kept.stream()
              .filter(b -> b.eventHash() != null && b.problem() == null)
              .limit(CHECKED)
              .toList();
      if (!hashed.isEmpty()
          && (bestTime == null || written.compareTo(bestTime) > 0)
          && hashed.stream().allMatch(b -> problem(source, b) == null)) {
        best = f;
        bestKept = kept;
        bestTime = written;
      }
    }
    if (best == null) {
      return here;
    }
    Bookmarks adopted = new Bookmarks(here.store, best);
    adopted.all.addAll(bestKept);
    return adopted;
  }

  /**
   * The content hash of the event at {@code version} of {@code stream} (hex), or null when there is
   * none. Reads the store.
   */
  public static String eventHash(EventSource source, String stream, long version) {
    return source
        .storedEvent(stream, version)
        .map(e -> Fingerprints.hex(Fingerprints.eventHash(e)))
        .orElse(null);
  }

  /** Why {@code b} does not mark its event in {@code source}, or null when it does. */
  static String problem(EventSource source, Bookmark b) {
    if (b.eventHash() == null) {
      return null;
    }
    String now = eventHash(source, b.stream(), b.version());
    if (now == null) {
      return "the store has no version " + b.version() + " of " + b.stream();
    }
    return now.equals(b.eventHash())
        ? null
        : "version "
            + b.version()
            + " is not the event bookmarked: its content hash differs (another store, or the"
            + " event changed)";
  }

  /**
   * The bookmarks of an exported file, each checked against {@code source}: flagged ({@link
   * Bookmark#problem}) when its event's hash does not match. Reads the store; call it off the FX
   * thread, then {@link #merge} the result.
   */
  public static List<Bookmark> check(Path file, EventSource source) {
    return read(file).stream().map(b -> b.withProblem(problem(source, b))).toList();
  }

  /** Adds checked bookmarks (ones already here are not added twice); saves; how many were new. */
  public int merge(List<Bookmark> checked) {
    int added = 0;
    for (Bookmark b : checked) {
      if (all.stream().noneMatch(b::sameAs)) {
        all.add(b);
        added++;
      }
    }
    sort();
    save();
    return added;
  }

  private static String name(Path real) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256")
              .digest(real.toString().getBytes(StandardCharsets.UTF_8));
      String base = real.getFileName() == null ? "store" : real.getFileName().toString();
      return base.replaceAll("[^A-Za-z0-9._-]", "_")
          + "-"
          + HexFormat.of().formatHex(sha, 0, 8)
          + ".json";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Every bookmark, by stream, version and time. */
  public List<Bookmark> all() {
    return List.copyOf(all);
  }

  /** The bookmarks of {@code stream} with versions in {@code from..to}. */
  public List<Bookmark> of(String stream, long from, long to) {
    return all.stream()
        .filter(b -> b.stream().equals(stream) && b.version() >= from && b.version() <= to)
        .toList();
  }

  /** Adds a bookmark and saves. */
  public void add(Bookmark bookmark) {
    all.add(bookmark);
    sort();
    save();
  }

  /** Removes a bookmark (an equal one) and saves. */
  public void remove(Bookmark bookmark) {
    if (all.remove(bookmark)) {
      save();
    }
  }

  /** Writes every bookmark to {@code target}, to hand to a colleague. */
  public void exportTo(Path target) {
    write(target, null);
  }

  /**
   * Writes every bookmark to {@code target} with the store's digest ({@link StorePrint}), to hand
   * to a colleague: the file names the store's content as well as its path.
   */
  public void exportTo(Path target, String storeDigest) {
    write(target, storeDigest);
  }

  /** Adds the bookmarks of an exported file (ones already here are not added twice); saves. */
  public int importFrom(Path source) {
    LinkedHashSet<Bookmark> merged = new LinkedHashSet<>(all);
    int before = merged.size();
    merged.addAll(read(source));
    all.clear();
    all.addAll(merged);
    sort();
    save();
    return merged.size() - before;
  }

  /** Where they are kept. */
  public Path file() {
    return file;
  }

  private void sort() {
    all.sort(
        Comparator.comparing(Bookmark::stream)
            .thenComparingLong(Bookmark::version)
            .thenComparing(Bookmark::time));
  }

  private void save() {
    write(file, null);
  }

  private void write(Path target, String storeDigest) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("store", store.toString());
    if (storeDigest != null) {
      o.put("storeDigest", storeDigest);
    }
    ArrayNode list = o.putArray("bookmarks");
    all.forEach(b -> list.add(json(b)));
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, ".bookmarks-", ".partial");
      Files.writeString(partial, Json.pretty(o) + "\n", StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StoreException("cannot write bookmarks to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code {"stream", "version", "title", "text", "author", "time"}}, with {@code "eventHash"} and
   * {@code "problem"} when known: in files and in reports.
   */
  public static ObjectNode json(Bookmark b) {
    ObjectNode j = JsonNodeFactory.instance.objectNode();
    j.put("stream", b.stream());
    j.put("version", b.version());
    j.put("title", b.title());
    j.put("text", b.text());
    j.put("author", b.author());
    j.put("time", EventJson.iso(b.time()));
    if (b.eventHash() != null) {
      j.put("eventHash", b.eventHash());
    }
    if (b.problem() != null) {
      j.put("problem", b.problem());
    }
    return j;
  }

  private static List<Bookmark> read(Path source) {
    try {
      JsonNode o = Json.parse(Files.readString(source, StandardCharsets.UTF_8));
      JsonNode list = o.path("bookmarks");
      if (!list.isArray()) {
        throw new StoreException(source + " is not a Hindsight bookmarks file (no \"bookmarks\")");
      }
      List<Bookmark> out = new ArrayList<>();
      for (JsonNode j : list) {
        if (!j.path("stream").isTextual() || !j.path("version").canConvertToLong()) {
          throw new StoreException(
              source + ": a bookmark needs a \"stream\" and a \"version\": " + Json.write(j));
        }
        out.add(
            new Bookmark(
                j.get("stream").asText(),
                j.get("version").asLong(),
                j.path("title").asText(""),
                j.path("text").asText(""),
                j.path("author").asText(""),
                j.hasNonNull("time") ? Instant.parse(j.get("time").asText()) : Instant.EPOCH,
                j.hasNonNull("eventHash") ? j.get("eventHash").asText() : null,
                j.hasNonNull("problem") ? j.get("problem").asText() : null));
      }
      return out;
    } catch (IOException | java.time.format.DateTimeParseException e) {
      throw new StoreException("cannot read bookmarks from " + source + ": " + e.getMessage(), e);
    }
  }
}
