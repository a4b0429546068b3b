package dev.sevzero.fakealerts;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays Alertmanager for the playground, the tests and the benchmark: keeps alert groups (one per
 * alert name; one alert per service in it) and sends each notification as Alertmanager's webhook
 * (payload version 4) with the bearer token.
 */
public final class FakeAlertmanager {

  /** What the bot answered. */
  public record Answer(int status, String body) {}

  private record FiringAlert(Map<String, String> labels, Instant startsAt, boolean firing) {}

  private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI webhook;
  private final String token;
  private final Clock clock;
  private final Map<String, Map<String, FiringAlert>> groups = new LinkedHashMap<>();

  /**
   * @param webhook the bot's {@code /alerts/alertmanager} URL
   */
  public FakeAlertmanager(String webhook, String token, Clock clock) {
    this.webhook = URI.create(webhook);
    this.token = token;
    this.clock = clock;
  }

  /** {@code alertname} fires for {@code service}, starting now (or keeps firing). */
  public Answer fire(String alertname, String severity, String service) {
    return post(firing(alertname, severity, service));
  }

  /** As {@link #fire}, but returns the notification instead of sending it. */
  public synchronized String firing(String alertname, String severity, String service) {
    Map<String, FiringAlert> group =
        groups.computeIfAbsent(alertname, name -> new LinkedHashMap<>());
    FiringAlert known = group.get(service);
    if (known == null || !known.firing()) {
      Map<String, String> labels = new TreeMap<>();
      labels.put("alertname", alertname);
      labels.put("severity", severity);
      labels.put("service", service);
      group.put(service, new FiringAlert(labels, clock.instant(), true));
    }
    return payload(alertname);
  }

  /** Every alert of {@code alertname}'s group resolves. */
  public synchronized Answer resolve(String alertname) {
    Map<String, FiringAlert> group = groups.getOrDefault(alertname, Map.of());
    group.replaceAll((service, alert) -> new FiringAlert(alert.labels(), alert.startsAt(), false));
    return send(alertname);
  }

  /** Sends the group's notification as it stands, as Alertmanager does every group interval. */
  public synchronized Answer resend(String alertname) {
    return send(alertname);
  }

  public static String groupKey(String alertname) {
    return "{}:{alertname=\"" + alertname + "\"}";
  }

  /** The notification of {@code alertname}'s group, in Alertmanager's webhook format. */
  public synchronized String payload(String alertname) {
    Map<String, FiringAlert> group = groups.getOrDefault(alertname, Map.of());
    boolean firing = group.values().stream().anyMatch(FiringAlert::firing);
    JsonObject root = new JsonObject();
    root.addProperty("version", "4");
    root.addProperty("groupKey", groupKey(alertname));
    root.addProperty("truncatedAlerts", 0);
    root.addProperty("status", firing ? "firing" : "resolved");
    root.addProperty("receiver", "sevzero");
    JsonObject groupLabels = new JsonObject();
    groupLabels.addProperty("alertname", alertname);
    root.add("groupLabels", groupLabels);
    root.add("commonLabels", common(group));
    JsonObject annotations = new JsonObject();
    root.add("commonAnnotations", annotations);
    root.addProperty("externalURL", "http://alertmanager.local:9093");
    JsonArray alerts = new JsonArray();
    for (FiringAlert alert : group.values()) {
      JsonObject json = new JsonObject();
      json.addProperty("status", alert.firing() ? "firing" : "resolved");
      JsonObject labels = new JsonObject();
      alert.labels().forEach(labels::addProperty);
      json.add("labels", labels);
      JsonObject summary = new JsonObject();
      summary.addProperty(
          "summary", alert.labels().get("alertname") + " on " + alert.labels().get("service"));
      json.add("annotations", summary);
      json.addProperty("startsAt", alert.startsAt().toString());
      json.addProperty("endsAt", (alert.firing() ? NEVER : clock.instant()).toString());
      json.addProperty("generatorURL", "http://prometheus.local:9090/graph?g0.expr=" + alertname);
      json.addProperty("fingerprint", fingerprint(alert.labels()));
      alerts.add(json);
    }
    root.add("alerts", alerts);
    return root.toString();
  }

  /** Labels every alert of the group shares, as Alertmanager's {@code commonLabels}. */
  private static JsonObject common(Map<String, FiringAlert> group) {
    Map<String, String> common = null;
    for (FiringAlert alert : group.values()) {
      if (common == null) {
        common = new TreeMap<>(alert.labels());
      } else {
        common
            .entrySet()
            .removeIf(label -> !label.getValue().equals(alert.labels().get(label.getKey())));
      }
    }
    JsonObject json = new JsonObject();
    if (common != null) {
      common.forEach(json::addProperty);
    }
    return json;
  }

  /** Like Alertmanager's: a hash of the labels, 16 hex digits. */
  private static String fingerprint(Map<String, String> labels) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(labels.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private Answer send(String alertname) {
    return post(payload(alertname));
  }

  /** Posts {@code body} to the webhook with the bearer token. */
  public Answer post(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(webhook)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, "no answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "interrupted");
    }
  }
}
