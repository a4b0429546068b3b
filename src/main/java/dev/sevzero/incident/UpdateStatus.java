package dev.sevzero.incident;

import java.util.Locale;
import java.util.Optional;

/** Where the response stands, as told to stakeholders in a status update. */
public enum UpdateStatus {
  INVESTIGATING,
  IDENTIFIED,
  MONITORING;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  public static Optional<UpdateStatus> parse(String text) {
    for (UpdateStatus status : values()) {
      if (status.code().equals(text.toLowerCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
