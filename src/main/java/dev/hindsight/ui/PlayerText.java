package dev.hindsight.ui;

import dev.hindsight.replay.StreamReplay;
import java.util.Locale;

/**
 * The player bar's position text, with no toolkit: {@code v3 · 3 / 4}, or {@code v3 · 3} with the
 * future hidden, since the number of events would tell how many are still to come.
 */
final class PlayerText {

  private PlayerText() {}

  static String position(StreamReplay.Point p, int size, boolean hideFuture) {
    String of = hideFuture ? "" : String.format(Locale.ROOT, " / %,d", size);
    if (p.event() == null) {
      return "Initial state · 0" + of;
    }
    return String.format(Locale.ROOT, "v%d · %,d", p.event().version(), p.ordinal() + 1) + of;
  }
}
