package dev.hindsight.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bar's arithmetic without a toolkit: x to ordinal and back, and the density strip. */
class TimelineBarScaleTest {

  @Test
  void mapsXToTheEventWhoseSlotItIsIn() {
    TimelineScale scale = new TimelineScale(12, 400, 100); // 4 px per event

    assertThat(scale.ordinalAt(12)).isZero();
    assertThat(scale.ordinalAt(15.9)).isZero();
    assertThat(scale.ordinalAt(16)).isEqualTo(1);
    assertThat(scale.ordinalAt(12 + 4 * 37 + 2)).isEqualTo(37);
    assertThat(scale.ticks()).isTrue();
  }

  @Test
  void clampsToTheInitialStateOnTheLeftAndTheLastEventOnTheRight() {
    TimelineScale scale = new TimelineScale(12, 400, 100);

    assertThat(scale.ordinalAt(11.9)).isEqualTo(-1);
    assertThat(scale.ordinalAt(-500)).isEqualTo(-1);
    assertThat(scale.ordinalAt(412)).isEqualTo(99);
    assertThat(scale.ordinalAt(5_000)).isEqualTo(99);
    assertThat(new TimelineScale(12, 400, 0).ordinalAt(200)).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100, 400, 1_000, 200_000})
  void theCursorOfEveryOrdinalMapsBackToIt(int size) {
    TimelineScale scale = new TimelineScale(12, 1_000, size);

    assertThat(scale.ordinalAt(scale.cursorX(-1))).isEqualTo(-1);
    for (int i = 0; i < size; i++) {
      assertThat(scale.ordinalAt(scale.cursorX(i))).isEqualTo(i);
    }
  }

  @Test
  void drawsTicksOnlyWithAtLeastThreePixelsPerEvent() {
    assertThat(new TimelineScale(0, 300, 100).ticks()).isTrue();
    assertThat(new TimelineScale(0, 299, 100).ticks()).isFalse();
    assertThat(new TimelineScale(0, 300, 0).ticks()).isFalse();
  }

  @Test
  void clampKeepsOrdinalsWithinTheStream() {
    assertThat(TimelineScale.clamp(-7, 10)).isEqualTo(-1);
    assertThat(TimelineScale.clamp(4, 10)).isEqualTo(4);
    assertThat(TimelineScale.clamp(12, 10)).isEqualTo(9);
    assertThat(TimelineScale.clamp(3, 0)).isEqualTo(-1);
  }

  @Test
  void densityGivesEachColumnItsDominantTypeAndShare() {
    int[] types = {0, 0, 1, 1, 0, 2};

    TimelineScale.Density d = TimelineScale.density(types, 6, 3);

    assertThat(d.dominant()).containsExactly(0, 1, 0);
    assertThat(d.share()).containsExactly(1f, 1f, 0.5f);
  }

  @Test
  void densityCountsUnknownTypesAsMinusOne() {
    int[] types = {-1, -1, 3}; // and events 3..5 have no type at all

    TimelineScale.Density d = TimelineScale.density(types, 6, 2);

    assertThat(d.dominant()).containsExactly(-1, -1);
    assertThat(d.share()).containsExactly(2f / 3, 1f);
  }

  @Test
  void withFewerEventsThanColumnsEveryColumnShowsAnEvent() {
    int[] types = {4, 5, 6};

    TimelineScale.Density d = TimelineScale.density(types, 3, 8);

    assertThat(d.dominant()).doesNotContain(-1).contains(4, 5, 6);
    assertThat(d.share()).containsOnly(1f);
  }

  @Test
  void columnOfNamesTheColumnThatHoldsTheEvent() {
    for (int[] sc : new int[][] {{10, 4}, {1_000, 333}, {5, 12}, {200_000, 1_187}}) {
      int size = sc[0];
      int columns = sc[1];
      TimelineScale.Density d = TimelineScale.density(new int[0], size, columns);
      for (int i = 0; i < size; i++) {
        int c = d.columnOf(i, size);
        long lo = (long) c * size / columns;
        long hi = Math.max(lo + 1, (long) (c + 1) * size / columns);
        assertThat(i)
            .as("event %d of %d in column %d", i, size, c)
            .isBetween((int) lo, (int) hi - 1);
      }
    }
  }

  @Test
  void densityOf200000EventsOver1200Columns() {
    int size = 200_000;
    int[] types = new int[size];
    Random random = new Random(7);
    for (int i = 0; i < size; i++) {
      types[i] = i < size / 2 ? 1 : random.nextInt(40);
    }

    TimelineScale.Density d = TimelineScale.density(types, size, 1_200);

    assertThat(d.columns()).isEqualTo(1_200);
    assertThat(d.dominant()[0]).isEqualTo(1);
    assertThat(d.share()[0]).isEqualTo(1f);
    assertThat(d.share()[1_199]).isBetween(0.01f, 0.5f);
  }
}
