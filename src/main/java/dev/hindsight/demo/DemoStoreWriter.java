package dev.hindsight.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes {@link DemoStory} into a new SQLite file in Hindsight's simple layout (the layout {@code
 * make_event_store.py} writes): one {@code events} table, a unique index on stream and version. The
 * same story gives the same bytes with the same SQLite library.
 */
public final class DemoStoreWriter {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private DemoStoreWriter() {}

  /**
   * Writes the story to {@code out}, replacing it if it exists. The file is written beside it under
   * another name first and moved into place, so a failed write leaves no half a store. A missing
   * folder is made.
   */
  public static DemoStory.Story write(Path out) throws IOException {
    DemoStory.Story story = DemoStory.tell();
    Path target = out.toAbsolutePath();
    Path parent = target.getParent();
    Files.createDirectories(parent); // as mkdir -p: a new folder for the demo is what was meant
    Path partial = Files.createTempFile(parent, "." + target.getFileName(), ".partial");
    try {
      Files.delete(partial); // SQLite makes the file; an empty one is not a database
      write(story, partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      Files.deleteIfExists(Path.of(partial + "-journal"));
      throw e;
    }
    return story;
  }

  private static void write(DemoStory.Story story, Path file) throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size=4096");
      s.execute("PRAGMA journal_mode=DELETE");
      s.execute(
          "CREATE TABLE events(\n"
              + "    global_position INTEGER PRIMARY KEY,\n"
              + "    stream_id       TEXT    NOT NULL,\n"
              + "    stream_version  INTEGER NOT NULL,\n"
              + "    event_type      TEXT    NOT NULL,\n"
              + "    payload         TEXT    NOT NULL,\n"
              + "    metadata        TEXT    NOT NULL,\n"
              + "    recorded_at     TEXT    NOT NULL)");
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?,?,?)")) {
        for (DemoStory.Event e : story.events()) {
          insert.setLong(1, e.position());
          insert.setString(2, e.stream());
          insert.setLong(3, e.version());
          insert.setString(4, e.type());
          insert.setString(5, e.data());
          insert.setString(6, e.metadata());
          insert.setString(7, ISO.format(e.recordedAt()));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute("CREATE UNIQUE INDEX events_stream_version ON events(stream_id, stream_version)");
      c.commit();
    } catch (SQLException e) {
      throw new IOException("cannot write the demo store " + file + ": " + e.getMessage(), e);
    }
  }
}
