package dev.sevzero.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at the speed of a base clock, or stands still, and can be moved forward, so the
 * playground (and the end-to-end tests) can make half an hour pass at once.
 */
public final class PlaygroundClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  private PlaygroundClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** Starts at {@code start} and runs on from there with {@code base}. */
  public static PlaygroundClock startingAt(Instant start, Clock base) {
    return new PlaygroundClock(
        base, new AtomicReference<>(Duration.between(base.instant(), start)));
  }

  /** Stands still at {@code start}: time passes only by {@link #advance}. */
  public static PlaygroundClock pausedAt(Instant start) {
    return startingAt(start, Clock.fixed(start, ZoneOffset.UTC));
  }

  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    offset.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new PlaygroundClock(base.withZone(zone), offset);
  }
}
