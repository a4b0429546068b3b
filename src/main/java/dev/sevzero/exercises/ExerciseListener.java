package dev.sevzero.exercises;

/**
 * Told about exercise events inside the transaction that stores them, so that what it stores (the
 * deliveries that show them) is stored with them or not at all. Implementations only do database
 * work here.
 */
public interface ExerciseListener {

  /** An exercise fell due; told once per occurrence, by one replica. */
  void reminderDue(Reminder reminder);

  /** Someone ticked a step of a drill's checklist. */
  void stepTicked(Drill drill, ChecklistStep step);
}
