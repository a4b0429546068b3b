package dev.sevzero.scheduling.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronHandoffCalendarTest {

  private final CronHandoffCalendar mondayNoon =
      new CronHandoffCalendar("0 0 12 ? * MON", ZoneId.of("America/Los_Angeles"));

  @Test
  void latestHandoffAtOrBeforeAnInstantIncludesThatInstant() {
    Instant monday = Instant.parse("2026-11-30T20:00:00Z");

    assertThat(mondayNoon.lastHandoffAtOrBefore(monday)).contains(monday);
    assertThat(mondayNoon.lastHandoffAtOrBefore(monday.minusMillis(1)))
        .contains(Instant.parse("2026-11-23T20:00:00Z"));
  }

  @Test
  void fastCronsAreFoundWithoutSteppingThroughEightDays() {
    CronHandoffCalendar everyTwoSeconds = new CronHandoffCalendar("*/2 * * * * ?", ZoneOffset.UTC);

    assertThat(everyTwoSeconds.lastHandoffAtOrBefore(Instant.parse("2026-11-30T20:00:03.500Z")))
        .contains(Instant.parse("2026-11-30T20:00:02Z"));
  }

  @Test
  void rejectsWhatIsNotAQuartzCronExpression() {
    assertThatThrownBy(() -> new CronHandoffCalendar("0 12 * * MON", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Quartz cron expression");
  }
}
