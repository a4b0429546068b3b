package dev.sevzero.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

  @Test
  void zeroWidthCharactersAloneAreEmpty() {
    assertThat(VisibleText.strip("\u200B\u200C\u200D\u2060\uFEFF")).isEmpty();
    assertThat(VisibleText.strip(" \u200B \u00A0 ")).isEmpty();
    assertThat(VisibleText.strip(null)).isEmpty();
  }

  @Test
  void visibleTextKeepsItsInsideAndLosesTheInvisibleEnds() {
    assertThat(VisibleText.strip("\u200Bdb down\u200B ")).isEqualTo("db down");
    assertThat(VisibleText.strip("👩‍🚒 on it")).isEqualTo("👩‍🚒 on it");
  }
}
