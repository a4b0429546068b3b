package dev.sevzero.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaMonthTest {

  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  // Tuesday 1 December 2026, 03:00 UTC: still Monday 30 November, 19:00, in Los Angeles.
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

  final SlaPolicy policy =
      new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(20), LOS_ANGELES);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "                | 2026-11 | false",
        "csv             | 2026-11 | true",
        "2026-10         | 2026-10 | false",
        "2026-10 csv     | 2026-10 | true",
        "  2025-01  CSV  | 2025-01 | true",
        "last            | 2026-10 | false",
        "LAST csv        | 2026-10 | true",
        "2026-11         | 2026-11 | false"
      })
  void readsTheMonthInTheSlaZone(String arguments, String month, boolean csv) {
    assertThat(SlaMonth.parse(arguments, CLOCK, LOS_ANGELES))
        .isEqualTo(new SlaRequest.Report(YearMonth.parse(month), csv));
  }

  @Test
  void lastInJanuaryIsDecemberOfTheYearBefore() {
    Clock january = Clock.fixed(Instant.parse("2027-01-15T12:00:00Z"), ZoneOffset.UTC);

    assertThat(SlaMonth.parse("last", january, LOS_ANGELES))
        .isEqualTo(new SlaRequest.Report(YearMonth.of(2026, 12), false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13",
        "nov",
        "2026-1",
        "2026-00",
        "26-11",
        "2026/11",
        "2026-12",
        "2027-01",
        "2026-10 csv extra",
        "2026-10 2026-09",
        "csv 2026-10",
        "last please",
        "report"
      })
  void rejects(String arguments) {
    assertThat(SlaMonth.parse(arguments, CLOCK, LOS_ANGELES))
        .isInstanceOf(SlaRequest.Rejected.class);
  }

  @Test
  void namesTheProblem() {
    assertThat(SlaMonth.parse("2026-13", CLOCK, LOS_ANGELES))
        .isEqualTo(
            new SlaRequest.Rejected(
                "`2026-13` is not a month: write it as YYYY-MM, e.g. 2026-11."));
    assertThat(SlaMonth.parse("2026-12", CLOCK, LOS_ANGELES))
        .isEqualTo(
            new SlaRequest.Rejected(
                "2026-12 has not started yet (America/Los_Angeles); the latest report is 2026-11."));
    assertThat(SlaMonth.parse("2026-10 csv now", CLOCK, LOS_ANGELES))
        .isEqualTo(new SlaRequest.Rejected("Unexpected `now`."));
  }

  @Test
  void monthRunsFromLocalMidnightOnTheFirstToLocalMidnightOnTheFirstOfTheNext() {
    SlaPolicy.MonthRange october = policy.rangeOf(YearMonth.of(2026, 10));

    assertThat(october.start()).isEqualTo(Instant.parse("2026-10-01T07:00:00Z"));
    assertThat(october.end()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
  }

  @Test
  void oneMinuteBeforeMidnightOnOctober31IsStillOctober() {
    // 23:59 PDT on 31 October 2026 is 06:59 UTC on 1 November.
    Instant lastMinute = Instant.parse("2026-11-01T06:59:00Z");

    assertThat(policy.monthOf(lastMinute)).isEqualTo(YearMonth.of(2026, 10));
    assertThat(policy.rangeOf(YearMonth.of(2026, 10)).contains(lastMinute)).isTrue();
    assertThat(policy.rangeOf(YearMonth.of(2026, 11)).contains(lastMinute)).isFalse();
    assertThat(policy.monthOf(lastMinute.plusSeconds(60))).isEqualTo(YearMonth.of(2026, 11));
  }

  @Test
  void monthsWithADstChangeAreAnHourShorterOrLonger() {
    // March: 31 days less the hour skipped on the 8th. November: 30 days plus the hour repeated
    // on the 1st (30 × 24 + 1 = 721; it would be 745 only for a 31-day month).
    assertThat(policy.rangeOf(YearMonth.of(2026, 3)).length()).isEqualTo(Duration.ofHours(743));
    assertThat(policy.rangeOf(YearMonth.of(2026, 11)).length()).isEqualTo(Duration.ofHours(721));
    assertThat(policy.rangeOf(YearMonth.of(2026, 6)).length()).isEqualTo(Duration.ofHours(720));
  }
}
