package dev.sevzero.sla;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The arithmetic of the monthly SLA report (SPEC §7). Pure: the same incidents and the same clock
 * give the same report.
 *
 * <p>Methods, stated because a manager may check them by hand:
 *
 * <ul>
 *   <li>Every figure leaves drills out.
 *   <li>An incident nobody responded to counts with its open time (from start to resolution, or to
 *       now while it is open): leaving it out would reward ignoring an incident.
 *   <li>One rounding rule for every figure. Each time is counted in whole seconds, as every message
 *       shows it (a response at 4m 11.6s was "4m 11s" in the ack, and is 4m 11s here). A figure
 *       that divides (average, the median of an even count, mean time to resolve, a responder's
 *       average) is rounded <em>up</em> to the whole second, so it never reads as meeting a target
 *       it missed, and never exceeds the largest time it was computed from.
 *   <li>Average: the arithmetic mean.
 *   <li>Median: the middle value; the mean of the two middle values for an even count.
 *   <li>90th percentile: nearest rank, the value at rank ⌈0.9 × n⌉ of the ascending values (for 5
 *       incidents, the 5th; for 10, the 9th). It is always one of the measured times.
 *   <li>Mean time to resolve: from start to resolution, over the resolved incidents.
 * </ul>
 */
public final class SlaCalculator {

  private final SlaPolicy policy;
  private final Clock clock;

  public SlaCalculator(SlaPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The report for {@code month}.
   *
   * @param incidents the incidents declared in the month (drills included), in declaration order
   * @param previousMonth the previous month's {@link #figures}, or null when unknown
   */
  public SlaReport report(
      YearMonth month, List<IncidentFacts> incidents, MonthFigures previousMonth) {
    requireAllIn(month, incidents);
    Instant now = clock.instant();
    List<IncidentFacts> counted = withoutDrills(incidents);
    List<MeasuredResponse> responses = measure(counted, now);
    MonthFigures figures = figures(counted, responses);
    return new SlaReport(
        month,
        policy,
        now,
        figures,
        figures.average() == null ? null : policy.verdictFor(figures.average()),
        bySeverity(counted),
        responses,
        aboveTarget(responses),
        responses.stream().filter(response -> !response.responded()).toList(),
        counted.stream()
            .map(IncidentFacts::updates)
            .reduce(UpdateCompliance.NONE, UpdateCompliance::plus),
        responders(counted),
        incidents.stream().filter(IncidentFacts::drill).toList(),
        figures.changeSince(previousMonth),
        List.copyOf(incidents));
  }

  /** The headline figures of a month's incidents: what the next month's report compares with. */
  public MonthFigures figures(List<IncidentFacts> incidents) {
    List<IncidentFacts> counted = withoutDrills(incidents);
    return figures(counted, measure(counted, clock.instant()));
  }

  private void requireAllIn(YearMonth month, List<IncidentFacts> incidents) {
    SlaPolicy.MonthRange range = policy.rangeOf(month);
    for (IncidentFacts incident : incidents) {
      if (!range.contains(incident.declaredAt())) {
        throw new IllegalArgumentException(
            incident.key() + " was not declared in " + month + " (" + policy.zone() + ")");
      }
    }
  }

  private static List<IncidentFacts> withoutDrills(List<IncidentFacts> incidents) {
    return incidents.stream().filter(incident -> !incident.drill()).toList();
  }

  private static List<MeasuredResponse> measure(List<IncidentFacts> incidents, Instant now) {
    return incidents.stream()
        .map(incident -> new MeasuredResponse(incident, countedTime(incident, now)))
        .toList();
  }

  private static Duration countedTime(IncidentFacts incident, Instant now) {
    if (incident.responded()) {
      return wholeSeconds(incident.responseTime());
    }
    Instant openUntil = incident.resolved() ? incident.resolvedAt() : now;
    Duration open = Duration.between(incident.startedAt(), openUntil);
    return open.isNegative() ? Duration.ZERO : wholeSeconds(open);
  }

  /** A measured time as messages show it: the fraction of a second dropped. */
  private static Duration wholeSeconds(Duration time) {
    return Duration.ofSeconds(time.getSeconds());
  }

  private static MonthFigures figures(
      List<IncidentFacts> incidents, List<MeasuredResponse> responses) {
    if (incidents.isEmpty()) {
      return MonthFigures.EMPTY;
    }
    List<Duration> ascending = responses.stream().map(MeasuredResponse::time).sorted().toList();
    return new MonthFigures(
        incidents.size(),
        mean(ascending),
        median(ascending),
        nearestRank(ascending, 90),
        ascending.get(ascending.size() - 1),
        mean(
            incidents.stream()
                .filter(IncidentFacts::resolved)
                .map(IncidentFacts::timeToResolve)
                .map(SlaCalculator::wholeSeconds)
                .toList()));
  }

  private static Duration median(List<Duration> ascending) {
    int size = ascending.size();
    Duration upperMiddle = ascending.get(size / 2);
    return size % 2 == 1 ? upperMiddle : mean(List.of(ascending.get(size / 2 - 1), upperMiddle));
  }

  private static Duration nearestRank(List<Duration> ascending, int percentile) {
    int rank = (percentile * ascending.size() + 99) / 100; // ⌈p × n / 100⌉ in integers
    return ascending.get(rank - 1);
  }

  /** The mean of whole-second times, rounded up to the whole second; null for none. */
  private static Duration mean(List<Duration> wholeSeconds) {
    if (wholeSeconds.isEmpty()) {
      return null;
    }
    long total = wholeSeconds.stream().mapToLong(Duration::getSeconds).sum();
    return Duration.ofSeconds(-Math.floorDiv(-total, (long) wholeSeconds.size()));
  }

  private static SortedMap<String, Integer> bySeverity(List<IncidentFacts> incidents) {
    SortedMap<String, Integer> counts = new TreeMap<>();
    incidents.forEach(incident -> counts.merge(incident.severity(), 1, Integer::sum));
    return Collections.unmodifiableSortedMap(counts);
  }

  private List<MeasuredResponse> aboveTarget(List<MeasuredResponse> responses) {
    return responses.stream()
        .filter(MeasuredResponse::responded)
        .filter(response -> response.time().compareTo(policy.target()) > 0)
        .sorted(Comparator.comparing(MeasuredResponse::time).reversed())
        .toList();
  }

  private static List<ResponderSummary> responders(List<IncidentFacts> incidents) {
    Map<String, List<Duration>> timesByResponder = new LinkedHashMap<>();
    for (IncidentFacts incident : incidents) {
      if (incident.responded() && incident.respondedBy() != null) {
        timesByResponder
            .computeIfAbsent(incident.respondedBy(), user -> new ArrayList<>())
            .add(wholeSeconds(incident.responseTime()));
      }
    }
    List<ResponderSummary> responders = new ArrayList<>();
    timesByResponder.forEach(
        (user, times) -> responders.add(new ResponderSummary(user, times.size(), mean(times))));
    responders.sort(
        Comparator.comparingInt(ResponderSummary::responses)
            .reversed()
            .thenComparing(ResponderSummary::averageResponse)
            .thenComparing(ResponderSummary::userId));
    return Collections.unmodifiableList(responders);
  }
}
