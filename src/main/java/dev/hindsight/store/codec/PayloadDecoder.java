package dev.hindsight.store.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns a stored payload (TEXT, BLOB or a number, as the driver returns it) into a value to show.
 * Never throws on bad data: an undecodable payload comes back as its raw text (or hex) with a
 * problem.
 */
public final class PayloadDecoder {

  /** Inflated payloads larger than this are refused: a zlib bomb is hostile input, not an event. */
  static final int MAX_INFLATED_BYTES = 256 * 1024 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final CBORMapper CBOR =
      CBORMapper.builder(new CBORFactory())
          .disable(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private PayloadDecoder() {}

  /**
   * Decodes {@code raw} as {@code encoding} says ({@link Encoding#SERIALIZER} is resolved by the
   * caller).
   */
  public static Decoded decode(Object raw, Encoding encoding) {
    if (raw == null) {
      return Decoded.ok(NullNode.getInstance());
    }
    if (raw instanceof Number n) {
      return Decoded.ok(number(n));
    }
    return switch (encoding) {
      case JSON -> json(raw);
      case ZLIB_JSON -> zlibJson(raw);
      case CBOR -> cbor(raw);
      case XML, TEXT -> text(raw);
      case BINARY -> Decoded.ok(TextNode.valueOf(hex(bytes(raw))));
      case ENCRYPTED -> encrypted(raw);
      case AUTO, SERIALIZER -> auto(raw);
    };
  }

  private static Decoded json(Object raw) {
    String text;
    if (raw instanceof byte[] b) {
      if (looksLikeGzip(b)) {
        try {
          return json(gunzip(b));
        } catch (IOException e) {
          return bad(TextNode.valueOf(hex(b)), "unreadable gzip data: " + e.getMessage());
        }
      }
      text = utf8(b);
      if (text == null) {
        return bad(TextNode.valueOf(hex(b)), "payload is not UTF-8 text (" + b.length + " bytes)");
      }
    } else {
      text = raw.toString();
    }
    try {
      return Decoded.ok(Json.parse(text));
    } catch (JsonProcessingException e) {
      return bad(TextNode.valueOf(text), "malformed JSON: " + firstLine(e.getOriginalMessage()));
    }
  }

  private static Decoded zlibJson(Object raw) {
    byte[] b = bytes(raw);
    try {
      return json(inflate(b));
    } catch (DataFormatException e) {
      Decoded asIs = auto(raw);
      return asIs.isJson() ? asIs : bad(asIs.value(), "not zlib-compressed: " + e.getMessage());
    }
  }

  private static Decoded cbor(Object raw) {
    byte[] b = bytes(raw);
    try {
      return Decoded.ok(CBOR.readTree(b));
    } catch (IOException e) {
      return bad(TextNode.valueOf(hex(b)), "malformed CBOR: " + firstLine(e.getMessage()));
    }
  }

  private static Decoded text(Object raw) {
    if (raw instanceof byte[] b) {
      String text = utf8(b);
      return text == null
          ? Decoded.ok(TextNode.valueOf(hex(b)))
          : Decoded.ok(TextNode.valueOf(text));
    }
    return Decoded.ok(TextNode.valueOf(raw.toString()));
  }

  private static Decoded encrypted(Object raw) {
    int size = bytes(raw).length;
    return bad(
        TextNode.valueOf("[encrypted payload, " + size + " bytes]"),
        "encrypted payload (" + size + " bytes)");
  }

  /** Sniffs the value: zlib, JSON, XML, text, or hex when binary. */
  private static Decoded auto(Object raw) {
    if (raw instanceof byte[] b) {
      if (looksLikeGzip(b)) {
        try {
          return auto(gunzip(b));
        } catch (IOException notGzip) {
          // fall through to the other guesses
        }
      }
      if (looksLikeZlib(b)) {
        try {
          return auto(inflate(b));
        } catch (DataFormatException notZlib) {
          // two bytes that only looked like a zlib header: fall through to the other guesses
        }
      }
      String text = utf8(b);
      return text == null ? Decoded.ok(TextNode.valueOf(hex(b))) : autoText(text);
    }
    return autoText(raw.toString());
  }

  private static Decoded autoText(String text) {
    String t = text.stripLeading();
    if (t.startsWith("<")) {
      return Decoded.ok(TextNode.valueOf(text));
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      return json(text);
    }
    try {
      return Decoded.ok(Json.parse(text));
    } catch (JsonProcessingException notJson) {
      return Decoded.ok(TextNode.valueOf(text));
    }
  }

  /** What a peek at a payload says it is: {@code json}, {@code zlib} or {@code other}. */
  public static String peek(Object raw) {
    if (raw == null) {
      return "other";
    }
    byte[] b = bytes(raw);
    if (looksLikeZlib(b)) {
      try {
        inflate(b);
        return "zlib";
      } catch (DataFormatException notZlib) {
        return "other";
      }
    }
    String text = utf8(b);
    if (text != null) {
      try {
        Json.parse(text);
        return "json";
      } catch (JsonProcessingException notJson) {
        return "other";
      }
    }
    return "other";
  }

  static boolean looksLikeZlib(byte[] b) {
    // RFC 1950: CM=8 in the low nibble of CMF, and (CMF*256 + FLG) divisible by 31.
    return b.length >= 2 && (b[0] & 0x0f) == 8 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0;
  }

  /** Pekko's Jackson serializer gzips JSON above 32 KiB by default. */
  static boolean looksLikeGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  static byte[] gunzip(byte[] b) throws IOException {
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
      byte[] out = in.readNBytes(MAX_INFLATED_BYTES + 1);
      if (out.length > MAX_INFLATED_BYTES) {
        throw new IOException("inflates to more than " + MAX_INFLATED_BYTES + " bytes");
      }
      return out;
    }
  }

  static byte[] inflate(byte[] b) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(b);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, b.length * 4));
      byte[] buf = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated zlib data");
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_INFLATED_BYTES) {
          throw new DataFormatException("inflates to more than " + MAX_INFLATED_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private static byte[] bytes(Object raw) {
    return raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Strict UTF-8: null when the bytes are not valid UTF-8 (or hold NUL bytes, i.e. are binary). */
  static String utf8(byte[] b) {
    for (byte x : b) {
      if (x == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static JsonNode number(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return NODES.numberNode(new BigDecimal(n.toString()));
    }
    return NODES.numberNode(n.longValue());
  }

  private static Decoded bad(JsonNode value, String problem) {
    return new Decoded(value, problem);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
