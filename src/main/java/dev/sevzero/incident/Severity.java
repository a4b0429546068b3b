package dev.sevzero.incident;

import java.util.Locale;
import java.util.Optional;

/** How bad it is. Sev0 and sev1 get the 30-minute stakeholder update cadence. */
public enum Severity {
  SEV0,
  SEV1,
  SEV2,
  SEV3;

  /** Accepts {@code sev0}…{@code sev3} in any case. */
  public static Optional<Severity> parse(String text) {
    for (Severity severity : values()) {
      if (severity.code().equals(text.toLowerCase(Locale.ROOT))) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }

  /** As typed in commands and stored: {@code sev0}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As shown to people: {@code SEV0}. */
  public String label() {
    return name();
  }

  public boolean requiresUpdates() {
    return this == SEV0 || this == SEV1;
  }
}
