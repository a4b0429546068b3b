package dev.sevzero.exercises;

import dev.sevzero.incident.Severity;
import java.util.Optional;

/**
 * What someone asked for when starting a drill.
 *
 * @param scenario the library's scenario; empty when {@code title} names one outside it
 * @param title what the drill is called (the scenario's title when there is one)
 * @param targets for a DR drill; {@link RecoveryTargets#DEFAULT} when absent
 */
public record DrillRequest(
    ExerciseKind kind,
    Optional<Scenario> scenario,
    String title,
    Severity severity,
    Optional<RecoveryTargets> targets,
    String startedBy) {

  /** A drill on a scenario of the library. */
  public static DrillRequest of(
      ExerciseKind kind,
      Scenario scenario,
      Severity severity,
      Optional<RecoveryTargets> targets,
      String startedBy) {
    return new DrillRequest(
        kind, Optional.of(scenario), scenario.title(), severity, targets, startedBy);
  }
}
