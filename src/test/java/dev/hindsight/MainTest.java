package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void aMistypedCommandGoesToTheCliNotTheWindow() {
    assertThat(Main.looksLikeACommand(new String[] {"stream", "shop.db"})).isTrue();
    assertThat(Main.looksLikeACommand(new String[] {"evnets"})).isTrue();
    assertThat(Main.looksLikeACommand(new String[] {"shop.db"})).isFalse();
    assertThat(Main.looksLikeACommand(new String[] {"/data/store"})).isFalse();
    assertThat(Main.looksLikeACommand(new String[] {})).isFalse();
    assertThat(Main.looksLikeACommand(new String[] {"pom"})).isTrue();
  }
}
