package dev.hindsight.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.Csv;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.Words;
import dev.hindsight.replay.Change;
import dev.hindsight.store.codec.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link Evidence} as a self-contained HTML page (no external resources; prints cleanly to
 * PDF), as JSON, or as CSV (one row per event). A masked report is checked once written: when a
 * value the rules hid still shows anywhere in it, the report says so (see {@link MaskingCheck}).
 */
public final class ReportWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ReportWriter() {}

  /** The report formats, named as {@code report --format} takes them. */
  public enum Format {
    html,
    json,
    csv;

    /** The format a file's name asks for: {@code .json}, {@code .csv}, else HTML. */
    public static Format forFile(java.nio.file.Path file) {
      return ofExtension(file).orElse(html);
    }

    /**
     * The format a file's extension names ({@code .html} or {@code .htm}, {@code .json}, {@code
     * .csv}, in any case), or empty for any other name.
     */
    public static java.util.Optional<Format> ofExtension(java.nio.file.Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".html") || name.endsWith(".htm")) {
        return java.util.Optional.of(html);
      }
      if (name.endsWith(".json")) {
        return java.util.Optional.of(json);
      }
      return name.endsWith(".csv") ? java.util.Optional.of(csv) : java.util.Optional.empty();
    }
  }

  /**
   * Writes the evidence to {@code target} in {@code format}: to a partial file first, moved into
   * place when complete, so a failed write never leaves half a report under the asked-for name.
   */
  public static void write(Evidence e, Format format, java.nio.file.Path target) {
    java.nio.file.Path to = target.toAbsolutePath();
    java.nio.file.Path partial = to.resolveSibling(to.getFileName() + ".partial");
    try {
      java.nio.file.Files.writeString(
          partial, render(e, format), java.nio.charset.StandardCharsets.UTF_8);
      java.nio.file.Files.move(partial, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException failure) {
      try {
        java.nio.file.Files.deleteIfExists(partial);
      } catch (java.io.IOException ignored) {
        // nothing more to do
      }
      throw new java.io.UncheckedIOException(failure);
    }
  }

  /** The report as {@code format} writes it, with the masking warnings it needs. */
  public static String render(Evidence e, Format format) {
    String text = render(e, format, List.of());
    List<String> warnings = MaskingCheck.warnings(text, e.masking());
    return warnings.isEmpty() ? text : render(e, format, warnings);
  }

  private static String render(Evidence e, Format format, List<String> warnings) {
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      switch (format) {
        case html -> html(e, w, warnings);
        case json -> w.println(Json.pretty(json(e, warnings)));
        case csv -> csv(e, w, warnings);
      }
    }
    return text.toString();
  }

  /** What masking hid, as the reports say it: {@code address: 12 values, by value: 3}. */
  static String counts(Evidence.Masked m) {
    List<String> parts = new ArrayList<>();
    m.byRule().forEach((rule, n) -> parts.add(rule + ": " + Words.count(n, "value")));
    parts.add("by value: " + m.byValue());
    return String.join(", ", parts);
  }

  // ------------------------------------------------------------------------------------ JSON

  /**
   * The evidence as one JSON object (see the README's Audit section for its fields), with its
   * {@code maskingWarnings}.
   */
  public static ObjectNode json(Evidence e) {
    ObjectNode o = json(e, List.of());
    List<String> warnings = MaskingCheck.warnings(Json.pretty(o), e.masking());
    return warnings.isEmpty() ? o : json(e, warnings);
  }

  private static ObjectNode json(Evidence e, List<String> warnings) {
    ObjectNode o = NODES.objectNode();
    ObjectNode store = o.putObject("store");
    if (e.storeFile() == null) {
      store.put("url", e.store());
    } else {
      store.put("file", e.storeFile().getFileName().toString());
      store.put("path", e.store());
      store.put("size", e.storeSize());
      store.put("sha256", e.storeSha256());
    }
    store.put("digest", e.storeDigest());
    o.put("layout", e.layout());
    ObjectNode reducer = o.putObject("reducer");
    reducer.put("name", e.reducer());
    reducer.put("file", e.reducerFile() == null ? null : e.reducerFile().toString());
    reducer.put("sha256", e.reducerSha256());
    o.put("hindsight", e.hindsight());
    o.put("generatedAt", EventJson.iso(e.generatedAt()));
    ObjectNode stream = o.putObject("stream");
    stream.put("id", e.stream().stream());
    stream.put("type", e.stream().type());
    stream.put("events", e.stream().events());
    stream.put("firstVersion", e.stream().firstVersion());
    stream.put("lastVersion", e.stream().lastVersion());
    if (e.fingerprint() != null) {
      stream.put("head", e.fingerprint().head());
      ArrayNode prints = stream.putArray("fingerprint");
      for (StorePrint.Entry p : e.fingerprint().entries()) {
        ArrayNode a = prints.addArray();
        a.add(p.version());
        a.add(p.position());
        a.add(p.type());
        a.add(p.revision());
        a.add(p.time());
        a.add(p.data());
        a.add(p.metadata());
      }
    }
    ObjectNode range = o.putObject("range");
    range.put("fromVersion", e.fromVersion());
    range.put("toVersion", e.toVersion());
    range.put("events", e.events().size());
    ObjectNode masking = o.putObject("masking");
    masking.put("on", e.masking().on());
    ArrayNode masked = masking.putArray("fields");
    e.masking().rules().forEach(masked::add);
    ArrayNode rules = masking.putArray("rules");
    e.masking().rules().forEach(rules::add);
    ObjectNode counts = masking.putObject("counts");
    ObjectNode byRule = counts.putObject("byRule");
    e.masking().byRule().forEach(byRule::put);
    counts.put("byValue", e.masking().byValue());
    ArrayNode warned = o.putArray("maskingWarnings");
    warnings.forEach(warned::add);
    o.set("stateAtStart", e.stateAtStart());
    o.set("stateAtEnd", e.stateAtEnd());
    ArrayNode events = o.putArray("events");
    for (Evidence.Entry entry : e.events()) {
      StoredEvent ev = entry.event();
      ObjectNode j = events.addObject();
      j.put("version", ev.version());
      j.put("position", ev.position());
      j.put("timestamp", EventJson.iso(ev.timestamp()));
      j.put("type", ev.type());
      j.set("data", ev.data());
      j.set("metadata", ev.metadata() == null ? NODES.nullNode() : ev.metadata());
      ArrayNode changes = j.putArray("changes");
      for (Change c : entry.changes()) {
        ObjectNode cj = changes.addObject();
        cj.put("op", c.op().name().toLowerCase(Locale.ROOT));
        cj.put("path", c.path());
        cj.set("oldValue", c.oldValue());
        cj.set("newValue", c.newValue());
      }
      j.put("reducerError", entry.reducerError());
    }
    ArrayNode bookmarks = o.putArray("bookmarks");
    e.bookmarks().forEach(b -> bookmarks.add(Bookmarks.json(b)));
    ArrayNode findings = o.putArray("findings");
    e.findings().forEach(f -> findings.add(json(f)));
    return o;
  }

  /** {@code {"kind", "severity", "stream", "version", "position", "message"}}. */
  public static ObjectNode json(Finding f) {
    ObjectNode j = NODES.objectNode();
    j.put("kind", f.kind());
    j.put("severity", f.severity().label());
    j.put("stream", f.stream());
    j.put("version", f.version());
    j.put("position", f.position());
    j.put("message", f.message());
    return j;
  }

  // ------------------------------------------------------------------------------------- CSV

  /**
   * One row per event in range, RFC 4180 (version, position, timestamp, type, data, ...), after the
   * report's {@link #provenance provenance} as comment lines that start with {@code "# "} (and a
   * line for each masking warning, if any).
   */
  public static void csv(Evidence e, PrintWriter out) {
    out.print(render(e, Format.csv));
    out.flush();
  }

  private static void csv(Evidence e, PrintWriter out, List<String> warnings) {
    for (String line : provenance(e)) {
      out.print("# " + line.replaceAll("[\r\n]+", " ") + "\r\n");
    }
    warnings.forEach(w -> out.print("# " + w + "\r\n"));
    out.print("version,position,timestamp,type,data,metadata,changes,reducer_error\r\n");
    for (Evidence.Entry entry : e.events()) {
      StoredEvent ev = entry.event();
      out.print(
          String.join(
                  ",",
                  Long.toString(ev.version()),
                  Long.toString(ev.position()),
                  Csv.field(EventJson.iso(ev.timestamp())),
                  Csv.field(ev.type()),
                  Csv.field(Json.write(ev.data())),
                  Csv.field(ev.metadata() == null ? null : Json.write(ev.metadata())),
                  Csv.field(String.join("\n", lines(entry.changes()))),
                  Csv.field(entry.reducerError()))
              + "\r\n");
    }
    out.flush();
  }

  /**
   * Where a report comes from, one {@code name: value} line each: the stream, the range, the
   * reducer and its SHA-256, masking, when and by which Hindsight it was made, and the store file
   * and its SHA-256. The CSV report starts with these; a new line of provenance goes here.
   */
  public static List<String> provenance(Evidence e) {
    return List.of(
        "stream: "
            + e.stream().stream()
            + (e.stream().type() == null ? "" : " (" + e.stream().type() + ")"),
        "range: versions "
            + e.fromVersion()
            + "–"
            + e.toVersion()
            + " ("
            + Words.count(e.events().size(), "event")
            + ")",
        "reducer: " + e.reducer() + (e.reducerFile() == null ? "" : " (" + e.reducerFile() + ")"),
        "reducer sha256: " + (e.reducerSha256() == null ? "none" : e.reducerSha256()),
        "masking: "
            + (e.masking().on()
                ? "on (" + String.join(", ", e.masking().rules()) + "; " + counts(e.masking()) + ")"
                : "off"),
        "generated at: " + EventJson.iso(e.generatedAt()),
        "hindsight: " + e.hindsight(),
        "store: " + e.store(),
        "store sha256: " + (e.storeSha256() == null ? "none (a database server)" : e.storeSha256()),
        "store digest: " + e.storeDigest(),
        "stream head: " + (e.fingerprint() == null ? "none" : e.fingerprint().head()));
  }

  private static List<String> lines(List<Change> changes) {
    return changes.stream().map(c -> c.line("->")).toList();
  }

  // ------------------------------------------------------------------------------------ HTML

  private static final String STYLE =
      """
      :root { color-scheme: light; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
             margin: 32px auto; max-width: 1000px; padding: 0 24px; }
      h1 { font-size: 22px; margin: 0 0 4px; }
      h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
      .sub { color: #59636e; margin: 0 0 16px; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eaeef2; }
      th { color: #59636e; font-weight: 600; white-space: nowrap; }
      table.facts th { width: 170px; }
      code, pre { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
      pre { background: #f6f8fa; border: 1px solid #eaeef2; border-radius: 6px; padding: 8px 10px;
            margin: 4px 0; white-space: pre-wrap; word-break: break-word; }
      .event { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 14px; margin: 12px 0;
               break-inside: avoid; }
      .event h3 { font-size: 15px; margin: 0 0 6px; }
      .event .when { color: #59636e; font-weight: normal; }
      .changes { list-style: none; padding: 0; margin: 4px 0; }
      .changes li { font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace; }
      .added { color: #1a7f37; } .removed { color: #cf222e; } .changed { color: #9a6700; }
      .sev-error { color: #cf222e; font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; }
      .sev-info { color: #59636e; }
      .error { color: #cf222e; }
      .warning { color: #cf222e; font-weight: 600; border: 2px solid #cf222e; border-radius: 6px;
                 padding: 6px 10px; }
      .note { background: #fff8c5; border-left: 3px solid #d4a72c; padding: 4px 8px; margin: 6px 0; }
      .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
      .label { color: #59636e; font-size: 12px; margin-top: 6px; }
      footer { color: #59636e; font-size: 12px; margin-top: 32px; }
      @media print {
        body { margin: 0; max-width: none; font-size: 11px; }
        pre { white-space: pre-wrap; }
        h2 { break-after: avoid; }
        @page { margin: 16mm 14mm; }
      }
      """;

  /** The evidence as one HTML page that needs nothing else to show or print. */
  public static void html(Evidence e, PrintWriter out) {
    out.print(render(e, Format.html));
    out.flush();
  }

  private static void html(Evidence e, PrintWriter out, List<String> warnings) {
    String title =
        "Evidence report: "
            + e.stream().stream()
            + ", versions "
            + e.fromVersion()
            + "–"
            + e.toVersion();
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>" + esc(title) + "</title>");
    out.println("<style>" + STYLE + "</style></head><body>");
    out.println("<h1>" + esc(title) + "</h1>");
    for (String w : warnings) {
      out.println("<p class=\"warning\">" + esc(w) + "</p>");
    }
    out.println(
        "<p class=\"sub\">"
            + String.format(Locale.ROOT, "%,d", e.events().size())
            + " events in range · "
            + esc(e.layout())
            + " store · generated "
            + esc(EventJson.iso(e.generatedAt()))
            + " by "
            + esc(e.hindsight())
            + "</p>");

    out.println("<h2>What this report is about</h2><table class=\"facts\">");
    if (e.storeFile() == null) {
      fact(out, "Store", e.store());
    } else {
      fact(out, "Store file", e.storeFile().getFileName().toString());
      fact(out, "Store path", e.store());
      fact(out, "Store size", String.format(Locale.ROOT, "%,d bytes", e.storeSize()));
      factCode(out, "Store SHA-256", e.storeSha256());
    }
    factCode(out, "Store digest", e.storeDigest());
    if (e.fingerprint() != null) {
      factCode(out, "Stream chain head", e.fingerprint().head());
    }
    fact(out, "Layout", e.layout());
    fact(
        out,
        "Stream",
        e.stream().stream()
            + (e.stream().type() == null ? "" : " (" + e.stream().type() + ")")
            + ", "
            + String.format(Locale.ROOT, "%,d", e.stream().events())
            + " events, versions "
            + e.stream().firstVersion()
            + "–"
            + e.stream().lastVersion());
    fact(out, "Range", "versions " + e.fromVersion() + "–" + e.toVersion());
    fact(
        out,
        "Reducer",
        e.reducer() + (e.reducerFile() == null ? "" : " (" + e.reducerFile() + ")"));
    if (e.reducerSha256() != null) {
      factCode(out, "Reducer SHA-256", e.reducerSha256());
    }
    fact(
        out,
        "Masking",
        e.masking().on()
            ? "on: "
                + String.join(", ", e.masking().rules())
                + " shown as •••, with the values they hid wherever those show ("
                + counts(e.masking())
                + ")"
            : "off: values are shown as stored");
    fact(out, "Hindsight", e.hindsight());
    fact(out, "Generated at", EventJson.iso(e.generatedAt()));
    out.println("</table>");

    out.println("<h2>Findings</h2>");
    if (e.findings().isEmpty()) {
      out.println(
          "<p>None: no gaps, duplicates, disorder, time running backwards, unreadable"
              + " payloads or reducer errors in this stream.</p>");
    } else {
      out.println(
          "<table><tr><th>Severity</th><th>Kind</th><th>Version</th><th>Position</th>"
              + "<th>Message</th></tr>");
      for (Finding f : e.findings()) {
        out.println(
            "<tr><td class=\"sev-"
                + f.severity().label()
                + "\">"
                + f.severity().label()
                + "</td><td>"
                + esc(f.kind())
                + "</td><td>"
                + (f.version() == null ? "" : f.version())
                + "</td><td>"
                + (f.position() == null ? "" : f.position())
                + "</td><td>"
                + esc(f.message())
                + "</td></tr>");
      }
      out.println("</table>");
    }

    out.println("<h2>Bookmarks and notes</h2>");
    if (e.bookmarks().isEmpty()) {
      out.println("<p>None in this range.</p>");
    } else {
      out.println(
          "<table><tr><th>Version</th><th>Title</th><th>Note</th><th>Author</th><th>Written</th>"
              + "</tr>");
      for (Bookmarks.Bookmark b : e.bookmarks()) {
        out.println(
            "<tr><td>"
                + b.version()
                + "</td><td>"
                + esc(b.title())
                + "</td><td>"
                + esc(b.text())
                + "</td><td>"
                + esc(b.author())
                + "</td><td>"
                + esc(EventJson.iso(b.time()))
                + "</td></tr>");
      }
      out.println("</table>");
    }

    out.println("<h2>State at the start of the range</h2>");
    out.println("<pre>" + esc(Json.pretty(e.stateAtStart())) + "</pre>");

    out.println("<h2>Events</h2>");
    for (Evidence.Entry entry : e.events()) {
      StoredEvent ev = entry.event();
      out.println("<section class=\"event\">");
      out.println(
          "<h3>v"
              + ev.version()
              + " · "
              + esc(String.valueOf(ev.type()))
              + " <span class=\"when\">· "
              + esc(ev.timestamp() == null ? "no time" : EventJson.iso(ev.timestamp()))
              + " · position "
              + ev.position()
              + "</span></h3>");
      for (Bookmarks.Bookmark b : e.bookmarks()) {
        if (b.version() == ev.version()) {
          out.println(
              "<p class=\"note\">Bookmark: <strong>"
                  + esc(b.title())
                  + "</strong>"
                  + (b.text().isEmpty() ? "" : " — " + esc(b.text()))
                  + (b.author().isEmpty() ? "" : " (" + esc(b.author()) + ")")
                  + "</p>");
        }
      }
      if (entry.reducerError() != null) {
        out.println("<p class=\"error\">Reducer error: " + esc(entry.reducerError()) + "</p>");
      }
      if (ev.hasProblems()) {
        out.println("<p class=\"error\">" + esc(String.join("; ", ev.problems())) + "</p>");
      }
      out.println("<div class=\"label\">What it changed</div>");
      if (entry.changes().isEmpty()) {
        out.println("<p>Nothing.</p>");
      } else {
        out.println("<ul class=\"changes\">");
        for (Change c : entry.changes()) {
          out.println(
              "<li class=\""
                  + c.op().name().toLowerCase(Locale.ROOT)
                  + "\">"
                  + esc(c.line("→"))
                  + "</li>");
        }
        out.println("</ul>");
      }
      out.println("<div class=\"cols\"><div><div class=\"label\">Data</div>");
      out.println("<pre>" + esc(Json.pretty(ev.data())) + "</pre></div>");
      out.println("<div><div class=\"label\">Metadata</div>");
      out.println(
          "<pre>"
              + esc(ev.metadata() == null ? "(none)" : Json.pretty(ev.metadata()))
              + "</pre></div></div>");
      out.println("</section>");
    }
    if (e.events().isEmpty()) {
      out.println("<p>No events in this range.</p>");
    }

    out.println("<h2>State at the end of the range</h2>");
    out.println("<pre>" + esc(Json.pretty(e.stateAtEnd())) + "</pre>");
    out.println(
        "<footer>Made by "
            + esc(e.hindsight())
            + ", which opens stores read-only. The SHA-256 above identifies the exact store file"
            + " this report was made from; the store digest identifies its events, whatever file"
            + " holds them (hindsight verify STORE --against this report's JSON checks the"
            + " stream).</footer>");
    out.println("</body></html>");
    out.flush();
  }

  private static void fact(PrintWriter out, String name, String value) {
    out.println("<tr><th>" + esc(name) + "</th><td>" + esc(value) + "</td></tr>");
  }

  private static void factCode(PrintWriter out, String name, String value) {
    out.println("<tr><th>" + esc(name) + "</th><td><code>" + esc(value) + "</code></td></tr>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
