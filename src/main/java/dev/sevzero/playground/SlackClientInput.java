package dev.sevzero.playground;

import dev.sevzero.fakeslack.FakeSlack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack's client does with a typed line before the app sees it: {@code @bob} and {@code #chan}
 * become mention tokens, and a slash command the app does not declare is answered by Slack itself.
 */
final class SlackClientInput {

  /** The slash commands the app declares (manifest.yml). */
  static final List<String> SLASH_COMMANDS = List.of("/incident", "/oncall", "/sla");

  // A terminal has no autocomplete: names are matched whatever their case.
  private static final Pattern USER_MENTION =
      Pattern.compile("(?<![\\w<|])@([a-z0-9._-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHANNEL_MENTION =
      Pattern.compile("(?<![\\w<|])#([a-z0-9_-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_WORD = Pattern.compile("(?<![\\w@#<|])([A-Za-z]+)(?![\\w>|])");

  private final FakeSlack slack;

  SlackClientInput(FakeSlack slack) {
    this.slack = slack;
  }

  /** Slack's client turns typed {@code @bob} and {@code #chan} into tokens (should_escape). */
  String escapeMentions(String text) {
    String users =
        replace(
            USER_MENTION,
            text,
            name ->
                slack
                    .userByName(name.toLowerCase(Locale.ROOT))
                    .map(u -> "<@" + u.id() + "|" + u.name() + ">"));
    return replace(
        CHANNEL_MENTION,
        users,
        name ->
            slack
                .channelByName(name.toLowerCase(Locale.ROOT))
                .map(c -> "<#" + c.id() + "|" + c.name() + ">"));
  }

  /** Slack's own answer to a slash command no app declares; the app never hears of it. */
  static String notACommand(String command) {
    return "(Slack) "
        + command
        + " is not a command here"
        + closestCommand(command.toLowerCase(Locale.ROOT))
            .map(c -> "; did you mean " + c + "?")
            .orElse(".")
        + " Commands: "
        + String.join(", ", SLASH_COMMANDS);
  }

  /** A bare name ({@code bob}) is text to Slack; in Slack one picks {@code @bob} from a list. */
  static List<String> mentionHints(String text) {
    List<String> hints = new ArrayList<>();
    Matcher m = BARE_WORD.matcher(text);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (Playground.PEOPLE.contains(name)) {
        hints.add("(hint: to mention " + name + ", type @" + name + ")");
      }
    }
    return hints;
  }

  private static Optional<String> closestCommand(String typed) {
    return SLASH_COMMANDS.stream()
        .filter(c -> c.startsWith(typed) || editDistance(typed, c) <= 2)
        .findFirst();
  }

  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] =
            i == 0 || j == 0
                ? i + j
                : Math.min(
                    d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                    Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    return d[a.length()][b.length()];
  }

  private static String replace(
      Pattern pattern, String text, Function<String, Optional<String>> token) {
    Matcher m = pattern.matcher(text);
    StringBuilder result = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          result, Matcher.quoteReplacement(token.apply(m.group(1)).orElse(m.group())));
    }
    m.appendTail(result);
    return result.toString();
  }
}
