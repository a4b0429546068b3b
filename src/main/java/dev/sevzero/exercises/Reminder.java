package dev.sevzero.exercises;

import java.time.Instant;
import java.util.Optional;

/**
 * An exercise falls due: {@code ONCALL_CHANNEL} is told which scenario is next.
 *
 * @param occurrence the scheduled time it was due at
 * @param lastRehearsed when the scenario was last rehearsed, if ever
 */
public record Reminder(
    ExerciseKind kind, Instant occurrence, Scenario scenario, Optional<Instant> lastRehearsed) {}
