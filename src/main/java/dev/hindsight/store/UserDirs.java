package dev.hindsight.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Hindsight keeps files of its own, never beside the user's store: the cache (which may be
 * deleted at any time) and the data folder (bookmarks and notes, which may not). The system
 * properties {@code hindsight.cache.dir} and {@code hindsight.data.dir}, or the environment
 * variables {@code HINDSIGHT_CACHE_DIR} and {@code HINDSIGHT_DATA_DIR}, move them; {@code off}
 * turns the cache off.
 */
public final class UserDirs {

  private UserDirs() {}

  /** The cache folder (it may not exist yet), or empty when the cache is off. */
  public static Optional<Path> cache() {
    String given = System.getProperty("hindsight.cache.dir");
    if (given == null || given.isBlank()) {
      given = System.getenv("HINDSIGHT_CACHE_DIR");
    }
    if (given != null && !given.isBlank()) {
      return given.strip().equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Path.of(given));
    }
    return Optional.of(platformCache());
  }

  /** The data folder (it may not exist yet). */
  public static Path data() {
    String given = System.getProperty("hindsight.data.dir");
    if (given == null || given.isBlank()) {
      given = System.getenv("HINDSIGHT_DATA_DIR");
    }
    if (given != null && !given.isBlank()) {
      return Path.of(given.strip());
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.startsWith("windows")) {
      String roaming = System.getenv("APPDATA");
      Path base = roaming == null ? home.resolve("AppData").resolve("Roaming") : Path.of(roaming);
      return base.resolve("Hindsight");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Hindsight");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
    return base.resolve("hindsight");
  }

  /** The platform's per-user cache folder, with a folder of ours in it. */
  private static Path platformCache() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.startsWith("windows")) {
      String local = System.getenv("LOCALAPPDATA");
      Path base = local == null ? home.resolve("AppData").resolve("Local") : Path.of(local);
      return base.resolve("Hindsight").resolve("Cache");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Caches").resolve("Hindsight");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg == null || xdg.isBlank() ? home.resolve(".cache") : Path.of(xdg);
    return base.resolve("hindsight");
  }
}
