package dev.sevzero.followups;

import dev.sevzero.incident.Incident.Stamp;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An action item an incident left behind (SPEC §12), from the moment someone records it until
 * someone presses Done.
 *
 * @param due the day it should be done by, in the team's zone
 */
public record Followup(
    long id,
    long incidentId,
    String text,
    Optional<String> owner,
    Optional<LocalDate> due,
    Stamp created,
    Optional<Stamp> done) {

  public boolean isDone() {
    return done.isPresent();
  }

  /** Still open on {@code today} although its due day has passed. */
  public boolean isOverdue(LocalDate today) {
    return !isDone() && due.isPresent() && due.get().isBefore(today);
  }
}
