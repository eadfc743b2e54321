package dev.hindsight.cli;

import dev.hindsight.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The rules for a file a command writes: never a store, never over a file unless asked. */
final class OutputFiles {

  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private OutputFiles() {}

  /** Refuses {@code out} when it is the store, a SQLite database, or exists without force. */
  static void check(Path out, Path store, boolean force) {
    if (Files.exists(out)) {
      try {
        if (store != null && Files.isSameFile(out, store)) {
          throw new StoreException(out + " is the store being read; it is never written over");
        }
      } catch (IOException e) {
        throw new StoreException("cannot check " + out + ": " + e.getMessage());
      }
      if (isDatabase(out)) {
        throw new StoreException(out + " is a SQLite database; Hindsight never writes over one");
      }
      if (!force) {
        throw new StoreException(out + " exists; add --force to replace it");
      }
    }
  }

  private static boolean isDatabase(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE.length), SQLITE);
    } catch (IOException e) {
      return false;
    }
  }

  /** This machine's name, for saying who made a file; "unknown" when it cannot be told. */
  static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
