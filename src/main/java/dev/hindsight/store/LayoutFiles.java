package dev.hindsight.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.store.codec.Transcodings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes layout (mapping) files, and lists the built-in ones shipped in the jar. */
public final class LayoutFiles {

  /** Where the built-in layouts are on the classpath (copied from {@code resources/layouts}). */
  static final String BUILT_IN_DIR = "/dev/hindsight/layouts/";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /** {@code "key": value}, two-space indents: how people write these files by hand. */
  private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter PRETTY =
      new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
          .withSeparators(
              com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(
                      com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));

  private static final List<String> TIME_FORMATS =
      List.of(
          "auto",
          "iso",
          "sqlite",
          "epoch-seconds",
          "epoch-millis",
          "epoch-micros",
          "epoch-nanos",
          "dotnet-ticks");

  private static List<Layout> builtIns;

  private LayoutFiles() {}

  /**
   * The built-in layouts, in detection order. Read once; a second caller waits for the first rather
   * than reading them again.
   */
  public static synchronized List<Layout> builtIns() {
    if (builtIns == null) {
      builtIns = loadBuiltIns();
    }
    return builtIns;
  }

  private static List<Layout> loadBuiltIns() {
    List<Layout> layouts = new ArrayList<>();
    try (InputStream index = resource("index.txt");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        try (InputStream in = resource(name)) {
          layouts.add(validate(MAPPER.readValue(in, Layout.class), name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the built-in layouts are missing from the jar", e);
    }
    return List.copyOf(layouts);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = LayoutFiles.class.getResourceAsStream(BUILT_IN_DIR + name);
    if (in == null) {
      throw new IOException("no resource " + BUILT_IN_DIR + name);
    }
    return in;
  }

  /** Reads a mapping file, or says clearly what is wrong with it. */
  public static Layout read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new StoreException("no such mapping file: " + file, e);
    } catch (IOException e) {
      throw new StoreException("cannot read mapping file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses mapping-file text; {@code source} names it in messages. */
  public static Layout parse(String json, String source) {
    try {
      Layout layout = MAPPER.readValue(json, Layout.class);
      if (layout == null) {
        throw new StoreException("mapping " + source + " is not a valid layout: it is null");
      }
      return validate(layout, source);
    } catch (JsonProcessingException e) {
      throw new StoreException("mapping " + source + " is not a valid layout: " + explain(e), e);
    }
  }

  /** A Jackson error as a person would say it: what is wrong, where, and what is allowed. */
  private static String explain(JsonProcessingException e) {
    String where = "";
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
        && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
        path.append(r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex());
      }
      where = " at " + path;
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      }
      java.util.Collections.sort(known);
      int cut = where.lastIndexOf('/');
      String in = cut > " at ".length() ? " in " + where.substring(" at ".length(), cut) : "";
      return "unknown key \""
          + u.getPropertyName()
          + "\""
          + in
          + " (known keys: "
          + String.join(", ", known)
          + ")";
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
      return "a value has the wrong kind" + where + " (an object, text or list was expected)";
    }
    if (e instanceof com.fasterxml.jackson.core.JsonParseException p && p.getLocation() != null) {
      return "malformed JSON at line "
          + p.getLocation().getLineNr()
          + ", column "
          + p.getLocation().getColumnNr()
          + ": "
          + p.getOriginalMessage().lines().findFirst().orElse("");
    }
    return e.getOriginalMessage().lines().findFirst().orElse("") + where;
  }

  /** The layout as mapping-file JSON a user can edit and pass to {@code --mapping}. */
  public static String write(Layout layout) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(layout) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a layout could not be written", e);
    }
  }

  /**
   * A built-in layout bound to one store: {@code {prefix}} replaced everywhere and the detection
   * rules dropped, so the result is a plain mapping of that store.
   */
  public static Layout resolve(Layout layout, String prefix) {
    ObjectNode tree = MAPPER.valueToTree(layout);
    tree.remove("detect");
    replacePrefix(tree, prefix == null ? "" : prefix);
    try {
      return MAPPER.treeToValue(tree, Layout.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a resolved layout could not be read back", e);
    }
  }

  /**
   * Whether a table's name fits a layout's table name, which may hold {@code {prefix}}; returns the
   * bound prefix ("" when there is no placeholder), or null when the name does not fit.
   */
  public static String prefixIfMatches(String layoutTable, String table) {
    int at = layoutTable.indexOf(Layout.PREFIX);
    if (at < 0) {
      return layoutTable.equalsIgnoreCase(table) ? "" : null;
    }
    String regex =
        Pattern.quote(layoutTable.substring(0, at))
            + "(.+)"
            + Pattern.quote(layoutTable.substring(at + Layout.PREFIX.length()));
    Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(table);
    return m.matches() ? m.group(1) : null;
  }

  private static void replacePrefix(JsonNode node, String prefix) {
    if (node instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
      for (Map.Entry<String, JsonNode> field : entries) {
        JsonNode value = field.getValue();
        if (value.isTextual() && value.asText().contains(Layout.PREFIX)) {
          object.set(
              field.getKey(), TextNode.valueOf(value.asText().replace(Layout.PREFIX, prefix)));
        } else {
          replacePrefix(value, prefix);
        }
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = node.get(i);
        if (value.isTextual() && value.asText().contains(Layout.PREFIX)) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node)
              .set(i, TextNode.valueOf(value.asText().replace(Layout.PREFIX, prefix)));
        } else {
          replacePrefix(value, prefix);
        }
      }
    }
  }

  /** Checks that a layout says at least where the events, streams, versions and payloads are. */
  static Layout validate(Layout layout, String source) {
    List<String> missing = new ArrayList<>();
    if (blank(layout.table())) {
      missing.add("\"table\"");
    }
    if (layout.stream() == null
        || (blank(layout.stream().column()) && !layout.stream().composite())) {
      missing.add("\"stream\" (a \"column\", or a \"typeColumn\" and an \"idColumn\")");
    }
    if (layout.version() == null || blank(layout.version().column())) {
      missing.add("\"version\" with a \"column\"");
    }
    if (layout.payload() == null || blank(layout.payload().column())) {
      missing.add("\"payload\" with a \"column\"");
    }
    if (layout.eventType() == null
        || (blank(layout.eventType().column()) && blank(layout.eventType().pointer()))) {
      missing.add("\"eventType\" with a \"column\" or a \"pointer\"");
    }
    if (!missing.isEmpty()) {
      throw new StoreException(
          "mapping " + source + " is incomplete: it needs " + String.join(", ", missing));
    }
    if (layout.timestamp() != null
        && layout.timestamp().format() != null
        && !TIME_FORMATS.contains(layout.timestamp().format())) {
      throw new StoreException(
          "mapping "
              + source
              + ": unknown timestamp format '"
              + layout.timestamp().format()
              + "' (known: "
              + String.join(", ", TIME_FORMATS)
              + ")");
    }
    checkLinks(layout, source);
    checkTranscoding(layout, source);
    try {
      dev.hindsight.store.codec.Encoding.of(layout.payload().encoding());
      if (layout.metadata() != null) {
        dev.hindsight.store.codec.Encoding.of(layout.metadata().encoding());
      }
    } catch (IllegalArgumentException e) {
      throw new StoreException("mapping " + source + ": " + e.getMessage(), e);
    }
    return layout;
  }

  /**
   * The links' keys: each a column or a pointer; {@code in} only on them, {@code metadata} or
   * {@code payload}; {@code format} only on the causation, {@code id} or {@code position}.
   */
  private static void checkLinks(Layout layout, String source) {
    Map<String, Layout.Field> links = new java.util.LinkedHashMap<>();
    links.put("eventId", layout.eventId());
    links.put("correlation", layout.correlation());
    links.put("causation", layout.causation());
    for (Map.Entry<String, Layout.Field> link : links.entrySet()) {
      Layout.Field f = link.getValue();
      if (f == null) {
        continue;
      }
      String key = "\"" + link.getKey() + "\"";
      if (blank(f.column()) && blank(f.pointer())) {
        throw new StoreException(
            "mapping " + source + ": " + key + " needs a \"column\" or a \"pointer\"");
      }
      if (f.in() != null && !List.of("metadata", "payload").contains(f.in())) {
        throw new StoreException(
            "mapping "
                + source
                + ": "
                + key
                + " has \"in\": \""
                + f.in()
                + "\" (known: metadata, payload)");
      }
      boolean causation = link.getKey().equals("causation");
      if (f.format() != null && !(causation && List.of("id", "position").contains(f.format()))) {
        throw new StoreException(
            "mapping "
                + source
                + ": "
                + key
                + " has \"format\": \""
                + f.format()
                + "\""
                + (causation ? " (known: id, position)" : " (only \"causation\" takes a format)"));
      }
    }
    for (Layout.Field f :
        new Layout.Field[] {
          layout.aggregateType(),
          layout.version(),
          layout.position(),
          layout.eventType(),
          layout.timestamp(),
          layout.revision()
        }) {
      if (f != null && f.in() != null) {
        throw new StoreException(
            "mapping "
                + source
                + ": \"in\" is only for \"eventId\", \"correlation\" and \"causation\" (the"
                + " other keys' pointers go into the payload)");
      }
    }
  }

  private static void checkTranscoding(Layout layout, String source) {
    Layout.Snapshots snapshots = layout.snapshots();
    String transcoding =
        snapshots == null || snapshots.compare() == null ? null : snapshots.compare().transcoding();
    if (transcoding != null && !Transcodings.KNOWN.contains(transcoding)) {
      throw new StoreException(
          "mapping "
              + source
              + ": unknown snapshot transcoding '"
              + transcoding
              + "' (known: "
              + String.join(", ", Transcodings.KNOWN)
              + ")");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
