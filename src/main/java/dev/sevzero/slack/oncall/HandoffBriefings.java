package dev.sevzero.slack.oncall;

import dev.sevzero.incident.IncidentRepository;
import dev.sevzero.sla.Punctuality;
import dev.sevzero.sla.PunctualitySource;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.SlaReports;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Gathers a {@link HandoffBriefing}. It reads incidents from their repository rather than the
 * incident service, because the service is built after the rotation: it pages whoever the rotation
 * says is on call.
 */
public final class HandoffBriefings {

  private static final Duration WEEK = Duration.ofDays(7);

  private final IncidentRepository incidents;
  private final SlaReports reports;
  private final PunctualitySource punctuality;
  private final ZoneId slaZone;

  /**
   * @param slaZone {@code SLA_TIMEZONE}: the month-to-date figure is for the month of that zone's
   *     calendar, the month {@code /sla} reports
   */
  public HandoffBriefings(
      IncidentRepository incidents,
      SlaReports reports,
      PunctualitySource punctuality,
      ZoneId slaZone) {
    this.incidents = incidents;
    this.reports = reports;
    this.punctuality = punctuality;
    this.slaZone = slaZone;
  }

  HandoffBriefing at(Instant handoff) {
    YearMonth month = YearMonth.from(handoff.atZone(slaZone));
    SlaReport report = reports.monthly(month);
    int lastWeek =
        (int)
            incidents.declaredBetween(handoff.minus(WEEK), handoff).stream()
                .filter(incident -> !incident.isDrill())
                .count();
    return new HandoffBriefing(
        incidents.open(),
        lastWeek,
        month,
        Optional.ofNullable(report.figures().average()),
        Optional.ofNullable(report.verdict()),
        // Up to a minute before: this very handoff is on time by definition.
        punctuality.between(handoff.minus(WEEK), handoff.minus(Punctuality.TOLERANCE)));
  }
}
