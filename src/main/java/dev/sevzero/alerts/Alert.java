package dev.sevzero.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One alert of a group, as the monitoring system last reported it.
 *
 * @param fingerprint the alert's identity within its group
 * @param firing false once the alert has resolved
 * @param generatorUrl where the alert comes from (the graph or rule), if given
 */
public record Alert(
    String fingerprint,
    boolean firing,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Optional<String> generatorUrl) {

  public Alert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** {@code HighLatency (service=checkout)}: how a timeline entry names it. */
  public String name() {
    String alertname = labels.getOrDefault("alertname", fingerprint);
    return AlertNotification.where(labels)
        .map(where -> alertname + " (" + where + ")")
        .orElse(alertname);
  }
}
