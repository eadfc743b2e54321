package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.replay.js.JsReducers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code $invariants} in a reducer file: what loads, what is refused, and what a fold answers. */
class InvariantsLoadTest {

  @TempDir java.nio.file.Path dir;

  private static Reducer load(String source) {
    return JsReducers.fromSource(source, "inv.js", 300).get(0);
  }

  @Test
  void invariantsKeepTheirOrderAndAreNoHandlers() {
    Reducer r =
        load(
            "({ X: (s, e) => ({ n: e.data.n }), $invariants: {"
                + " 'z first': (s) => true, 'a second': (s) => s.n !== 2, m: (s) => true } })");

    assertThat(r.invariants()).containsExactly("z first", "a second", "m");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$invariants: 5",
        "$invariants: 'x >= 0'",
        "$invariants: (s) => true",
        "$invariants: [(s) => true]",
        "$invariants: null",
        "$invariants: { ok: (s) => true, bad: true }"
      })
  void anythingButAnObjectOfFunctionsIsRefusedWithTheFileAndReducer(String invariants) {
    assertThatThrownBy(() -> load("({ name: 'Cart', X: (s) => s, " + invariants + " })"))
        .isInstanceOf(ReducerException.class)
        .hasMessageStartingWith("inv.js (reducer Cart): $invariants")
        .hasMessageContaining("must be");
  }

  @Test
  void aReducerWithOnlyInvariantsStillNeedsAHandler() {
    assertThatThrownBy(() -> load("({ $invariants: { ok: (s) => true } })"))
        .isInstanceOf(ReducerException.class)
        .hasMessageContaining("has no handlers");
  }

  @Test
  void aFoldSaysWhichInvariantsDoNotHoldAndWhy() throws Exception {
    Reducer r =
        load(
            "({ X: (s, e) => ({ n: e.data.n }), $invariants: {"
                + " small: (s) => s.n < 2,"
                + " 'event seen': (s, e) => e.type === 'X',"
                + " loud: (s) => { if (s.n > 2) throw new Error('too big ' + s.n); return true; } } })");
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{\"n\":1}").event("s-1", 2, "X", "{\"n\":3}");
      StreamReplay replay = f.replay("s-1", r, ReplayOptions.defaults());
      Fold fold = r.newFold("s-1", null);
      fold.reset(null);

      fold.apply(replay.event(0));
      assertThat(fold.brokenInvariants()).isEmpty();

      fold.apply(replay.event(1));
      Map<String, String> broken = fold.brokenInvariants();
      assertThat(List.copyOf(broken.keySet())).containsExactly("small", "loud");
      assertThat(broken.get("small")).isEqualTo("returned false");
      assertThat(broken.get("loud")).startsWith("threw Error: too big 3");
    }
  }
}
