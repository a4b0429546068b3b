package dev.sevzero.slack.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Pieces of Slack mrkdwn: escaping, mentions, channel links and date tokens. */
final class SlackText {

  // The fallback shows where the token cannot be rendered (notifications, old clients).
  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm zzz", Locale.ENGLISH);

  private SlackText() {}

  /** Text typed by people (titles) must not become links or mentions: Slack's three escapes. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String user(String userId) {
    return "<@" + userId + ">";
  }

  static String channel(String channelId) {
    return channelId == null ? "no channel" : "<#" + channelId + ">";
  }

  /** Each reader sees the instant in their own zone; the fallback names the SLA zone. */
  static String date(Instant instant, ZoneId zone) {
    return "<!date^"
        + instant.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + FALLBACK.format(instant.atZone(zone))
        + ">";
  }

  /** Cuts long titles so that a list of incidents stays within a section's 3,000 characters. */
  static String shorten(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
  }
}
