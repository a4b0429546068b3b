package dev.sevzero.sla;

import java.time.Duration;

/**
 * The headline figures of a month, without drills. The durations are null when there is nothing to
 * measure: all of them in a month without incidents, the mean time to resolve in a month whose
 * incidents are all still open.
 *
 * @param average the SLA figure, rounded up to the whole second (see {@link SlaCalculator})
 * @param percentile90 nearest-rank 90th percentile
 */
public record MonthFigures(
    int incidents,
    Duration average,
    Duration median,
    Duration percentile90,
    Duration max,
    Duration meanTimeToResolve) {

  public static final MonthFigures EMPTY = new MonthFigures(0, null, null, null, null, null);

  /**
   * This month minus {@code previous}, figure by figure; null when the previous month had no
   * incidents, since "▲ 5 incidents" against a month with no data would only mislead.
   */
  public FiguresChange changeSince(MonthFigures previous) {
    if (previous == null || previous.incidents == 0 || incidents == 0) {
      return null;
    }
    return new FiguresChange(
        incidents - previous.incidents,
        difference(average, previous.average),
        difference(median, previous.median),
        difference(percentile90, previous.percentile90),
        difference(max, previous.max),
        difference(meanTimeToResolve, previous.meanTimeToResolve));
  }

  private static Duration difference(Duration current, Duration previous) {
    return current == null || previous == null ? null : current.minus(previous);
  }

  /**
   * Change of each headline figure against the previous month: positive means it went up. A
   * duration is null when either month lacks that figure.
   */
  public record FiguresChange(
      int incidents,
      Duration average,
      Duration median,
      Duration percentile90,
      Duration max,
      Duration meanTimeToResolve) {}
}
