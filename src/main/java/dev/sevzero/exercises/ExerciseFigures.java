package dev.sevzero.exercises;

import java.time.YearMonth;
import java.util.List;

/**
 * How a month kept to the exercise schedule, for {@code /sla month}: tabletops in the month, DR
 * drills in its quarter.
 *
 * @param quarter {@code Q4 2026}
 * @param drDrillsHeld the quarter's DR drills with their recovery objectives, oldest first
 */
public record ExerciseFigures(
    YearMonth month, Tally tabletops, String quarter, Tally drDrills, List<Drill> drDrillsHeld) {

  /**
   * Exercises held against those scheduled in a period.
   *
   * @param scheduled false when the exercise's cron is {@code none}
   * @param due scheduled occurrences in the whole period
   * @param dueSoFar occurrences already past
   * @param held drills of the kind started in the period
   */
  public record Tally(boolean scheduled, int due, int dueSoFar, int held) {

    /** Fewer held than have fallen due so far. */
    public boolean overdue() {
      return held < dueSoFar;
    }
  }
}
