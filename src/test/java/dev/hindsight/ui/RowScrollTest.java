package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowScrollTest {

  @Test
  void keepsThreeRowsAboveWhenTwentyFit() {
    assertThat(RowScroll.top(500, 888, 20)).isEqualTo(497);
    assertThat(RowScroll.top(1, 888, 20)).isZero();
  }

  @Test
  void atAProjectorsZoomTheMarginShrinksSoTheRowStaysAboveTheBottomEdge() {
    // three rows fit: one above, the current one, one below
    assertThat(RowScroll.top(500, 888, 3)).isEqualTo(499);
    assertThat(RowScroll.top(500, 888, 2)).isEqualTo(500);
    assertThat(RowScroll.top(500, 888, 1)).isEqualTo(500);
    assertThat(RowScroll.top(500, 888, 0)).isEqualTo(500);
  }

  @Test
  void nearTheEndTheLastRowMeetsTheBottomEdge() {
    assertThat(RowScroll.top(887, 888, 20)).isEqualTo(RowScroll.TO_END);
    assertThat(RowScroll.top(872, 888, 20)).isEqualTo(RowScroll.TO_END);
    assertThat(RowScroll.top(870, 888, 20)).isEqualTo(867);
    assertThat(RowScroll.top(5, 10, 20)).as("all fit: no scrolling past the end").isEqualTo(2);
  }

  @Test
  void rowsAreWholePixelsHigh() {
    for (int zoom = Presentation.MIN_ZOOM; zoom <= Presentation.MAX_ZOOM; zoom += 10) {
      double h = Presentation.rowHeight(zoom);
      assertThat(h).isEqualTo(Math.rint(h)).isBetween(zoom * 0.3, zoom * 0.35);
    }
  }
}
