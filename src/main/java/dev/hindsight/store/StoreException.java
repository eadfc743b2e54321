package dev.hindsight.store;

/**
 * A store could not be opened or read. The message is one clear sentence for the person who opened
 * the file: what is wrong and, where it helps, what to do.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
