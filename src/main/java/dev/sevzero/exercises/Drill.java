package dev.sevzero.exercises;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An exercise run as an incident (the incident is marked as a drill): its kind, the scenario it
 * rehearses with the brief and checklist copied when it started, the ticks, and for a DR drill the
 * recovery targets and what was achieved.
 *
 * @param scenarioId empty for a drill on a scenario outside the library
 * @param brief empty for a drill on a scenario outside the library
 * @param targets present for a DR drill
 * @param achieved present once a DR drill's results were recorded
 * @param checklistTs the Slack message showing the checklist, once posted
 */
public record Drill(
    long incidentId,
    ExerciseKind kind,
    Optional<String> scenarioId,
    String title,
    Optional<String> brief,
    List<ChecklistStep> checklist,
    Optional<RecoveryTargets> targets,
    Optional<Achieved> achieved,
    Instant startedAt,
    Optional<String> checklistTs) {

  /** What a DR drill recovered in, and how much data it lost, as told by {@code by}. */
  public record Achieved(Duration rto, Duration rpo, String by, Instant at) {}

  public Drill {
    checklist = List.copyOf(checklist);
  }

  /** A DR drill is resolved with its results; a tabletop simply resolves. */
  public boolean awaitsResults() {
    return kind == ExerciseKind.DR && achieved.isEmpty();
  }

  public long ticked() {
    return checklist.stream().filter(ChecklistStep::isTicked).count();
  }

  /** The RTO and RPO against their targets, once achieved figures were recorded. */
  public List<Objective> objectives() {
    if (targets.isEmpty() || achieved.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Objective("RTO", targets.get().rto(), achieved.get().rto()),
        new Objective("RPO", targets.get().rpo(), achieved.get().rpo()));
  }

  /** Whether every objective was met; empty until results were recorded. */
  public Optional<Boolean> objectivesMet() {
    List<Objective> objectives = objectives();
    return objectives.isEmpty()
        ? Optional.empty()
        : Optional.of(objectives.stream().allMatch(Objective::met));
  }
}
