package dev.hindsight.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A sealed baseline of a store ({@code hindsight-seal/1}): its digest, and per stream its events,
 * last version, chain head and a short print of each event, with who sealed it, when, and with
 * what; optionally signed with Ed25519. The signature covers the SHA-256 of the seal's content: its
 * JSON tokens in document order, written compactly, without the top-level {@code signature} member
 * (so whitespace may change, nothing else).
 *
 * @param hindsight the Hindsight version that sealed it
 * @param sealedAt when (ISO-8601)
 * @param user the OS user who sealed it
 * @param host the host it was sealed on
 * @param file the store file as it was named then
 * @param layout the layout it was read with
 * @param print the fingerprint
 * @param signature the signature, or null when it is not signed
 * @param wholeStore whether it covers the whole store (a seal), or only the streams it names (an
 *     evidence report's JSON, read as a seal of its stream)
 */
public record Seal(
    String hindsight,
    String sealedAt,
    String user,
    String host,
    String file,
    String layout,
    StorePrint print,
    Signed signature,
    boolean wholeStore) {

  public static final String FORMAT = "hindsight-seal/1";

  /** A seal of the whole store. */
  public Seal(
      String hindsight,
      String sealedAt,
      String user,
      String host,
      String file,
      String layout,
      StorePrint print,
      Signed signature) {
    this(hindsight, sealedAt, user, host, file, layout, print, signature, true);
  }

  /**
   * Whether {@code now} holds what this seal does: the same store digest, or for a report, the same
   * chain head and event count in each stream it names.
   */
  public boolean matches(StorePrint now) {
    if (wholeStore) {
      return print.digest().equals(now.digest());
    }
    for (StorePrint.Stream s : print.streams()) {
      StorePrint.Stream n = now.stream(s.stream());
      if (n == null || !n.head().equals(s.head()) || n.entries().size() != s.entries().size()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A seal's signature.
   *
   * @param publicKey the signer's public key, base64 of its X.509 DER
   * @param content the SHA-256 of the seal's content, in hex
   * @param value the Ed25519 signature of those 32 bytes, base64
   */
  public record Signed(String publicKey, String content, String value) {}

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Writes the seal to {@code out} (through a temporary file beside it, moved in place at the end),
   * signed with {@code key} when it is not null.
   */
  public void write(Path out, PrivateKey key) {
    Path dir = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      // beside the seal, with the permissions any new file gets (a temp file's are private)
      Path temp =
          dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
      try {
        try (OutputStream os = Files.newOutputStream(temp);
            JsonGenerator g = JSON.createGenerator(os)) {
          g.setPrettyPrinter(printer());
          writeBody(g);
        }
        if (key != null) {
          appendSignature(temp, key);
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter lines = new DefaultIndenter("  ", "\n");
    // an entry (the arrays inside "entries") stays on one line
    DefaultPrettyPrinter.Indenter arrays =
        new DefaultPrettyPrinter.Indenter() {
          @Override
          public void writeIndentation(JsonGenerator g, int level) throws IOException {
            com.fasterxml.jackson.core.JsonStreamContext at = g.getOutputContext();
            boolean inEntry = at.inArray() && at.getParent() != null && at.getParent().inArray();
            if (!inEntry) {
              lines.writeIndentation(g, level);
            }
          }

          @Override
          public boolean isInline() {
            return false;
          }
        };
    return new DefaultPrettyPrinter()
        .withObjectIndenter(lines)
        .withArrayIndenter(arrays)
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
  }

  private void writeBody(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeStringField("encoding", Fingerprints.ENCODING);
    g.writeStringField("hindsight", hindsight);
    g.writeStringField("sealedAt", sealedAt);
    g.writeObjectFieldStart("sealedBy");
    g.writeStringField("user", user);
    g.writeStringField("host", host);
    g.writeEndObject();
    g.writeObjectFieldStart("store");
    g.writeStringField("file", file);
    g.writeStringField("layout", layout);
    g.writeStringField("digest", print.digest());
    g.writeNumberField("streams", print.streams().size());
    g.writeNumberField("events", print.events());
    g.writeEndObject();
    g.writeArrayFieldStart("streams");
    for (StorePrint.Stream s : print.streams()) {
      g.writeStartObject();
      g.writeStringField("stream", s.stream());
      g.writeNumberField("events", s.entries().size());
      g.writeNumberField("lastVersion", s.lastVersion());
      g.writeStringField("head", s.head());
      g.writeArrayFieldStart("entries");
      for (StorePrint.Entry e : s.entries()) {
        g.writeStartArray();
        g.writeNumber(e.version());
        g.writeNumber(e.position());
        g.writeString(e.type());
        g.writeString(e.revision());
        g.writeString(e.time());
        g.writeString(e.data());
        g.writeString(e.metadata());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Signs the written content and puts the signature before the file's closing brace. */
  private static void appendSignature(Path file, PrivateKey key) throws IOException {
    byte[] content = contentDigest(file);
    PublicKey pub = Keys.publicKeyOf(key);
    byte[] value = Keys.sign(key, content);
    String member =
        ",\n  \"signature\": {\n    \"algorithm\": \"Ed25519\",\n    \"publicKey\": \""
            + Keys.encode(pub)
            + "\",\n    \"content\": \""
            + Fingerprints.hex(content)
            + "\",\n    \"value\": \""
            + Base64.getEncoder().encodeToString(value)
            + "\"\n  }\n}\n";
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long end = raf.length() - 1;
      while (end >= 0) {
        raf.seek(end);
        if (raf.read() == '}') {
          break;
        }
        end--;
      }
      if (end < 0) {
        throw new IOException("the seal being written has no closing brace");
      }
      while (end > 0) {
        raf.seek(end - 1);
        if (!Character.isWhitespace(raf.read())) {
          break;
        }
        end--;
      }
      raf.setLength(end);
      raf.seek(end);
      raf.write(member.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The SHA-256 of a seal file's content: every JSON token in document order, written compactly,
   * except the top-level {@code signature} member.
   */
  public static byte[] contentDigest(Path seal) {
    MessageDigest sha = Fingerprints.sha256();
    try (JsonParser p = JSON.createParser(seal.toFile());
        JsonGenerator g =
            JSON.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME
            && p.getParsingContext().getParent() != null
            && p.getParsingContext().getParent().inRoot()
            && "signature".equals(p.currentName())) {
          p.nextToken();
          p.skipChildren();
          continue;
        }
        g.copyCurrentEvent(p);
      }
    } catch (IOException e) {
      throw unreadable(seal, e);
    }
    return sha.digest();
  }

  /**
   * Reads a seal, or an evidence report's JSON as a seal of its stream; says clearly when the file
   * is neither.
   */
  public static Seal read(Path file) {
    return read(file, (stream, head, events) -> true);
  }

  /** Which streams' entries to keep when a seal is read, by id, chain head and event count. */
  @FunctionalInterface
  public interface Keep {
    boolean entries(String stream, String head, long events);
  }

  /**
   * Reads a seal keeping the entries only of the streams {@code keep} asks for (the others get
   * none: a seal of a million events need not be held whole to find the few streams that changed);
   * an evidence report's JSON is read whole.
   */
  public static Seal read(Path file, Keep keep) {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      return new Reader(p, file, keep).seal();
    } catch (NotASeal e) {
      Seal report = ofReport(file);
      if (report == null) {
        throw new SealException(e.getMessage());
      }
      return report;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** One line on why a seal could not be read: a missing file, or where its JSON goes wrong. */
  private static SealException unreadable(Path file, IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException || !Files.exists(file)) {
      return new SealException("no such file: " + file, e);
    }
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      com.fasterxml.jackson.core.JsonLocation at = j.getLocation();
      return new SealException(
          file
              + " is not a readable seal: "
              + j.getOriginalMessage().lines().findFirst().orElse("bad JSON")
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          e);
    }
    return new SealException(file + " is not a readable seal: " + e.getMessage(), e);
  }

  /** An evidence report's JSON as a seal of its stream, or null when the file is not one. */
  private static Seal ofReport(Path file) {
    com.fasterxml.jackson.databind.JsonNode r;
    try {
      r = dev.hindsight.store.codec.Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode stream = r.path("stream");
    String digest = r.path("store").path("digest").asText(null);
    if (digest == null || !stream.path("fingerprint").isArray() || !stream.hasNonNull("head")) {
      return null;
    }
    List<StorePrint.Entry> entries = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode a : stream.get("fingerprint")) {
      entries.add(
          new StorePrint.Entry(
              a.path(0).asLong(),
              a.path(1).asLong(),
              a.path(2).isNull() ? null : a.path(2).asText(),
              a.path(3).isNull() ? null : a.path(3).asText(),
              a.path(4).isNull() ? null : a.path(4).asText(),
              a.path(5).isNull() ? null : a.path(5).asText(),
              a.path(6).isNull() ? null : a.path(6).asText()));
    }
    String id = stream.path("id").asText();
    return new Seal(
        r.path("hindsight").asText(null),
        r.path("generatedAt").asText(null),
        null,
        null,
        r.path("store").path("path").asText(null),
        r.path("layout").asText(null),
        new StorePrint(
            digest,
            entries.size(),
            List.of(new StorePrint.Stream(id, stream.get("head").asText(), entries))),
        null,
        false);
  }

  /** The file is JSON, but not a seal. */
  private static final class NotASeal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotASeal(String message) {
      super(message);
    }
  }

  /**
   * What is wrong with the seal's signature, or null when nothing is: signed and intact, and (when
   * {@code trusted} is given) signed by that key. An unsigned seal is fine when no key is trusted.
   */
  public String signatureProblem(Path file, PublicKey trusted) {
    if (signature == null) {
      return trusted == null
          ? null
          : "the seal is not signed, but --trust names a key it should be signed with";
    }
    PublicKey embedded;
    try {
      embedded =
          Keys.publicKey(Base64.getDecoder().decode(signature.publicKey()), "the seal's key");
    } catch (IllegalArgumentException e) {
      return "the seal's public key is damaged: " + e.getMessage();
    }
    byte[] content = contentDigest(file);
    byte[] value;
    try {
      value = Base64.getDecoder().decode(signature.value());
    } catch (IllegalArgumentException e) {
      return "the seal's signature is damaged (not base64)";
    }
    if (!Keys.verify(embedded, content, value)) {
      return "the seal was changed after it was signed: its signature does not match its content";
    }
    if (trusted != null && !java.util.Arrays.equals(trusted.getEncoded(), embedded.getEncoded())) {
      return "the seal is signed by a key other than the one --trust names";
    }
    return null;
  }

  /** A seal that cannot be read. */
  public static final class SealException extends dev.hindsight.store.StoreException {
    public SealException(String message, Throwable cause) {
      super(message, cause);
    }

    public SealException(String message) {
      super(message);
    }
  }

  /** Reads a seal's tokens into a {@link Seal}, entries and all. */
  private static final class Reader {
    private final JsonParser p;
    private final Path file;
    private String format;
    private String hindsight;
    private String sealedAt;
    private String user;
    private String host;
    private String storeFile;
    private String layout;
    private String digest;
    private long events;
    private final List<StorePrint.Stream> streams = new ArrayList<>();
    private Signed signed;

    private final Keep keep;

    Reader(JsonParser p, Path file, Keep keep) {
      this.p = p;
      this.file = file;
      this.keep = keep;
    }

    Seal seal() throws IOException {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "format" -> format = p.getValueAsString();
          case "hindsight" -> hindsight = p.getValueAsString();
          case "sealedAt" -> sealedAt = p.getValueAsString();
          case "sealedBy" ->
              readObject(
                  (k, v) -> {
                    if (k.equals("user")) {
                      user = v;
                    } else if (k.equals("host")) {
                      host = v;
                    }
                  });
          case "store" ->
              readObject(
                  (k, v) -> {
                    switch (k) {
                      case "file" -> storeFile = v;
                      case "layout" -> layout = v;
                      case "digest" -> digest = v;
                      case "events" -> events = Long.parseLong(v);
                      default -> {}
                    }
                  });
          case "streams" -> readStreams();
          case "signature" -> {
            String[] s = new String[3];
            readObject(
                (k, v) -> {
                  switch (k) {
                    case "publicKey" -> s[0] = v;
                    case "content" -> s[1] = v;
                    case "value" -> s[2] = v;
                    default -> {}
                  }
                });
            signed = new Signed(s[0], s[1], s[2]);
          }
          default -> p.skipChildren();
        }
      }
      if (!FORMAT.equals(format)) {
        throw new NotASeal(
            file
                + " is not a Hindsight seal (its format is "
                + (format == null ? "missing" : "'" + format + "'")
                + ", not '"
                + FORMAT
                + "')");
      }
      if (digest == null) {
        throw new SealException(file + " has no store digest");
      }
      return new Seal(
          hindsight,
          sealedAt,
          user,
          host,
          storeFile,
          layout,
          new StorePrint(digest, events, List.copyOf(streams)),
          signed);
    }

    private interface Member {
      void accept(String key, String value);
    }

    /** The current object's scalar members (nested values are skipped). */
    private void readObject(Member member) throws IOException {
      expect(p.currentToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t.isStructStart()) {
          p.skipChildren();
        } else {
          member.accept(key, t == JsonToken.VALUE_NULL ? null : p.getValueAsString());
        }
      }
    }

    private void readStreams() throws IOException {
      expect(p.currentToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String id = null;
        String head = null;
        long count = -1;
        List<StorePrint.Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "stream" -> id = p.getValueAsString();
            case "head" -> head = p.getValueAsString();
            case "events" -> count = p.getValueAsLong(-1);
            case "entries" -> {
              // kept unless the stream is known (its id, head and count come first) and not asked
              // for
              if (id == null || head == null || count < 0 || keep.entries(id, head, count)) {
                readEntries(entries);
              } else {
                p.skipChildren();
              }
            }
            default -> p.skipChildren();
          }
        }
        if (id == null || head == null) {
          throw new SealException(file + ": a stream without its id or head");
        }
        streams.add(new StorePrint.Stream(id, head, entries));
      }
    }

    private void readEntries(List<StorePrint.Entry> entries) throws IOException {
      expect(p.currentToken(), JsonToken.START_ARRAY);
      java.util.Map<String, String> interned = new java.util.HashMap<>();
      while (p.nextToken() == JsonToken.START_ARRAY) {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        long version = p.getLongValue();
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        long position = p.getLongValue();
        String type = text();
        if (type != null) {
          type = interned.computeIfAbsent(type, t -> t);
        }
        String revision = text();
        String time = text();
        String data = text();
        String metadata = text();
        expect(p.nextToken(), JsonToken.END_ARRAY);
        entries.add(new StorePrint.Entry(version, position, type, revision, time, data, metadata));
      }
    }

    private String text() throws IOException {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      expect(t, JsonToken.VALUE_STRING);
      return p.getText();
    }

    private void expect(JsonToken got, JsonToken wanted) {
      if (got != wanted) {
        throw new SealException(
            file
                + " is not a readable seal: expected "
                + wanted
                + " but found "
                + got
                + " at "
                + p.currentLocation());
      }
    }
  }
}
