package dev.sevzero.text;

import java.time.Duration;

/**
 * Durations the way people say them (SPEC §2): {@code 45s}, {@code 4m 12s}, {@code 1h 05m}, {@code
 * 2d 3h}. Two units at most; the smaller one is truncated, never rounded up, so a response shown as
 * {@code 14m 59s} really was under fifteen minutes.
 */
public final class Durations {

  private Durations() {}

  /** Formats a non-negative duration; callers show the sign of a change themselves (▲/▼). */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + duration);
    }
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    if (days > 0) {
      return days + "d " + hours + "h";
    }
    if (hours > 0) {
      return hours + "h " + twoDigits(minutes) + "m";
    }
    if (minutes > 0) {
      return minutes + "m " + twoDigits(seconds) + "s";
    }
    return seconds + "s";
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
