package dev.sevzero.exercises;

import dev.sevzero.incident.Transactions;
import dev.sevzero.scheduling.CronCalendar;
import dev.sevzero.scheduling.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reminds {@code ONCALL_CHANNEL} of each exercise when it falls due (SPEC §11). Like the handoff,
 * what is due is worked out from the schedule, the clock and the stored claims; the scheduler only
 * wakes this up, so a double fire, a restart or a second replica still posts each occurrence once,
 * and an occurrence missed while the bot was down is posted once at start-up.
 */
public final class ExerciseReminders {

  /** An exercise's schedule: {@code cron} is what the calendar was built from. */
  public record Schedule(ExerciseKind kind, String cron, CronCalendar calendar) {}

  /** Longer than any sensible exercise schedule's period (yearly at most). */
  static final Duration LOOK_BACK = Duration.ofDays(400);

  private final List<Schedule> schedules;
  private final ScenarioLibrary library;
  private final DrillRepository drills;
  private final Transactions transactions;
  private final Clock clock;
  private final ExerciseListener listener;

  /**
   * @param schedules the exercises scheduled; a kind whose cron is {@code none} is left out
   */
  public ExerciseReminders(
      List<Schedule> schedules,
      ScenarioLibrary library,
      DrillRepository drills,
      Transactions transactions,
      Clock clock,
      ExerciseListener listener) {
    this.schedules = List.copyOf(schedules);
    this.library = library;
    this.drills = drills;
    this.transactions = transactions;
    this.clock = clock;
    this.listener = listener;
  }

  /** Posts what came due while the bot was down, then wakes up at each scheduled time. */
  public void start(Scheduler scheduler) {
    for (Schedule schedule : schedules) {
      remindIfDue(schedule);
      scheduler.onCron(
          "exercise-reminder-" + schedule.kind().code(),
          schedule.cron(),
          schedule.calendar().zone(),
          () -> remindIfDue(schedule));
    }
  }

  /**
   * Claims and tells the latest occurrence of {@code schedule} if nobody has: called at its cron
   * and at start-up. However many occurrences were missed, at most the latest is told.
   */
  public Optional<Reminder> remindIfDue(Schedule schedule) {
    Instant now = clock.instant();
    Optional<Instant> dueAt = schedule.calendar().lastAtOrBefore(now, LOOK_BACK);
    if (dueAt.isEmpty()) {
      return Optional.empty();
    }
    ExerciseKind kind = schedule.kind();
    Optional<Reminder> reminder =
        transactions.inTransaction(
            () -> {
              if (dueAt.get().isBefore(drills.remindingSince(kind, now))) {
                return Optional.empty();
              }
              Map<String, Instant> lastRehearsed = drills.lastRehearsed();
              Optional<Scenario> next = library.next(kind, lastRehearsed);
              if (next.isEmpty()
                  || !drills.claimReminder(kind, dueAt.get(), next.get().id(), now)) {
                return Optional.empty();
              }
              Reminder due =
                  new Reminder(
                      kind,
                      dueAt.get(),
                      next.get(),
                      Optional.ofNullable(lastRehearsed.get(next.get().id())));
              // In the claim's transaction: the claim and the post it promises are stored
              // together.
              listener.reminderDue(due);
              return Optional.of(due);
            });
    return reminder;
  }
}
