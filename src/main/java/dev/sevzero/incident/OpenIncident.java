package dev.sevzero.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An open incident as a list of them shows it: what tells it apart and who is on it, without its
 * description, timeline or engineers. Immutable, so a read of all of them can be kept and shared.
 */
public record OpenIncident(
    long id,
    boolean drill,
    Severity severity,
    String title,
    Instant startedAt,
    Optional<String> channelId,
    Optional<String> commander,
    boolean acknowledged) {

  /** {@code INC-12}, or {@code DRILL-12} for an exercise. */
  public String key() {
    return Incident.key(id, drill);
  }

  /** How long it has been open at {@code now}. */
  public Duration age(Instant now) {
    return Duration.between(startedAt, now);
  }
}
