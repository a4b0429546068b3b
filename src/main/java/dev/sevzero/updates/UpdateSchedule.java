package dev.sevzero.updates;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Instant;
import java.util.Optional;

/** What the update cadence knows about one incident, for status and summaries. */
public interface UpdateSchedule {

  /** When the next stakeholder update is due; empty when none is (resolved, sev2/sev3). */
  Optional<Instant> nextDue(long incidentId);

  UpdateCompliance compliance(long incidentId);
}
