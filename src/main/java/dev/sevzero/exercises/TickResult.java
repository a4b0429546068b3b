package dev.sevzero.exercises;

/** What ticking a checklist step did. */
public sealed interface TickResult {

  ChecklistStep step();

  /** The step is now ticked, by whoever asked. */
  record Ticked(Drill drill, ChecklistStep step) implements TickResult {}

  /** Someone had ticked it already; their tick stands. */
  record AlreadyTicked(ChecklistStep step) implements TickResult {}
}
