package dev.hindsight.ui;

import dev.hindsight.store.open.Stores;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A store to open: its file or its database server's URL (as it may be shown: never with a
 * password), and the mapping file to read it with (null: the layout is detected). What Open Recent
 * remembers, so a store that needs a mapping opens with it again. A password the user typed for a
 * server rides along for this window's connections only: it is no part of what a target equals,
 * shows or is remembered as.
 *
 * @param file the store's file, or null for a server
 * @param url the server's URL without a password, or null for a file
 * @param mapping the mapping file, or null
 * @param password the password the user typed for the server, or null (the URL's environment or
 *     password file gives one, or none is needed)
 */
public record StoreTarget(Path file, String url, Path mapping, Password password) {

  public StoreTarget {
    if ((file == null) == (url == null)) {
      throw new IllegalArgumentException("a store target is a file or a URL");
    }
  }

  /** A file, with a mapping (null: detected). */
  public StoreTarget(Path file, Path mapping) {
    this(file, null, mapping, null);
  }

  /** A store whose layout is detected. */
  public static StoreTarget of(Path file) {
    return new StoreTarget(file, null);
  }

  /**
   * What the user named, a file or a server's URL; a password written in the URL is kept for the
   * connection only, the URL remembered without it.
   */
  public static StoreTarget parse(String fileOrUrl, Path mapping) {
    if (Stores.isUrl(fileOrUrl)) {
      return new StoreTarget(
          null,
          Stores.location(fileOrUrl),
          mapping,
          Stores.passwordIn(fileOrUrl).map(Password::new).orElse(null));
    }
    return new StoreTarget(Path.of(fileOrUrl), mapping);
  }

  /** A server's URL (any password in it kept for the connection only). */
  public static StoreTarget url(String url) {
    return parse(url, null);
  }

  /** Whether this is a database server rather than a file. */
  public boolean isServer() {
    return url != null;
  }

  /** The same store, connected to with {@code typed} (null: none). */
  StoreTarget withPassword(String typed) {
    return new StoreTarget(file, url, mapping, typed == null ? null : new Password(typed));
  }

  /** Another store of the same server (a schema chosen), with the same mapping and password. */
  StoreTarget withUrl(String other) {
    return new StoreTarget(null, Stores.location(other), mapping, password);
  }

  /** The same, with paths made absolute (as remembered), and without a password. */
  StoreTarget absolute() {
    return new StoreTarget(
        file == null ? null : file.toAbsolutePath().normalize(),
        url,
        mapping == null ? null : mapping.toAbsolutePath().normalize(),
        null);
  }

  /** The file's path or the server's URL, as shown. */
  public String location() {
    return file == null ? url : file.toString();
  }

  /** A short name for a title bar: the file's name, or the URL. */
  public String name() {
    return file == null ? url : String.valueOf(file.getFileName());
  }

  /** The file or URL, and the mapping when there is one: for a menu. */
  String label() {
    return mapping == null ? location() : location() + "  (mapping " + mapping.getFileName() + ")";
  }

  /** The same store: same file or URL and mapping, whatever password. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StoreTarget t
        && Objects.equals(file, t.file)
        && Objects.equals(url, t.url)
        && Objects.equals(mapping, t.mapping);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, url, mapping);
  }

  @Override
  public String toString() {
    return label();
  }

  /**
   * A password the user typed: held in memory for the window's connections, never shown ({@link
   * #toString} hides it), written or remembered.
   */
  public static final class Password {
    private final String value;

    Password(String value) {
      this.value = Objects.requireNonNull(value);
    }

    /** The password itself, for the connection. */
    String reveal() {
      return value;
    }

    @Override
    public String toString() {
      return "•••";
    }
  }
}
