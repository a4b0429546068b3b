package dev.sevzero.slack.oncall;

import dev.sevzero.slack.command.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An override's length as typed: a whole number and one unit, {@code 30m}, {@code 4h} or {@code
 * 2d}. Anything looser ({@code 4 hours}, {@code 1h30m}, {@code 1.5h}) is refused rather than
 * guessed at, since a wrong guess would leave the wrong person holding the pager. How long an
 * override may be is the rotation's rule, checked there.
 */
final class DurationArgument {

  static final String EXAMPLES = "`30m`, `4h` or `2d`";

  /** Six digits are more than any sensible override and keep the arithmetic far from overflow. */
  private static final Pattern FORM = Pattern.compile("(\\d{1,6})([mhd])");

  private DurationArgument() {}

  static Duration parse(String typed) {
    Matcher matcher = FORM.matcher(typed);
    if (!matcher.matches()) {
      throw new UsageException(
          "`" + typed + "` is not a duration: give minutes, hours or days, e.g. " + EXAMPLES + ".");
    }
    long amount = Long.parseLong(matcher.group(1));
    if (amount == 0) {
      throw new UsageException("An override must last longer than `" + typed + "`.");
    }
    return switch (matcher.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
