package dev.sevzero.incident;

import java.util.List;
import java.util.Optional;

/**
 * Told about every change after it is stored. The Slack adapter renders it; the update cadence
 * reschedules its prompts. Implementations must return quickly: slow work goes on their own
 * threads.
 */
public interface IncidentListener {

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
