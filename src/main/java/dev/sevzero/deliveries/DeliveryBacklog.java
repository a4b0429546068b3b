package dev.sevzero.deliveries;

import java.time.Duration;
import java.util.Optional;

/** How far behind the deliveries are, for health, metrics and {@code /incident status}. */
public interface DeliveryBacklog {

  long pending();

  Optional<Duration> oldestPendingAge();

  /** Pending and failed-for-good deliveries of one incident. */
  IncidentDeliveries ofIncident(long incidentId);

  record IncidentDeliveries(long pending, long failed, Optional<String> lastFailure) {}
}
