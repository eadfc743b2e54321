package dev.hindsight.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo store's reducers, as packaged in the application (from {@code resources/reducers/demo}).
 * Reducers are loaded and watched from files, so they are written out to a folder.
 */
public final class DemoReducers {

  /** Where they are on the classpath. */
  static final String FOLDER = "/dev/hindsight/reducers/demo/";

  /** Their files, in load order (a test keeps this in step with resources/reducers/demo). */
  public static final List<String> FILES =
      List.of("10-orders.js", "20-carts.js", "30-payments.js", "40-inventory.js", "50-accounts.js");

  private DemoReducers() {}

  /** Writes the reducers into {@code dir} (made if missing), replacing files of the same names. */
  public static List<Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new java.util.ArrayList<>();
    for (String name : FILES) {
      try (InputStream in = DemoReducers.class.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          throw new IOException(FOLDER + name + " is missing from the application");
        }
        Path to = dir.resolve(name);
        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        written.add(to);
      }
    }
    return written;
  }
}
