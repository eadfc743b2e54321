package dev.hindsight.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.store.EventSource.PositionRange;
import org.junit.jupiter.api.Test;

/** The gaps a follower watches: filled one position at a time, given up by time and by count. */
class PositionGapsTest {

  @Test
  void aFilledPositionSplitsItsGapAndIsNotFilledTwice() {
    PositionGaps gaps = new PositionGaps(100, 10);
    gaps.open(5, 9, 0);
    gaps.open(12, 12, 0);
    assertThat(gaps.fill(7)).isTrue();
    assertThat(gaps.fill(7)).isFalse();
    assertThat(gaps.fill(10)).isFalse();
    assertThat(gaps.fill(12)).isTrue();
    assertThat(gaps.fill(5)).isTrue();
    assertThat(gaps.ranges()).containsExactly(new PositionRange(6, 6), new PositionRange(8, 9));
  }

  @Test
  void gapsAreGivenUpAtTheirDeadlineAndBeyondTheCountTheLowestFirst() {
    PositionGaps gaps = new PositionGaps(100, 2);
    gaps.open(1, 1, 0);
    gaps.open(3, 3, 50);
    gaps.open(5, 6, 60);
    assertThat(gaps.ranges()).containsExactly(new PositionRange(3, 3), new PositionRange(5, 6));
    gaps.open(8, 7, 60); // empty: nothing opened
    gaps.expire(149);
    assertThat(gaps.ranges()).hasSize(2);
    gaps.expire(150);
    assertThat(gaps.ranges()).containsExactly(new PositionRange(5, 6));
    assertThat(gaps.fill(6)).isTrue();
    gaps.expire(160);
    assertThat(gaps.isEmpty()).as("the split part keeps its deadline").isTrue();
  }
}
