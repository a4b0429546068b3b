package dev.sevzero.sla;

import java.time.Instant;

/** Port: how punctual Sevzero's scheduled work was (read from what it stored as it ran). */
public interface PunctualitySource {

  /** Prompts due and handoffs scheduled in [from, to). */
  Punctuality between(Instant from, Instant to);
}
