package dev.sevzero.exercises;

/**
 * Told about exercise events after they are stored; the Slack adapter shows them. Implementations
 * return quickly: slow work goes on their own threads.
 */
public interface ExerciseListener {

  /** An exercise fell due; told once per occurrence, by one replica. */
  void reminderDue(Reminder reminder);

  /** Someone ticked a step of a drill's checklist. */
  void stepTicked(Drill drill, ChecklistStep step);
}
