package dev.sevzero.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.scheduling.Scheduler;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationJobsTest {

  /** Remembers the cron registrations; runs nothing by itself. */
  private static final class CronRecorder implements Scheduler {
    final Map<String, String> crons = new LinkedHashMap<>();
    final Map<String, Runnable> jobs = new LinkedHashMap<>();

    @Override
    public void wakeAt(String key, Instant at, Runnable job) {
      throw new UnsupportedOperationException("the rotation only uses crons");
    }

    @Override
    public void cancel(String key) {
      crons.remove(key);
    }

    @Override
    public void onCron(String key, String cronExpression, ZoneId zone, Runnable job) {
      crons.put(key, cronExpression + " " + zone);
      jobs.put(key, job);
    }

    @Override
    public void runDue() {}

    @Override
    public java.util.Optional<Instant> nextDue() {
      return java.util.Optional.empty();
    }

    @Override
    public void close() {}
  }

  @Test
  void startCatchesUpOnAMissedHandoffAndRegistersTheCrons() {
    RotationTestbed rotation = new RotationTestbed("2026-11-25T18:00:00Z").withRoster("UA", "UB");
    rotation.clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    CronRecorder scheduler = new CronRecorder();

    new RotationJobs(rotation.service, scheduler, "0 0 12 ? * MON").start();

    assertThat(rotation.listener.events).containsExactly("handoff UA->UB startup-catch-up");
    assertThat(scheduler.crons)
        .containsEntry(RotationJobs.HANDOFF_JOB, "0 0 12 ? * MON America/Los_Angeles")
        .containsEntry(RotationJobs.REMINDER_JOB, "0 * * * * ? America/Los_Angeles");
  }

  @Test
  void theRegisteredJobsAreTheHandoffAndTheReminders() {
    RotationTestbed rotation = new RotationTestbed("2026-11-25T18:00:00Z").withRoster("UA", "UB");
    CronRecorder scheduler = new CronRecorder();
    new RotationJobs(rotation.service, scheduler, "0 0 12 ? * MON").start();

    rotation.clock.set(Instant.parse("2026-11-30T20:00:00Z"));
    scheduler.jobs.get(RotationJobs.HANDOFF_JOB).run();
    rotation.clock.set(Instant.parse("2026-11-30T20:15:00Z"));
    scheduler.jobs.get(RotationJobs.REMINDER_JOB).run();

    assertThat(rotation.listener.events).containsExactly("handoff UA->UB scheduled", "reminder UB");
  }
}
