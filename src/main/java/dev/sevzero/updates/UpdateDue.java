package dev.sevzero.updates;

import java.time.Duration;
import java.time.Instant;

/**
 * One due time of an incident's stakeholder updates. While pending it is the incident's next due
 * update; {@code promptedAt} and {@code escalatedAt} record the claims that make the prompt and the
 * escalation happen once.
 */
public record UpdateDue(long incidentId, Instant dueAt, Instant promptedAt, Instant escalatedAt) {

  public boolean prompted() {
    return promptedAt != null;
  }

  /**
   * When a prompted update counts as missed: {@code grace} after it was due, or after the prompt if
   * that went out late (after a restart), so people always get the grace to answer.
   */
  public Instant missedAt(Duration grace) {
    Instant from = promptedAt != null && promptedAt.isAfter(dueAt) ? promptedAt : dueAt;
    return from.plus(grace);
  }
}
