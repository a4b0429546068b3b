package dev.sevzero.config;

import dev.sevzero.exercises.ScenarioLibrary;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Reads one variable at a time and turns a bad value into a {@link ConfigException}. Values are
 * quoted in messages only for variables that hold no secret.
 */
final class EnvReader {

  static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]+");
  static final Pattern USERGROUP_ID = Pattern.compile("S[A-Z0-9]+");
  private static final Pattern NOTION_ID = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]+");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final int MAX_QUOTED = 60;

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /**
   * A Notion page ID: 32 hex digits, with or without the dashes of a UUID, as the end of the page's
   * URL shows it.
   */
  Optional<String> notionPageId(String name) {
    Optional<String> value = optional(name);
    if (value.isPresent() && !NOTION_ID.matcher(value.get().replace("-", "")).matches()) {
      throw new ConfigException(
          name + ": " + quote(value.get()) + " is not a Notion page ID (32 hexadecimal digits)");
    }
    return value;
  }

  /** A token is checked by prefix only, and never quoted: the message may end up in a log. */
  Optional<String> token(String name, String prefix, String what) {
    Optional<String> value = optional(name);
    if (value.isPresent() && !value.get().startsWith(prefix)) {
      throw new ConfigException(name + ": must be " + what + " starting with " + prefix);
    }
    return value;
  }

  String httpUrl(String name, String fallback) {
    String value = optional(name).orElse(fallback);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        // The SDK appends method names directly ("…/api/" + "chat.postMessage").
        return value.endsWith("/") ? value : value + "/";
      }
    } catch (URISyntaxException e) {
      // reported below, like any other non-http(s) value
    }
    throw new ConfigException(
        name
            + ": "
            + quote(value)
            + " is not an http(s) URL such as "
            + Config.DEFAULT_SLACK_API_URL);
  }

  int port(String name, int fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        name + ": " + quote(value.get()) + " is not a port number between 1 and 65535");
  }

  /** Not quoted: a JDBC URL may carry a password. */
  String jdbcUrl(String name, String fallback) {
    String value = optional(name).orElse(fallback);
    if (!value.startsWith("jdbc:")) {
      throw new ConfigException(
          name + ": must be a JDBC URL starting with jdbc: (e.g. " + fallback + ")");
    }
    return value;
  }

  Optional<String> id(String name, Pattern pattern, String what) {
    Optional<String> value = optional(name);
    if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
      throw new ConfigException(name + ": " + quote(value.get()) + " is not " + what);
    }
    return value;
  }

  List<String> userIds(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> ids =
        Arrays.stream(LIST_SEPARATOR.split(value.get())).filter(s -> !s.isEmpty()).toList();
    for (String id : ids) {
      if (!USER_ID.matcher(id).matches()) {
        throw new ConfigException(
            name + ": " + quote(id) + " is not a Slack user ID such as U0123ABCD");
      }
    }
    return ids;
  }

  Duration positiveDuration(String name, Duration fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    Duration duration;
    try {
      duration = Duration.parse(value.get());
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          name + ": " + quote(value.get()) + " is not an ISO-8601 duration such as " + fallback);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new ConfigException(name + ": " + quote(value.get()) + " must be positive");
    }
    return duration;
  }

  String cron(String name, String fallback) {
    String value = optional(name).orElse(fallback);
    try {
      CronExpression.validateExpression(value);
      return value;
    } catch (ParseException e) {
      throw new ConfigException(
          name
              + ": "
              + quote(value)
              + " is not a Quartz cron expression such as "
              + fallback
              + " ("
              + oneLine(e.getMessage())
              + ")");
    }
  }

  /** A cron expression, or empty when the variable says {@code none} (the schedule is off). */
  Optional<String> cronOrNone(String name, String fallback) {
    if (optional(name).filter(value -> value.strip().equalsIgnoreCase("none")).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(cron(name, fallback));
  }

  /** The scenario library in the file the variable names, if it names one. */
  Optional<ScenarioLibrary> scenarioFile(String name) {
    return optional(name)
        .map(
            path -> {
              try {
                return ScenarioFile.read(Path.of(path.strip()));
              } catch (IllegalArgumentException e) {
                throw new ConfigException(
                    name + ": " + quote(path) + ": " + oneLine(e.getMessage()));
              }
            });
  }

  ZoneId zone(String name, ZoneId fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return ZoneId.of(value.get());
    } catch (DateTimeException e) {
      throw new ConfigException(
          name + ": " + quote(value.get()) + " is not a time-zone ID such as " + fallback);
    }
  }

  static String redactPassword(String jdbcUrl) {
    return PASSWORD.matcher(jdbcUrl).replaceAll("$1<redacted>");
  }

  /** Keeps the message on one line and short, whatever was pasted into the variable. */
  static String quote(String value) {
    String shown = oneLine(value);
    if (shown.length() > MAX_QUOTED) {
      shown = shown.substring(0, MAX_QUOTED) + "…";
    }
    return '"' + shown + '"';
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("\\p{Cntrl}", " ");
  }
}
