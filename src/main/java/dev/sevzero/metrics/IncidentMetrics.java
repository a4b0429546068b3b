package dev.sevzero.metrics;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.ResponseKind;
import java.time.Instant;

/**
 * Counts declarations and measures first responses. It hears each event inside the transaction that
 * stores it, so give it {@link AfterCommitMetrics}: a change rolled back is then not counted.
 */
public final class IncidentMetrics implements IncidentEvents {

  private final Metrics metrics;

  public IncidentMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void on(IncidentEvent event) {
    Incident incident = event.incident();
    if (event instanceof IncidentEvent.Declared) {
      metrics.incidentDeclared(incident.severity().code(), incident.isDrill());
    } else if (event instanceof IncidentEvent.EntryRecorded recorded) {
      respondedBy(incident, ResponseKind.ACK, recorded.entry().at());
    } else if (event instanceof IncidentEvent.RolesAssigned assigned) {
      respondedBy(incident, ResponseKind.ROLE, assigned.at());
    } else if (event instanceof IncidentEvent.UpdatePosted posted) {
      respondedBy(incident, ResponseKind.UPDATE, posted.update().postedAt());
    }
  }

  /** The response is this change's when it was stored at the change's instant. */
  private void respondedBy(Incident incident, ResponseKind kind, Instant at) {
    incident
        .response()
        .filter(response -> response.kind() == kind)
        .filter(response -> response.at().equals(at))
        .ifPresent(response -> metrics.responded(response.time()));
  }
}
