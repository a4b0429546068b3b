package dev.sevzero.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertSettingsTest {

  private static AlertSettings read(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("SLACK_BOT_TOKEN", "xoxb-1");
    all.put("SLACK_SIGNING_SECRET", "s");
    return Config.fromEnvironment(all).alerts();
  }

  @Test
  void defaultsLeaveAlertsAndPagerDutyOff() {
    AlertSettings settings = read(Map.of());

    assertThat(settings.alertsToken()).isEmpty();
    assertThat(settings.pagerdutyRoutingKey()).isEmpty();
    assertThat(settings.pagerdutyWebhookSecret()).isEmpty();
    assertThat(settings.severityMap())
        .containsEntry("critical", "sev0")
        .containsEntry("page", "sev0")
        .containsEntry("error", "sev1")
        .containsEntry("warning", "sev2")
        .containsEntry("info", "sev3");
    assertThat(settings.autoResolve()).isFalse();
    assertThat(settings.reopenWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.pagerdutyEventsUrl()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
  }

  @Test
  void everyVariableSet() {
    AlertSettings settings =
        read(
            Map.of(
                "ALERTS_TOKEN", "tok",
                "GRAFANA_WEBHOOK_SECRET", "graf",
                "ALERT_SEVERITY_MAP", "P1=sev0, P2 = sev1",
                "ALERT_AUTO_RESOLVE", "TRUE",
                "ALERT_REOPEN_WINDOW", "PT30M",
                "PAGERDUTY_ROUTING_KEY", "rk",
                "PAGERDUTY_EVENTS_URL", "http://127.0.0.1:9/v2/enqueue",
                "PAGERDUTY_WEBHOOK_SECRET", "pd",
                "PAGERDUTY_USER_MAP", "PABC123=U0BOB,dana@example.com=U0DANA"));

    assertThat(settings.alertsToken()).contains("tok");
    assertThat(settings.grafanaWebhookSecret()).contains("graf");
    assertThat(settings.severityMap()).isEqualTo(Map.of("p1", "sev0", "p2", "sev1"));
    assertThat(settings.autoResolve()).isTrue();
    assertThat(settings.reopenWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.pagerdutyRoutingKey()).isEqualTo(Optional.of("rk"));
    assertThat(settings.pagerdutyEventsUrl()).isEqualTo("http://127.0.0.1:9/v2/enqueue");
    assertThat(settings.pagerdutyUserMap())
        .isEqualTo(Map.of("pabc123", "U0BOB", "dana@example.com", "U0DANA"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ALERT_SEVERITY_MAP   | critical=p1        | ALERT_SEVERITY_MAP: "p1" (for critical) is not sev0, sev1, sev2 or sev3
          ALERT_SEVERITY_MAP   | critical           | ALERT_SEVERITY_MAP: "critical" is not a key=value pair
          ALERT_AUTO_RESOLVE   | yes                | ALERT_AUTO_RESOLVE: "yes" is not true or false
          ALERT_REOPEN_WINDOW  | 1h                 | ALERT_REOPEN_WINDOW: "1h" is not an ISO-8601 duration such as PT1H
          PAGERDUTY_EVENTS_URL | events.pagerduty   | PAGERDUTY_EVENTS_URL: "events.pagerduty" is not an http(s) URL such as https://events.pagerduty.com/v2/enqueue
          PAGERDUTY_USER_MAP   | PABC=bob           | PAGERDUTY_USER_MAP: "bob" (for PABC) is not a Slack user ID such as U0123ABCD
          """)
  void malformedValueIsNamed(String name, String value, String message) {
    assertThatThrownBy(() -> read(Map.of(name, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void secretsAndRoutingKeyNeverShow() {
    String shown =
        read(Map.of(
                "ALERTS_TOKEN", "tok-secret-1",
                "GRAFANA_WEBHOOK_SECRET", "graf-secret-2",
                "PAGERDUTY_ROUTING_KEY", "routing-secret-3",
                "PAGERDUTY_WEBHOOK_SECRET", "pd-secret-4"))
            .toString();

    assertThat(shown)
        .doesNotContain("tok-secret-1", "graf-secret-2", "routing-secret-3", "pd-secret-4")
        .contains("<redacted>");
  }
}
