package dev.sevzero.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Stored facts of the rotation: the roster, handoffs and overrides. */
public interface RotationRepository {

  /**
   * Runs {@code work} as one unit: other replicas see all of its changes or none, and a failure
   * inside it changes nothing.
   */
  <T> T atomically(Supplier<T> work);

  Roster roster();

  /** Stores {@code roster} as the new order; members new to it are recorded as added {@code at}. */
  void saveRoster(Roster roster, Instant at);

  Optional<Handoff> lastHandoff();

  /**
   * Stores {@code handoff}. A scheduled one is also the claim on its cron instant: when a handoff
   * for that instant is already stored (another replica, a second fire), nothing is stored and the
   * result is empty.
   */
  Optional<Handoff> recordHandoff(NewHandoff handoff);

  /** Sets the confirmation time unless one is set; {@code true} if this call set it. */
  boolean confirmHandoff(long handoffId, Instant at);

  /**
   * Claims the "please confirm" reminder of a handoff; {@code true} for the one caller that may
   * send it.
   */
  boolean claimReminder(long handoffId, Instant at);

  /**
   * Claims the "handoff unconfirmed" escalation; {@code true} for the one caller that may send it.
   */
  boolean claimEscalation(long handoffId, Instant at);

  void addOverride(OncallOverride override);

  /** Overrides not over at {@code t} (running or to come), by start time. */
  List<OncallOverride> overridesEndingAfter(Instant t);

  /** Overrides that ended in {@code (after, until]} and whose end is not told yet, by end. */
  List<OncallOverride> overridesEndedUntold(Instant after, Instant until);

  /**
   * Claims telling that {@code override} ended; {@code true} for the one caller that may tell it.
   */
  boolean claimOverrideEnd(OncallOverride override, Instant at);
}
