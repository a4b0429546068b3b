package dev.sevzero.sla;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * The monthly SLA report (SPEC §7), computed by {@link SlaCalculator}. Everything but {@link
 * #drills()} and {@link #incidents()} leaves drills out.
 *
 * @param generatedAt the report's "now": open time of never-responded, still-open incidents ends
 *     here
 * @param verdict null for a month without incidents
 * @param incidentsBySeverity {@code sev0}, {@code sev1}… in order
 * @param responses every incident's measured response, in declaration order (the chart's data)
 * @param aboveTarget responded incidents slower than the target, slowest first
 * @param neverResponded incidents nobody responded to, in declaration order; their open time is
 *     counted in the figures
 * @param responders most responses first
 * @param changeFromPreviousMonth null when the previous month had no incidents
 * @param incidents the month's incidents as read, drills included, in declaration order (the CSV)
 */
public record SlaReport(
    YearMonth month,
    SlaPolicy policy,
    Instant generatedAt,
    MonthFigures figures,
    Verdict verdict,
    SortedMap<String, Integer> incidentsBySeverity,
    List<MeasuredResponse> responses,
    List<MeasuredResponse> aboveTarget,
    List<MeasuredResponse> neverResponded,
    UpdateCompliance updateCompliance,
    List<ResponderSummary> responders,
    List<IncidentFacts> drills,
    MonthFigures.FiguresChange changeFromPreviousMonth,
    List<IncidentFacts> incidents) {

  private static final DateTimeFormatter MONTH_NAME =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /** No incidents this month (drills may still have been held). */
  public boolean isEmpty() {
    return figures.incidents() == 0;
  }

  /** "November 2026". */
  public String monthName() {
    return monthName(month);
  }

  /** "October 2026": how the report names a month. */
  public static String monthName(YearMonth month) {
    return month.format(MONTH_NAME);
  }
}
