package dev.sevzero.scheduling.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuartzSchedulerIT {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  private final Clock realClock = Clock.systemUTC();
  private final MutableClock appClock = new MutableClock(Instant.parse("2026-11-25T18:00:00Z"));
  private final QuartzScheduler scheduler = new QuartzScheduler(appClock, realClock);
  private final AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    scheduler.close();
  }

  @Test
  void wakeUpFiresOnceWhenItsTimeComes() throws InterruptedException {
    scheduler.wakeAt("prompt", appClock.instant().plusMillis(300), runs::incrementAndGet);

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    Thread.sleep(300);
    assertThat(runs).hasValue(1);
  }

  @Test
  void wakeUpUnderTheSameKeyReplacesTheEarlierOne() throws InterruptedException {
    AtomicInteger replaced = new AtomicInteger();
    scheduler.wakeAt("prompt", appClock.instant().plusMillis(200), replaced::incrementAndGet);
    scheduler.wakeAt("prompt", appClock.instant().plusMillis(400), runs::incrementAndGet);

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    Thread.sleep(200);
    assertThat(replaced).hasValue(0);
    assertThat(runs).hasValue(1);
  }

  @Test
  void cancelledWakeUpNeverFires() throws InterruptedException {
    scheduler.wakeAt("prompt", appClock.instant().plusMillis(200), runs::incrementAndGet);
    scheduler.cancel("prompt");

    Thread.sleep(600);
    scheduler.runDue();
    assertThat(runs).hasValue(0);
  }

  @Test
  void cronJobFiresEverySecond() {
    scheduler.onCron("tick", "*/1 * * * * ?", PACIFIC, runs::incrementAndGet);

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2);
  }

  @Test
  void failingJobIsLoggedAndLaterJobsStillRun() {
    scheduler.wakeAt(
        "broken",
        appClock.instant(),
        () -> {
          throw new IllegalStateException("deliberately broken job");
        });
    scheduler.wakeAt("fine", appClock.instant().plusMillis(100), runs::incrementAndGet);

    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
  }

  @Test
  void runDueRunsWhatTheApplicationClockMadeDueExactlyOnce() {
    AtomicInteger weekly = new AtomicInteger();
    scheduler.wakeAt(
        "prompt", appClock.instant().plus(Duration.ofMinutes(30)), runs::incrementAndGet);
    scheduler.onCron("handoff", "0 0 12 ? * MON", PACIFIC, weekly::incrementAndGet);

    scheduler.runDue();
    assertThat(runs).hasValue(0);
    assertThat(weekly).hasValue(0);

    appClock.advance(Duration.ofDays(15));
    scheduler.runDue();
    scheduler.runDue();

    assertThat(runs).hasValue(1);
    assertThat(weekly).as("two missed Mondays run the job once").hasValue(1);
  }

  @Test
  void severalSchedulersLiveSideBySide() {
    try (QuartzScheduler other = new QuartzScheduler(appClock, realClock)) {
      other.wakeAt("prompt", appClock.instant().plusMillis(100), runs::incrementAndGet);
      scheduler.wakeAt("prompt", appClock.instant().plusMillis(100), runs::incrementAndGet);

      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
    }
  }
}
