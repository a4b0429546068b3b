package dev.sevzero.slack.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.slack.command.UsageException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OncallDurationArgumentTest {

  @ParameterizedTest
  @CsvSource({"30m, PT30M", "4h, PT4H", "2d, PT48H", "90m, PT1H30M", "1m, PT1M"})
  void aNumberAndOneUnitIsADuration(String typed, Duration expected) {
    assertThat(DurationArgument.parse(typed)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"3x", "4", "h", "4 h", "1h30m", "1.5h", "-2h", "4H", "4hours", "1234567d"})
  void anythingElseIsAUsageErrorNamingWhatWasTyped(String typed) {
    assertThatThrownBy(() -> DurationArgument.parse(typed))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("`" + typed + "` is not a duration")
        .hasMessageContaining("`30m`, `4h` or `2d`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0m", "0h", "00d"})
  void zeroIsRefused(String typed) {
    assertThatThrownBy(() -> DurationArgument.parse(typed))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("longer than");
  }
}
