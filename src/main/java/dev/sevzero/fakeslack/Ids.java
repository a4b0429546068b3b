package dev.sevzero.fakeslack;

import java.time.Clock;
import java.time.Instant;

/** Slack-shaped ids and message timestamps, unique across the workspace. */
final class Ids {
  private final Clock clock;
  private long lastTsMicros;
  private long nextId = 1;

  Ids(Clock clock) {
    this.clock = clock;
  }

  /** {@code C00000001}: a prefix for the kind of object (C, D, S, V, F) and a serial number. */
  synchronized String newId(char prefix) {
    return prefix + String.format("%08d", next());
  }

  /** The serial number ids are made of, for ids of other shapes (trigger ids). */
  synchronized long next() {
    return nextId++;
  }

  /** Slack's "seconds.micros" ts from the clock, strictly increasing even within one instant. */
  synchronized String newTs() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    lastTsMicros = Math.max(micros, lastTsMicros + 1);
    return String.format("%d.%06d", lastTsMicros / 1_000_000, lastTsMicros % 1_000_000);
  }
}
