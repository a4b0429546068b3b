package dev.sevzero.testing;

import dev.sevzero.scheduling.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A scheduler fake that fires only when the test says so, by the test's clock. */
public final class ManualScheduler implements Scheduler {

  private record WakeUp(Instant at, Runnable job) {}

  private final Clock clock;
  private final Map<String, WakeUp> wakeUps = new LinkedHashMap<>();

  public ManualScheduler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void wakeAt(String key, Instant at, Runnable job) {
    wakeUps.put(key, new WakeUp(at, job));
  }

  @Override
  public synchronized void cancel(String key) {
    wakeUps.remove(key);
  }

  @Override
  public void onCron(String key, String cronExpression, ZoneId zone, Runnable job) {
    throw new UnsupportedOperationException("not used by these tests");
  }

  /** When the wake-up under {@code key} would fire. */
  public synchronized Optional<Instant> next(String key) {
    return Optional.ofNullable(wakeUps.get(key)).map(WakeUp::at);
  }

  @Override
  public void runDue() {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      wakeUps
          .entrySet()
          .removeIf(
              entry -> {
                if (entry.getValue().at().isAfter(now)) {
                  return false;
                }
                due.add(entry.getValue().job());
                return true;
              });
    }
    due.forEach(Runnable::run);
  }

  @Override
  public synchronized Optional<Instant> nextDue() {
    return wakeUps.values().stream().map(WakeUp::at).min(java.util.Comparator.naturalOrder());
  }

  @Override
  public void close() {}
}
