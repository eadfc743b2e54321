package dev.hindsight.store.sqlite;

import static dev.hindsight.store.sqlite.TestStores.connect;
import static dev.hindsight.store.sqlite.TestStores.exec;
import static dev.hindsight.store.sqlite.TestStores.insertRange;
import static dev.hindsight.store.sqlite.TestStores.listing;
import static dev.hindsight.store.sqlite.TestStores.sha256;
import static dev.hindsight.store.sqlite.TestStores.sibling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.StoreException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store never changes a byte of it and never leaves anything beside it: for a
 * rollback-journal store and for each WAL situation {@link SqliteFile} handles.
 */
@Timeout(60)
class ReadOnlyTest {

  private static final int STREAMS = 3;

  @TempDir Path dir;

  // ------------------------------------------------------------------------------- rollback
  // journal

  @Test
  void rollbackJournalStoreIsReadAndLeftUntouched() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("store.db"), 30, STREAMS);
    assertThat(header(db, 18)).isEqualTo(1);
    Fingerprint before = Fingerprint.of(db);

    readAndCheckAll(db, 30);

    assertThat(Fingerprint.of(db)).isEqualTo(before);
    assertThat(listing(dir)).containsExactly("store.db");
  }

  @Test
  void oddFileNamesReachSqliteIntact() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("my folder #1"));
    Path db = TestStores.simpleStore(folder.resolve("ev?nts %20 ü.db"), 12, STREAMS);
    Fingerprint before = Fingerprint.of(db);

    Path wal = walStore(folder.resolve("wal ü #2.db"), 12);
    Fingerprint walBefore = Fingerprint.of(wal);

    readAndCheckAll(db, 12);
    readAndCheckAll(wal, 12);

    assertThat(Fingerprint.of(db)).isEqualTo(before);
    assertThat(Fingerprint.of(wal)).isEqualTo(walBefore);
    assertThat(listing(folder)).containsExactly("ev?nts %20 ü.db", "wal ü #2.db");
  }

  // --------------------------------------------------------------------------- (a) WAL, no -wal
  // file

  @Test
  void walStoreWithoutWalFileIsReadAndNothingIsCreated() throws Exception {
    Path db = walStore(dir.resolve("store.db"), 30);
    assertThat(listing(dir)).containsExactly("store.db");
    assertThat(header(db, 18)).isEqualTo(2);
    assertThat(header(db, 19)).isEqualTo(2);
    Fingerprint before = Fingerprint.of(db);

    readAndCheckAll(db, 30);

    assertThat(Fingerprint.of(db)).isEqualTo(before);
    assertThat(listing(dir)).containsExactly("store.db");
  }

  // ---------------------------------------------------------------- (b) -wal and -shm both present

  @Test
  void liveWriterEventsOnlyInTheWalAreReadAndNothingChanges() throws Exception {
    Path db = walStore(dir.resolve("store.db"), 20);
    String dbBeforeWriter = sha256(db);
    try (Connection writer = walWriter(db)) {
      insertRange(writer, 21, 30, STREAMS);
      // the ten new events are only in the -wal: the main file has not changed
      assertThat(sha256(db)).isEqualTo(dbBeforeWriter);
      assertThat(listing(dir)).containsExactly("store.db", "store.db-shm", "store.db-wal");
      Fingerprint before = Fingerprint.of(db);

      readAndCheckAll(db, 30);

      assertThat(Fingerprint.of(db)).isEqualTo(before);
      assertThat(listing(dir)).containsExactly("store.db", "store.db-shm", "store.db-wal");
    }
  }

  @Test
  void crashedWriterFilesWithEventsOnlyInTheWalAreReadAndNothingChanges() throws Exception {
    Path live = Files.createDirectories(dir.resolve("live"));
    Path copyDir = Files.createDirectories(dir.resolve("copy"));
    Path db = walStore(live.resolve("store.db"), 20);
    String dbBeforeWriter = sha256(db);
    Path copy = copyDir.resolve("store.db");
    try (Connection writer = walWriter(db)) {
      insertRange(writer, 21, 30, STREAMS);
      assertThat(sha256(db)).isEqualTo(dbBeforeWriter);
      // what a crashed writer leaves: the main file, its -wal and its -shm
      Files.copy(db, copy);
      Files.copy(sibling(db, "-wal"), sibling(copy, "-wal"));
      Files.copy(sibling(db, "-shm"), sibling(copy, "-shm"));
    }
    assertThat(listing(copyDir)).containsExactly("store.db", "store.db-shm", "store.db-wal");
    Fingerprint before = Fingerprint.of(copy);

    readAndCheckAll(copy, 30);

    assertThat(Fingerprint.of(copy)).isEqualTo(before);
    assertThat(listing(copyDir)).containsExactly("store.db", "store.db-shm", "store.db-wal");
  }

  // -------------------------------------------------------------------- (c) -wal without its -shm

  @Test
  void walWithoutShmIsReadFromAPrivateCopyThatIsDeletedOnClose() throws Exception {
    Path copy = walOnlyCopy(30);
    Fingerprint before = Fingerprint.of(copy);
    Set<Path> tempBefore = privateCopies();

    Path privateCopy;
    try (SqliteEventSource source = SqliteEventSource.open(copy, (Path) null)) {
      Set<Path> made = new HashSet<>(privateCopies());
      made.removeAll(tempBefore);
      assertThat(made).hasSize(1);
      privateCopy = made.iterator().next();
      assertThat(sha256(privateCopy.resolve("store.db"))).isEqualTo(before.db());
      assertThat(sha256(privateCopy.resolve("store.db-wal"))).isEqualTo(before.wal());
      assertThat(source.file()).isEqualTo(copy.toAbsolutePath().normalize());

      checkAll(source, 30);
      // nothing is created beside the user's files while the store is open
      assertThat(listing(copy.getParent())).containsExactly("store.db", "store.db-wal");
    }

    assertThat(privateCopy).doesNotExist();
    assertThat(privateCopies()).isEqualTo(tempBefore);
    assertThat(Fingerprint.of(copy)).isEqualTo(before);
    assertThat(listing(copy.getParent())).containsExactly("store.db", "store.db-wal");
  }

  @Test
  void privateCopyIsDeletedWhenTheStoreHasAnUnknownLayout() throws Exception {
    Path live = Files.createDirectories(dir.resolve("live"));
    Path copyDir = Files.createDirectories(dir.resolve("copy"));
    Path db = live.resolve("other.db");
    try (Connection c = connect(db)) {
      exec(c, "PRAGMA journal_mode=WAL");
      exec(c, "CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT)");
    }
    Path copy = copyDir.resolve("other.db");
    try (Connection writer = walWriter(db)) {
      exec(writer, "INSERT INTO people(name) VALUES ('ada')");
      Files.copy(db, copy);
      Files.copy(sibling(db, "-wal"), sibling(copy, "-wal"));
    }
    Fingerprint before = Fingerprint.of(copy);
    Set<Path> tempBefore = privateCopies();

    assertThatThrownBy(() -> SqliteEventSource.open(copy, (Path) null))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("unknown layout: " + copy.toAbsolutePath().normalize());

    assertThat(privateCopies()).isEqualTo(tempBefore);
    assertThat(Fingerprint.of(copy)).isEqualTo(before);
    assertThat(listing(copyDir)).containsExactly("other.db", "other.db-wal");
  }

  @Test
  void privateCopyIsDeletedWhenSqliteCannotOpenTheCopy() throws Exception {
    Path copy = walOnlyCopy(30);
    // page 1's b-tree header (just after the 100-byte file header) gets an invalid page type
    try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
      f.seek(100);
      f.write(new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
    }
    Fingerprint before = Fingerprint.of(copy);
    Set<Path> tempBefore = privateCopies();

    assertThatThrownBy(() -> SqliteEventSource.open(copy, (Path) null))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(copy.toAbsolutePath().normalize() + " is corrupt");

    assertThat(privateCopies()).isEqualTo(tempBefore);
    assertThat(Fingerprint.of(copy)).isEqualTo(before);
    assertThat(listing(copy.getParent())).containsExactly("store.db", "store.db-wal");
  }

  // ----------------------------------------------------------------------------------------
  // helpers

  /** A closed WAL-mode store holding {@code count} events, all checkpointed into the main file. */
  private static Path walStore(Path db, int count) throws SQLException {
    try (Connection c = connect(db)) {
      exec(c, "PRAGMA journal_mode=WAL");
      TestStores.createSchema(c);
      insertRange(c, 1, count, STREAMS);
    }
    return db;
  }

  /** A writer that never checkpoints, so what it writes stays in the -wal. */
  private static Connection walWriter(Path db) throws SQLException {
    Connection writer = connect(db);
    exec(writer, "PRAGMA wal_autocheckpoint=0");
    return writer;
  }

  /** A copied WAL store: main file (events 1..20) and a -wal holding events 21..count, no -shm. */
  private Path walOnlyCopy(int count) throws Exception {
    Path live = Files.createDirectories(dir.resolve("live"));
    Path copyDir = Files.createDirectories(dir.resolve("copy"));
    Path db = walStore(live.resolve("store.db"), 20);
    String dbBeforeWriter = sha256(db);
    Path copy = copyDir.resolve("store.db");
    try (Connection writer = walWriter(db)) {
      insertRange(writer, 21, count, STREAMS);
      assertThat(sha256(db)).isEqualTo(dbBeforeWriter);
      Files.copy(db, copy);
      Files.copy(sibling(db, "-wal"), sibling(copy, "-wal"));
    }
    assertThat(listing(copyDir)).containsExactly("store.db", "store.db-wal");
    return copy;
  }

  private static void readAndCheckAll(Path db, int count) {
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      assertThat(source.layout().name()).isEqualTo("hindsight-simple");
      checkAll(source, count);
    }
  }

  /** Every event 1..count is read with its payload, and the stream list counts them all. */
  private static void checkAll(SqliteEventSource source, int count) {
    List<StreamSummary> streams = source.streams();
    assertThat(streams)
        .extracting(StreamSummary::stream)
        .containsExactly("order-1", "order-2", "order-3");
    assertThat(streams)
        .extracting(StreamSummary::events)
        .containsExactly(expectedCount(count, 1), expectedCount(count, 2), expectedCount(count, 3));
    assertThat(streams).extracting(StreamSummary::type).containsOnly("order");
    assertThat(streams.get(0).firstVersion()).isEqualTo(1);
    assertThat(streams.get(0).lastVersion()).isEqualTo(expectedCount(count, 1));
    long lastOfStream1 = (expectedCount(count, 1) - 1) * STREAMS + 1;
    assertThat(streams.get(0).lastTimestamp())
        .isEqualTo(Instant.parse(TestStores.time(lastOfStream1)));

    List<StoredEvent> events = source.readList(EventQuery.all());
    assertThat(events)
        .extracting(StoredEvent::position)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
    for (StoredEvent e : events) {
      assertThat(e.problems()).isEmpty();
      assertThat(e.data().get("n").asLong()).isEqualTo(e.position());
      assertThat(e.data().get("note").asText()).isEqualTo("event " + e.position());
      assertThat(e.stream()).isEqualTo("order-" + ((e.position() - 1) % STREAMS + 1));
      assertThat(e.timestamp()).isEqualTo(Instant.parse(TestStores.time(e.position())));
    }
  }

  private static long expectedCount(int count, int stream) {
    return LongStream.rangeClosed(1, count).filter(p -> (p - 1) % STREAMS + 1 == stream).count();
  }

  private static int header(Path db, int offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "r")) {
      f.seek(offset);
      return f.read();
    }
  }

  /**
   * The {@code hindsight-wal-*} folders in the temp folder, where SqliteFile makes private copies.
   */
  private static Set<Path> privateCopies() throws IOException {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return new HashSet<>(
          all.filter(p -> p.getFileName().toString().startsWith("hindsight-wal-")).toList());
    }
  }

  /** The main file's and the -wal's bytes (null when there is no -wal). */
  record Fingerprint(String db, String wal) {
    static Fingerprint of(Path db) throws IOException {
      Path wal = sibling(db, "-wal");
      return new Fingerprint(sha256(db), Files.exists(wal) ? sha256(wal) : null);
    }
  }

  @Test
  void aFileWithoutReadPermissionIsSaidSo() throws Exception {
    Path store = dir.resolve("secret.db");
    java.nio.file.Files.writeString(store, "x");
    // as root (the tests here run so) a chmod does not stop a read: the one place that says it is
    // checked with the exception the JDK throws for it
    org.assertj.core.api.Assertions.assertThat(
            SqliteFile.unreadable(store, new java.nio.file.AccessDeniedException(store.toString()))
                .getMessage())
        .isEqualTo("permission denied: cannot read " + store);
    java.nio.file.Files.setPosixFilePermissions(store, java.util.Set.of());
    boolean root = java.nio.file.Files.isReadable(store);
    if (!root) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteFile.open(store))
          .hasMessage("permission denied: cannot read " + store);
    }
  }
}
