package dev.sevzero.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The response-time SLA: a target, a ceiling, and the zone whose calendar months the report covers.
 */
public record SlaPolicy(Duration target, Duration ceiling, ZoneId zone) {

  public SlaPolicy {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ceiling, "ceiling");
    Objects.requireNonNull(zone, "zone");
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("SLA target must be positive: " + target);
    }
    if (ceiling.compareTo(target) < 0) {
      throw new IllegalArgumentException(
          "SLA ceiling " + ceiling + " is below the target " + target);
    }
  }

  /** Both bounds are inclusive: an average of exactly the target meets it. */
  public Verdict verdictFor(Duration averageResponse) {
    if (averageResponse.compareTo(target) <= 0) {
      return Verdict.MET;
    }
    if (averageResponse.compareTo(ceiling) <= 0) {
      return Verdict.WITHIN_TOLERANCE;
    }
    return Verdict.BREACHED;
  }

  /**
   * The month as the half-open interval [start, end) of instants. Going through the zone's rules
   * (not adding 30 days or 24 hours) makes the months that contain a DST change 743 or 745 hours
   * long, as they really are.
   */
  public MonthRange rangeOf(YearMonth month) {
    return new MonthRange(
        month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /** The month an instant belongs to on this zone's calendar. */
  public YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atZone(zone));
  }

  /** A half-open interval of instants, [start, end). */
  public record MonthRange(Instant start, Instant end) {

    public boolean contains(Instant instant) {
      return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration length() {
      return Duration.between(start, end);
    }
  }
}
