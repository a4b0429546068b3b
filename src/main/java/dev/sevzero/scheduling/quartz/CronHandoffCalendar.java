package dev.sevzero.scheduling.quartz;

import dev.sevzero.rotation.HandoffCalendar;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The rotation's handoff times from a Quartz cron expression in the rotation's zone: the same
 * arithmetic as the trigger that fires the handoff, daylight saving included.
 */
public final class CronHandoffCalendar implements HandoffCalendar {

  private final CronExpression expression;
  private final ZoneId zone;

  /**
   * @throws IllegalArgumentException when {@code cronExpression} is not a Quartz cron expression or
   *     never fires
   */
  public CronHandoffCalendar(String cronExpression, ZoneId zone) {
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
  public Instant nextHandoffAfter(Instant t) {
    Date next;
    // CronExpression keeps mutable calendar state; callers may come from several threads.
    synchronized (expression) {
      next = expression.getNextValidTimeAfter(Date.from(t));
    }
    if (next == null) {
      throw new IllegalStateException(
          "the rotation cron \"" + expression.getCronExpression() + "\" never fires after " + t);
    }
    return next.toInstant();
  }

  @Override
  public ZoneId zone() {
    return zone;
  }
}
