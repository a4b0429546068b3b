package dev.sevzero.sla;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the arguments of {@code /sla month}: {@code [YYYY-MM|last] [csv]}, nothing at all meaning
 * the current month. "Current" is the month of the clock's instant in the SLA zone, so a manager in
 * Europe asking on the 1st at 08:00 still gets the month that is running in Los Angeles.
 */
public final class SlaMonth {

  /** The arguments as the usage line and the help show them. */
  public static final String ARGUMENTS = "[YYYY-MM|last] [csv]";

  // Exactly four digits, a dash, and a two-digit month 01–12: "2026-1" and "2026-13" are typos
  // that a lenient parser would turn into someone else's month.
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private SlaMonth() {}

  /**
   * Parses the text after {@code /sla month}; the command registry has already taken the
   * sub-command off.
   *
   * @param arguments what followed {@code month}, e.g. {@code "2026-10 csv"}; may be blank
   * @param clock the application clock, for "current" and "last" and to refuse future months
   * @param zone the SLA zone ({@code SLA_TIMEZONE})
   */
  public static SlaRequest parse(String arguments, Clock clock, ZoneId zone) {
    YearMonth current = YearMonth.now(clock.withZone(zone));
    Deque<String> words = words(arguments);
    YearMonth month = current;
    if (!words.isEmpty() && !isCsv(words.peekFirst())) {
      String monthWord = words.removeFirst();
      if (monthWord.equalsIgnoreCase("last")) {
        month = current.minusMonths(1);
      } else if (YEAR_MONTH.matcher(monthWord).matches()) {
        month = YearMonth.parse(monthWord);
      } else {
        return new SlaRequest.Rejected(
            "`" + monthWord + "` is not a month: write it as YYYY-MM, e.g. " + current + ".");
      }
    }
    boolean csv = !words.isEmpty() && isCsv(words.peekFirst());
    if (csv) {
      words.removeFirst();
    }
    if (!words.isEmpty()) {
      return new SlaRequest.Rejected("Unexpected `" + String.join(" ", words) + "`.");
    }
    if (month.isAfter(current)) {
      return new SlaRequest.Rejected(
          month
              + " has not started yet ("
              + zone.getId()
              + "); the latest report is "
              + current
              + ".");
    }
    return new SlaRequest.Report(month, csv);
  }

  private static Deque<String> words(String arguments) {
    String trimmed = arguments == null ? "" : arguments.strip();
    return trimmed.isEmpty()
        ? new ArrayDeque<>()
        : new ArrayDeque<>(Arrays.asList(trimmed.split("\\s+")));
  }

  private static boolean isCsv(String word) {
    return word.toLowerCase(Locale.ROOT).equals("csv");
  }
}
