package dev.sevzero.updates;

import java.util.Locale;

/** How a due update went: posted by its due time, after it, or not before the grace ran out. */
public enum UpdateOutcome {
  ON_TIME,
  LATE,
  MISSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
