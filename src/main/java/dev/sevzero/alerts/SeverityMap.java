package dev.sevzero.alerts;

import dev.sevzero.incident.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An alert's {@code severity} label → the incident's severity ({@code ALERT_SEVERITY_MAP}). */
public final class SeverityMap {

  /** What an alert with no severity label, or one not in the map, is declared as. */
  public static final Severity UNMAPPED = Severity.SEV2;

  private final Map<String, Severity> bySeverityLabel;

  /**
   * @param bySeverityLabel label values (any case) → severities
   */
  public SeverityMap(Map<String, Severity> bySeverityLabel) {
    this.bySeverityLabel = Map.copyOf(bySeverityLabel);
  }

  public Severity severityOf(Optional<String> severityLabel) {
    return severityLabel
        .map(label -> bySeverityLabel.get(label.strip().toLowerCase(Locale.ROOT)))
        .orElse(UNMAPPED);
  }
}
