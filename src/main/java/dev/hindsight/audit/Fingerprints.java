package dev.hindsight.audit;

import dev.hindsight.store.RawEvent;
import dev.hindsight.store.StoredValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The content fingerprint of an event store, specified so that anyone can recompute it (the README
 * section "How the store digest is computed" says the same in prose):
 *
 * <ul>
 *   <li>a value is encoded by its storage class: NULL as {@code 0x00}; an integer as {@code 0x01}
 *       and 8 bytes, big-endian two's complement; a real as {@code 0x02} and its 8 IEEE 754 bytes,
 *       big-endian; text as {@code 0x03}, its UTF-8 length in 4 bytes big-endian, and its UTF-8
 *       bytes; a blob as {@code 0x04}, its length in 4 bytes and its bytes;
 *   <li>an event is encoded as the values stream id (text), version (integer), global position
 *       (integer; NULL when the position is SQLite's implicit rowid, which {@code VACUUM}
 *       renumbers), type, revision, time, payload and metadata (each as stored; NULL when the
 *       layout keeps it in no column), one after the other; its hash is the SHA-256 of that;
 *   <li>a stream's chain starts at 32 zero bytes; each event, in the order of version then
 *       position, makes the head SHA-256(head ‖ event hash);
 *   <li>a stream's leaf is SHA-256({@code 0x00} ‖ stream id as text ‖ event count as integer ‖
 *       head); the store digest is the Merkle root of RFC 6962 over the leaves ordered by the
 *       stream ids' UTF-8 bytes: one leaf is the root, two subtrees join as SHA-256({@code 0x01} ‖
 *       left ‖ right), the left one holding the largest power of two of leaves smaller than all,
 *       and a store without events has the SHA-256 of no bytes.
 * </ul>
 */
public final class Fingerprints {

  /** The name of this encoding, as seals and reports name it. */
  public static final String ENCODING = "hindsight-event/1";

  private static final HexFormat HEX = HexFormat.of();

  private Fingerprints() {}

  /** The canonical encoding of one event. */
  public static byte[] encode(RawEvent e) {
    int size =
        length(StoredValue.text(e.stream()))
            + 18
            + length(e.type())
            + length(e.revision())
            + length(e.time())
            + length(e.payload())
            + length(e.metadata());
    ByteBuffer b = ByteBuffer.allocate(size);
    put(b, StoredValue.text(e.stream()));
    put(b, StoredValue.integer(e.version()));
    put(b, e.stablePosition() ? StoredValue.integer(e.position()) : StoredValue.NULL);
    put(b, e.type());
    put(b, e.revision());
    put(b, e.time());
    put(b, e.payload());
    put(b, e.metadata());
    return b.position() == size ? b.array() : Arrays.copyOf(b.array(), b.position());
  }

  /** The SHA-256 of an event's canonical encoding. */
  public static byte[] eventHash(RawEvent e) {
    return sha256().digest(encode(e));
  }

  /** The canonical encoding of one value. */
  public static byte[] encode(StoredValue v) {
    ByteBuffer b = ByteBuffer.allocate(length(v));
    put(b, v);
    return b.array();
  }

  /**
   * A short fingerprint of one value, for telling which part of an event changed: the first 8 bytes
   * of the SHA-256 of its encoding, in hex; null for NULL.
   */
  public static String valueHash(StoredValue v) {
    if (v.isNull()) {
      return null;
    }
    return HEX.formatHex(sha256().digest(encode(v)), 0, 8);
  }

  /** The start of every stream's chain. */
  public static byte[] chainStart() {
    return new byte[32];
  }

  /** The head after an event: SHA-256(head ‖ event hash). */
  public static byte[] chain(byte[] head, byte[] eventHash) {
    MessageDigest sha = sha256();
    sha.update(head);
    sha.update(eventHash);
    return sha.digest();
  }

  /** A stream's leaf in the store's Merkle tree. */
  public static byte[] leaf(String stream, long events, byte[] head) {
    MessageDigest sha = sha256();
    sha.update((byte) 0);
    sha.update(encode(StoredValue.text(stream)));
    sha.update(encode(StoredValue.integer(events)));
    sha.update(head);
    return sha.digest();
  }

  /** The Merkle root (RFC 6962) over leaves already in order. */
  public static byte[] root(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return sha256().digest();
    }
    return root(leaves, 0, leaves.size());
  }

  private static byte[] root(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    MessageDigest sha = sha256();
    sha.update((byte) 1);
    sha.update(root(leaves, from, from + k));
    sha.update(root(leaves, from + k, to));
    return sha.digest();
  }

  /** Orders stream ids by their UTF-8 bytes, unsigned, as the Merkle tree's leaves are. */
  public static int compareIds(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static int length(StoredValue v) {
    return switch (v.kind()) {
      case NULL -> 1;
      case INTEGER, REAL -> 9;
      case TEXT, BLOB -> 5 + v.bytes().length;
    };
  }

  private static void put(ByteBuffer b, StoredValue v) {
    switch (v.kind()) {
      case NULL -> b.put((byte) 0);
      case INTEGER -> b.put((byte) 1).putLong(v.number());
      case REAL -> b.put((byte) 2).putLong(v.number());
      case TEXT -> b.put((byte) 3).putInt(v.bytes().length).put(v.bytes());
      case BLOB -> b.put((byte) 4).putInt(v.bytes().length).put(v.bytes());
    }
  }
}
