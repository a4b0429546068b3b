package dev.sevzero.sla;

import static dev.sevzero.sla.Incidents.incident;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaReportsTest {

  final List<IncidentFacts> stored = new ArrayList<>();
  final List<Instant> asked = new ArrayList<>();

  final IncidentFactsSource source =
      (from, to) -> {
        asked.add(from);
        asked.add(to);
        return stored.stream()
            .filter(incident -> !incident.declaredAt().isBefore(from))
            .filter(incident -> incident.declaredAt().isBefore(to))
            .toList();
      };

  final SlaReports reports =
      new SlaReports(
          source,
          new SlaPolicy(ofMinutes(15), ofMinutes(20), ZoneId.of("America/Los_Angeles")),
          Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void readsTheMonthAndThePreviousOneInTheSlaZoneAndCompares() {
    IncidentFacts november = incident(1).respondedAfter(ofMinutes(12)).facts();
    stored.add(november);
    stored.add(
        new IncidentFacts(
            2,
            "October",
            "sev1",
            false,
            Instant.parse("2026-11-01T06:59:00Z"), // 23:59 on 31 October in Los Angeles
            Instant.parse("2026-11-01T06:59:00Z"),
            Instant.parse("2026-11-01T07:19:00Z"),
            "U2",
            ofMinutes(20),
            null,
            "C2",
            UpdateCompliance.NONE));

    SlaReport report = reports.monthly(YearMonth.of(2026, 11));

    assertThat(asked)
        .containsExactly(
            Instant.parse("2026-10-01T07:00:00Z"),
            Instant.parse("2026-11-01T07:00:00Z"),
            Instant.parse("2026-11-01T07:00:00Z"),
            Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(report.incidents()).containsExactly(november);
    assertThat(report.changeFromPreviousMonth().average()).isEqualTo(ofMinutes(-8));
  }
}
