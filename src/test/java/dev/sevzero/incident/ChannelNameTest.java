package dev.sevzero.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelNameTest {

  @Test
  void lowercasesAndHyphenatesTheTitle() {
    assertThat(ChannelName.of(false, 12, "Database primary DOWN!", 1))
        .isEqualTo("inc-12-database-primary-down");
  }

  @Test
  void drillsGetTheirOwnPrefix() {
    assertThat(ChannelName.of(true, 3, "LB failover", 1)).isEqualTo("drill-3-lb-failover");
  }

  @Test
  void foldsAccentsAndDropsEmoji() {
    assertThat(ChannelName.of(false, 7, "🔥 Café payments — résumé 🔥", 1))
        .isEqualTo("inc-7-cafe-payments-resume");
  }

  @Test
  void aTitleWithNothingUsableStillGivesAName() {
    assertThat(ChannelName.of(false, 8, "🔥🔥🔥", 1)).isEqualTo("inc-8");
  }

  @Test
  void collisionsAddASuffix() {
    assertThat(ChannelName.of(false, 12, "db down", 2)).isEqualTo("inc-12-db-down-2");
    assertThat(ChannelName.of(false, 12, "db down", 3)).isEqualTo("inc-12-db-down-3");
  }

  @Test
  void neverExceedsEightyCharactersEvenWithASuffix() {
    String title = "checkout latency ".repeat(20) + "é".repeat(50);
    for (int attempt = 1; attempt <= 12; attempt++) {
      String name = ChannelName.of(false, 123456, title, attempt);
      assertThat(name).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9-]+").doesNotContain("--");
      assertThat(name).doesNotEndWith("-");
    }
    assertThat(ChannelName.of(false, 123456, title, 12)).endsWith("-12");
  }

  @Test
  void cutsAtAWordBoundary() {
    String name = ChannelName.of(false, 1, "alpha ".repeat(20), 1);
    assertThat(name).endsWith("-alpha").hasSizeLessThanOrEqualTo(80);
  }
}
