package dev.sevzero.updates;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored due times. The claim methods are conditional writes that succeed for exactly one caller,
 * whichever replica or thread asks first.
 */
public interface UpdateDueRepository {

  /** The incident's pending due update, if any. */
  Optional<UpdateDue> pending(long incidentId);

  /** Pending due updates whose due time is at or before {@code instant}. */
  List<UpdateDue> pendingDueBy(Instant instant);

  /** The earliest moment something pending needs attention: a due time, or a missed-by time. */
  Optional<Instant> nextAttention(Duration grace);

  /** Makes {@code dueAt} the incident's pending due update. */
  void start(long incidentId, Instant dueAt);

  /** Drops the incident's pending due update (resolved, or no longer sev0/sev1). */
  void stop(long incidentId);

  /**
   * @return true for the one caller that gets to send this prompt
   */
  boolean claimPrompt(long incidentId, Instant dueAt, Instant at);

  /** Gives the prompt back after it could not be sent, so it is tried again. */
  void releasePrompt(long incidentId, Instant dueAt);

  /**
   * Records the pending update as missed (escalated at {@code escalatedAt}, or silently when null)
   * and makes {@code nextDue} pending.
   *
   * @return true for the one caller that recorded it
   */
  boolean recordMissed(long incidentId, Instant dueAt, Instant escalatedAt, Instant nextDue);

  /**
   * Records the pending update as answered by update {@code number} and makes {@code nextDue}
   * pending.
   *
   * @return false, changing nothing, when {@code dueAt} is no longer pending (another replica
   *     recorded it missed)
   */
  boolean recordAnswered(
      long incidentId, Instant dueAt, UpdateOutcome outcome, int number, Instant nextDue);

  UpdateCompliance compliance(long incidentId);
}
