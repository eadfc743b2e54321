package dev.hindsight.tour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.store.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A guided tour: a title and steps, each a point of a stream with a caption to show there and,
 * optionally, a state path to highlight. On disk it is JSON:
 *
 * <pre>{@code
 * { "title": "…",
 *   "steps": [ { "stream": "order-1001", "version": 1, "caption": "…", "path": "/status" } ] }
 * }</pre>
 *
 * A step with {@code "flow": true} also shows the event's flow across streams. A bare array of
 * steps is read too. Unknown fields are refused (a misspelt {@code caption} would otherwise vanish
 * without a word), and every mistake names its step.
 */
public record Tour(String title, List<Step> steps) {

  /** The tour format's keys; anything else in a file is a mistake. */
  private static final Set<String> TOUR_KEYS = Set.of("title", "steps");

  private static final Set<String> STEP_KEYS =
      Set.of("stream", "version", "caption", "path", "flow");

  /**
   * One stop of a tour.
   *
   * @param stream the stream's id
   * @param version the stream version to stand on
   * @param caption what to say there: a few lines of plain text
   * @param path a JSON pointer into the state to highlight; null for none
   * @param flow whether the step also shows the event's flow across streams (the window's Flow)
   */
  public record Step(String stream, long version, String caption, String path, boolean flow) {

    /** A step that shows no flow. */
    public Step(String stream, long version, String caption, String path) {
      this(stream, version, caption, path, false);
    }

    public Step {
      if (stream == null || stream.isEmpty()) {
        throw new TourException("a step needs a stream");
      }
      caption = caption == null ? "" : caption;
      path = path == null || path.isEmpty() ? null : path;
      if (path != null && !path.startsWith("/")) {
        throw new TourException("path '" + path + "' is not a JSON pointer (it starts with /)");
      }
    }
  }

  public Tour {
    title = title == null ? "" : title;
    steps = List.copyOf(steps);
  }

  /** Thrown for a tour that cannot be read: the message says what is wrong, and where. */
  public static final class TourException extends RuntimeException {
    public TourException(String message) {
      super(message);
    }

    TourException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Reads a tour file. */
  public static Tour read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TourException("cannot read the tour " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (TourException e) {
      throw new TourException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** Reads a tour from JSON text. */
  public static Tour parse(String text) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new TourException(
          "not JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    }
    String title = "";
    JsonNode steps = root;
    if (root != null && root.isObject()) {
      unknownKeys(root, TOUR_KEYS, "the tour");
      JsonNode t = root.get("title");
      if (t != null && !t.isNull() && !t.isTextual()) {
        throw new TourException("title must be text");
      }
      title = t == null || t.isNull() ? "" : t.asText();
      steps = root.get("steps");
    }
    if (steps == null || !steps.isArray()) {
      throw new TourException("a tour is an object with a \"steps\" array (or an array of steps)");
    }
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      try {
        out.add(step(steps.get(i)));
      } catch (TourException e) {
        throw new TourException("step " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new TourException("the tour has no steps");
    }
    return new Tour(title, out);
  }

  private static Step step(JsonNode s) {
    if (!s.isObject()) {
      throw new TourException("a step is an object {stream, version, caption, path}");
    }
    unknownKeys(s, STEP_KEYS, "a step");
    JsonNode stream = s.get("stream");
    if (stream == null || !stream.isTextual() || stream.asText().isEmpty()) {
      throw new TourException("\"stream\" is missing (the stream's id, as text)");
    }
    JsonNode version = s.get("version");
    if (version == null || !version.canConvertToExactIntegral() || version.isTextual()) {
      throw new TourException("\"version\" must be a whole number");
    }
    JsonNode caption = s.get("caption");
    if (caption != null && !caption.isNull() && !caption.isTextual()) {
      throw new TourException("\"caption\" must be text");
    }
    JsonNode path = s.get("path");
    if (path != null && !path.isNull() && !path.isTextual()) {
      throw new TourException("\"path\" must be text (a JSON pointer such as /status)");
    }
    JsonNode flow = s.get("flow");
    if (flow != null && !flow.isNull() && !flow.isBoolean()) {
      throw new TourException("\"flow\" must be true or false");
    }
    return new Step(
        stream.asText(),
        version.asLong(),
        caption == null || caption.isNull() ? "" : caption.asText(),
        path == null || path.isNull() ? null : path.asText(),
        flow != null && flow.asBoolean());
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String what) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new TourException(
            what
                + " has an unknown field \""
                + name
                + "\" (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  /** The tour as JSON, in the form {@link #parse} reads. */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("title", title);
    ArrayNode array = root.putArray("steps");
    for (Step s : steps) {
      ObjectNode o = array.addObject();
      o.put("stream", s.stream());
      o.put("version", s.version());
      o.put("caption", s.caption());
      if (s.path() != null) {
        o.put("path", s.path());
      }
      if (s.flow()) {
        o.put("flow", true);
      }
    }
    return root;
  }

  /** Writes the tour, pretty-printed, replacing {@code file} only once all of it is written. */
  public void write(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.writeString(partial, Json.pretty(toJson()) + "\n", StandardCharsets.UTF_8);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * A tour of bookmarks, in the order given (a store's bookmarks are in the order they were made):
   * each bookmark becomes a step whose caption is its title and its text.
   */
  public static Tour fromBookmarks(String title, List<Bookmark> bookmarks) {
    List<Step> steps =
        bookmarks.stream().map(b -> new Step(b.stream(), b.version(), caption(b), null)).toList();
    return new Tour(title, steps);
  }

  private static String caption(Bookmark b) {
    String title = b.title() == null ? "" : b.title().strip();
    String text = b.text() == null ? "" : b.text().strip();
    return title.isEmpty() ? text : text.isEmpty() ? title : title + "\n" + text;
  }

  /** The index of the step at this stream and version; -1 when none is. */
  public int stepAt(String stream, long version) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).stream().equals(stream) && steps.get(i).version() == version) {
        return i;
      }
    }
    return -1;
  }
}
