package dev.sevzero.followups;

import dev.sevzero.incident.Transactions;
import dev.sevzero.scheduling.Scheduler;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly reminder to owners of overdue follow-ups: each owner gets at most one a week, from
 * Monday 09:00 in the team's zone on. What is due is decided from the stored follow-ups and claims
 * over the clock, so the hourly check, a restart or a second replica sends nothing twice, and a
 * week missed while the bot was down is made up once, at the next check.
 */
public final class FollowupNudges {

  static final String JOB = "followup-reminders";

  /** Hourly: someone whose follow-up falls overdue mid-week hears about it within the hour. */
  static final String EVERY_HOUR = "0 0 * * * ?";

  static final DayOfWeek WEEK_STARTS = DayOfWeek.MONDAY;
  static final LocalTime REMINDERS_FROM = LocalTime.of(9, 0);

  private final FollowupRepository followups;
  private final OverdueReminder reminder;
  private final Transactions transactions;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param reminder stores the reminder for sending (an outbox delivery), inside the transaction
   *     that claims it: claimed and sent together, or neither
   */
  public FollowupNudges(
      FollowupRepository followups,
      OverdueReminder reminder,
      Transactions transactions,
      Clock clock,
      ZoneId zone) {
    this.followups = followups;
    this.reminder = reminder;
    this.transactions = transactions;
    this.clock = clock;
    this.zone = zone;
  }

  /** Sends what is due now and checks again every hour. */
  public void start(Scheduler scheduler) {
    remindDue();
    scheduler.onCron(JOB, EVERY_HOUR, zone, this::remindDue);
  }

  /** Reminds every owner of overdue follow-ups who has not been reminded this week. */
  public void remindDue() {
    Instant now = clock.instant();
    LocalDate week = reminderWeek(now, zone);
    Map<String, List<Followup>> byOwner = new LinkedHashMap<>();
    for (Followup followup : followups.overdueOn(LocalDate.ofInstant(now, zone))) {
      followup
          .owner()
          .ifPresent(owner -> byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(followup));
    }
    byOwner.forEach(
        (owner, overdue) ->
            transactions.inTransaction(
                () -> {
                  if (followups.claimReminder(owner, week, now)) {
                    reminder.remind(owner, List.copyOf(overdue));
                  }
                  return null;
                }));
  }

  /**
   * The Monday of the reminder week {@code now} falls in: a week runs from Monday 09:00 to the next
   * Monday 09:00 in {@code zone}.
   */
  static LocalDate reminderWeek(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(WEEK_STARTS));
    boolean beforeStart = local.isBefore(monday.atTime(REMINDERS_FROM).atZone(zone));
    return beforeStart ? monday.minusWeeks(1) : monday;
  }
}
