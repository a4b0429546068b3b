package dev.sevzero.alerts;

/** The monitoring systems that may declare incidents. */
public enum AlertSource {
  ALERTMANAGER("alertmanager", "Alertmanager"),
  GRAFANA("grafana", "Grafana");

  private final String code;
  private final String displayName;

  AlertSource(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  /** How it is stored, and the {@code source} label of metrics. */
  public String code() {
    return code;
  }

  /** How people see it: the declarer of an alert-born incident. */
  public String displayName() {
    return displayName;
  }
}
