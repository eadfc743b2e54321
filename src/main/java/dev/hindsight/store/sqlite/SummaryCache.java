package dev.hindsight.store.sqlite;

import dev.hindsight.event.StreamSummary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import java.util.List;
import java.util.stream.Stream;

/**
 * Stream lists kept in Hindsight's own cache folder, one file per store and layout, so that opening
 * a large store again does not group its millions of rows again. An entry is used only when the
 * file's {@link FileIdentity} and the layout are exactly those it was made from; anything else
 * (another size, change time, change counter, {@code -wal}; a damaged cache file) is a miss, and
 * the list is read from the store.
 */
final class SummaryCache {

  private static final int MAGIC = 0x48534331; // "HSC1"
  private static final int FORMAT = 1;
  private static final int MAX_FILES = 64;

  private final Path dir;

  SummaryCache(Path dir) {
    this.dir = dir;
  }

  /** The cached list for this identity and layout, or null. */
  List<StreamSummary> load(FileIdentity id, String layout) {
    if (id == null) {
      return null;
    }
    Path file = fileFor(id, layout);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        return null;
      }
      FileIdentity stored =
          new FileIdentity(
              readString(in),
              in.readLong(),
              in.readLong(),
              readString(in),
              in.readInt(),
              in.readLong(),
              in.readLong());
      if (!stored.equals(id) || !layout.equals(readString(in))) {
        return null;
      }
      int n = in.readInt();
      if (n < 0) {
        return null;
      }
      List<StreamSummary> result = new ArrayList<>(Math.min(n, 1 << 16));
      for (int i = 0; i < n; i++) {
        result.add(
            new StreamSummary(
                readString(in),
                readString(in),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                readInstant(in),
                readInstant(in)));
      }
      if (in.readInt() != MAGIC) {
        return null;
      }
      return result;
    } catch (IOException | RuntimeException damaged) {
      return null;
    }
  }

  /**
   * Keeps {@code streams} for this identity and layout; a cache that cannot be written is skipped.
   */
  void save(FileIdentity id, String layout, List<StreamSummary> streams) {
    if (id == null) {
      return;
    }
    Path file = fileFor(id, layout);
    Path partial = null;
    try {
      Files.createDirectories(dir);
      partial = Files.createTempFile(dir, "partial-", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, id.path());
        out.writeLong(id.size());
        out.writeLong(id.modified());
        writeString(out, id.fileKey());
        out.writeInt(id.changeCounter());
        out.writeLong(id.walSize());
        out.writeLong(id.walModified());
        writeString(out, layout);
        out.writeInt(streams.size());
        for (StreamSummary s : streams) {
          writeString(out, s.stream());
          writeString(out, s.type());
          out.writeLong(s.events());
          out.writeLong(s.firstVersion());
          out.writeLong(s.lastVersion());
          writeInstant(out, s.firstTimestamp());
          writeInstant(out, s.lastTimestamp());
        }
        out.writeInt(MAGIC);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      partial = null;
      prune();
    } catch (IOException | RuntimeException e) {
      // a cache is an optimisation: the list was read from the store, and that is enough
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // left for the next prune
        }
      }
    }
  }

  /** One file per store path and layout: a changed store replaces its entry, never adds one. */
  private Path fileFor(FileIdentity id, String layout) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(id.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(layout.getBytes(StandardCharsets.UTF_8));
      return dir.resolve("streams-" + HexFormat.of().formatHex(sha.digest(), 0, 16) + ".bin");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Keeps the most recently written entries, dropping the oldest beyond {@link #MAX_FILES}. */
  private void prune() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(Files::isRegularFile).toList();
    }
    if (files.size() <= MAX_FILES) {
      return;
    }
    List<Path> oldestFirst = new ArrayList<>(files);
    oldestFirst.sort(Comparator.comparingLong(SummaryCache::modified));
    for (Path p : oldestFirst.subList(0, files.size() - MAX_FILES)) {
      Files.deleteIfExists(p);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException gone) {
      return Long.MIN_VALUE;
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }
}
