package dev.sevzero.rotation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored change of the pager's holder.
 *
 * @param id sequential, assigned when stored
 * @param at when it happened
 * @param from the outgoing person; {@code null} when the roster had nobody before
 * @param to the incoming person
 * @param scheduledFor the cron instant this handoff fulfils; {@code null} for unscheduled ones
 * @param confirmedAt when the incoming person pressed "I have the pager"; {@code null} until then
 */
public record Handoff(
    long id,
    Instant at,
    String from,
    String to,
    HandoffReason reason,
    Instant scheduledFor,
    Instant confirmedAt) {

  public Handoff {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
  }

  public Optional<String> outgoing() {
    return Optional.ofNullable(from);
  }

  public boolean isConfirmed() {
    return confirmedAt != null;
  }

  /** A handoff to the person who already held the pager (a roster of one) needs no confirmation. */
  public boolean needsConfirmation() {
    return !to.equals(from);
  }
}
