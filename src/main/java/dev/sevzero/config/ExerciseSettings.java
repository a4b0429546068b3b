package dev.sevzero.config;

import dev.sevzero.exercises.ScenarioLibrary;
import java.util.Objects;
import java.util.Optional;

/**
 * The drill kit's schedules and scenarios (SPEC §11).
 *
 * @param tabletopCron {@code TABLETOP_CRON} in the rotation's zone; empty when {@code none}
 * @param drDrillCron {@code DR_DRILL_CRON} in the rotation's zone; empty when {@code none}
 * @param scenarios the library read from {@code EXERCISE_SCENARIOS_FILE}; empty: the built-in one
 */
public record ExerciseSettings(
    Optional<String> tabletopCron,
    Optional<String> drDrillCron,
    Optional<ScenarioLibrary> scenarios) {

  public static final String DEFAULT_TABLETOP_CRON = "0 0 10 ? * TUE#1";
  public static final String DEFAULT_DR_DRILL_CRON = "0 0 10 ? 1,4,7,10 TUE#2";

  public ExerciseSettings {
    Objects.requireNonNull(tabletopCron, "tabletopCron");
    Objects.requireNonNull(drDrillCron, "drDrillCron");
    Objects.requireNonNull(scenarios, "scenarios");
  }

  static ExerciseSettings read(EnvReader in) {
    return new ExerciseSettings(
        in.cronOrNone("TABLETOP_CRON", DEFAULT_TABLETOP_CRON),
        in.cronOrNone("DR_DRILL_CRON", DEFAULT_DR_DRILL_CRON),
        in.scenarioFile("EXERCISE_SCENARIOS_FILE"));
  }

  @Override
  public String toString() {
    return "ExerciseSettings[tabletopCron="
        + tabletopCron.orElse("none")
        + ", drDrillCron="
        + drDrillCron.orElse("none")
        + ", scenarios="
        + scenarios.map(library -> library.all().size() + " from a file").orElse("built-in")
        + "]";
  }
}
