package dev.sevzero.metrics.prometheus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A gauge's value that shows the worst (largest) value recorded within the last {@code keptFor},
 * and once that has passed, the latest. For how late scheduled work ran: a prompt sent two minutes
 * late is followed within the minute by the on-time once-a-minute checks, and a gauge of only the
 * latest value would hide it from every scrape but one that fell in between, and from the alert.
 * Thread-safe.
 */
final class RecentWorst {

  private record Sample(double value, Instant at) {}

  private final Clock clock;
  private final Duration keptFor;
  private Sample worst = new Sample(0, Instant.MIN);
  private double latest;

  RecentWorst(Clock clock, Duration keptFor) {
    this.clock = clock;
    this.keptFor = keptFor;
  }

  synchronized void record(double value) {
    Instant now = clock.instant();
    latest = value;
    if (value >= worst.value() || expired(now)) {
      worst = new Sample(value, now);
    }
  }

  synchronized double value() {
    return expired(clock.instant()) ? latest : worst.value();
  }

  private boolean expired(Instant now) {
    return worst.at().isBefore(now.minus(keptFor));
  }
}
