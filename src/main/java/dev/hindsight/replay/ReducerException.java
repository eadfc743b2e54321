package dev.hindsight.replay;

/** A reducer failed: a handler threw, ran out of time, or returned a state that is not JSON. */
public class ReducerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReducerException(String message) {
    super(message);
  }

  public ReducerException(String message, Throwable cause) {
    super(message, cause);
  }
}
