package dev.sevzero.sla;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long alert-born incidents took from detection (the alert's start, where their SLA clock
 * starts) to declaration, over a month's incidents; drills left out.
 *
 * @param incidents how many incidents started before they were declared
 */
public record DetectionDelay(int incidents, Duration average, Duration max) {

  /** Empty when no incident of {@code month} was declared after its detection. */
  public static Optional<DetectionDelay> of(List<IncidentFacts> month) {
    List<Duration> delays =
        month.stream()
            .filter(incident -> !incident.drill())
            .filter(incident -> incident.startedAt().isBefore(incident.declaredAt()))
            .map(incident -> Duration.between(incident.startedAt(), incident.declaredAt()))
            .toList();
    if (delays.isEmpty()) {
      return Optional.empty();
    }
    Duration total = delays.stream().reduce(Duration.ZERO, Duration::plus);
    return Optional.of(
        new DetectionDelay(
            delays.size(),
            total.dividedBy(delays.size()),
            delays.stream().max(Duration::compareTo).orElseThrow()));
  }
}
