package dev.hindsight.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one rule for every file Hindsight writes (a report, an export, the demo store): never over a
 * SQLite database, never over the store being read (by whatever path it is reached), never over a
 * folder, and over any other existing file only when asked to ({@code --force}, or a file chooser
 * that already asked).
 */
public final class OutputPaths {

  /** The first 16 bytes of every SQLite database file. */
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** The files SQLite keeps next to a database while it is in use. */
  private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

  private OutputPaths() {}

  /** Why a file will not be written; its message is one line for the person who asked. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code out} may be written.
   *
   * @param out the file to write
   * @param store the store being read, or null when there is none
   * @param force whether an existing file (not a database, not the store) may be replaced
   * @throws Refused when it may not, saying why
   */
  public static void checkWritable(Path out, Path store, boolean force) {
    if (Files.isDirectory(out)) {
      throw new Refused(out + " is a folder");
    }
    if (store != null) {
      checkNotTheStore(out, store);
    }
    if (!Files.exists(out)) {
      return;
    }
    if (isSqliteDatabase(out)) {
      throw new Refused(
          out + " is a SQLite database; Hindsight never writes over one (choose another file)");
    }
    if (!force) {
      throw new Refused(out + " exists; add --force to replace it");
    }
  }

  /** Whether {@code file} starts with the 16-byte header of a SQLite database. */
  public static boolean isSqliteDatabase(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Refuses {@code out} when it is the store, or its -wal, -shm or -journal file, by any path. */
  private static void checkNotTheStore(Path out, Path store) {
    Path where = real(out);
    Path db = real(store);
    if (where.equals(db) || sameFile(out, store)) {
      throw new Refused(out + " is the store being read; Hindsight never writes over it");
    }
    for (String suffix : COMPANIONS) {
      if (where.equals(db.resolveSibling(db.getFileName() + suffix))) {
        throw new Refused(out + " is the store's own " + suffix.substring(1) + " file");
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The real path of {@code file}: symbolic links and {@code ..} resolved; for a file not there
   * yet, its folder's real path and its name.
   */
  private static Path real(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      Path parent = absolute.getParent();
      return parent != null && Files.exists(parent)
          ? parent.toRealPath().resolve(absolute.getFileName())
          : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}
