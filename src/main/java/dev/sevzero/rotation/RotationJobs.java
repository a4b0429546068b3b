package dev.sevzero.rotation;

import dev.sevzero.scheduling.Scheduler;

/**
 * Wakes the rotation up: the handoff at the rotation cron, the confirmation reminders, and, at
 * start-up, whatever came due while the bot was down. Every job is idempotent, so a second replica
 * or a double fire is harmless.
 */
public final class RotationJobs {

  static final String HANDOFF_JOB = "rotation-handoff";
  static final String REMINDER_JOB = "rotation-reminders";

  /**
   * Reminders fall due 15 and 30 minutes after any handoff (scheduled or not), and an override's
   * end whenever it ends; checking every minute keeps them within a minute and survives restarts
   * without a wake-up per handoff or override.
   */
  static final String EVERY_MINUTE = "0 * * * * ?";

  private final OncallService service;
  private final Scheduler scheduler;
  private final String handoffCron;

  /**
   * {@code handoffCron} is {@code ROTATION_CRON}, the one the service's calendar was built from.
   */
  public RotationJobs(OncallService service, Scheduler scheduler, String handoffCron) {
    this.service = service;
    this.scheduler = scheduler;
    this.handoffCron = handoffCron;
  }

  public void start() {
    service.handoffIfDue();
    checkTimedNews();
    scheduler.onCron(HANDOFF_JOB, handoffCron, service.rotationZone(), service::handoffIfDue);
    scheduler.onCron(REMINDER_JOB, EVERY_MINUTE, service.rotationZone(), this::checkTimedNews);
  }

  private void checkTimedNews() {
    service.remindUnconfirmed();
    service.announceEndedOverrides();
  }
}
