package dev.hindsight.replay;

/**
 * How a replay runs.
 *
 * @param strict stop at the first reducer error instead of reporting it and going on
 * @param checkpointInterval events between checkpoints; 0 chooses from the state's size
 */
public record ReplayOptions(boolean strict, int checkpointInterval) {

  public static ReplayOptions defaults() {
    return new ReplayOptions(false, 0);
  }

  public ReplayOptions withStrict(boolean strict) {
    return new ReplayOptions(strict, checkpointInterval);
  }

  public ReplayOptions withCheckpointInterval(int interval) {
    return new ReplayOptions(strict, interval);
  }
}
