package dev.sevzero.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where incidents, their timelines and updates are kept. */
public interface IncidentRepository {

  /** Stores a new incident under the next sequential number. */
  Incident insert(Incident.Declaration declaration);

  /** Stores the incident's current state (roles, status, severity, channel…). */
  void save(Incident incident);

  /** Records where the incident's dedicated channel is. */
  void attachChannel(long id, String channelId, String channelName);

  /** Records the {@code ts} of the header pinned in the incident's channel. */
  void attachHeader(long id, String ts);

  Optional<Incident> find(long id);

  /**
   * The incident, for a use case that is about to change it: from here to the end of the
   * transaction nobody else changes it, so the change is made to its latest state and saving it
   * overwrites nobody's. Another replica changing it at the same moment waits, then sees this
   * change.
   */
  Optional<Incident> findForChange(long id);

  Optional<Incident> findByChannel(String channelId);

  /** The incident declared by {@code origin}, if any (there is at most one). */
  Optional<Incident> findByOrigin(Origin origin);

  /** Open incidents, oldest first. */
  List<Incident> open();

  /**
   * Open incidents as a list shows them, oldest first: cheaper than {@link #open()}, which reads
   * everything about each of them.
   */
  List<OpenIncident> openAtAGlance();

  /** Incidents declared in [from, to), oldest first. */
  List<Incident> declaredBetween(Instant from, Instant to);

  void append(TimelineEntry entry);

  /** The incident's timeline in time order (entries at the same instant in the order stored). */
  List<TimelineEntry> timeline(long incidentId);

  /** Stores an update under the incident's next update number. */
  StatusUpdate insertUpdate(
      long incidentId, Instant at, String by, UpdateStatus status, String text);

  List<StatusUpdate> updates(long incidentId);
}
