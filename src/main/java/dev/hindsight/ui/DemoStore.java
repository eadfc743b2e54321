package dev.hindsight.ui;

import dev.hindsight.demo.DemoReducers;
import dev.hindsight.tour.Tour;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bundled demo store, its reducers and its tour. The app opens a fresh copy of the store, so
 * the bundled file is never touched; the reducers are copied beside it, because reducers are loaded
 * (and watched) from files.
 */
public final class DemoStore {

  static final String RESOURCE = "/dev/hindsight/demo/hindsight-demo.db";
  static final String TOUR = "/dev/hindsight/tours/demo-tour.json";

  private DemoStore() {}

  /**
   * Copies the demo store to a new temporary folder and returns it; its reducers are in the
   * folder's {@code demo-reducers} folder ({@link #reducersOf}).
   */
  public static Path copy() throws IOException {
    Path dir = Files.createTempDirectory("hindsight-demo-");
    dir.toFile().deleteOnExit();
    Path file = dir.resolve("hindsight-demo.db");
    Path reducers = dir.resolve("demo-reducers");
    Files.createDirectory(reducers);
    reducers.toFile().deleteOnExit();
    copy(RESOURCE, file);
    for (Path written : DemoReducers.writeTo(reducers)) {
      written.toFile().deleteOnExit();
    }
    return file;
  }

  /** The folder of reducers {@link #copy} put beside the store. */
  public static Path reducersOf(Path copy) {
    return copy.resolveSibling("demo-reducers");
  }

  /** The bundled tour of the demo store. */
  static Tour tour() {
    try (InputStream in = DemoStore.class.getResourceAsStream(TOUR)) {
      if (in == null) {
        throw new Tour.TourException("the demo tour is missing from the application");
      }
      return Tour.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = DemoStore.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the application");
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
    // the folders were registered first: deleteOnExit runs in reverse order, files before folders
    to.toFile().deleteOnExit();
  }
}
