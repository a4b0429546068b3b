package dev.sevzero.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT0.999S, 0s",
    "PT45S, 45s",
    "PT1M, 1m 00s",
    "PT4M12S, 4m 12s",
    "PT15M, 15m 00s",
    "PT59M59.9S, 59m 59s",
    "PT1H, 1h 00m",
    "PT1H5M59S, 1h 05m",
    "PT23H59M, 23h 59m",
    "PT24H, 1d 0h",
    "PT51H30M, 2d 3h",
    "PT2400H, 100d 0h"
  })
  void readsTheWayPeopleSayIt(String iso, String expected) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
  }

  @Test
  void refusesNegativeDurations() {
    assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesDurationsAsPeopleTypeThem() {
    assertThat(Durations.parse("15m")).contains(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse(" 1h 05m ")).contains(Duration.ofMinutes(65));
    assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
    assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("0m")).contains(Duration.ZERO);
    assertThat(Durations.parse(Durations.format(Duration.ofMinutes(75))))
        .contains(Duration.ofMinutes(75));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThat(Durations.parse("")).isEmpty();
    assertThat(Durations.parse("15")).isEmpty();
    assertThat(Durations.parse("1.5h")).isEmpty();
    assertThat(Durations.parse("30m1h")).isEmpty();
    assertThat(Durations.parse("an hour")).isEmpty();
  }
}
