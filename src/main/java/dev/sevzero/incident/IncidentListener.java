package dev.sevzero.incident;

import java.util.List;
import java.util.Optional;

/**
 * Told about every change after it is stored (a declaration also while it is being stored). The
 * Slack adapter renders it; the update cadence reschedules its prompts. Implementations must return
 * quickly: slow work goes on their own threads.
 */
public interface IncidentListener {

  /**
   * A new incident, inside the transaction that stores it: what a listener stores here is stored
   * together with the incident or not at all. Called before {@link #declared}; Slack calls belong
   * there, after the commit.
   */
  default void declaring(Incident incident) {}

  /** A new incident; {@code onCall} is who was on call at the time, if anyone. */
  default void declared(Incident incident, Optional<String> onCall) {}

  /** Roles changed; {@code joined} are the people who just took {@code role}. */
  default void rolesChanged(Incident incident, Role role, List<String> joined) {}

  /** Anything else that changes what the header shows (ack, severity, note…). */
  default void changed(Incident incident, TimelineEntry entry) {}

  default void severityChanged(Incident incident, Severity previous) {}

  default void updatePosted(Incident incident, StatusUpdate update) {}

  default void resolved(Incident incident) {}

  default void reopened(Incident incident) {}
}
