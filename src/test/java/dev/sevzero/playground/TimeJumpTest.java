package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimeJumpTest {

  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  private static Instant la(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), LA).toInstant();
  }

  @Test
  void spansAddUp() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    assertThat(TimeJump.target("30m", now, LA)).isEqualTo(now.plusSeconds(30 * 60));
    assertThat(TimeJump.target("2h", now, LA)).isEqualTo(now.plusSeconds(2 * 3600));
    assertThat(TimeJump.target("1h30m", now, LA)).isEqualTo(now.plusSeconds(90 * 60));
    assertThat(TimeJump.target("2d", now, LA)).isEqualTo(now.plusSeconds(2 * 86400));
    assertThat(TimeJump.target("90s", now, LA)).isEqualTo(now.plusSeconds(90));
  }

  @Test
  void untilAWeekdayAndTimeIsItsNextOccurrenceInTheZone() {
    // Tuesday 24 Nov 2026 → Monday 30 Nov, noon Pacific.
    assertThat(TimeJump.target("until mon 12:00", la("2026-11-24T02:00"), LA))
        .isEqualTo(la("2026-11-30T12:00"));
    assertThat(TimeJump.target("until Monday 12:00", la("2026-11-30T11:00"), LA))
        .isEqualTo(la("2026-11-30T12:00"));
    // Already past noon on a Monday: the Monday after.
    assertThat(TimeJump.target("until mon 12:00", la("2026-11-30T12:00"), LA))
        .isEqualTo(la("2026-12-07T12:00"));
  }

  @Test
  void untilATimeAloneIsTodayOrTomorrow() {
    assertThat(TimeJump.target("until 09:30", la("2026-11-24T08:00"), LA))
        .isEqualTo(la("2026-11-24T09:30"));
    assertThat(TimeJump.target("until 09:30", la("2026-11-24T10:00"), LA))
        .isEqualTo(la("2026-11-25T09:30"));
  }

  @Test
  void daylightSavingTimeIsFollowed() {
    // Clocks go back on Sunday 1 Nov 2026: noon on Monday 2 Nov is 20:00 UTC, not 19:00.
    assertThat(TimeJump.target("until mon 12:00", la("2026-10-30T12:00"), LA))
        .isEqualTo(Instant.parse("2026-11-02T20:00:00Z"));
  }

  @Test
  void whatCannotBeReadSaysWhatCan() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    for (String bad : new String[] {"", "soon", "30 minutes", "until someday 12:00", "until mon"}) {
      assertThatThrownBy(() -> TimeJump.target(bad, now, LA))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("wait 30m");
    }
  }
}
