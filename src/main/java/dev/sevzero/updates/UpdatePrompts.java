package dev.sevzero.updates;

import dev.sevzero.incident.Incident;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Tells people an update is due or was missed; implemented by the Slack adapter. */
public interface UpdatePrompts {

  /** Asks the scribe (else the IC, else the channel) for the update due at {@code dueAt}. */
  CompletionStage<Void> prompt(Incident incident, Instant dueAt);

  /** Tells the IC and scribe the update due at {@code dueAt} was missed. */
  CompletionStage<Void> missed(Incident incident, Instant dueAt);
}
