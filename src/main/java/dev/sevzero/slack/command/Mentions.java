package dev.sevzero.slack.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads escaped mentions out of command text. With {@code should_escape} Slack sends {@code
 * <@U123|alice>} for a person, {@code <#C123|general>} for a channel and {@code
 * <!subteam^S123|@oncall>} for a group; only the first names a user.
 */
public final class Mentions {

  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

  private Mentions() {}

  /** The user ID in {@code word}, or a usage error saying why {@code word} is not a person. */
  public static String user(String word) {
    Matcher matcher = USER.matcher(word);
    if (matcher.matches()) {
      return matcher.group(1);
    }
    if (word.startsWith("<#")) {
      throw new UsageException("`" + plain(word) + "` is a channel, not a person.");
    }
    if (word.startsWith("<!")) {
      throw new UsageException(
          "`" + plain(word) + "` is a group, not a person: mention one person.");
    }
    if (word.startsWith("@")) {
      throw new UsageException(
          "I can't tell who `" + word + "` is: pick the person from Slack's @-mention list.");
    }
    throw new UsageException("`" + word + "` is not a mention of a person.");
  }

  /** The user ID if {@code word} is a user mention. */
  public static Optional<String> optionalUser(String word) {
    Matcher matcher = USER.matcher(word);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** {@code <#C123|general>} → {@code #general}, for error messages. */
  private static String plain(String word) {
    Matcher matcher = Pattern.compile("<([#!@])[^|>]*\\|?([^>]*)>").matcher(word);
    if (matcher.matches() && !matcher.group(2).isEmpty()) {
      String label = matcher.group(2);
      return matcher.group(1).equals("#") ? "#" + label : label;
    }
    return word;
  }
}
