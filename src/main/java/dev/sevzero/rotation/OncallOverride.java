package dev.sevzero.rotation;

import java.time.Instant;

/**
 * {@code user} holds the pager from {@code from} (inclusive) until {@code until} (exclusive),
 * whatever the rotation says; {@code by} asked for it.
 */
public record OncallOverride(String user, Instant from, Instant until, String by) {

  public boolean isActiveAt(Instant t) {
    return !t.isBefore(from) && t.isBefore(until);
  }

  /** Whether any part of this override falls in {@code [start, end)}. */
  public boolean overlaps(Instant start, Instant end) {
    return from.isBefore(end) && until.isAfter(start);
  }
}
