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
}
