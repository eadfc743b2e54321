package dev.hindsight.replay;

/** Hears how far long work is, and may cancel it. */
public interface Progress {

  Progress NONE = (done, total) -> true;

  /**
   * Called now and then with how much is done.
   *
   * @return false to cancel the work (it then throws {@link
   *     java.util.concurrent.CancellationException})
   */
  boolean report(long done, long total);
}
