package dev.sevzero.sla;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.UpdateCompliance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the SLA report needs to know of one incident, as stored.
 *
 * @param severity {@code sev0}…{@code sev3}
 * @param drill an exercise: shown as held, left out of every figure
 * @param startedAt when the clock started for the SLA: the declaration, or the alert's start
 * @param respondedAt first response (ack, role taken or update); null if nobody responded
 * @param respondedBy Slack user ID of the first responder; null if nobody responded
 * @param responseTime {@code respondedAt - startedAt}, the SLA figure; null if nobody responded
 * @param resolvedAt null while open
 * @param channelId the incident channel; null if it was never created
 */
public record IncidentFacts(
    long id,
    String title,
    String severity,
    boolean drill,
    Instant declaredAt,
    Instant startedAt,
    Instant respondedAt,
    String respondedBy,
    Duration responseTime,
    Instant resolvedAt,
    String channelId,
    UpdateCompliance updates) {

  public IncidentFacts {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(declaredAt, "declaredAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(updates, "updates");
  }

  /** {@code INC-3}, or {@code DRILL-3}: the name it has everywhere else. */
  public String key() {
    return Incident.key(id, drill);
  }

  public boolean responded() {
    return responseTime != null;
  }

  public boolean resolved() {
    return resolvedAt != null;
  }

  /** Time from start to resolution; null while open. */
  public Duration timeToResolve() {
    return resolved() ? Duration.between(startedAt, resolvedAt) : null;
  }
}
