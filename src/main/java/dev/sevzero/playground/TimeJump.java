package dev.sevzero.playground;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code wait} moves the clock: by a span people type ({@code 30m}, {@code 2h}, {@code
 * 1h30m}, {@code 2d}) or to the next time of day, optionally on a weekday ({@code until mon
 * 12:00}), in the rotation's zone because handoffs are scheduled there.
 */
final class TimeJump {

  private static final Pattern SPAN =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private TimeJump() {}

  /**
   * The instant {@code spec} names, after {@code now}.
   *
   * @throws IllegalArgumentException saying what forms are understood
   */
  static Instant target(String spec, Instant now, ZoneId zone) {
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("until ")) {
      return until(s.substring("until ".length()).strip(), now, zone);
    }
    Matcher m = SPAN.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      throw usage(spec);
    }
    Duration span =
        Duration.ofDays(number(m.group(1)))
            .plusHours(number(m.group(2)))
            .plusMinutes(number(m.group(3)))
            .plusSeconds(number(m.group(4)));
    return now.plus(span);
  }

  private static Instant until(String when, Instant now, ZoneId zone) {
    String[] parts = when.split("\\s+");
    if (parts.length > 2) {
      throw usage("until " + when);
    }
    LocalTime time;
    try {
      time = LocalTime.parse(parts[parts.length - 1]);
    } catch (DateTimeParseException e) {
      throw usage("until " + when);
    }
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime next = local.with(time);
    if (parts.length == 2) {
      next = next.with(TemporalAdjusters.nextOrSame(day(parts[0], when)));
    }
    // "Next occurrence": a time already past today (or this weekday) means the following one.
    while (!next.toInstant().isAfter(now)) {
      next = parts.length == 2 ? next.plusWeeks(1).with(time) : next.plusDays(1).with(time);
    }
    return next.toInstant();
  }

  private static DayOfWeek day(String name, String when) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (name.length() >= 3 && day.name().toLowerCase(Locale.ROOT).startsWith(name)) {
        return day;
      }
    }
    throw usage("until " + when);
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static IllegalArgumentException usage(String spec) {
    return new IllegalArgumentException(
        "cannot read \""
            + spec
            + "\": use e.g. wait 30m, wait 2h, wait 1h30m, wait until mon 12:00");
  }
}
