package dev.sevzero.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeSlack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own process (logging is set up once per JVM, from the environment), with the fake
 * Slack here: what it writes to its log in either format.
 */
class LogFormatIT {

  private static final String METRICS_TOKEN = "metrics-secret-7f3e";
  private static final String SIGNING_SECRET = "signing-secret-91ab";
  private static final String ALERTS_TOKEN = "alerts-token-5d20";
  private static final String GRAFANA_SECRET = "grafana-secret-e417";
  private static final String PAGERDUTY_SECRET = "pagerduty-secret-03c9";
  // The integration key travels in every event's body, so a logged failure could show it.
  private static final String ROUTING_KEY = "routing-key-b6a18c27d3e94f05";
  private static final String NOTION_TOKEN = "ntn-token-7e21";

  @TempDir Path directory;
  FakeSlack slack;
  String general;

  @BeforeEach
  void startSlack() {
    slack = FakeSlack.start(Clock.systemUTC());
    slack.addUser("UALICE", "alice");
    general = slack.addChannel("general", "UALICE");
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  @Test
  void jsonLogsAreOneObjectPerLineWithTheIncident() throws Exception {
    List<String> lines = runDeclaration("json");

    assertThat(lines).isNotEmpty();
    boolean incidentNamed = false;
    for (String line : lines) {
      JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
      assertThat(entry.keySet()).as(line).contains("timestamp", "level", "logger", "message");
      incidentNamed |=
          entry.has("incident_id") && entry.get("incident_id").getAsString().equals("1");
    }
    assertThat(incidentNamed).as("a line about INC-1 names it").isTrue();
    assertNoSecrets(lines);
  }

  @Test
  void textLogsShowNoSecretEither() throws Exception {
    List<String> lines = runDeclaration(null);

    assertThat(lines).anyMatch(line -> line.contains(" incident=1 - "));
    assertNoSecrets(lines);
  }

  private static void assertNoSecrets(List<String> lines) {
    // The failing paths were taken: what they log is what is checked.
    assertThat(lines).anyMatch(line -> line.contains("(pagerduty.event) not done"));
    for (String secret :
        List.of(
            FakeSlack.BOT_TOKEN,
            FakeSlack.APP_TOKEN,
            METRICS_TOKEN,
            SIGNING_SECRET,
            ALERTS_TOKEN,
            GRAFANA_SECRET,
            PAGERDUTY_SECRET,
            ROUTING_KEY,
            NOTION_TOKEN)) {
      assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
    }
  }

  /**
   * Starts the bot with every secret set, declares an incident (one Slack call failing once, the
   * PagerDuty page failing on a closed port), stops it: its log.
   */
  private List<String> runDeclaration(String logFormat) throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    environment.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
    environment.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    environment.put("METRICS_TOKEN", METRICS_TOKEN);
    environment.put("SLACK_API_URL", slack.apiUrl());
    environment.put("DATABASE_URL", "jdbc:sqlite:" + directory.resolve("sevzero.db"));
    environment.put("PORT", Integer.toString(freePort()));
    environment.put("ALERTS_TOKEN", ALERTS_TOKEN);
    environment.put("GRAFANA_WEBHOOK_SECRET", GRAFANA_SECRET);
    environment.put("PAGERDUTY_WEBHOOK_SECRET", PAGERDUTY_SECRET);
    environment.put("PAGERDUTY_ROUTING_KEY", ROUTING_KEY);
    environment.put("PAGERDUTY_EVENTS_URL", "http://127.0.0.1:" + freePort() + "/v2/enqueue");
    environment.put("NOTION_TOKEN", NOTION_TOKEN);
    environment.put("NOTION_PARENT_PAGE_ID", "0123456789abcdef0123456789abcdef");
    environment.put("SHUTDOWN_GRACE", "PT1S");
    if (logFormat != null) {
      environment.put("LOG_FORMAT", logFormat);
    }
    Path log = directory.resolve("bot.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sevzero.Main")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process bot = builder.start();
    try {
      await().atMost(TestWorkspace.WAIT.multipliedBy(2)).until(slack::socketModeConnected);
      slack.failNext("chat.postMessage", Failure.serverError(503));
      slack.slashCommand("UALICE", general, "/incident", "declare search is down");
      await()
          .atMost(TestWorkspace.WAIT)
          .until(() -> slack.channels().stream().anyMatch(c -> !c.pinnedTs().isEmpty()));
    } finally {
      bot.destroy();
      assertThat(bot.waitFor(20, TimeUnit.SECONDS)).as("the bot stops on SIGTERM").isTrue();
    }
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
