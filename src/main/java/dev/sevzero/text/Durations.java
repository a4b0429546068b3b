package dev.sevzero.text;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations the way people say them (SPEC §2): {@code 45s}, {@code 4m 12s}, {@code 1h 05m}, {@code
 * 2d 3h}. Two units at most; the smaller one is truncated, never rounded up, so a response shown as
 * {@code 14m 59s} really was under fifteen minutes.
 */
public final class Durations {

  private static final Pattern TYPED =
      Pattern.compile("(?:(\\d{1,4})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?");

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

  /**
   * A duration as people type it: {@code 15m}, {@code 1h30m}, {@code 1h 30m}, {@code 90s}, {@code
   * 2d}; empty when {@code typed} is none of those.
   */
  public static Optional<Duration> parse(String typed) {
    String compact = typed.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    Matcher matcher = TYPED.matcher(compact);
    if (compact.isEmpty() || !matcher.matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    ChronoUnit[] units = {
      ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS
    };
    for (int group = 1; group <= units.length; group++) {
      if (matcher.group(group) != null) {
        total = total.plus(Long.parseLong(matcher.group(group)), units[group - 1]);
      }
    }
    return Optional.of(total);
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
