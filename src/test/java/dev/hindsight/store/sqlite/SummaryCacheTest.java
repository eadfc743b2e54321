package dev.hindsight.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.LayoutFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCacheTest {

  @TempDir Path dir;

  private Path store() throws Exception {
    Path db = dir.resolve("store.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
      TestStores.insert(c, 1, "order-1", 1, "Placed", "{}", "{}", "2024-01-01T00:00:00Z");
      TestStores.insert(c, 2, "order-1", 2, "Paid", "{}", "{}", "2024-01-02T00:00:00Z");
      TestStores.insert(c, 3, "cart-1", 1, "Opened", "{}", "{}", "2024-01-03T00:00:00Z");
    }
    return db;
  }

  private static List<StreamSummary> list(Path db, Path cacheDir) {
    String before = System.getProperty("hindsight.cache.dir");
    System.setProperty("hindsight.cache.dir", cacheDir.toString());
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      return source.streams();
    } finally {
      System.setProperty("hindsight.cache.dir", before == null ? "" : before);
    }
  }

  @Test
  void aStoreBeingWrittenIsReadNotTakenFromTheCache() throws Exception {
    Path db = store();
    Path cacheDir = dir.resolve("cache");
    try (Connection writer = TestStores.connect(db)) {
      TestStores.exec(writer, "PRAGMA journal_mode=WAL");
      TestStores.exec(writer, "PRAGMA wal_autocheckpoint=0");
      TestStores.insert(writer, 4, "order-2", 1, "Placed", "{}", "{}", "2024-01-04T00:00:00Z");
      assertThat(Files.size(SqliteFile.sibling(db, "-wal"))).isPositive();
      // an entry for the files exactly as they are: a commit can leave a WAL's size and time so
      String layout;
      try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
        layout = LayoutFiles.write(source.layout());
      }
      new SummaryCache(cacheDir.resolve("streams"))
          .save(
              FileIdentity.of(db),
              layout,
              List.of(new StreamSummary("marker-1", "marker", 1, 1, 1, null, null)));

      assertThat(list(db, cacheDir))
          .extracting(StreamSummary::stream)
          .containsExactly("cart-1", "order-1", "order-2");
    }
  }

  @Test
  void aSecondListingComesFromTheCacheAndEqualsTheFirst() throws Exception {
    Path db = store();
    Path cacheDir = dir.resolve("cache");
    String fingerprint = TestStores.sha256(db);

    List<StreamSummary> first = list(db, cacheDir);
    Path entry = onlyEntry(cacheDir.resolve("streams"));
    // a cache entry that lists a stream the store does not have proves the second listing read it
    FileIdentity id = FileIdentity.of(db);
    String layout;
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      layout = LayoutFiles.write(source.layout());
    }
    List<StreamSummary> marked = new java.util.ArrayList<>(first);
    marked.add(new StreamSummary("marker-1", "marker", 1, 1, 1, null, null));
    new SummaryCache(cacheDir.resolve("streams")).save(id, layout, marked);

    assertThat(first).extracting(StreamSummary::stream).containsExactly("cart-1", "order-1");
    assertThat(list(db, cacheDir)).isEqualTo(marked);
    assertThat(onlyEntry(cacheDir.resolve("streams"))).isEqualTo(entry);
    assertThat(TestStores.sha256(db)).isEqualTo(fingerprint);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("store.db", "cache");
  }

  @Test
  void aChangedStoreIsAMissAndItsNewListReplacesTheOldEntry() throws Exception {
    Path db = store();
    Path cacheDir = dir.resolve("cache");
    assertThat(list(db, cacheDir)).hasSize(2);
    try (Connection c = TestStores.connect(db)) {
      TestStores.insert(c, 4, "account-1", 1, "Opened", "{}", "{}", "2024-01-04T00:00:00Z");
    }

    assertThat(list(db, cacheDir))
        .extracting(StreamSummary::stream)
        .containsExactly("account-1", "cart-1", "order-1");
    assertThat(list(db, cacheDir)).hasSize(3);
    onlyEntry(cacheDir.resolve("streams"));
  }

  @Test
  void aDamagedEntryIsIgnoredAndRewritten() throws Exception {
    Path db = store();
    Path cacheDir = dir.resolve("cache");
    List<StreamSummary> first = list(db, cacheDir);
    Path entry = onlyEntry(cacheDir.resolve("streams"));
    byte[] bytes = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(list(db, cacheDir)).isEqualTo(first);
    assertThat(Files.size(entry)).isEqualTo(bytes.length);
  }

  @Test
  void offMeansNoCacheFolderAtAll() throws Exception {
    Path db = store();
    assertThat(list(db, Path.of("off"))).hasSize(2);
    assertThat(Files.exists(Path.of("off"))).isFalse();
  }

  @Test
  void everyFieldSurvivesTheRoundTripIncludingNulls() throws Exception {
    Path db = store();
    SummaryCache cache = new SummaryCache(dir.resolve("c"));
    FileIdentity id = FileIdentity.of(db);
    List<StreamSummary> streams =
        List.of(
            new StreamSummary(
                "Order/ä 1",
                null,
                3,
                0,
                -2,
                java.time.Instant.parse("2024-01-01T00:00:00.123456789Z"),
                null),
            new StreamSummary("x".repeat(100_000), "t", 1, 5, 5, null, java.time.Instant.EPOCH));
    cache.save(id, "layout", streams);

    assertThat(cache.load(id, "layout")).isEqualTo(streams);
    assertThat(cache.load(id, "another layout")).isNull();
  }

  private static Path onlyEntry(Path streamsDir) throws Exception {
    try (Stream<Path> files = Files.list(streamsDir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }
}
