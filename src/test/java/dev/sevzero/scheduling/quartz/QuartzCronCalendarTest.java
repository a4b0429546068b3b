package dev.sevzero.scheduling.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.config.ExerciseSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuartzCronCalendarTest {

  private static final Duration EIGHT_DAYS = Duration.ofDays(8);
  private static final Duration MONTHS = Duration.ofDays(100);

  private final QuartzCronCalendar mondayNoon =
      new QuartzCronCalendar("0 0 12 ? * MON", ZoneId.of("America/Los_Angeles"));

  @Test
  void latestHandoffAtOrBeforeAnInstantIncludesThatInstant() {
    Instant monday = Instant.parse("2026-11-30T20:00:00Z");

    assertThat(mondayNoon.lastAtOrBefore(monday, EIGHT_DAYS)).contains(monday);
    assertThat(mondayNoon.lastAtOrBefore(monday.minusMillis(1), EIGHT_DAYS))
        .contains(Instant.parse("2026-11-23T20:00:00Z"));
  }

  @Test
  void fastCronsAreFoundWithoutSteppingThroughEightDays() {
    QuartzCronCalendar everyTwoSeconds = new QuartzCronCalendar("*/2 * * * * ?", ZoneOffset.UTC);

    assertThat(
            everyTwoSeconds.lastAtOrBefore(Instant.parse("2026-11-30T20:00:03.500Z"), EIGHT_DAYS))
        .contains(Instant.parse("2026-11-30T20:00:02Z"));
  }

  @Test
  void rejectsWhatIsNotAQuartzCronExpression() {
    assertThatThrownBy(() -> new QuartzCronCalendar("0 12 * * MON", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Quartz cron expression");
  }

  @Test
  void theMonthlyTabletopFallsOnEveryFirstTuesdayAtTenPacificForTwoYears() {
    ZoneId pacific = ZoneId.of("America/Los_Angeles");
    QuartzCronCalendar firstTuesdays =
        new QuartzCronCalendar(ExerciseSettings.DEFAULT_TABLETOP_CRON, pacific);
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    Instant to = Instant.parse("2028-12-01T00:00:00Z");

    List<Instant> expected = new ArrayList<>();
    for (YearMonth month = YearMonth.of(2026, 12);
        month.isBefore(YearMonth.of(2028, 12));
        month = month.plusMonths(1)) {
      LocalDate day = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
      expected.add(day.atTime(10, 0).atZone(pacific).toInstant());
    }

    assertThat(firstTuesdays.between(from, to)).hasSize(24).isEqualTo(expected);
    // Standard time in early March and early November, daylight time in April: 10:00 local each.
    assertThat(firstTuesdays.between(from, to))
        .contains(
            Instant.parse("2027-01-05T18:00:00Z"),
            Instant.parse("2027-03-02T18:00:00Z"),
            Instant.parse("2027-04-06T17:00:00Z"),
            Instant.parse("2027-11-02T17:00:00Z"),
            Instant.parse("2027-12-07T18:00:00Z"),
            Instant.parse("2028-01-04T18:00:00Z"));
    assertThat(firstTuesdays.lastAtOrBefore(Instant.parse("2027-01-05T17:59:59Z"), MONTHS))
        .contains(Instant.parse("2026-12-01T18:00:00Z"));
  }

  @Test
  void theQuarterlyDrDrillFallsOnTheSecondTuesdayOfEachQuarter() {
    ZoneId pacific = ZoneId.of("America/Los_Angeles");
    QuartzCronCalendar quarterly =
        new QuartzCronCalendar(ExerciseSettings.DEFAULT_DR_DRILL_CRON, pacific);

    assertThat(
            quarterly.between(
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")))
        .containsExactly(
            Instant.parse("2027-01-12T18:00:00Z"),
            Instant.parse("2027-04-13T17:00:00Z"),
            Instant.parse("2027-07-13T17:00:00Z"),
            Instant.parse("2027-10-12T17:00:00Z"));
    assertThat(quarterly.lastAtOrBefore(Instant.parse("2027-04-01T00:00:00Z"), MONTHS))
        .contains(Instant.parse("2027-01-12T18:00:00Z"));
  }
}
