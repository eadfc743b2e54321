package dev.hindsight.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.EventJson;
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
 * file named after the store's real path. Shared with colleagues as a JSON file: {@link #exportTo},
 * {@link #importFrom}.
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
   */
  public record Bookmark(
      String stream, long version, String title, String text, String author, Instant time) {}

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
    write(target);
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
    write(file);
  }

  private void write(Path target) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("store", store.toString());
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

  /** {@code {"stream", "version", "title", "text", "author", "time"}}: in files and in reports. */
  public static ObjectNode json(Bookmark b) {
    ObjectNode j = JsonNodeFactory.instance.objectNode();
    j.put("stream", b.stream());
    j.put("version", b.version());
    j.put("title", b.title());
    j.put("text", b.text());
    j.put("author", b.author());
    j.put("time", EventJson.iso(b.time()));
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
                j.hasNonNull("time") ? Instant.parse(j.get("time").asText()) : Instant.EPOCH));
      }
      return out;
    } catch (IOException | java.time.format.DateTimeParseException e) {
      throw new StoreException("cannot read bookmarks from " + source + ": " + e.getMessage(), e);
    }
  }
}
