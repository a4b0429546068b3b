package dev.sevzero.sla;

import java.time.Instant;
import java.util.List;

/** Port: where the SLA report reads incidents from (the database, in production). */
public interface IncidentFactsSource {

  /** Incidents, drills included, declared in [from, to), in declaration order. */
  List<IncidentFacts> incidentsDeclaredBetween(Instant from, Instant to);
}
