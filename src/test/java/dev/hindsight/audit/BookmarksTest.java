package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.UserDirs;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookmarksTest {

  @TempDir Path dir;

  private static Bookmark mark(String stream, long version, String title, int minute) {
    return new Bookmark(
        stream,
        version,
        title,
        "note on " + title,
        "ada",
        Instant.parse("2024-05-01T10:00:00Z").plusSeconds(60L * minute));
  }

  @Test
  void bookmarksAreKeptInTheDataFolderNeverBesideTheStore() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("store.db"), 10, 2);
    String bytes = TestStores.sha256(db);
    Bookmarks b = Bookmarks.of(db);
    b.add(mark("order-2", 3, "refund here", 2));
    b.add(mark("order-1", 4, "double charge", 1));

    Bookmarks again = Bookmarks.of(dir.resolve("./store.db"));

    assertThat(again.all())
        .extracting(Bookmark::title)
        .containsExactly("double charge", "refund here");
    assertThat(again.of("order-2", 1, 5)).extracting(Bookmark::version).containsExactly(3L);
    assertThat(again.of("order-2", 4, 5)).isEmpty();
    assertThat(b.file()).startsWith(UserDirs.data());
    assertThat(TestStores.listing(dir)).containsExactly("store.db");
    assertThat(TestStores.sha256(db)).isEqualTo(bytes);

    again.remove(mark("order-2", 3, "refund here", 2));
    assertThat(Bookmarks.of(db).all()).extracting(Bookmark::title).containsExactly("double charge");
  }

  @Test
  void exportedBookmarksImportOnceIntoAColleaguesCopy() throws Exception {
    Path mine = TestStores.simpleStore(dir.resolve("mine.db"), 10, 2);
    Path theirs = TestStores.simpleStore(dir.resolve("theirs.db"), 10, 2);
    Bookmarks b = Bookmarks.of(mine);
    b.add(mark("order-1", 1, "first", 0));
    b.add(mark("order-1", 2, "second", 1));
    Path shared = dir.resolve("shared/notes.json");
    b.exportTo(shared);

    Bookmarks other = Bookmarks.of(theirs);
    other.add(mark("order-2", 5, "theirs", 3));
    assertThat(other.importFrom(shared)).isEqualTo(2);
    assertThat(other.importFrom(shared)).as("not twice").isZero();

    assertThat(Bookmarks.of(theirs).all())
        .extracting(Bookmark::title)
        .containsExactly("first", "second", "theirs");
    assertThat(Files.readString(shared)).contains("\"title\" : \"first\"");
  }

  @Test
  void aFileThatIsNotABookmarksFileIsOneClearError() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("store.db"), 4, 1);
    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, "{\"something\": []}");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"bookmarks\": [{\"title\": \"no stream\"}]}");

    assertThatThrownBy(() -> Bookmarks.of(db).importFrom(wrong))
        .isInstanceOf(StoreException.class)
        .hasMessage(wrong + " is not a Hindsight bookmarks file (no \"bookmarks\")");
    assertThatThrownBy(() -> Bookmarks.of(db).importFrom(broken))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("a bookmark needs a \"stream\" and a \"version\"");
    assertThat(Bookmarks.of(db).all()).isEmpty();
  }

  private static Bookmark hashed(
      dev.hindsight.store.EventSource source, String stream, long version, String title) {
    return new Bookmark(
        stream,
        version,
        title,
        "",
        "ada",
        Instant.parse("2024-05-01T10:00:00Z"),
        Bookmarks.eventHash(source, stream, version),
        null);
  }

  @Test
  void bookmarksFollowTheContentToACopyAndAMove() throws Exception {
    // a data folder of its own: any bookmarks earlier runs kept for copies of the demo would be
    // found by content as well
    String shared = System.getProperty("hindsight.data.dir");
    System.setProperty("hindsight.data.dir", dir.resolve("data").toString());
    try {
      followsTheContent();
    } finally {
      if (shared == null) {
        System.clearProperty("hindsight.data.dir");
      } else {
        System.setProperty("hindsight.data.dir", shared);
      }
    }
  }

  private void followsTheContent() throws Exception {
    Path original = dir.resolve("follow.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), original);
    // an event no other run has, so that bookmarks kept by earlier runs (in the data folder the
    // test runs share) are never this store's
    String unique = java.util.UUID.randomUUID().toString();
    try (var c = TestStores.connect(original)) {
      TestStores.exec(
          c,
          "INSERT INTO events VALUES (9000, 'order-1001', 6, 'OrderNoted', '{\"note\":\""
              + unique
              + "\"}', '{}', '2026-03-30T10:00:00.000Z')");
    }
    try (var source = dev.hindsight.store.sqlite.SqliteEventSource.open(original, (Path) null)) {
      Bookmark b = hashed(source, "order-1001", 6, "packed");
      assertThat(b.eventHash()).matches("[0-9a-f]{64}");
      Bookmarks.of(source).add(b);
    }
    Path copy = dir.resolve("elsewhere/copy.db");
    Files.createDirectories(copy.getParent());
    Files.copy(original, copy);
    Path moved = dir.resolve("moved.db");
    Files.move(original, moved);

    for (Path p : new Path[] {copy, moved}) {
      try (var source = dev.hindsight.store.sqlite.SqliteEventSource.open(p, (Path) null)) {
        assertThat(Bookmarks.of(source).all())
            .extracting(Bookmark::title)
            .containsExactly("packed");
      }
    }
    // a store whose event there differs does not take them
    try (var c = TestStores.connect(copy)) {
      TestStores.exec(c, "UPDATE events SET payload = '{}' WHERE global_position = 9000");
    }
    Path changed = dir.resolve("changed.db");
    Files.copy(copy, changed);
    try (var source = dev.hindsight.store.sqlite.SqliteEventSource.open(changed, (Path) null)) {
      assertThat(Bookmarks.of(source).all()).isEmpty();
    }
  }

  @Test
  void anExportCarriesTheDigestAndHashesAndAnImportFlagsWhatDoesNotMatch() throws Exception {
    Path mine = TestStores.simpleStore(dir.resolve("mine-h.db"), 12, 2);
    Path theirs = TestStores.simpleStore(dir.resolve("theirs-h.db"), 12, 2);
    try (var c = TestStores.connect(theirs)) {
      TestStores.exec(c, "UPDATE events SET payload = '{\"n\":0}' WHERE global_position = 3");
    }
    Path shared = dir.resolve("shared-h.json");
    String digest;
    try (var source = dev.hindsight.store.sqlite.SqliteEventSource.open(mine, (Path) null)) {
      Bookmarks b = Bookmarks.of(mine);
      b.add(hashed(source, "order-1", 1, "fine"));
      b.add(hashed(source, "order-1", 2, "forged there"));
      digest = StorePrint.digest(source, dev.hindsight.replay.Progress.NONE);
      b.exportTo(shared, digest);
    }
    var exported = dev.hindsight.store.codec.Json.parse(Files.readString(shared));
    assertThat(exported.get("storeDigest").asText()).isEqualTo(digest);
    assertThat(exported.get("bookmarks").get(0).get("eventHash").asText()).hasSize(64);

    try (var source = dev.hindsight.store.sqlite.SqliteEventSource.open(theirs, (Path) null)) {
      var checked = Bookmarks.check(shared, source);
      assertThat(checked)
          .extracting(Bookmark::title, x -> x.problem() != null)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("fine", false),
              org.assertj.core.groups.Tuple.tuple("forged there", true));
      assertThat(checked.get(1).problem()).contains("content hash differs");
      Bookmarks b = Bookmarks.of(theirs);
      assertThat(b.merge(checked)).isEqualTo(2);
      assertThat(Bookmarks.of(theirs).all().get(1).problem()).isNotNull();
    }
  }
}
