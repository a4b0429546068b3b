package dev.sevzero.slack.exercises;

import java.util.regex.Pattern;

/** The IDs that tie the exercise buttons and modals to their handlers. */
final class ExerciseActionIds {

  /** The reminder's button; its value is {@code <kind>:<scenario id>}. */
  static final String START_DRILL = "exercise_start_drill";

  /**
   * A checklist step's button, {@code drill_tick_step_<n>} (Slack finds a button by its action id,
   * so each step has its own); its value is the incident ID.
   */
  static final String TICK_STEP_PREFIX = "drill_tick_step_";

  static final Pattern TICK_STEP = Pattern.compile(TICK_STEP_PREFIX + "(\\d+)");

  static final String DRILL_VIEW = "exercise_drill";
  static final String RESULTS_VIEW = "exercise_results";

  static final String KIND = "kind";
  static final String SCENARIO = "scenario";
  static final String SEVERITY = "severity";
  static final String RTO = "rto";
  static final String RPO = "rpo";
  static final String SUMMARY = "summary";

  private ExerciseActionIds() {}
}
