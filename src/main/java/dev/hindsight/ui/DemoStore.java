package dev.hindsight.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bundled demo store: the app opens a fresh copy of it, so the bundled file is never touched.
 */
public final class DemoStore {

  static final String RESOURCE = "/dev/hindsight/demo/hindsight-demo.db";

  private DemoStore() {}

  /** Copies the demo store to a new temporary file and returns it. */
  public static Path copy() throws IOException {
    Path dir = Files.createTempDirectory("hindsight-demo-");
    dir.toFile().deleteOnExit();
    Path file = dir.resolve("hindsight-demo.db");
    try (InputStream in = DemoStore.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the demo store is missing from the application");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    // the folder was registered first: deleteOnExit runs in reverse order, file before folder
    file.toFile().deleteOnExit();
    return file;
  }
}
