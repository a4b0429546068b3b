package dev.sevzero.sla;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/** Use case behind {@code /sla month}: reads a month and the one before it, and reports. */
public final class SlaReports {

  private final IncidentFactsSource source;
  private final SlaPolicy policy;
  private final SlaCalculator calculator;

  public SlaReports(IncidentFactsSource source, SlaPolicy policy, Clock clock) {
    this.source = source;
    this.policy = policy;
    this.calculator = new SlaCalculator(policy, clock);
  }

  public SlaReport monthly(YearMonth month) {
    MonthFigures previous = calculator.figures(incidentsOf(month.minusMonths(1)));
    return calculator.report(month, incidentsOf(month), previous);
  }

  private List<IncidentFacts> incidentsOf(YearMonth month) {
    SlaPolicy.MonthRange range = policy.rangeOf(month);
    return source.incidentsDeclaredBetween(range.start(), range.end());
  }
}
