package dev.sevzero.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fire times of a recurring schedule (a cron expression in a zone, daylight saving handled):
 * the handoff, the exercise reminders, follow-up nudges. Domain code decides what is due from these
 * times, its own clock and its stored facts; a {@link Scheduler} only wakes it up.
 */
public interface CronCalendar {

  /** The first fire time strictly after {@code t}. */
  Instant nextAfter(Instant t);

  /** The zone the schedule is defined in; times shown to people name it. */
  ZoneId zone();

  /**
   * The latest fire time at or before {@code t}, looking back at most {@code maxLookBack} (longer
   * than the schedule's period, so that there always is one). The window grows from a minute so
   * that a fast cron (tests) is not stepped through second by second over the whole look-back.
   */
  default Optional<Instant> lastAtOrBefore(Instant t, Duration maxLookBack) {
    for (Duration lookBack = Duration.ofMinutes(1); ; lookBack = lookBack.multipliedBy(2)) {
      Duration window = lookBack.compareTo(maxLookBack) < 0 ? lookBack : maxLookBack;
      Optional<Instant> found = lastBetween(t.minus(window), t);
      if (found.isPresent() || window.equals(maxLookBack)) {
        return found;
      }
    }
  }

  /** Every fire time in {@code [from, to)}, in order. */
  default List<Instant> between(Instant from, Instant to) {
    List<Instant> times = new ArrayList<>();
    for (Instant next = nextAfter(from.minusMillis(1)); next.isBefore(to); next = nextAfter(next)) {
      times.add(next);
    }
    return times;
  }

  private Optional<Instant> lastBetween(Instant from, Instant to) {
    Instant last = null;
    for (Instant next = nextAfter(from); !next.isAfter(to); next = nextAfter(next)) {
      last = next;
    }
    return Optional.ofNullable(last);
  }
}
