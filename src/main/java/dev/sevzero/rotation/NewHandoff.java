package dev.sevzero.rotation;

import java.time.Instant;

/** A handoff about to be stored; the repository gives it its id. */
public record NewHandoff(
    Instant at, String from, String to, HandoffReason reason, Instant scheduledFor) {

  public Handoff withId(long id) {
    return new Handoff(id, at, from, to, reason, scheduledFor, null);
  }
}
