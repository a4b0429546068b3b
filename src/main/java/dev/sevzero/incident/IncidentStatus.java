package dev.sevzero.incident;

import java.util.Locale;

public enum IncidentStatus {
  OPEN,
  RESOLVED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return this == OPEN ? "Open" : "Resolved";
  }

  public static IncidentStatus fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
