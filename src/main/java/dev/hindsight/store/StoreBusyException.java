package dev.hindsight.store;

/**
 * The store is held by a writer for now (SQLite: busy or locked, a transaction that outlasted the
 * busy wait), not broken: the same read may well succeed a moment later.
 */
public class StoreBusyException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
