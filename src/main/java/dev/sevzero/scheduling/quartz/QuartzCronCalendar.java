package dev.sevzero.scheduling.quartz;

import dev.sevzero.scheduling.CronCalendar;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A schedule's fire times from a Quartz cron expression in a zone: the same arithmetic as the
 * trigger that wakes the schedule's job, daylight saving included.
 */
public final class QuartzCronCalendar implements CronCalendar {

  private final CronExpression expression;
  private final ZoneId zone;

  /**
   * @throws IllegalArgumentException when {@code cronExpression} is not a Quartz cron expression or
   *     never fires
   */
  public QuartzCronCalendar(String cronExpression, ZoneId zone) {
    this.expression = parse(cronExpression, zone);
    this.zone = zone;
  }

  static CronExpression parse(String cronExpression, ZoneId zone) {
    try {
      CronExpression parsed = new CronExpression(cronExpression);
      parsed.setTimeZone(TimeZone.getTimeZone(zone));
      return parsed;
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "not a Quartz cron expression: \"" + cronExpression + "\" (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public Instant nextAfter(Instant t) {
    Date next;
    // CronExpression keeps mutable calendar state; callers may come from several threads.
    synchronized (expression) {
      next = expression.getNextValidTimeAfter(Date.from(t));
    }
    if (next == null) {
      throw new IllegalStateException(
          "the cron expression \"" + expression.getCronExpression() + "\" never fires after " + t);
    }
    return next.toInstant();
  }

  @Override
  public ZoneId zone() {
    return zone;
  }
}
