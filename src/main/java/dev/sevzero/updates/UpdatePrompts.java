package dev.sevzero.updates;

import dev.sevzero.incident.Incident;
import java.time.Instant;

/**
 * Tells people an update is due or was missed; implemented by the Slack adapter, which stores the
 * messages as deliveries. Called inside the transaction that claims the prompt or records the miss,
 * so the claim and the telling are stored together.
 */
public interface UpdatePrompts {

  /** Asks the scribe (else the IC, else the channel) for the update due at {@code dueAt}. */
  void prompt(Incident incident, Instant dueAt);

  /** Tells the IC and scribe the update due at {@code dueAt} was missed. */
  void missed(Incident incident, Instant dueAt);
}
