package dev.hindsight.store.sqlite;

import dev.hindsight.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens a user's SQLite file so that not one byte of it, and nothing beside it, is changed.
 *
 * <p>A read-only connection alone is not enough: on a WAL-mode database SQLite creates {@code -wal}
 * and {@code -shm} files beside it when they are missing, and leaves them behind. So:
 *
 * <ul>
 *   <li>rollback-journal databases are opened {@code mode=ro};
 *   <li>WAL databases with no {@code -wal} file hold everything in the main file and are opened
 *       {@code immutable=1}, which creates nothing;
 *   <li>WAL databases whose {@code -wal} and {@code -shm} both exist (a live or crashed writer) are
 *       opened {@code mode=ro}, reading the events still only in the {@code -wal};
 *   <li>a {@code -wal} without its {@code -shm} (a copied store) would make SQLite create the
 *       {@code -shm}, so the database and its WAL are copied to a private temporary folder and read
 *       there.
 * </ul>
 */
public final class SqliteFile implements AutoCloseable {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BUSY_TIMEOUT_MS = 3_000;

  private final Path file;
  private final Connection connection;
  private final Path privateCopy;
  private final boolean immutable;

  private SqliteFile(Path file, Connection connection, Path privateCopy) {
    this(file, connection, privateCopy, false);
  }

  private SqliteFile(Path file, Connection connection, Path privateCopy, boolean immutable) {
    this.file = file;
    this.connection = connection;
    this.privateCopy = privateCopy;
    this.immutable = immutable;
  }

  /**
   * Whether this connection sees what another process writes: true for a store opened {@code
   * mode=ro}; false for one opened {@code immutable=1} (a WAL store no writer had open) or read
   * from a private copy. A follower reopens those when their files change.
   */
  public boolean seesChanges() {
    return !immutable && privateCopy == null;
  }

  /**
   * SQLite's {@code PRAGMA data_version}: it changes when another connection commits. Comparable
   * only within this connection.
   */
  public long dataVersion() throws SQLException {
    try (Statement s = connection.createStatement();
        java.sql.ResultSet rs = s.executeQuery("PRAGMA data_version")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Opens {@code file} read-only, or says clearly why it cannot. */
  public static SqliteFile open(Path file) {
    Path path = file.toAbsolutePath().normalize();
    byte[] header = readHeader(path);
    boolean wal = header[18] == 2 || header[19] == 2;
    Path walFile = sibling(path, "-wal");
    Path shmFile = sibling(path, "-shm");
    try {
      if (!wal) {
        return new SqliteFile(path, connect(path, "mode=ro"), null);
      }
      if (!Files.exists(walFile)) {
        return new SqliteFile(path, connect(path, "mode=ro&immutable=1"), null, true);
      }
      if (Files.exists(shmFile)) {
        return new SqliteFile(path, connect(path, "mode=ro"), null);
      }
      Path dir = Files.createTempDirectory("hindsight-wal-");
      try {
        Path copy = dir.resolve("store.db");
        Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(walFile, sibling(copy, "-wal"), StandardCopyOption.COPY_ATTRIBUTES);
        return new SqliteFile(path, connect(copy, "mode=ro"), dir);
      } catch (IOException | SQLException | RuntimeException e) {
        // a copy that could not be opened is deleted now: no close() will come for it
        deleteTree(dir);
        throw e;
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw SqliteErrors.failure(path, e);
    }
  }

  /** Loads SQLite's native library now (the first connection would, otherwise). */
  static void loadLibrary() {
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception e) {
      throw new StoreException("SQLite's native library could not be loaded: " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path db, String params) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // the raw path is percent-encoded, so spaces, '?', '#' and non-ASCII names reach SQLite intact
    String url = "jdbc:sqlite:file:" + db.toUri().getRawPath() + "?" + params;
    Connection c = config.createConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA query_only = 1");
      // reading the schema makes SQLite check the file now, rather than at the first query
      s.executeQuery("SELECT count(*) FROM sqlite_master").close();
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static byte[] readHeader(Path path) {
    if (Files.isDirectory(path)) {
      throw new StoreException(path + " is a folder, not an event-store file");
    }
    if (!Files.exists(path)) {
      throw new StoreException("no such file: " + path);
    }
    byte[] header;
    try (InputStream in = Files.newInputStream(path)) {
      header = in.readNBytes(100);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
    if (header.length == 0) {
      throw new StoreException(path + " is empty (0 bytes), not a SQLite database");
    }
    if (header.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      // an encrypted store (SQLCipher, SEE) has no readable header at all: its first bytes look
      // random, where a text or other file's do not
      throw new StoreException(
          path
              + " is not a SQLite database"
              + (looksRandom(header) ? " (or it is encrypted, e.g. with SQLCipher)" : ""));
    }
    if (header.length < 100) {
      throw new StoreException(
          path + " is truncated: " + header.length + " bytes, shorter than a SQLite header");
    }
    return header;
  }

  /** Whether these bytes look like ciphertext: most are outside printable ASCII and text. */
  private static boolean looksRandom(byte[] bytes) {
    int n = Math.min(bytes.length, 64);
    if (n < 16) {
      return false;
    }
    int binary = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x09 || (b > 0x0d && b < 0x20) || b > 0x7e) {
        binary++;
      }
    }
    return binary * 3 > n; // random bytes: about 60 % of them
  }

  /** Why a file could not be read, as one sentence. */
  static StoreException unreadable(Path path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new StoreException("no such file: " + path, e);
    }
    if (e instanceof AccessDeniedException) {
      return new StoreException("permission denied: cannot read " + path, e);
    }
    return new StoreException("cannot read " + path + ": " + e.getMessage(), e);
  }

  static Path sibling(Path db, String suffix) {
    return db.resolveSibling(db.getFileName() + suffix);
  }

  /** The user's file (not the private copy, when one was made). */
  public Path file() {
    return file;
  }

  /** The read-only connection; used from one thread at a time. */
  public Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing a read-only connection loses nothing
    }
    if (privateCopy != null) {
      deleteTree(privateCopy);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is the OS's to clean
    }
  }
}
