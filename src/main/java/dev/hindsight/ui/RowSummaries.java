package dev.hindsight.ui;

import dev.hindsight.audit.Masking;
import dev.hindsight.event.EventJson;
import dev.hindsight.replay.StreamReplay;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The events table's data summaries of one stream, loaded a page of rows at a time as the rows come
 * into view, in the background, and through the window's masking.
 */
final class RowSummaries {

  /** The rows whose data summaries are loaded together. */
  static final int PAGE = 200;

  /** The longest data summary, in characters. */
  static final int WIDTH = 160;

  private final TaskRunner tasks;
  // the pages whose summaries are loaded or loading
  private final BitSet pages = new BitSet();

  RowSummaries(TaskRunner tasks) {
    this.tasks = tasks;
  }

  /** Forgets what was loaded (a new replay, or other masking): rows load again as they show. */
  void clear() {
    pages.clear();
  }

  /**
   * Loads the page of {@code row} from {@code r}, once; the rows get their summaries if {@code
   * current} is still {@code r} when they arrive.
   */
  void need(
      EventRow row,
      StreamReplay r,
      Supplier<StreamReplay> current,
      List<EventRow> rows,
      Supplier<Masking> masking) {
    int page = row.ordinal() / PAGE;
    if (r == null || pages.get(page)) {
      return;
    }
    pages.set(page);
    int from = page * PAGE;
    int to = Math.min(r.size(), from + PAGE) - 1;
    String[] texts = new String[to - from + 1];
    Masking mask = masking.get();
    tasks.run(
        () -> {
          r.forEach(
              from,
              to,
              (o, e) ->
                  texts[o - from] =
                      // a bad event is marked where the eye is: in front of its data
                      (e.hasProblems() ? "⚠ " + e.problems().get(0) + " · " : "")
                          + EventJson.summary(mask.apply(e), WIDTH));
          return texts;
        },
        loaded -> {
          if (current.get() != r) {
            return;
          }
          for (int i = 0; i < loaded.length; i++) {
            rows.get(from + i).setSummary(loaded[i] == null ? "" : loaded[i]);
          }
        },
        failure -> pages.clear(page));
  }
}
