package dev.sevzero.text;

import java.time.Duration;

/** Durations as people say them: {@code 45s}, {@code 4m 12s}, {@code 1h 05m}, {@code 2d 3h}. */
public final class Durations {

  private Durations() {}

  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    if (days > 0) {
      return hours == 0 ? days + "d" : days + "d " + hours + "h";
    }
    if (hours > 0) {
      return String.format("%dh %02dm", hours, minutes);
    }
    if (minutes > 0) {
      return String.format("%dm %02ds", minutes, rest);
    }
    return rest + "s";
  }
}
