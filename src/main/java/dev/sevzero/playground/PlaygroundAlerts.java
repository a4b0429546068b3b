package dev.sevzero.playground;

import dev.sevzero.fakealerts.FakeAlertmanager;
import dev.sevzero.fakepagerduty.FakePagerDuty;
import dev.sevzero.http.webhooks.PagerDutyWebhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The playground's monitoring and pager: a local Alertmanager that sends real webhook JSON to the
 * bot, and a local PagerDuty that shows the events it receives and sends signed webhooks back.
 */
final class PlaygroundAlerts implements AutoCloseable {

  static final String USAGE =
      "alert fire <name> <severity> <service> | alert resolve <name> | pagerduty ack | pagerduty events";
  private static final String TOKEN = "playground-alerts-token";
  private static final String PAGERDUTY_SECRET = "playground-pagerduty-secret";
  private static final String ROUTING_KEY = "playground0routing0key0000000000";

  /** The PagerDuty user who acknowledges in the playground: erin, through PAGERDUTY_USER_MAP. */
  private static final String PAGERDUTY_USER = "PERIN42";

  private final FakePagerDuty pagerDuty = FakePagerDuty.start();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger webhooks = new AtomicInteger();
  private FakeAlertmanager alertmanager;
  private String pagerDutyWebhook;

  /** The settings that point the bot at the local Alertmanager and PagerDuty. */
  void configure(Map<String, String> environment, String responder) {
    environment.put("ALERTS_TOKEN", TOKEN);
    environment.put("PAGERDUTY_ROUTING_KEY", ROUTING_KEY);
    environment.put("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl());
    environment.put("PAGERDUTY_WEBHOOK_SECRET", PAGERDUTY_SECRET);
    environment.put("PAGERDUTY_USER_MAP", PAGERDUTY_USER + "=" + responder);
  }

  /** Once the bot listens on {@code port}. */
  void connect(int port, Clock clock) {
    alertmanager =
        new FakeAlertmanager("http://127.0.0.1:" + port + "/alerts/alertmanager", TOKEN, clock);
    pagerDutyWebhook = "http://127.0.0.1:" + port + PagerDutyWebhook.PATH;
  }

  /** Prints each event PagerDuty receives. */
  void onPage(Consumer<String> printer) {
    pagerDuty.onEvent(
        event ->
            printer.accept(
                "[PagerDuty] "
                    + event.action()
                    + " "
                    + event.dedupKey()
                    + event.summary().map(summary -> ": " + summary).orElse("")
                    + event.severity().map(severity -> " (" + severity + ")").orElse("")));
  }

  /** {@code alert fire HighLatency critical checkout} · {@code alert resolve HighLatency}. */
  String alert(String arguments) {
    List<String> words = List.of(arguments.strip().split("\\s+"));
    FakeAlertmanager.Answer answer;
    if (words.size() == 4 && words.get(0).equals("fire")) {
      answer = alertmanager.fire(words.get(1), words.get(2), words.get(3));
    } else if (words.size() == 2 && words.get(0).equals("resolve")) {
      answer = alertmanager.resolve(words.get(1));
    } else {
      throw new ShellError("usage: " + USAGE);
    }
    return "Alertmanager → bot: " + answer.status() + " " + answer.body();
  }

  /** {@code pagerduty ack}: the latest triggered incident is acknowledged in PagerDuty. */
  String pagerDuty(String arguments) {
    switch (arguments.strip()) {
      case "events" -> {
        return pagerDuty.events().isEmpty()
            ? "PagerDuty has received nothing yet."
            : String.join(
                "\n",
                pagerDuty.events().stream()
                    .map(event -> "  " + event.action() + " " + event.dedupKey())
                    .toList());
      }
      case "ack" -> {
        String dedupKey =
            pagerDuty.events().stream()
                .filter(event -> event.action().equals("trigger"))
                .reduce((first, second) -> second)
                .map(FakePagerDuty.Event::dedupKey)
                .orElseThrow(() -> new ShellError("PagerDuty has no incident to acknowledge"));
        return "PagerDuty → bot: " + acknowledge(dedupKey);
      }
      default -> throw new ShellError("usage: " + USAGE);
    }
  }

  private String acknowledge(String dedupKey) {
    String body =
        "{\"event\":{\"id\":\"PLAY"
            + webhooks.incrementAndGet()
            + "\",\"event_type\":\"incident.acknowledged\",\"resource_type\":\"incident\","
            + "\"agent\":{\"id\":\""
            + PAGERDUTY_USER
            + "\",\"summary\":\"Erin\",\"type\":\"user_reference\"},"
            + "\"data\":{\"id\":\"Q0PLAY\",\"type\":\"incident\",\"status\":\"acknowledged\","
            + "\"incident_key\":\""
            + dedupKey
            + "\"}}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(pagerDutyWebhook))
            .header("Content-Type", "application/json")
            .header(PagerDutyWebhook.WEBHOOK_ID, "playground-" + webhooks.get())
            .header(PagerDutyWebhook.SIGNATURE, PagerDutyWebhook.signature(PAGERDUTY_SECRET, bytes))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    } catch (IOException e) {
      return "no answer: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() {
    pagerDuty.close();
  }
}
