package dev.hindsight.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the window asks the user and tells them in a dialog: files to open and save, text, a
 * bookmark's note, errors. The window's rules ({@link WindowViewModel}) go through this interface;
 * {@link FxDialogs} is the only class that makes choosers, alerts and text dialogs, and tests
 * script the answers. Every question may be cancelled: empty.
 */
public interface Dialogs {

  /** A choice of file types in a chooser: "SQLite event stores", "*.db", "*.sqlite". */
  record Filter(String description, List<String> patterns) {
    public Filter(String description, String... patterns) {
      this(description, List.of(patterns));
    }
  }

  /** A file to open; {@code folder} is where the chooser starts (null: anywhere). */
  Optional<Path> openFile(String title, Path folder, List<Filter> filters);

  /** A file to write, suggesting {@code name}. */
  Optional<Path> saveFile(String title, String name, List<Filter> filters);

  /** A folder. */
  Optional<Path> openFolder(String title);

  /** A line of text, starting from {@code initial}. */
  Optional<String> askText(String title, String header, String label, String initial);

  /** A bookmark's title, note and author, for the event {@code header} names. */
  Optional<Note> askNote(String header, String author);

  /** What a bookmark says. */
  record Note(String title, String text, String author) {}

  /**
   * File › Connect to PostgreSQL…: the user fills {@code form} (host, port, database, user, schema,
   * password); true when they connect, false when they cancel.
   */
  boolean askConnection(ConnectViewModel form);

  /**
   * A password the server asks for, typed unseen; {@code header} says for whom. Used for one
   * connection and never kept.
   */
  Optional<String> askPassword(String header);

  /** One of {@code choices} (e.g. which schema's store to open). */
  Optional<String> choose(String title, String header, List<String> choices);

  /** Something went wrong: {@code header} says what, {@code message} why and what to do. */
  void error(String header, String message);
}
