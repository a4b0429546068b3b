package dev.sevzero.sla;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Duration;
import java.time.Instant;

/** Test data: incidents of November 2026 in Los Angeles, described by what matters to a test. */
final class Incidents {

  static final Instant NOV_2_0900_LA = Instant.parse("2026-11-02T17:00:00Z");

  private long id = 1;
  private String severity = "sev1";
  private boolean drill;
  private Instant startedAt = NOV_2_0900_LA;
  private Duration responseTime;
  private String responder = "U1";
  private Duration resolvedAfter;
  private UpdateCompliance updates = UpdateCompliance.NONE;

  static Incidents incident(long id) {
    Incidents incidents = new Incidents();
    incidents.id = id;
    incidents.startedAt = NOV_2_0900_LA.plus(Duration.ofHours(id));
    return incidents;
  }

  Incidents respondedAfter(Duration time, String by) {
    responseTime = time;
    responder = by;
    return this;
  }

  Incidents respondedAfter(Duration time) {
    return respondedAfter(time, responder);
  }

  Incidents resolvedAfter(Duration time) {
    resolvedAfter = time;
    return this;
  }

  Incidents severity(String value) {
    severity = value;
    return this;
  }

  Incidents drill() {
    drill = true;
    return this;
  }

  Incidents updates(int onTime, int late, int missed) {
    updates = new UpdateCompliance(onTime, late, missed);
    return this;
  }

  IncidentFacts facts() {
    boolean responded = responseTime != null;
    return new IncidentFacts(
        id,
        "Incident " + id,
        severity,
        drill,
        startedAt,
        startedAt,
        responded ? startedAt.plus(responseTime) : null,
        responded ? responder : null,
        responseTime,
        resolvedAfter == null ? null : startedAt.plus(resolvedAfter),
        "C" + id,
        updates);
  }
}
