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

  @Test
  void theWindowsOptionsWithoutAFileOpenTheDemoAndEveryOtherOptionIsTheCli() {
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {"--stream", "order-1001"}))
        .isFalse();
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {"--reducer", "r.js"})).isFalse();
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {"shop.db", "--at", "3"}))
        .isFalse();
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {})).isFalse();
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {"--version"})).isTrue();
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {"--help"})).isTrue();
    assertThat(dev.hindsight.cli.HindsightCli.wants(new String[] {"demo", "--out", "x"})).isTrue();
  }
}
