package dev.sevzero.exercises;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where drills, their checklists and the exercise reminders' claims are kept. */
public interface DrillRepository {

  /** Stores a new drill with its checklist, none of it ticked. */
  void insert(Drill drill);

  Optional<Drill> find(long incidentId);

  /** Drills started in [from, to), oldest first. */
  List<Drill> startedBetween(Instant from, Instant to);

  /** When each scenario was last rehearsed, by id; scenarios never rehearsed are absent. */
  Map<String, Instant> lastRehearsed();

  /**
   * Ticks step {@code number}; false, changing nothing, when someone ticked it already (the first
   * tick stands, whichever replica stored it).
   */
  boolean tick(long incidentId, int number, String by, Instant at);

  /** Records a DR drill's results; false, changing nothing, when they were recorded already. */
  boolean recordAchieved(long incidentId, Duration rto, Duration rpo, String by, Instant at);

  /** Records the {@code ts} of the message showing the checklist. */
  void attachChecklist(long incidentId, String ts);

  /**
   * When reminders of {@code kind} were first scheduled: {@code now} the first time it is asked,
   * the stored instant ever after. Occurrences before it are not reminded of, so installing the bot
   * does not post last month's reminder.
   */
  Instant remindingSince(ExerciseKind kind, Instant now);

  /**
   * Claims the reminder of the {@code kind} occurrence at {@code occurrence}: true for the one
   * caller (of any replica, before or after a restart) that gets to post it.
   */
  boolean claimReminder(ExerciseKind kind, Instant occurrence, String scenarioId, Instant at);

  /**
   * Claims starting the drill of the latest reminder of {@code kind} that named {@code scenarioId}:
   * true for the one caller (of any replica) that gets to start it; false when someone has, or no
   * reminder named it. Record the drill with {@link #recordDrillOfReminder} in the same
   * transaction.
   */
  boolean claimDrillOfReminder(ExerciseKind kind, String scenarioId, String by);

  /** The drill the caller of a successful {@link #claimDrillOfReminder} started. */
  void recordDrillOfReminder(ExerciseKind kind, String scenarioId, long incidentId);

  /** The drill started from the latest reminder of {@code kind} naming {@code scenarioId}. */
  Optional<Long> drillOfReminder(ExerciseKind kind, String scenarioId);
}
