package dev.sevzero.exercises;

import dev.sevzero.scheduling.CronCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercise section of the monthly report: scheduled occurrences counted from the calendars,
 * held ones from the stored drills. Months and quarters are calendar ones in the report's zone.
 */
public final class ExerciseReports {

  private final Map<ExerciseKind, CronCalendar> calendars;
  private final DrillRepository drills;
  private final Clock clock;

  /**
   * @param calendars the scheduled exercises; a kind whose cron is {@code none} is absent
   */
  public ExerciseReports(
      Map<ExerciseKind, CronCalendar> calendars, DrillRepository drills, Clock clock) {
    this.calendars = Map.copyOf(calendars);
    this.drills = drills;
    this.clock = clock;
  }

  public ExerciseFigures month(YearMonth month, ZoneId zone) {
    Instant now = clock.instant();
    YearMonth quarterStart = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    Instant monthFrom = start(month, zone);
    Instant monthTo = start(month.plusMonths(1), zone);
    Instant quarterFrom = start(quarterStart, zone);
    Instant quarterTo = start(quarterStart.plusMonths(3), zone);
    List<Drill> monthDrills = drills.startedBetween(monthFrom, monthTo);
    List<Drill> quarterDr =
        drills.startedBetween(quarterFrom, quarterTo).stream()
            .filter(drill -> drill.kind() == ExerciseKind.DR)
            .toList();
    int tabletopsHeld =
        (int) monthDrills.stream().filter(d -> d.kind() == ExerciseKind.TABLETOP).count();
    return new ExerciseFigures(
        month,
        tally(ExerciseKind.TABLETOP, monthFrom, monthTo, now, tabletopsHeld),
        "Q" + ((month.getMonthValue() - 1) / 3 + 1) + " " + month.getYear(),
        tally(ExerciseKind.DR, quarterFrom, quarterTo, now, quarterDr.size()),
        quarterDr);
  }

  private ExerciseFigures.Tally tally(
      ExerciseKind kind, Instant from, Instant to, Instant now, int held) {
    Optional<CronCalendar> calendar = Optional.ofNullable(calendars.get(kind));
    if (calendar.isEmpty()) {
      return new ExerciseFigures.Tally(false, 0, 0, held);
    }
    List<Instant> due = calendar.get().between(from, to);
    int dueSoFar = (int) due.stream().filter(at -> !at.isAfter(now)).count();
    return new ExerciseFigures.Tally(true, due.size(), dueSoFar, held);
  }

  private static Instant start(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }
}
