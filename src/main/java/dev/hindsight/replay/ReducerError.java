package dev.hindsight.replay;

/**
 * A reducer error at one event: the state stays as it was before the event, and the replay goes on.
 *
 * @param stream the stream
 * @param version the event's version
 * @param position the event's global position
 * @param type the event's type
 * @param message what went wrong
 */
public record ReducerError(
    String stream, long version, long position, String type, String message) {

  /** One line for people: where, and what. */
  public String describe() {
    return "reducer error in " + stream + " at version " + version + " (" + type + "): " + message;
  }
}
