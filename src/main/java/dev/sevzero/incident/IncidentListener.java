package dev.sevzero.incident;

import java.util.List;
import java.util.Optional;

/**
 * Told about every change after it is stored. The Slack adapter renders it; the update cadence
 * reschedules its prompts. Implementations must return quickly: slow work goes on their own
 * threads.
 *
 * <p>The changes that move the update cadence (declaring, posting an update, changing severity,
 * resolving, reopening) are also told while they are being stored, inside their transaction: what a
 * listener stores there is stored together with the change or not at all, and a failure there
 * undoes the change. Except for a declaration, the incident's row is locked by then, so another
 * replica's change to the same incident waits for the commit instead of reading what this one is
 * about to replace. Those hooks only do database work: Slack calls and anything that may wait for
 * the database from another thread belong in the hook called after the commit.
 */
public interface IncidentListener {

  /**
   * A new incident, inside the transaction that stores it. Called before {@link #declared}, which
   * comes after the commit.
   */
  default void declaring(Incident incident) {}

  /** A new incident; {@code onCall} is who was on call at the time, if anyone. */
  default void declared(Incident incident, Optional<String> onCall) {}

  /** Roles changed; {@code joined} are the people who just took {@code role}. */
  default void rolesChanged(Incident incident, Role role, List<String> joined) {}

  /** Anything else that changes what the header shows (ack, severity, note…). */
  default void changed(Incident incident, TimelineEntry entry) {}

  /**
   * A severity change, inside the transaction that stores it, after the incident's row is locked.
   * Called before {@link #severityChanged}, which comes after the commit.
   */
  default void changingSeverity(Incident incident, Severity previous) {}

  default void severityChanged(Incident incident, Severity previous) {}

  /**
   * A status update, inside the transaction that stores it, after the incident's row is locked.
   * Called before {@link #updatePosted}, which comes after the commit.
   */
  default void postingUpdate(Incident incident, StatusUpdate update) {}

  default void updatePosted(Incident incident, StatusUpdate update) {}

  /**
   * A resolution, inside the transaction that stores it, after the incident's row is locked. Called
   * before {@link #resolved}, which comes after the commit.
   */
  default void resolving(Incident incident) {}

  default void resolved(Incident incident) {}

  /**
   * A reopening, inside the transaction that stores it, after the incident's row is locked. Called
   * before {@link #reopened}, which comes after the commit.
   */
  default void reopening(Incident incident) {}

  default void reopened(Incident incident) {}
}
