package dev.sevzero.alerts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One webhook notification about an alert group: every alert of the group the sender still knows,
 * firing or resolved.
 *
 * @param firing the group's status: false when every alert of it has resolved
 */
public record AlertNotification(
    AlertSource source,
    String groupKey,
    boolean firing,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    List<Alert> alerts) {

  private static final List<String> WHERE_LABELS = List.of("service", "instance", "job");
  private static final int MAX_TITLE = 150;

  public AlertNotification {
    commonLabels = Map.copyOf(commonLabels);
    commonAnnotations = Map.copyOf(commonAnnotations);
    alerts = List.copyOf(alerts);
  }

  public List<Alert> firingAlerts() {
    return alerts.stream().filter(Alert::firing).toList();
  }

  /**
   * The incident's title: the common summary, else the alert name with the service or instance it
   * is about.
   */
  public String title() {
    String title =
        Optional.ofNullable(commonAnnotations.get("summary"))
            .filter(summary -> !summary.isBlank())
            .orElseGet(this::nameAndPlace);
    return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
  }

  private String nameAndPlace() {
    String alertname =
        Optional.ofNullable(commonLabels.get("alertname"))
            .or(
                () ->
                    alerts.stream()
                        .map(a -> a.labels().get("alertname"))
                        .filter(n -> n != null)
                        .findFirst())
            .orElse(source.displayName() + " alert");
    return where(commonLabels).map(place -> alertname + " on " + place).orElse(alertname);
  }

  static Optional<String> where(Map<String, String> labels) {
    return WHERE_LABELS.stream().map(labels::get).filter(value -> value != null).findFirst();
  }

  /** When the problem was detected: the earliest start of the firing alerts. */
  public Optional<Instant> detectedAt() {
    return firingAlerts().stream().map(Alert::startsAt).min(Comparator.naturalOrder());
  }

  /** The label that decides the severity: the common one, else the first firing alert's. */
  public Optional<String> severityLabel() {
    return Optional.ofNullable(commonLabels.get("severity"))
        .or(
            () ->
                firingAlerts().stream()
                    .map(alert -> alert.labels().get("severity"))
                    .filter(value -> value != null)
                    .findFirst());
  }

  /**
   * What the incident's header shows of the alert: where it came from, its labels and a link to its
   * source.
   */
  public String description() {
    String labels =
        new TreeMap<>(commonLabels)
            .entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(", "));
    StringBuilder text = new StringBuilder("From ").append(source.displayName()).append(" alert");
    if (!labels.isEmpty()) {
      text.append(" · labels: ").append(labels);
    }
    firingAlerts().stream()
        .flatMap(alert -> alert.generatorUrl().stream())
        .findFirst()
        .ifPresent(url -> text.append(" · source: ").append(url));
    return text.toString();
  }
}
