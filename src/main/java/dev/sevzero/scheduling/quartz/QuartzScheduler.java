package dev.sevzero.scheduling.quartz;

import dev.sevzero.scheduling.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Scheduler} over Quartz with an in-memory job store. The database, not Quartz, holds what
 * is due (the domain claims work there), so after a restart the domain schedules again from stored
 * facts and nothing needs Quartz's own tables.
 *
 * <p>Quartz reads the system time; wake-ups are given by the application clock, which may run ahead
 * (playground, tests). A wake-up is therefore set at the real instant that is as far ahead as the
 * requested one is by the application clock, and {@link #runDue()} catches up after the application
 * clock jumps.
 */
public final class QuartzScheduler implements Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(QuartzScheduler.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final AtomicLong REGISTRATIONS = new AtomicLong();
  private static final String WAKE_UP_GROUP = "wake-up";
  private static final String CRON_GROUP = "cron";
  private static final String REGISTRATION = "registration";
  private static final String SELF = QuartzScheduler.class.getName();
  private static final Duration POLL = Duration.ofMinutes(1);

  private final Clock appClock;
  private final Clock realClock;
  private final org.quartz.Scheduler quartz;
  private final Map<String, WakeUp> wakeUps = new ConcurrentHashMap<>();
  private final Map<String, CronJob> cronJobs = new ConcurrentHashMap<>();
  private final Consumer<Duration> lateness;

  public QuartzScheduler(Clock appClock, Clock realClock) {
    this(appClock, realClock, lag -> {});
  }

  /**
   * @param lateness told, at every fire, how long after its fire time the job starts: a stalled or
   *     overloaded process shows here first
   */
  public QuartzScheduler(Clock appClock, Clock realClock, Consumer<Duration> lateness) {
    this.appClock = appClock;
    this.realClock = realClock;
    this.lateness = lateness;
    try {
      quartz = new StdSchedulerFactory(properties()).getScheduler();
      quartz.getContext().put(SELF, this);
      quartz.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  private static Properties properties() {
    Properties properties = new Properties();
    // Several schedulers may live in one JVM (tests); Quartz keeps a JVM-wide registry by name.
    properties.setProperty(
        "org.quartz.scheduler.instanceName", "sevzero-" + INSTANCES.incrementAndGet());
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    return properties;
  }

  @Override
  public void wakeAt(String key, Instant at, Runnable job) {
    WakeUp wakeUp = new WakeUp(at, job, REGISTRATIONS.incrementAndGet());
    wakeUps.put(key, wakeUp);
    Duration ahead = Duration.between(appClock.instant(), at);
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key, WAKE_UP_GROUP)
            .startAt(Date.from(realClock.instant().plus(ahead)))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .usingJobData(REGISTRATION, wakeUp.registration())
            .build();
    schedule(new JobKey(key, WAKE_UP_GROUP), trigger);
  }

  @Override
  public void cancel(String key) {
    wakeUps.remove(key);
    cronJobs.remove(key);
    unschedule(new JobKey(key, WAKE_UP_GROUP));
    unschedule(new JobKey(key, CRON_GROUP));
  }

  @Override
  public void onCron(String key, String cronExpression, ZoneId zone, Runnable job) {
    CronJob cronJob =
        new CronJob(
            QuartzCronCalendar.parse(cronExpression, zone),
            job,
            REGISTRATIONS.incrementAndGet(),
            appClock.instant());
    cronJobs.put(key, cronJob);
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key, CRON_GROUP)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cronExpression)
                    .inTimeZone(TimeZone.getTimeZone(zone))
                    // After downtime or a stall, fire once rather than once per missed time.
                    .withMisfireHandlingInstructionFireAndProceed())
            .usingJobData(REGISTRATION, cronJob.registration())
            .build();
    schedule(new JobKey(key, CRON_GROUP), trigger);
  }

  @Override
  public void runDue() {
    Instant now = appClock.instant();
    wakeUps.forEach(
        (key, wakeUp) -> {
          if (!wakeUp.at().isAfter(now) && wakeUps.remove(key, wakeUp)) {
            unschedule(new JobKey(key, WAKE_UP_GROUP));
            run(key, wakeUp.job());
          }
        });
    cronJobs.forEach(
        (key, cronJob) -> {
          if (cronJob.claimIfDue(now)) {
            run(key, cronJob.job());
          }
        });
  }

  @Override
  public Optional<Instant> nextDue() {
    return Stream.concat(
            wakeUps.values().stream().map(WakeUp::at),
            cronJobs.values().stream()
                .filter(cronJob -> !cronJob.isPoll())
                .map(CronJob::nextFire)
                .flatMap(Optional::stream))
        .min(Comparator.naturalOrder());
  }

  @Override
  public void close() {
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  /**
   * Called by Quartz. The registration number tells a trigger that was replaced or cancelled while
   * it fired from the current one, and removing a wake-up before running it keeps Quartz and {@link
   * #runDue()} from both running it.
   */
  private void fired(JobKey jobKey, long registration, Date scheduledFireTime) {
    if (!waitedUntil(scheduledFireTime)) {
      return;
    }
    lateness.accept(Duration.between(scheduledFireTime.toInstant(), realClock.instant()));
    String key = jobKey.getName();
    if (WAKE_UP_GROUP.equals(jobKey.getGroup())) {
      WakeUp wakeUp = wakeUps.get(key);
      if (wakeUp != null && wakeUp.registration() == registration && wakeUps.remove(key, wakeUp)) {
        run(key, wakeUp.job());
      }
    } else {
      CronJob cronJob = cronJobs.get(key);
      if (cronJob != null && cronJob.registration() == registration) {
        cronJob.ranAt(appClock.instant());
        run(key, cronJob.job());
      }
    }
  }

  /**
   * Quartz fires up to a few milliseconds before the fire time, and callees decide what is due by
   * the clock: called early, a handoff would find nothing due and be skipped for a week.
   */
  private boolean waitedUntil(Date fireTime) {
    long early = fireTime.getTime() - realClock.millis();
    if (early > 0) {
      try {
        Thread.sleep(early);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static void run(String key, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      // One failing job must not stop the others or later fires; its callee retries next time.
      LOG.error("scheduled job {} failed", key, e);
    }
  }

  private void schedule(JobKey jobKey, Trigger trigger) {
    try {
      quartz.scheduleJob(
          JobBuilder.newJob(Dispatch.class).withIdentity(jobKey).build(), Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule " + jobKey + ": " + e.getMessage(), e);
    }
  }

  private void unschedule(JobKey jobKey) {
    try {
      quartz.deleteJob(jobKey);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule " + jobKey + ": " + e.getMessage(), e);
    }
  }

  /** The one Quartz job class: hands every fire back to the scheduler that registered it. */
  public static final class Dispatch implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      try {
        QuartzScheduler owner = (QuartzScheduler) context.getScheduler().getContext().get(SELF);
        owner.fired(
            context.getJobDetail().getKey(),
            context.getMergedJobDataMap().getLong(REGISTRATION),
            context.getScheduledFireTime());
      } catch (SchedulerException e) {
        LOG.error("cannot dispatch {}", context.getJobDetail().getKey(), e);
      }
    }
  }

  private record WakeUp(Instant at, Runnable job, long registration) {}

  /** A cron job and when it last ran by the application clock, for {@link #runDue()}. */
  private static final class CronJob {
    private final CronExpression expression;
    private final Runnable job;
    private final long registration;
    private Instant lastRun;

    CronJob(CronExpression expression, Runnable job, long registration, Instant registeredAt) {
      this.expression = expression;
      this.job = job;
      this.registration = registration;
      this.lastRun = registeredAt;
    }

    Runnable job() {
      return job;
    }

    long registration() {
      return registration;
    }

    synchronized void ranAt(Instant at) {
      if (at.isAfter(lastRun)) {
        lastRun = at;
      }
    }

    /** Fires every minute or more often. */
    synchronized boolean isPoll() {
      Date first = expression.getNextValidTimeAfter(Date.from(lastRun));
      Date second = first == null ? null : expression.getNextValidTimeAfter(first);
      return second != null && second.getTime() - first.getTime() <= POLL.toMillis();
    }

    synchronized Optional<Instant> nextFire() {
      return Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(lastRun)))
          .map(Date::toInstant);
    }

    /** Whether a fire time passed since the last run; if so, counts this as the run. */
    synchronized boolean claimIfDue(Instant now) {
      Date next = expression.getNextValidTimeAfter(Date.from(lastRun));
      if (next == null || next.toInstant().isAfter(now)) {
        return false;
      }
      lastRun = now;
      return true;
    }
  }
}
