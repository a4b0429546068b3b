package dev.sevzero.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Wakes domain code up at the right time. The domain keeps the decision "what is due" over its own
 * {@link java.time.Clock} and the database; a scheduler only calls it back, so a wake-up that fires
 * twice, late or after a restart must be harmless to the callee.
 */
public interface Scheduler extends AutoCloseable {

  /**
   * Calls {@code job} once at {@code at} (by the application clock), replacing any earlier wake-up
   * under {@code key}.
   */
  void wakeAt(String key, Instant at, Runnable job);

  /** Forgets the wake-up under {@code key}, if any. */
  void cancel(String key);

  /** Calls {@code job} at every fire time of a Quartz-style cron expression in {@code zone}. */
  void onCron(String key, String cronExpression, ZoneId zone, Runnable job);

  /**
   * Runs at once every job whose time has come by the application clock: one-shot wake-ups due now,
   * and cron jobs whose fire time passed since their last run. Used when the application clock
   * jumps (the playground's {@code wait}, tests).
   */
  void runDue();

  /**
   * The earliest time a job is due: a one-shot wake-up, or a cron job's next fire time after its
   * last run. A clock that jumps (the playground's {@code wait}) steps through these in order, so
   * that each job runs at its own time rather than all of them at the end of the jump. Cron jobs
   * that fire every minute or more often are polls, safe to run at any time: they run at every
   * stop, and are no stop of their own (a week's wait would otherwise stop ten thousand times).
   */
  Optional<Instant> nextDue();

  @Override
  void close();
}
