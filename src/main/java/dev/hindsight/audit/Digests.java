package dev.hindsight.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Fingerprints of files, for reports that say exactly what they are about. */
public final class Digests {

  private Digests() {}

  /**
   * The SHA-256 of a reducer: of the file's bytes, or for a folder, of each {@code .js} file's name
   * and bytes in name order (the files a folder of reducers is loaded from).
   */
  public static String sha256OfReducers(Path path) {
    if (!Files.isDirectory(path)) {
      return sha256(path);
    }
    try (java.util.stream.Stream<Path> list = Files.list(path)) {
      MessageDigest sha = Fingerprints.sha256();
      for (Path p :
          list.filter(f -> f.getFileName().toString().endsWith(".js") && Files.isRegularFile(f))
              .sorted()
              .toList()) {
        sha.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(p));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of {@code file}'s bytes, in lower-case hex; read, never written. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = Fingerprints.sha256();
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
