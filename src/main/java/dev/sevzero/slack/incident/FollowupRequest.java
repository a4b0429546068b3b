package dev.sevzero.slack.incident;

import dev.sevzero.slack.command.Mentions;
import dev.sevzero.slack.command.UsageException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code <text> [@owner] [by YYYY-MM-DD]} as typed after {@code /incident followup}: the owner and
 * the due date are read from the end, in either order, so the text itself may mention people.
 */
record FollowupRequest(String text, Optional<String> owner, Optional<LocalDate> due) {

  static final String ARGUMENTS = "<text> [@owner] [by YYYY-MM-DD]";
  static final int MAX_TEXT = 500;

  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  static FollowupRequest parse(List<String> typed) {
    List<String> words = new ArrayList<>(typed);
    Optional<String> owner = Optional.empty();
    Optional<LocalDate> due = Optional.empty();
    while (!words.isEmpty()) {
      int last = words.size() - 1;
      if (due.isEmpty() && last >= 1 && isDueDate(words.get(last - 1), words.get(last))) {
        due = Optional.of(date(words.remove(last)));
        words.remove(last - 1);
      } else if (owner.isEmpty() && words.get(last).startsWith("<@")) {
        owner = Optional.of(Mentions.user(words.remove(last)));
      } else {
        break;
      }
    }
    String text = String.join(" ", words);
    if (text.isBlank()) {
      throw new UsageException("Say what needs doing.");
    }
    if (text.length() > MAX_TEXT) {
      throw new UsageException(
          "That follow-up is " + text.length() + " characters; keep it under " + MAX_TEXT + ".");
    }
    return new FollowupRequest(text, owner, due);
  }

  /** {@code by} and something that starts like a date: "caused by replication" stays text. */
  private static boolean isDueDate(String by, String when) {
    return by.toLowerCase(Locale.ROOT).equals("by")
        && !when.isEmpty()
        && Character.isDigit(when.charAt(0));
  }

  private static LocalDate date(String typed) {
    try {
      return LocalDate.parse(typed, ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "`" + typed + "` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.");
    }
  }
}
