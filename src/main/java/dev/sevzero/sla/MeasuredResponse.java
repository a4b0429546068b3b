package dev.sevzero.sla;

import java.time.Duration;

/**
 * One incident's contribution to the response-time figures: its response time, or — when nobody
 * responded — how long it has been left without one (to its resolution, or to the report's "now").
 */
public record MeasuredResponse(IncidentFacts incident, Duration time) {

  public boolean responded() {
    return incident.responded();
  }
}
