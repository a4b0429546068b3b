package dev.sevzero.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of alerts in and pages out (SPEC §8, §10). {@link #toString()} shows no token,
 * secret or routing key.
 *
 * @param alertsToken {@code ALERTS_TOKEN}; empty: the alert endpoints answer 404
 * @param grafanaWebhookSecret {@code GRAFANA_WEBHOOK_SECRET}, the HMAC secret of Grafana's
 *     signature
 * @param severityMap {@code ALERT_SEVERITY_MAP}: severity label (lower case) → {@code sev0}…{@code
 *     sev3}
 * @param autoResolve {@code ALERT_AUTO_RESOLVE}
 * @param reopenWindow {@code ALERT_REOPEN_WINDOW}, positive
 * @param pagerdutyRoutingKey {@code PAGERDUTY_ROUTING_KEY}; empty: no PagerDuty events
 * @param pagerdutyEventsUrl {@code PAGERDUTY_EVENTS_URL}, an http(s) URL
 * @param pagerdutyWebhookSecret {@code PAGERDUTY_WEBHOOK_SECRET}; empty: the webhook answers 404
 * @param pagerdutyUserMap {@code PAGERDUTY_USER_MAP}: PagerDuty user id or email (lower case) →
 *     Slack user ID
 */
public record AlertSettings(
    Optional<String> alertsToken,
    Optional<String> grafanaWebhookSecret,
    Map<String, String> severityMap,
    boolean autoResolve,
    Duration reopenWindow,
    Optional<String> pagerdutyRoutingKey,
    String pagerdutyEventsUrl,
    Optional<String> pagerdutyWebhookSecret,
    Map<String, String> pagerdutyUserMap) {

  public static final String DEFAULT_SEVERITY_MAP =
      "critical=sev0,page=sev0,error=sev1,warning=sev2,info=sev3";
  public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofHours(1);
  public static final String DEFAULT_PAGERDUTY_EVENTS_URL =
      "https://events.pagerduty.com/v2/enqueue";

  private static final Pattern SEVERITY = Pattern.compile("sev[0-3]");
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");

  public AlertSettings {
    Objects.requireNonNull(alertsToken, "alertsToken");
    Objects.requireNonNull(grafanaWebhookSecret, "grafanaWebhookSecret");
    severityMap = Map.copyOf(severityMap);
    Objects.requireNonNull(reopenWindow, "reopenWindow");
    Objects.requireNonNull(pagerdutyRoutingKey, "pagerdutyRoutingKey");
    Objects.requireNonNull(pagerdutyEventsUrl, "pagerdutyEventsUrl");
    Objects.requireNonNull(pagerdutyWebhookSecret, "pagerdutyWebhookSecret");
    pagerdutyUserMap = Map.copyOf(pagerdutyUserMap);
  }

  /** Nothing set: no alert endpoints, no PagerDuty. */
  public static AlertSettings none() {
    return read(new EnvReader(Map.of()));
  }

  static AlertSettings read(EnvReader in) {
    return new AlertSettings(
        in.optional("ALERTS_TOKEN"),
        in.optional("GRAFANA_WEBHOOK_SECRET"),
        pairs(in, "ALERT_SEVERITY_MAP", DEFAULT_SEVERITY_MAP, SEVERITY, "sev0, sev1, sev2 or sev3"),
        flag(in, "ALERT_AUTO_RESOLVE"),
        in.positiveDuration("ALERT_REOPEN_WINDOW", DEFAULT_REOPEN_WINDOW),
        in.optional("PAGERDUTY_ROUTING_KEY"),
        url(in, "PAGERDUTY_EVENTS_URL", DEFAULT_PAGERDUTY_EVENTS_URL),
        in.optional("PAGERDUTY_WEBHOOK_SECRET"),
        pairs(in, "PAGERDUTY_USER_MAP", "", SLACK_USER, "a Slack user ID such as U0123ABCD"));
  }

  /** {@code key=value,…}: keys in lower case, values matching {@code valuePattern}. */
  private static Map<String, String> pairs(
      EnvReader in, String name, String fallback, Pattern valuePattern, String what) {
    String value = in.optional(name).orElse(fallback);
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : value.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? "" : pair.substring(0, equals).strip();
      String mapped = equals < 0 ? "" : pair.substring(equals + 1).strip();
      if (key.isEmpty() || mapped.isEmpty()) {
        throw new ConfigException(
            name + ": " + EnvReader.quote(pair.strip()) + " is not a key=value pair");
      }
      if (!valuePattern.matcher(mapped).matches()) {
        throw new ConfigException(
            name + ": " + EnvReader.quote(mapped) + " (for " + key + ") is not " + what);
      }
      pairs.put(key.toLowerCase(Locale.ROOT), mapped);
    }
    return pairs;
  }

  private static boolean flag(EnvReader in, String name) {
    Optional<String> value = in.optional(name).map(v -> v.toLowerCase(Locale.ROOT));
    if (value.isEmpty() || value.get().equals("false")) {
      return false;
    }
    if (value.get().equals("true")) {
      return true;
    }
    throw new ConfigException(name + ": " + EnvReader.quote(value.get()) + " is not true or false");
  }

  /** An http(s) URL taken as it is: unlike the Slack base URL, nothing is appended to it. */
  private static String url(EnvReader in, String name, String fallback) {
    String value = in.optional(name).orElse(fallback);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        name + ": " + EnvReader.quote(value) + " is not an http(s) URL such as " + fallback);
  }

  @Override
  public String toString() {
    return "AlertSettings[alertsToken="
        + redacted(alertsToken)
        + ", grafanaWebhookSecret="
        + redacted(grafanaWebhookSecret)
        + ", severityMap="
        + severityMap
        + ", autoResolve="
        + autoResolve
        + ", reopenWindow="
        + reopenWindow
        + ", pagerdutyRoutingKey="
        + redacted(pagerdutyRoutingKey)
        + ", pagerdutyEventsUrl="
        + pagerdutyEventsUrl
        + ", pagerdutyWebhookSecret="
        + redacted(pagerdutyWebhookSecret)
        + ", pagerdutyUserMap="
        + pagerdutyUserMap
        + "]";
  }

  private static String redacted(Optional<String> secret) {
    return secret.map(s -> "<redacted>").orElse("<unset>");
  }
}
