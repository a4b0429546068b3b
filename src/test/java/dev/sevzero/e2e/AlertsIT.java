package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.START;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakealerts.FakeAlertmanager;
import dev.sevzero.fakealerts.FakeAlertmanager.Answer;
import dev.sevzero.fakepagerduty.FakePagerDuty;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.fakeslack.Stall;
import dev.sevzero.http.webhooks.Hmac;
import dev.sevzero.http.webhooks.PagerDutyWebhook;
import dev.sevzero.incident.Incident;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alertmanager and Grafana declare incidents, PagerDuty hears of them and answers back: the real
 * bot, a fake Slack and a fake PagerDuty on loopback, webhooks over HTTP.
 */
class AlertsIT {

  static final String TOKEN = "alerts-token-for-tests";
  static final String PD_SECRET = "pd-webhook-secret";
  static final String GRAFANA_SECRET = "grafana-hmac-secret";
  static final String PD_KEY = "R0123456789ABCDEF0123456789ABCDE";

  @TempDir Path directory;
  TestWorkspace workspace;
  FakePagerDuty pagerDuty;
  FakeAlertmanager alertmanager;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    pagerDuty = FakePagerDuty.start();
    workspace =
        new TestWorkspace(directory, Clock.fixed(START, ZoneOffset.UTC))
            .with("ALERTS_TOKEN", TOKEN)
            .with("PAGERDUTY_ROUTING_KEY", PD_KEY)
            .with("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl())
            .with("PAGERDUTY_WEBHOOK_SECRET", PD_SECRET)
            .with("PAGERDUTY_USER_MAP", "PBOB123=" + BOB)
            .with("GRAFANA_WEBHOOK_SECRET", GRAFANA_SECRET)
            .start();
    alertmanager = new FakeAlertmanager(url("/alerts/alertmanager"), TOKEN, workspace.clock);
  }

  @AfterEach
  void stop() {
    workspace.close();
    pagerDuty.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + workspace.bot().port() + path;
  }

  @Test
  void anAlertDeclaresAnIncidentThatStartsAtDetection() {
    // The alert started firing three minutes before Alertmanager got through to us.
    FakeAlertmanager late =
        new FakeAlertmanager(
            url("/alerts/alertmanager"),
            TOKEN,
            Clock.offset(workspace.clock, Duration.ofMinutes(-3)));
    Answer answer = late.fire("HighLatency", "critical", "checkout");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"incident\":\"INC-1\"");
    Incident incident = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(incident.startedAt()).isEqualTo(START.minus(Duration.ofMinutes(3)));
    assertThat(incident.declared().at()).isEqualTo(START);
    assertThat(incident.title()).isEqualTo("HighLatency on checkout");
    assertThat(incident.severity().label()).isEqualTo("SEV0");
    String channel = workspace.awaitIncidentChannel(1);
    FakeMessage header = workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    assertThat(header.blocks().toString())
        .contains("by Alertmanager")
        .contains("service=checkout")
        .contains("http://prometheus.local:9090/graph");
    workspace.awaitMessage(workspace.incidentsChannel, m -> m.text().contains("INC-1"));
    FakePagerDuty.Event trigger = awaitPagerDutyEvents(1).get(0);
    assertThat(trigger.action()).isEqualTo("trigger");
    assertThat(trigger.dedupKey()).isEqualTo("sevzero-INC-1");
    assertThat(trigger.routingKey()).isEqualTo(PD_KEY);
    assertThat(trigger.severity()).contains("critical");
    assertThat(trigger.summary()).contains("INC-1 (SEV0) HighLatency on checkout");

    workspace.clock.advance(Duration.ofMinutes(2));
    workspace.command(ALICE, channel, "ack");

