package dev.sevzero.sla;

import static dev.sevzero.sla.Incidents.incident;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaCalculatorTest {

  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");

  final SlaPolicy policy = new SlaPolicy(ofMinutes(15), ofMinutes(20), LOS_ANGELES);
  final SlaCalculator calculator = new SlaCalculator(policy, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void handComputedMonth() {
    // 3 + 7 + 12 + 18 + 40 = 80 minutes over 5 incidents: average 16m, within tolerance.
    // Ascending, the median is the 3rd value; the nearest-rank p90 is rank ⌈0.9 × 5⌉ = 5.
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1).respondedAfter(ofMinutes(12), "UANA").facts(),
                incident(2).respondedAfter(ofMinutes(3), "UBEN").facts(),
                incident(3).respondedAfter(ofMinutes(40), "UANA").facts(),
                incident(4).respondedAfter(ofMinutes(7), "UBEN").facts(),
                incident(5).respondedAfter(ofMinutes(18), "UBEN").facts()),
            null);

    assertThat(report.figures())
        .isEqualTo(
            new MonthFigures(5, ofMinutes(16), ofMinutes(12), ofMinutes(40), ofMinutes(40), null));
    assertThat(report.verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(report.aboveTarget())
        .extracting(response -> response.incident().id())
        .containsExactly(3L, 5L);
    assertThat(report.responders())
        .containsExactly(
            new ResponderSummary("UBEN", 3, ofMinutes(28).dividedBy(3)),
            new ResponderSummary("UANA", 2, ofMinutes(26)));
    assertThat(report.changeFromPreviousMonth()).isNull();
    assertThat(report.isEmpty()).isFalse();
  }

  @Test
  void evenCountMedianIsTheMeanOfTheMiddleTwoAndP90IsTheNinthOfTen() {
    List<IncidentFacts> tenIncidents =
        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream()
            .map(minutes -> incident(minutes).respondedAfter(ofMinutes(minutes)).facts())
            .toList();

    MonthFigures figures = calculator.report(NOVEMBER, tenIncidents, null).figures();

    assertThat(figures.median()).isEqualTo(ofSeconds(5 * 60 + 30));
    assertThat(figures.percentile90()).isEqualTo(ofMinutes(9));
    assertThat(figures.average()).isEqualTo(ofSeconds(5 * 60 + 30));
  }

  @Test
  void averageOfExactlyTheTargetIsMet() {
    assertThat(verdictFor(ofMinutes(10), ofMinutes(20))).isEqualTo(Verdict.MET);
  }

  @Test
  void averageHalfASecondOverTheTargetIsNotMetAndShowsAsOverIt() {
    SlaReport report = reportOf(ofMinutes(10), ofMinutes(20).plusSeconds(1));

    assertThat(report.verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(report.figures().average()).isEqualTo(ofSeconds(15 * 60 + 1));
  }

  @Test
  void oneIncidentAckedAfter4m11sShowsTheSameFigureEverywhere() {
    // The ack said "after 4m 11s" (4m 11.6s measured): average, median, p90 and max all agree.
    MonthFigures figures = reportOf(ofSeconds(4 * 60 + 11).plusMillis(600)).figures();

    Duration shown = ofSeconds(4 * 60 + 11);
    assertThat(figures).isEqualTo(new MonthFigures(1, shown, shown, shown, shown, null));
  }

  @Test
  void handComputedMonthWithFractionsOfSeconds() {
    // Counted in whole seconds: 61, 62, 300 (from 61.9, 62.2, 300.5).
    // Sum 423 / 3 = 141 → 2m 21s; median 62 → 1m 02s; p90 rank ⌈2.7⌉ = 3 → 300; max 300.
    // Resolved after 10m 00.7s and 20m 59.9s: 600 + 1259 = 1859 / 2 = 929.5 → 930 → 15m 30s.
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1)
                    .respondedAfter(Duration.ofMillis(61_900), "UANA")
                    .resolvedAfter(Duration.ofMillis(600_700))
                    .facts(),
                incident(2)
                    .respondedAfter(Duration.ofMillis(62_200), "UANA")
                    .resolvedAfter(Duration.ofMillis(1_259_900))
                    .facts(),
                incident(3).respondedAfter(Duration.ofMillis(300_500), "UBEN").facts()),
            null);

    assertThat(report.figures())
        .isEqualTo(
            new MonthFigures(
                3, ofSeconds(141), ofSeconds(62), ofSeconds(300), ofSeconds(300), ofSeconds(930)));
    assertThat(report.responders())
        .containsExactly(
            new ResponderSummary("UANA", 2, ofSeconds(62)), // (61 + 62) / 2 = 61.5 → 62
            new ResponderSummary("UBEN", 1, ofSeconds(300)));
  }

  @Test
  void anEvenCountMedianOfWholeSecondsRoundsUpAndStaysWithinTheMaximum() {
    // 10 s and 11 s: median and average 10.5 → 11 s, which is the maximum, not above it.
    MonthFigures figures = reportOf(ofSeconds(10).plusMillis(999), ofSeconds(11)).figures();

    assertThat(figures.median()).isEqualTo(ofSeconds(11));
    assertThat(figures.average()).isEqualTo(ofSeconds(11));
    assertThat(figures.max()).isEqualTo(ofSeconds(11));
  }

  @Test
  void averageOfExactlyTheCeilingIsWithinTolerance() {
    assertThat(verdictFor(ofMinutes(15), ofMinutes(25))).isEqualTo(Verdict.WITHIN_TOLERANCE);
  }

  @Test
  void averageOverTheCeilingIsBreached() {
    assertThat(verdictFor(ofMinutes(15), ofMinutes(25).plusSeconds(2))).isEqualTo(Verdict.BREACHED);
  }

  @Test
  void drillsAreListedButLeftOutOfEveryFigure() {
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1).respondedAfter(ofMinutes(5)).resolvedAfter(ofMinutes(60)).facts(),
                incident(2)
                    .drill()
                    .severity("sev0")
                    .respondedAfter(ofMinutes(90), "UDRILL")
                    .resolvedAfter(ofMinutes(300))
                    .updates(0, 0, 4)
                    .facts(),
                incident(3).drill().facts()),
            null);

    assertThat(report.figures())
        .isEqualTo(
            new MonthFigures(
                1, ofMinutes(5), ofMinutes(5), ofMinutes(5), ofMinutes(5), ofMinutes(60)));
    assertThat(report.verdict()).isEqualTo(Verdict.MET);
    assertThat(report.incidentsBySeverity()).containsExactly(Map.entry("sev1", 1));
    assertThat(report.responders()).extracting(ResponderSummary::userId).containsExactly("U1");
    assertThat(report.updateCompliance()).isEqualTo(UpdateCompliance.NONE);
    assertThat(report.aboveTarget()).isEmpty();
    assertThat(report.neverResponded()).isEmpty();
    assertThat(report.drills()).extracting(IncidentFacts::id).containsExactly(2L, 3L);
    assertThat(report.incidents()).hasSize(3);
  }

  @Test
  void neverRespondedCountWithTheirOpenTimeToResolutionOrToNow() {
    IncidentFacts resolvedUnanswered = incident(1).resolvedAfter(ofMinutes(50)).facts();
    IncidentFacts openUnanswered = incident(2).facts();
    IncidentFacts answered = incident(3).respondedAfter(ofMinutes(10)).facts();
    Duration openSoFar = Duration.between(openUnanswered.startedAt(), NOW);

    SlaReport report =
        calculator.report(NOVEMBER, List.of(resolvedUnanswered, openUnanswered, answered), null);

    assertThat(report.neverResponded())
        .containsExactly(
            new MeasuredResponse(resolvedUnanswered, ofMinutes(50)),
            new MeasuredResponse(openUnanswered, openSoFar));
    assertThat(report.figures().max()).isEqualTo(openSoFar);
    assertThat(report.figures().median()).isEqualTo(ofMinutes(50));
    assertThat(report.verdict()).isEqualTo(Verdict.BREACHED);
    assertThat(report.aboveTarget()).as("unanswered ones are listed apart").isEmpty();
    assertThat(report.figures().meanTimeToResolve()).isEqualTo(ofMinutes(50));
  }

  @Test
  void countsSeveritiesAndUpdateCompliance() {
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1).severity("sev2").respondedAfter(ofMinutes(1)).updates(3, 1, 0).facts(),
                incident(2).severity("sev0").respondedAfter(ofMinutes(1)).updates(2, 0, 1).facts(),
                incident(3).severity("sev2").respondedAfter(ofMinutes(1)).facts()),
            null);

    assertThat(report.incidentsBySeverity())
        .containsExactly(Map.entry("sev0", 1), Map.entry("sev2", 2));
    assertThat(report.updateCompliance()).isEqualTo(new UpdateCompliance(5, 1, 1));
  }

  @Test
  void comparesHeadlineFiguresWithThePreviousMonth() {
    MonthFigures october =
        new MonthFigures(
            4, ofMinutes(10), ofMinutes(9), ofMinutes(30), ofMinutes(30), ofMinutes(90));

    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1).respondedAfter(ofMinutes(12)).resolvedAfter(ofMinutes(60)).facts(),
                incident(2).respondedAfter(ofMinutes(6)).facts()),
            october);

    assertThat(report.changeFromPreviousMonth())
        .isEqualTo(
            new MonthFigures.FiguresChange(
                -2, ofMinutes(-1), ofMinutes(0), ofMinutes(-18), ofMinutes(-18), ofMinutes(-30)));
  }

  @Test
  void noChangeIsReportedAgainstAMonthWithoutIncidents() {
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(incident(1).respondedAfter(ofMinutes(1)).facts()),
            MonthFigures.EMPTY);

    assertThat(report.changeFromPreviousMonth()).isNull();
  }

  @Test
  void emptyMonthHasNoFiguresAndNoVerdict() {
    SlaReport report =
        calculator.report(NOVEMBER, List.of(incident(1).drill().facts()), MonthFigures.EMPTY);

    assertThat(report.isEmpty()).isTrue();
    assertThat(report.figures()).isEqualTo(MonthFigures.EMPTY);
    assertThat(report.verdict()).isNull();
    assertThat(report.drills()).hasSize(1);
    assertThat(report.monthName()).isEqualTo("November 2026");
    assertThat(report.generatedAt()).isEqualTo(NOW);
  }

  @Test
  void previousMonthFiguresComeFromTheSameArithmetic() {
    MonthFigures figures =
        calculator.figures(
            List.of(
                incident(1).respondedAfter(ofMinutes(4)).facts(),
                incident(2).drill().respondedAfter(ofMinutes(400)).facts()));

    assertThat(figures.incidents()).isEqualTo(1);
    assertThat(figures.average()).isEqualTo(ofMinutes(4));
  }

  @Test
  void refusesIncidentsDeclaredInAnotherMonth() {
    IncidentFacts october = incident(1).facts();

    assertThatThrownBy(() -> calculator.report(YearMonth.of(2026, 10), List.of(october), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INC-1");
  }

  private Verdict verdictFor(Duration first, Duration second) {
    return reportOf(first, second).verdict();
  }

  private SlaReport reportOf(Duration... responseTimes) {
    List<IncidentFacts> incidents = new java.util.ArrayList<>();
    for (int i = 0; i < responseTimes.length; i++) {
      incidents.add(incident(i + 1).respondedAfter(responseTimes[i]).facts());
    }
    return calculator.report(NOVEMBER, incidents, null);
  }
}
