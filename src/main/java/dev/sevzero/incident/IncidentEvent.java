package dev.sevzero.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened to an incident, published by the use case inside the transaction that stores it.
 * Subscribers ({@link IncidentEvents}) store their consequences in that same transaction: the
 * update cadence its due times, the Slack adapter the deliveries that will show it. So a change and
 * everything it promises are stored together or not at all, and nothing waits in memory.
 */
public sealed interface IncidentEvent {

  /** The incident as the change left it. */
  Incident incident();

  /** A new incident; {@code paged} is who was on call at the time, if anyone. */
  record Declared(Incident incident, Optional<String> paged) implements IncidentEvent {}

  /** {@code joined} are the people who just took {@code role}, {@code at} that instant. */
  record RolesAssigned(Incident incident, Role role, List<String> joined, Instant at)
      implements IncidentEvent {}

  /** A timeline entry that changes what the header or the channel shows (ack, note…). */
  record EntryRecorded(Incident incident, TimelineEntry entry) implements IncidentEvent {}

  record SeverityChanged(Incident incident, Severity previous) implements IncidentEvent {}

  record UpdatePosted(Incident incident, StatusUpdate update) implements IncidentEvent {}

  record Resolved(Incident incident) implements IncidentEvent {}

  record Reopened(Incident incident) implements IncidentEvent {}
}