    Incident acked = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(acked.response().orElseThrow().time()).isEqualTo(Duration.ofMinutes(5));
    assertThat(awaitPagerDutyEvents(2).get(1).action()).isEqualTo("acknowledge");
    Reply sla = workspace.slack.slashCommand(ALICE, workspace.general, "/sla", "month");
    assertThat(sla.ackText()).contains("average 5m 00s");
    assertThat(sla.ackPayload().toString())
        .contains("Declared from alerts: 1 incident")
        .contains("detection → declaration average 3m 00s");
  }

  @Test
  void theTriggerWaitsBrieflyForTheChannelSoThatThePageLinksIt() throws Exception {
    Stall slowCreate = workspace.slack.stallAfter("conversations.create", params -> true);
    try {
      alertmanager.fire("HighLatency", "critical", "checkout");
      assertThat(slowCreate.awaitReached(WAIT)).isTrue();

      // Slack has made the channel but not answered yet: the page waits for it, briefly.
      await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> pagerDuty.events().isEmpty());
    } finally {
      slowCreate.release();
    }

    String channel = workspace.awaitIncidentChannel(1);
    FakePagerDuty.Event trigger = awaitPagerDutyEvents(1).get(0);
    assertThat(trigger.action()).isEqualTo("trigger");
    assertThat(trigger.link()).contains("https://slack.com/app_redirect?channel=" + channel);
  }

  @Test
  void aSlackTooSlowToMakeTheChannelDoesNotHoldThePageUp() throws Exception {
    Stall stuckCreate = workspace.slack.stallAfter("conversations.create", params -> true);
    try {
      alertmanager.fire("HighLatency", "critical", "checkout");

      FakePagerDuty.Event trigger = awaitPagerDutyEvents(1).get(0);
      assertThat(trigger.action()).isEqualTo("trigger");
      assertThat(trigger.summary()).contains("INC-1 (SEV0) HighLatency on checkout");
      assertThat(trigger.link()).isEmpty();
      assertThat(workspace.bot().incidents().find(1).orElseThrow().channelId()).isEmpty();
    } finally {
      stuckCreate.release();
    }
    workspace.awaitIncidentChannel(1);
  }

  @Test
  void repeatsAndDuplicatesDeclareOnceAndPageOnce() throws Exception {
    String payload = firstNotification();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Answer>> sends = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        sends.add(() -> alertmanager.post(payload));
      }
      for (Future<Answer> answer : senders.invokeAll(sends)) {
        assertThat(answer.get().status()).isEqualTo(200);
      }
    } finally {
      senders.shutdownNow();
    }
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    int messages = workspace.slack.messages(channel).size();

    assertThat(alertmanager.post(payload).body()).contains("\"outcome\":\"unchanged\"");

    assertThat(workspace.bot().incidents().open()).hasSize(1);
    assertThat(awaitPagerDutyEvents(1))
        .extracting(FakePagerDuty.Event::action)
        .containsExactly("trigger");
    assertThat(workspace.slack.messages(channel)).hasSize(messages);
  }

  @Test
  void aNewAlertInTheGroupIsOneTimelineEntryShownInTheChannel() {
    alertmanager.fire("HighLatency", "critical", "checkout");
    String channel = workspace.awaitIncidentChannel(1);

    alertmanager.fire("HighLatency", "critical", "payments");
    alertmanager.resend("HighLatency");

    workspace.awaitMessage(channel, m -> m.text().contains("Alert HighLatency (payments) firing"));
    assertThat(workspace.bot().incidents().timeline(1))
        .filteredOn(entry -> entry.kind().code().equals("alert"))
        .hasSize(1);
    assertThat(workspace.bot().incidents().open()).hasSize(1);
  }

  @Test
  void aResolvedGroupOffersResolveAndFiringAgainReopensWithinTheWindow() {
    alertmanager.fire("HighLatency", "critical", "checkout");
    String channel = workspace.awaitIncidentChannel(1);

    alertmanager.resolve("HighLatency");

    FakeMessage resolved =
        workspace.awaitMessage(channel, m -> m.text().contains("All alerts resolved"));
    assertThat(resolved.blocks().toString()).contains("Resolve");
    assertThat(workspace.bot().incidents().find(1).orElseThrow().isOpen()).isTrue();

    workspace.command(ALICE, channel, "resolve fixed the cache");
    workspace.clock.advance(Duration.ofMinutes(30));
    assertThat(alertmanager.fire("HighLatency", "critical", "checkout").body())
        .contains("\"outcome\":\"reopened\"");
    assertThat(workspace.bot().incidents().find(1).orElseThrow().isOpen()).isTrue();
    assertThat(awaitPagerDutyEvents(3))
        .extracting(FakePagerDuty.Event::action)
        .containsExactly("trigger", "resolve", "trigger");

    workspace.command(ALICE, channel, "resolve again");
    alertmanager.resolve("HighLatency");
    workspace.clock.advance(Duration.ofHours(2));
    assertThat(alertmanager.fire("HighLatency", "critical", "checkout").body())
        .contains("\"outcome\":\"declared\"")
        .contains("INC-2");
  }

  @Test
  void grafanaSignedNotificationsDeclareToo() throws Exception {
    String body;
    try (var in = AlertsIT.class.getResourceAsStream("/alerts/grafana-firing.json")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String signature = Hmac.sha256Hex(GRAFANA_SECRET, bytes(body));

    HttpResponse<String> unsigned = post("/alerts/grafana", body, "Bearer " + TOKEN);
    HttpResponse<String> signed =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/alerts/grafana")))
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Grafana-Alerting-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(signed.statusCode()).isEqualTo(200);
    Incident incident = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(incident.title()).isEqualTo("Disk almost full on db-3");
    assertThat(incident.severity().label()).isEqualTo("SEV2");
    assertThat(incident.declared().by()).isEqualTo("Grafana");
  }

  @Test
  void autoResolveResolvesWhenEveryAlertHasResolved() throws Exception {
    workspace.close();
    workspace =
        new TestWorkspace(
                Files.createDirectories(directory.resolve("auto")),
                Clock.fixed(START, ZoneOffset.UTC))
            .with("ALERTS_TOKEN", TOKEN)
            .with("ALERT_AUTO_RESOLVE", "true")
            .start();
    alertmanager = new FakeAlertmanager(url("/alerts/alertmanager"), TOKEN, workspace.clock);
    alertmanager.fire("DiskFull", "warning", "db");
    workspace.awaitIncidentChannel(1);

    alertmanager.resolve("DiskFull");

    Incident incident = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(incident.isOpen()).isFalse();
    assertThat(incident.severity().label()).isEqualTo("SEV2");
    assertThat(incident.resolution().orElseThrow().by()).isEqualTo("Alertmanager");
    // No PAGERDUTY_WEBHOOK_SECRET here: the webhook is not served.
    assertThat(post("/pagerduty/webhook", "{}", null).statusCode()).isEqualTo(404);
  }

  @Test
  void anAcknowledgementInPagerDutyAcknowledgesInSlackAndIsNotSentBack() throws Exception {
    alertmanager.fire("HighLatency", "critical", "checkout");
    String channel = workspace.awaitIncidentChannel(1);
    awaitPagerDutyEvents(1);
    workspace.clock.advance(Duration.ofMinutes(4));
    String body = pagerDutyEvent("incident.acknowledged", "sevzero-INC-1", "PBOB123");

    HttpResponse<String> answer =
        postPagerDuty(body, "wh-1", PagerDutyWebhook.signature(PD_SECRET, bytes(body)));
    HttpResponse<String> again =
        postPagerDuty(body, "wh-1", PagerDutyWebhook.signature(PD_SECRET, bytes(body)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("acknowledged");
    assertThat(again.body()).contains("duplicate");
    Incident incident = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(incident.acknowledgement().orElseThrow().by()).isEqualTo(BOB);
    assertThat(incident.response().orElseThrow().time()).isEqualTo(Duration.ofMinutes(4));
    workspace.awaitMessage(channel, m -> m.text().contains("acknowledged INC-1"));
    // Taking a role is a response too, but PagerDuty already knows: still only the trigger.
    workspace.command(ALICE, channel, "commander");
    workspace.awaitMessage(channel, m -> m.text().contains("is now Incident Commander"));
    assertThat(pagerDuty.events())
        .extracting(FakePagerDuty.Event::action)
        .containsExactly("trigger");
  }

  @Test
  void aRotatedSecretsSignaturesAreAcceptedAndPagerDutysResolutionIsATimelineEntry()
      throws Exception {
    alertmanager.fire("HighLatency", "critical", "checkout");
    workspace.awaitIncidentChannel(1);
    String body = pagerDutyEvent("incident.resolved", "sevzero-INC-1", "PUNKNOWN");
    String signatures =
        "v1=" + "0".repeat(64) + ", " + PagerDutyWebhook.signature(PD_SECRET, bytes(body));

    HttpResponse<String> answer = postPagerDuty(body, "wh-2", signatures);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(workspace.bot().incidents().timeline(1))
        .anyMatch(
            entry ->
                entry.text().equals("Resolved in PagerDuty")
                    && entry.actor().equals("Dana Ops (PagerDuty)"));
  }

  @Test
  void badTokenSignatureOrBodyIsRefusedAndNothingIsStored() throws Exception {
    FakeAlertmanager intruder =
        new FakeAlertmanager(url("/alerts/alertmanager"), "wrong", workspace.clock);
    assertThat(intruder.fire("HighLatency", "critical", "checkout").status()).isEqualTo(401);
    assertThat(post("/alerts/alertmanager", "{}", null).statusCode()).isEqualTo(401);

    HttpResponse<String> bad =
        post("/alerts/alertmanager", "{\"version\":\"4\"}", "Bearer " + TOKEN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("groupKey: missing");

    String body = pagerDutyEvent("incident.acknowledged", "sevzero-INC-1", "PBOB123");
    assertThat(postPagerDuty(body, "wh-3", "v1=" + "ab".repeat(32)).statusCode()).isEqualTo(401);
    assertThat(postPagerDuty(body, "wh-4", null).statusCode()).isEqualTo(401);

    assertThat(workspace.bot().incidents().open()).isEmpty();
    assertThat(pagerDuty.attempts()).isZero();
  }

  @Test
  void pagerDutysRateLimitIsWaitedOut() {
    pagerDuty.fail(429, 1);

    alertmanager.fire("HighLatency", "critical", "checkout");

    assertThat(awaitPagerDutyEvents(1))
        .extracting(FakePagerDuty.Event::action)
        .containsExactly("trigger");
    assertThat(pagerDuty.attempts()).isEqualTo(2);
  }

  @Test
  void aRefusedEventIsToldInTheIncidentChannel() {
    pagerDuty.fail(400, 1);

    alertmanager.fire("HighLatency", "critical", "checkout");

    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitMessage(
        channel, m -> m.text().contains("PagerDuty refused the *trigger* event"));
  }

  private String firstNotification() {
    return alertmanager.firing("HighLatency", "critical", "checkout");
  }

  private List<FakePagerDuty.Event> awaitPagerDutyEvents(int count) {
    return await().atMost(WAIT).until(pagerDuty::events, events -> events.size() >= count);
  }

  private static String pagerDutyEvent(String type, String incidentKey, String agentId) {
    return "{\"event\":{\"id\":\"01EVT\",\"event_type\":\""
        + type
        + "\",\"resource_type\":\"incident\",\"occurred_at\":\"2026-11-24T10:04:00.000Z\","
        + "\"agent\":{\"html_url\":\"https://acme.pagerduty.com/users/"
        + agentId
        + "\",\"id\":\""
        + agentId
        + "\",\"self\":\"https://api.pagerduty.com/users/"
        + agentId
        + "\",\"summary\":\"Dana Ops\",\"type\":\"user_reference\"},"
        + "\"client\":null,\"data\":{\"id\":\"Q1ABC\",\"type\":\"incident\",\"number\":42,"
        + "\"status\":\"acknowledged\",\"incident_key\":\""
        + incidentKey
        + "\",\"title\":\"INC-1 (SEV0) HighLatency on checkout\",\"urgency\":\"high\"}}}";
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> postPagerDuty(String body, String webhookId, String signature)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(PagerDutyWebhook.PATH)))
            .header(PagerDutyWebhook.WEBHOOK_ID, webhookId)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(PagerDutyWebhook.SIGNATURE, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
