package dev.sevzero.pagerduty.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import dev.sevzero.pagerduty.PageAction;
import dev.sevzero.pagerduty.PageEvent;
import dev.sevzero.pagerduty.PageSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * PagerDuty's Events API v2 over HTTP: one POST per event. 2xx is delivered; 429, 5xx and no answer
 * are tried again; any other answer (400: the event is invalid) is a refusal. The routing key goes
 * in the body only, never in a log or a message.
 */
public final class PagerDutyEventsClient implements PageSender {

  /** What a trigger says of an incident; read when it is sent. */
  public record Page(Incident incident, Optional<String> channelUrl) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final int MAX_SUMMARY = 1024;

  private final HttpClient http;
  private final URI eventsUrl;
  private final String routingKey;
  private final LongFunction<Optional<Page>> pages;
  private final BiConsumer<String, String> calls;

  /**
   * @param pages the incident of an event and its channel's link, if it still exists
   * @param calls counts each call: the event action and its outcome (ok, rate_limited…)
   */
  public PagerDutyEventsClient(
      String eventsUrl,
      String routingKey,
      LongFunction<Optional<Page>> pages,
      BiConsumer<String, String> calls) {
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.eventsUrl = URI.create(eventsUrl);
    this.routingKey = routingKey;
    this.pages = pages;
    this.calls = calls;
  }

  @Override
  public Result send(PageEvent event) {
    Optional<Page> page = pages.apply(event.incidentId());
    if (page.isEmpty()) {
      return new Refused("there is no incident INC-" + event.incidentId());
    }
    HttpRequest request =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(event, page.get()).toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      calls.accept(event.action().code(), "io_error");
      return new RetryLater(
          RETRY, "no answer from PagerDuty (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RetryLater(RETRY, "interrupted");
    }
    int status = response.statusCode();
    calls.accept(event.action().code(), outcome(status));
    if (status >= 200 && status < 300) {
      return new Delivered();
    }
    if (status == 429 || status >= 500) {
      return new RetryLater(RETRY, "PagerDuty answered " + status);
    }
    return new Refused("PagerDuty answered " + status + ": " + problem(response.body()));
  }

  private JsonObject body(PageEvent event, Page page) {
    JsonObject body = new JsonObject();
    body.addProperty("routing_key", routingKey);
    body.addProperty("event_action", event.action().code());
    body.addProperty("dedup_key", event.dedupKey());
    if (event.action() == PageAction.TRIGGER) {
      Incident incident = page.incident();
      String summary =
          incident.key() + " (" + incident.severity().label() + ") " + incident.title();
      JsonObject payload = new JsonObject();
      payload.addProperty(
          "summary",
          summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…");
      payload.addProperty("source", "sevzero");
      payload.addProperty("severity", severity(incident.severity()));
      payload.addProperty("timestamp", incident.startedAt().toString());
      JsonObject details = new JsonObject();
      details.addProperty("incident", incident.key());
      details.addProperty("declared_by", incident.declared().by());
      incident.description().ifPresent(text -> details.addProperty("description", text));
      payload.add("custom_details", details);
      body.add("payload", payload);
      page.channelUrl()
          .ifPresent(
              url -> {
                JsonObject link = new JsonObject();
                link.addProperty("href", url);
                link.addProperty("text", "Incident channel in Slack");
                JsonArray links = new JsonArray();
                links.add(link);
                body.add("links", links);
              });
    }
    return body;
  }

  private static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "ok";
    }
    if (status == 429) {
      return "rate_limited";
    }
    return status >= 500 ? "server_error" : "client_error";
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case SEV0 -> "critical";
      case SEV1 -> "error";
      case SEV2 -> "warning";
      case SEV3 -> "info";
    };
  }

  /** PagerDuty's reason for a refusal: its {@code errors}, else its {@code message}. */
  private static String problem(String body) {
    try {
      JsonElement parsed = JsonParser.parseString(body);
      if (parsed.isJsonObject()) {
        JsonObject answer = parsed.getAsJsonObject();
        if (answer.has("errors") && answer.get("errors").isJsonArray()) {
          return answer.get("errors").toString();
        }
        if (answer.has("message")) {
          return answer.get("message").getAsString();
        }
      }
    } catch (RuntimeException e) {
      // not JSON: shown as it is, below
    }
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
