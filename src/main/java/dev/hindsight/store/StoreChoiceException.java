package dev.hindsight.store;

import java.util.List;

/**
 * More than one store fits where the user pointed (two schemas of one database each hold a store):
 * which one to open is the user's choice, by one of {@link #choices()} (the window asks; the CLI
 * says how to name one).
 */
public final class StoreChoiceException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> choices;

  /**
   * @param message what fits, and how to choose
   * @param choices each store's location, to open it by
   */
  public StoreChoiceException(String message, List<String> choices) {
    super(message);
    this.choices = List.copyOf(choices);
  }

  /** Each store that fits, by a location that opens it alone. */
  public List<String> choices() {
    return choices;
  }
}
