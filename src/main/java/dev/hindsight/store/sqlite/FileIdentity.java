package dev.hindsight.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What tells one state of a SQLite file from another, across processes: its path, size, change time
 * and file key, the file change counter SQLite keeps in its header (bumped by every transaction in
 * rollback mode), and the size and change time of its {@code -wal} (where WAL-mode writes go until
 * a checkpoint). {@code PRAGMA data_version} cannot serve here: its values mean something only
 * within one connection.
 */
record FileIdentity(
    String path,
    long size,
    long modified,
    String fileKey,
    int changeCounter,
    long walSize,
    long walModified) {

  /** The identity of {@code file} now; null when it cannot be read. */
  static FileIdentity of(Path file) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      byte[] header;
      try (InputStream in = Files.newInputStream(file)) {
        header = in.readNBytes(100);
      }
      if (header.length < 100) {
        return null;
      }
      long walSize = -1;
      long walModified = -1;
      Path wal = SqliteFile.sibling(file, "-wal");
      try {
        BasicFileAttributes w = Files.readAttributes(wal, BasicFileAttributes.class);
        walSize = w.size();
        walModified = w.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      } catch (NoSuchFileException none) {
        // no -wal: everything is in the main file
      }
      return new FileIdentity(
          file.toRealPath().toString(),
          attrs.size(),
          attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          String.valueOf(attrs.fileKey()),
          ByteBuffer.wrap(header, 24, 4).getInt(),
          walSize,
          walModified);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
