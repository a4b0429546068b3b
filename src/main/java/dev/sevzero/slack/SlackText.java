package dev.sevzero.slack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Slack's mrkdwn tokens: mentions, channel links and dates each reader sees in their own zone. */
public final class SlackText {

  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]+");
  private static final DateTimeFormatter ZONED_FALLBACK =
      DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm zzz", Locale.ENGLISH);

  private SlackText() {}

  /**
   * A mention of a Slack user; a name that is not a user ID (an alert source such as
   * "Alertmanager", a PagerDuty responder with no Slack user) is shown as it is.
   */
  public static String user(String userId) {
    return isUserId(userId) ? "<@" + userId + ">" : escape(userId);
  }

  /** Whether {@code id} is a Slack user ID ({@code U…} or {@code W…}), not some other name. */
  public static boolean isUserId(String id) {
    return USER_ID.matcher(id).matches();
  }

  public static String users(List<String> userIds) {
    return userIds.stream().map(SlackText::user).collect(Collectors.joining(", "));
  }

  /** A channel link; {@code no channel} for an incident whose channel was never made. */
  public static String channel(String channelId) {
    return channelId == null ? "no channel" : "<#" + channelId + ">";
  }

  /** A date and time Slack shows in the reader's zone, with a UTC fallback for old clients. */
  public static String date(Instant instant) {
    return "<!date^"
        + instant.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + FALLBACK.format(instant)
        + ">";
  }

  /**
   * A date and time Slack shows in the reader's zone; the fallback (notifications, old clients)
   * names {@code zone}, e.g. the SLA's.
   */
  public static String date(Instant instant, ZoneId zone) {
    return "<!date^"
        + instant.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + ZONED_FALLBACK.format(instant.atZone(zone))
        + ">";
  }

  /** Cuts long text (titles) so that a list stays within a section's 3,000 characters. */
  public static String shorten(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
  }

  private static final Pattern ESCAPED_MENTION =
      Pattern.compile("&lt;@([UW][A-Z0-9]+)(?:\\|[^&]*)?&gt;");

  /**
   * Escapes text people typed but keeps the people they mentioned ({@code <@U123|bob>}, as Slack
   * sends them) as mentions.
   */
  public static String escapeKeepingMentions(String text) {
    return ESCAPED_MENTION.matcher(escape(text)).replaceAll("<@$1>");
  }

  /** Escapes the three characters Slack's mrkdwn reserves, for text people typed. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
