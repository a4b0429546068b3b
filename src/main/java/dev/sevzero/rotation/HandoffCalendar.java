package dev.sevzero.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** When the pager changes hands: the rotation's cron in the rotation's zone. */
public interface HandoffCalendar {

  /** The first scheduled handoff strictly after {@code t}. */
  Instant nextHandoffAfter(Instant t);

  /** The zone the schedule is defined in; times shown to people name it. */
  ZoneId zone();

  /**
   * The latest scheduled handoff at or before {@code t}, looking back at most 8 days (a weekly
   * rotation always has one). The window grows from a minute so that a fast cron (tests) is not
   * stepped through second by second over eight days.
   */
  default Optional<Instant> lastHandoffAtOrBefore(Instant t) {
    Duration maxLookBack = Duration.ofDays(8);
    for (Duration lookBack = Duration.ofMinutes(1); ; lookBack = lookBack.multipliedBy(2)) {
      Duration window = lookBack.compareTo(maxLookBack) < 0 ? lookBack : maxLookBack;
      Optional<Instant> found = lastHandoffBetween(t.minus(window), t);
      if (found.isPresent() || window.equals(maxLookBack)) {
        return found;
      }
    }
  }

  private Optional<Instant> lastHandoffBetween(Instant from, Instant to) {
    Instant last = null;
    for (Instant next = nextHandoffAfter(from); !next.isAfter(to); next = nextHandoffAfter(next)) {
      last = next;
    }
    return Optional.ofNullable(last);
  }
}
