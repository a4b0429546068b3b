package dev.sevzero.metrics;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.incident.ResponseKind;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Counts declarations and measures first responses, as they are stored. */
public final class IncidentMetrics implements IncidentListener {

  /**
   * A role change does not say when it happened; a response recorded this recently is the one it
   * made (listeners are told right after the commit).
   */
  private static final Duration JUST_NOW = Duration.ofSeconds(10);

  private final Metrics metrics;
  private final Clock clock;

  public IncidentMetrics(Metrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void declared(Incident incident, Optional<String> onCall) {
    metrics.incidentDeclared(incident.severity().code(), incident.isDrill());
  }

  @Override
  public void changed(Incident incident, TimelineEntry entry) {
    incident
        .response()
        .filter(response -> response.kind() == ResponseKind.ACK)
        .filter(response -> entry.kind() == TimelineEntry.Kind.ACKNOWLEDGED)
        .filter(response -> response.at().equals(entry.at()))
        .ifPresent(response -> metrics.responded(response.time()));
  }

  @Override
  public void rolesChanged(Incident incident, Role role, List<String> joined) {
    incident
        .response()
        .filter(response -> response.kind() == ResponseKind.ROLE)
        .filter(response -> joined.contains(response.by()))
        .filter(response -> !response.at().isBefore(clock.instant().minus(JUST_NOW)))
        .ifPresent(response -> metrics.responded(response.time()));
  }

  @Override
  public void updatePosted(Incident incident, StatusUpdate update) {
    incident
        .response()
        .filter(response -> response.kind() == ResponseKind.UPDATE)
        .filter(response -> response.at().equals(update.postedAt()))
        .ifPresent(response -> metrics.responded(response.time()));
  }
}
