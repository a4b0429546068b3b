package dev.sevzero.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

  private static final String BOT_TOKEN = "xoxb-1111-secretbot";
  private static final String APP_TOKEN = "xapp-1-secretapp";
  private static final String SIGNING_SECRET = "shh-signing-secret";

  private static Map<String, String> httpMode() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    return env;
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> env = httpMode();
    env.put(name, value);
    return env;
  }

  @Test
  void defaults() {
    Config config = Config.fromEnvironment(httpMode());

    assertThat(config.botToken()).isEqualTo(BOT_TOKEN);
    assertThat(config.appToken()).isEmpty();
    assertThat(config.socketMode()).isFalse();
    assertThat(config.signingSecret()).contains(SIGNING_SECRET);
    assertThat(config.slackApiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:sevzero.db");
    assertThat(config.incidentsChannel()).isEmpty();
    assertThat(config.oncallChannel()).isEmpty();
    assertThat(config.oncallUsergroup()).isEmpty();
    assertThat(config.incidentResponders()).isEmpty();
    assertThat(config.admins()).isEmpty();
    assertThat(config.updateInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.updateGrace()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.rotationCron()).isEqualTo("0 0 12 ? * MON");
    assertThat(config.rotationTimezone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(config.slaTimezone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(config.slaTarget()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.slaCeiling()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void everyVariableSet() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_APP_TOKEN", APP_TOKEN);
    env.put("SLACK_API_URL", "http://127.0.0.1:9999/api");
    env.put("PORT", "8080");
    env.put("DATABASE_URL", "jdbc:postgresql://db/sevzero");
    env.put("INCIDENTS_CHANNEL", "C0INCIDENTS");
    env.put("ONCALL_CHANNEL", "C0ONCALL");
    env.put("ONCALL_USERGROUP", "S0ONCALL");
    env.put("INCIDENT_RESPONDERS", "U01, U02 W03");
    env.put("ADMINS", " U0ADMIN ");
    env.put("UPDATE_INTERVAL", "PT15M");
    env.put("UPDATE_GRACE", "PT2M");
    env.put("ROTATION_CRON", "0 0 9 ? * TUE");
    env.put("ROTATION_TIMEZONE", "Europe/Paris");
    env.put("SLA_TIMEZONE", "UTC");
    env.put("SLA_TARGET", "PT10M");
    env.put("SLA_CEILING", "PT10M");

    Config config = Config.fromEnvironment(env);

    assertThat(config.socketMode()).isTrue();
    assertThat(config.appToken()).contains(APP_TOKEN);
    assertThat(config.signingSecret()).isEmpty();
    assertThat(config.slackApiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://db/sevzero");
    assertThat(config.incidentsChannel()).contains("C0INCIDENTS");
    assertThat(config.oncallChannel()).contains("C0ONCALL");
    assertThat(config.oncallUsergroup()).contains("S0ONCALL");
    assertThat(config.incidentResponders()).containsExactly("U01", "U02", "W03");
    assertThat(config.admins()).containsExactly("U0ADMIN");
    assertThat(config.updateInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.updateGrace()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.rotationCron()).isEqualTo("0 0 9 ? * TUE");
    assertThat(config.rotationTimezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.slaTimezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.slaTarget()).isEqualTo(config.slaCeiling());
  }

  @Test
  void blankValuesCountAsUnset() {
    Map<String, String> env = with("PORT", "  ");
    env.put("SLACK_APP_TOKEN", "");

    Config config = Config.fromEnvironment(env);

    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.appToken()).isEmpty();
  }

  @Test
  void botTokenIsRequired() {
    Map<String, String> env = httpMode();
    env.remove("SLACK_BOT_TOKEN");

    assertThatThrownBy(() -> Config.fromEnvironment(env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "SLACK_BOT_TOKEN: required (an xoxb- token); to try Sevzero without Slack, run: java"
                + " -jar sevzero.jar playground");
  }

  @Test
  void withNothingSetTheBotTokenIsNamedFirst() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of()))
        .hasMessageStartingWith("SLACK_BOT_TOKEN: required");
  }

  @Test
  void signingSecretIsRequiredOnlyInHttpMode() {
    Map<String, String> env = httpMode();
    env.remove("SLACK_SIGNING_SECRET");

    assertThatThrownBy(() -> Config.fromEnvironment(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SLACK_SIGNING_SECRET: required in HTTP mode");

    env.put("SLACK_APP_TOKEN", APP_TOKEN);
    assertThat(Config.fromEnvironment(env).socketMode()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SLACK_BOT_TOKEN     | xapp-oops-secret      | SLACK_BOT_TOKEN: must be a bot token starting with xoxb-
          SLACK_APP_TOKEN     | xoxb-oops-secret      | SLACK_APP_TOKEN: must be an app-level token starting with xapp-
          SLACK_API_URL       | slack.com/api         | SLACK_API_URL: "slack.com/api" is not an http(s) URL such as https://slack.com/api/
          SLACK_API_URL       | ftp://slack.com/api/  | SLACK_API_URL: "ftp://slack.com/api/" is not an http(s) URL such as https://slack.com/api/
          SLACK_API_URL       | http://               | SLACK_API_URL: "http://" is not an http(s) URL such as https://slack.com/api/
          PORT                | 0                     | PORT: "0" is not a port number between 1 and 65535
          PORT                | 65536                 | PORT: "65536" is not a port number between 1 and 65535
          PORT                | http                  | PORT: "http" is not a port number between 1 and 65535
          DATABASE_URL        | sqlite:x.db           | DATABASE_URL: must be a JDBC URL starting with jdbc: (e.g. jdbc:sqlite:sevzero.db)
          INCIDENTS_CHANNEL   | #incidents            | INCIDENTS_CHANNEL: "#incidents" is not a channel ID such as C0123ABCD
          ONCALL_CHANNEL      | c0lower               | ONCALL_CHANNEL: "c0lower" is not a channel ID such as C0123ABCD
          ONCALL_USERGROUP    | @oncall               | ONCALL_USERGROUP: "@oncall" is not a user-group ID such as S0123ABCD
          INCIDENT_RESPONDERS | U01,bob               | INCIDENT_RESPONDERS: "bob" is not a Slack user ID such as U0123ABCD
          ADMINS              | <@U01>                | ADMINS: "<@U01>" is not a Slack user ID such as U0123ABCD
          UPDATE_INTERVAL     | 30                    | UPDATE_INTERVAL: "30" is not an ISO-8601 duration such as PT30M
          UPDATE_INTERVAL     | PT0S                  | UPDATE_INTERVAL: "PT0S" must be positive
          UPDATE_GRACE        | -PT5M                 | UPDATE_GRACE: "-PT5M" must be positive
          UPDATE_GRACE        | PT30M                 | UPDATE_GRACE: PT30M must be shorter than UPDATE_INTERVAL (PT30M)
          SLA_TARGET          | 15m                   | SLA_TARGET: "15m" is not an ISO-8601 duration such as PT15M
          SLA_TARGET          | PT21M                 | SLA_TARGET: PT21M must not exceed SLA_CEILING (PT20M)
          SLA_CEILING         | PT0S                  | SLA_CEILING: "PT0S" must be positive
          ROTATION_TIMEZONE   | Pacific               | ROTATION_TIMEZONE: "Pacific" is not a time-zone ID such as America/Los_Angeles
          SLA_TIMEZONE        | PST8PDTX              | SLA_TIMEZONE: "PST8PDTX" is not a time-zone ID such as America/Los_Angeles
          """)
  void malformedValueIsReportedOnOneLine(String name, String value, String message) {
    assertThatThrownBy(() -> Config.fromEnvironment(with(name, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void malformedCronNamesTheVariableAndTheProblem() {
    assertThatThrownBy(() -> Config.fromEnvironment(with("ROTATION_CRON", "0 0 12 * * MON")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "ROTATION_CRON: \"0 0 12 * * MON\" is not a Quartz cron expression such as 0 0 12 ? *"
                + " MON (")
        .hasMessageNotContaining("\n");
  }

  @Test
  void pastedMultiLineValueStaysOnOneLine() {
    assertThatThrownBy(() -> Config.fromEnvironment(with("PORT", "80\n80")))
        .hasMessage("PORT: \"80 80\" is not a port number between 1 and 65535");
  }

  @Test
  void toStringRedactsTokensSecretAndDatabasePassword() {
    Map<String, String> env = httpMode();
    env.put("SLACK_APP_TOKEN", APP_TOKEN);
    env.put("DATABASE_URL", "jdbc:postgresql://db/sevzero?user=bot&password=hunter2&ssl=true");

    String text = Config.fromEnvironment(env).toString();

    assertThat(text)
        .doesNotContain(BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, "hunter2")
        .contains("botToken=<redacted>", "appToken=<redacted>", "signingSecret=<redacted>")
        .contains("password=<redacted>&ssl=true", "port=3000");
  }

  @Test
  void tokenValuesNeverAppearInErrors() {
    for (Map<String, String> env :
        List.of(with("SLACK_BOT_TOKEN", "xapp-" + BOT_TOKEN), with("SLACK_APP_TOKEN", BOT_TOKEN))) {
      assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageNotContaining(BOT_TOKEN);
    }
  }

  @Test
  void listsAreImmutable() {
    Config config = Config.fromEnvironment(with("ADMINS", "U01"));

    assertThatThrownBy(() -> config.admins().add("U02"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.oncallUsergroup()).isEqualTo(Optional.empty());
  }

  @Test
  void notionIsConfiguredWithTokenAndParentPageTogether() {
    Map<String, String> env = httpMode();
    env.put("NOTION_TOKEN", "ntn_secret123");
    env.put("NOTION_PARENT_PAGE_ID", "0123abcd-0123-abcd-0123-abcd0123abcd");

    Config config = Config.fromEnvironment(env);

    assertThat(config.notion())
        .contains(
            new Config.Notion(
                "ntn_secret123",
                "0123abcd-0123-abcd-0123-abcd0123abcd",
                "https://api.notion.com/v1/"));
    assertThat(config.toString())
        .doesNotContain("ntn_secret123")
        .contains("notion=Notion[token=<redacted>, parentPageId=0123abcd");
    assertThat(Config.fromEnvironment(httpMode()).notion()).isEmpty();
  }

  @Test
  void halfANotionSetUpStopsStartUp() {
    assertThatThrownBy(() -> Config.fromEnvironment(with("NOTION_TOKEN", "ntn_secret123")))
        .hasMessageStartingWith("NOTION_PARENT_PAGE_ID: required when NOTION_TOKEN is set")
        .hasMessageNotContaining("ntn_secret123");
    assertThatThrownBy(
            () ->
                Config.fromEnvironment(
                    with("NOTION_PARENT_PAGE_ID", "0123456789abcdef0123456789abcdef")))
        .hasMessageStartingWith("NOTION_TOKEN: required when NOTION_PARENT_PAGE_ID is set");
    assertThatThrownBy(
            () -> Config.fromEnvironment(with("NOTION_PARENT_PAGE_ID", "https://notion.so/x")))
        .hasMessage(
            "NOTION_PARENT_PAGE_ID: \"https://notion.so/x\" is not a Notion page ID (32"
                + " hexadecimal digits)");
    assertThatThrownBy(() -> Config.fromEnvironment(with("NOTION_API_URL", "api.notion.com")))
        .hasMessageStartingWith("NOTION_API_URL:");
  }
}
