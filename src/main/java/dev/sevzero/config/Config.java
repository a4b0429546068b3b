package dev.sevzero.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Sevzero reads from its environment (SPEC §8), parsed and validated once at start-up.
 *
 * <p>Build it with {@link #fromEnvironment(Map)}: {@code Config.fromEnvironment(System.getenv())}
 * in production, {@code Config.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test", ...))} in
 * tests and the playground. {@link #toString()} never shows a token or the signing secret.
 *
 * @param botToken {@code SLACK_BOT_TOKEN}, an {@code xoxb-} token
 * @param appToken {@code SLACK_APP_TOKEN}, an {@code xapp-} token; present means Socket Mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}; always present in HTTP mode
 * @param slackApiUrl {@code SLACK_API_URL}, an http(s) URL ending with {@code /}
 * @param port {@code PORT}, 1–65535
 * @param databaseUrl {@code DATABASE_URL}, a JDBC URL
 * @param incidentsChannel {@code INCIDENTS_CHANNEL}, a channel ID
 * @param oncallChannel {@code ONCALL_CHANNEL}, a channel ID
 * @param oncallUsergroup {@code ONCALL_USERGROUP}, a user-group ID
 * @param incidentResponders {@code INCIDENT_RESPONDERS}, user IDs invited to every incident
 * @param admins {@code ADMINS}, user IDs allowed to edit the roster; empty means everyone
 * @param updateInterval {@code UPDATE_INTERVAL}, positive
 * @param updateGrace {@code UPDATE_GRACE}, positive and shorter than the interval
 * @param rotationCron {@code ROTATION_CRON}, a valid Quartz cron expression
 * @param rotationTimezone {@code ROTATION_TIMEZONE}
 * @param slaTimezone {@code SLA_TIMEZONE}
 * @param slaTarget {@code SLA_TARGET}, positive
 * @param slaCeiling {@code SLA_CEILING}, at least the target
 * @param alerts alerts in and PagerDuty out ({@code ALERTS_TOKEN}, {@code PAGERDUTY_*}, …)
 * @param shutdownGrace {@code SHUTDOWN_GRACE}, positive: how long SIGTERM waits for deliveries
 * @param operations running it as a service ({@code METRICS_TOKEN}, {@code LOG_FORMAT})
 * @param notion where post-mortems are published; present when {@code NOTION_TOKEN} and {@code
 *     NOTION_PARENT_PAGE_ID} are both set
 * @param exercises the drill kit's schedules and scenarios
 */
public record Config(
    String botToken,
    Optional<String> appToken,
    Optional<String> signingSecret,
    String slackApiUrl,
    int port,
    String databaseUrl,
    Optional<String> incidentsChannel,
    Optional<String> oncallChannel,
    Optional<String> oncallUsergroup,
    List<String> incidentResponders,
    List<String> admins,
    Duration updateInterval,
    Duration updateGrace,
    String rotationCron,
    ZoneId rotationTimezone,
    ZoneId slaTimezone,
    Duration slaTarget,
    Duration slaCeiling,
    AlertSettings alerts,
    Duration shutdownGrace,
    OperationsSettings operations,
    Optional<Notion> notion,
    ExerciseSettings exercises) {

  public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:sevzero.db";
  public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMinutes(30);
  public static final Duration DEFAULT_UPDATE_GRACE = Duration.ofMinutes(5);
  public static final String DEFAULT_ROTATION_CRON = "0 0 12 ? * MON";
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Los_Angeles");
  public static final Duration DEFAULT_SLA_TARGET = Duration.ofMinutes(15);
  public static final Duration DEFAULT_SLA_CEILING = Duration.ofMinutes(20);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  public static final String DEFAULT_NOTION_API_URL = "https://api.notion.com/v1/";

  /**
   * Publishing post-mortems to Notion (SPEC §12).
   *
   * @param token {@code NOTION_TOKEN}, the integration's secret
   * @param parentPageId {@code NOTION_PARENT_PAGE_ID}, the page post-mortems are created under
   * @param apiUrl {@code NOTION_API_URL}, an http(s) URL ending with {@code /}
   */
  public record Notion(String token, String parentPageId, String apiUrl) {
    public Notion {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(parentPageId, "parentPageId");
      Objects.requireNonNull(apiUrl, "apiUrl");
    }

    @Override
    public String toString() {
      return "Notion[token=<redacted>, parentPageId=" + parentPageId + ", apiUrl=" + apiUrl + "]";
    }
  }

  public Config {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(slackApiUrl, "slackApiUrl");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(incidentsChannel, "incidentsChannel");
    Objects.requireNonNull(oncallChannel, "oncallChannel");
    Objects.requireNonNull(oncallUsergroup, "oncallUsergroup");
    incidentResponders = List.copyOf(incidentResponders);
    admins = List.copyOf(admins);
    Objects.requireNonNull(updateInterval, "updateInterval");
    Objects.requireNonNull(updateGrace, "updateGrace");
    Objects.requireNonNull(rotationCron, "rotationCron");
    Objects.requireNonNull(rotationTimezone, "rotationTimezone");
    Objects.requireNonNull(slaTimezone, "slaTimezone");
    Objects.requireNonNull(slaTarget, "slaTarget");
    Objects.requireNonNull(slaCeiling, "slaCeiling");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(notion, "notion");
    Objects.requireNonNull(exercises, "exercises");
  }

  /**
   * Reads and validates the variables of SPEC §8 from {@code env}; blank values count as unset.
   *
   * @throws ConfigException naming the first variable that is missing or malformed
   */
  public static Config fromEnvironment(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    // The bot token first: with nothing configured, it is the one thing to set (or to learn that
    // the playground needs none).
    String botToken =
        in.token("SLACK_BOT_TOKEN", "xoxb-", "a bot token")
            .orElseThrow(
                () ->
                    new ConfigException(
                        "SLACK_BOT_TOKEN: required (an xoxb- token); to try Sevzero without"
                            + " Slack, run: java -jar sevzero.jar playground"));
    Optional<String> appToken = in.token("SLACK_APP_TOKEN", "xapp-", "an app-level token");
    Optional<String> signingSecret = in.optional("SLACK_SIGNING_SECRET");
    if (appToken.isEmpty() && signingSecret.isEmpty()) {
      throw new ConfigException(
          "SLACK_SIGNING_SECRET: required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket"
              + " Mode)");
    }
    Duration updateInterval = in.positiveDuration("UPDATE_INTERVAL", DEFAULT_UPDATE_INTERVAL);
    Duration updateGrace = in.positiveDuration("UPDATE_GRACE", DEFAULT_UPDATE_GRACE);
    if (updateGrace.compareTo(updateInterval) >= 0) {
      throw new ConfigException(
          "UPDATE_GRACE: "
              + updateGrace
              + " must be shorter than UPDATE_INTERVAL ("
              + updateInterval
              + ")");
    }
    Duration slaTarget = in.positiveDuration("SLA_TARGET", DEFAULT_SLA_TARGET);
    Duration slaCeiling = in.positiveDuration("SLA_CEILING", DEFAULT_SLA_CEILING);
    if (slaTarget.compareTo(slaCeiling) > 0) {
      throw new ConfigException(
          "SLA_TARGET: " + slaTarget + " must not exceed SLA_CEILING (" + slaCeiling + ")");
    }
    return new Config(
        botToken,
        appToken,
        signingSecret,
        in.httpUrl("SLACK_API_URL", DEFAULT_SLACK_API_URL),
        in.port("PORT", DEFAULT_PORT),
        in.jdbcUrl("DATABASE_URL", DEFAULT_DATABASE_URL),
        in.id("INCIDENTS_CHANNEL", EnvReader.CHANNEL_ID, "a channel ID such as C0123ABCD"),
        in.id("ONCALL_CHANNEL", EnvReader.CHANNEL_ID, "a channel ID such as C0123ABCD"),
        in.id("ONCALL_USERGROUP", EnvReader.USERGROUP_ID, "a user-group ID such as S0123ABCD"),
        in.userIds("INCIDENT_RESPONDERS"),
        in.userIds("ADMINS"),
        updateInterval,
        updateGrace,
        in.cron("ROTATION_CRON", DEFAULT_ROTATION_CRON),
        in.zone("ROTATION_TIMEZONE", DEFAULT_ZONE),
        in.zone("SLA_TIMEZONE", DEFAULT_ZONE),
        slaTarget,
        slaCeiling,
        AlertSettings.read(in),
        in.positiveDuration("SHUTDOWN_GRACE", DEFAULT_SHUTDOWN_GRACE),
        OperationsSettings.read(in),
        notion(in),
        ExerciseSettings.read(in));
  }

  /** Both or neither: a token without a parent page (or the reverse) is a half-done set-up. */
  private static Optional<Notion> notion(EnvReader in) {
    Optional<String> token = in.optional("NOTION_TOKEN");
    Optional<String> parent = in.notionPageId("NOTION_PARENT_PAGE_ID");
    String apiUrl = in.httpUrl("NOTION_API_URL", DEFAULT_NOTION_API_URL);
    if (token.isPresent() != parent.isPresent()) {
      throw new ConfigException(
          token.isPresent()
              ? "NOTION_PARENT_PAGE_ID: required when NOTION_TOKEN is set (the page post-mortems"
                  + " are published under)"
              : "NOTION_TOKEN: required when NOTION_PARENT_PAGE_ID is set (the integration's"
                  + " secret)");
    }
    return token.map(t -> new Notion(t, parent.orElseThrow(), apiUrl));
  }

  /** True when an app token is configured: Slack is reached over Socket Mode, not HTTP. */
  public boolean socketMode() {
    return appToken.isPresent();
  }

  /** Lists every setting, with tokens, the secret and any database password replaced. */
  @Override
  public String toString() {
    return "Config[botToken=<redacted>"
        + ", appToken="
        + appToken.map(t -> "<redacted>").orElse("<unset>")
        + ", signingSecret="
        + signingSecret.map(t -> "<redacted>").orElse("<unset>")
        + ", slackApiUrl="
        + slackApiUrl
        + ", port="
        + port
        + ", databaseUrl="
        + EnvReader.redactPassword(databaseUrl)
        + ", incidentsChannel="
        + incidentsChannel.orElse("<unset>")
        + ", oncallChannel="
        + oncallChannel.orElse("<unset>")
        + ", oncallUsergroup="
        + oncallUsergroup.orElse("<unset>")
        + ", incidentResponders="
        + incidentResponders
        + ", admins="
        + admins
        + ", updateInterval="
        + updateInterval
        + ", updateGrace="
        + updateGrace
        + ", rotationCron="
        + rotationCron
        + ", rotationTimezone="
        + rotationTimezone
        + ", slaTimezone="
        + slaTimezone
        + ", slaTarget="
        + slaTarget
        + ", slaCeiling="
        + slaCeiling
        + ", alerts="
        + alerts
        + ", shutdownGrace="
        + shutdownGrace
        + ", operations="
        + operations
        + ", notion="
        + notion.map(Notion::toString).orElse("<unset>")
        + ", exercises="
        + exercises
        + "]";
  }
}
