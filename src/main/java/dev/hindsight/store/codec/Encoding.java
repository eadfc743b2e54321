package dev.hindsight.store.codec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a payload or metadata column is encoded; the names are what mapping files say. */
public enum Encoding {
  /** JSON, as TEXT or as UTF-8 bytes in a BLOB. */
  JSON("json"),
  /** zlib-compressed JSON bytes (Python eventsourcing's compressor). */
  ZLIB_JSON("zlib-json"),
  /** CBOR bytes (Jackson CBOR), shown as JSON. */
  CBOR("cbor"),
  /** XML text or bytes (Axon's XStream serializer); shown as the XML text. */
  XML("xml"),
  /** Plain text. */
  TEXT("text"),
  /** Opaque bytes, shown as hex. */
  BINARY("binary"),
  /** Ciphertext: shown as encrypted, never as garbage. */
  ENCRYPTED("encrypted"),
  /** Look at the value: JSON, zlib, XML, text, or hex when binary. */
  AUTO("auto"),
  /** The encoding is chosen per row by a serializer-id column (Akka/Pekko). */
  SERIALIZER("serializer");

  private final String id;

  Encoding(String id) {
    this.id = id;
  }

  /** The name used in mapping files. */
  public String id() {
    return id;
  }

  /** The encoding a mapping file names; a clear error for an unknown name. */
  public static Encoding of(String name) {
    if (name == null) {
      return AUTO;
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Encoding e : values()) {
      if (e.id.equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown encoding '"
            + name
            + "' (known: "
            + Arrays.stream(values()).map(Encoding::id).collect(Collectors.joining(", "))
            + ")");
  }
}
