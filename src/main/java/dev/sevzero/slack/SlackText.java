package dev.sevzero.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Slack's mrkdwn tokens: mentions, channel links and dates each reader sees in their own zone. */
public final class SlackText {

  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]+");

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

  public static String channel(String channelId) {
    return "<#" + channelId + ">";
  }

  /** A date and time Slack shows in the reader's zone, with a UTC fallback for old clients. */
  public static String date(Instant instant) {
    return "<!date^"
        + instant.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + FALLBACK.format(instant)
        + ">";
  }

  /** Escapes the three characters Slack's mrkdwn reserves, for text people typed. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
