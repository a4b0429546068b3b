package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §13's /metrics, scraped after real commands through the fake Slack. */
class MetricsIT {

  private static final String TOKEN = "metrics-token-4c1d";

  @TempDir Path directory;
  TestWorkspace workspace;

  @BeforeEach
  void start() throws Exception {
    workspace =
        new TestWorkspace(directory, Clock.fixed(TestWorkspace.START, ZoneOffset.UTC))
            .with("METRICS_TOKEN", TOKEN)
            .start();
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  @Test
  void theTokenIsRequired() throws Exception {
    assertThat(scrape(null).statusCode()).isEqualTo(401);
    assertThat(scrape("Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(scrape("Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
    HttpResponse<String> authorized = scrape("Bearer " + TOKEN);
    assertThat(authorized.statusCode()).isEqualTo(200);
    assertThat(authorized.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
  }

  @Test
  void countersAndHistogramsMoveWithRealCommands() throws Exception {
    Map<String, Double> before = samples();
    assertThat(before).containsEntry("sevzero_incidents_open{severity=\"sev0\"}", 0.0);
    assertThat(before.keySet()).anyMatch(key -> key.startsWith("sevzero_build_info{version="));
    assertThat(before.keySet()).anyMatch(key -> key.startsWith("jvm_memory_used_bytes"));
    assertThat(before.keySet()).contains("process_cpu_usage", "sevzero_scheduler_lag_seconds");

    workspace.command(ALICE, workspace.general, "declare search is down");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.clock.advance(Duration.ofMinutes(4));
    workspace.command(BOB, channel, "ack");
    workspace.command(BOB, channel, "update failing over");
    // Nobody posts the next update: prompted when due (34 min), missed 5 minutes later.
    workspace.clock.advance(Duration.ofMinutes(30));
    workspace.bot().runDue();
    workspace.awaitMessage(channel, m -> m.text().contains("time for a stakeholder update"));
    workspace.clock.advance(Duration.ofMinutes(6));
    workspace.bot().runDue();

    await()
        .atMost(TestWorkspace.WAIT)
        .untilAsserted(
            () ->
                assertThat(samples())
                    .containsEntry("sevzero_update_prompts_total{outcome=\"missed\"}", 1.0)
                    // Everything the commands promised has reached Slack.
                    .containsEntry("sevzero_deliveries_pending", 0.0));
    Map<String, Double> after = samples();
    assertThat(after)
        .containsEntry("sevzero_incidents_declared_total{kind=\"real\",severity=\"sev0\"}", 1.0)
        .containsEntry("sevzero_incidents_declared_total{kind=\"drill\",severity=\"sev0\"}", 0.0)
        .containsEntry("sevzero_incidents_open{severity=\"sev0\"}", 1.0)
        .containsEntry("sevzero_update_prompts_total{outcome=\"on_time\"}", 1.0)
        .containsEntry("sevzero_response_time_seconds_count", 1.0)
        .containsEntry("sevzero_response_time_seconds_sum", 240.0)
        .containsEntry("sevzero_response_time_seconds_bucket{le=\"60.0\"}", 0.0)
        .containsEntry("sevzero_response_time_seconds_bucket{le=\"300.0\"}", 1.0)
        .containsEntry("sevzero_response_time_seconds_bucket{le=\"3600.0\"}", 1.0);
    assertThat(after.keySet())
        .filteredOn(key -> key.startsWith("sevzero_response_time_seconds_bucket"))
        .containsExactlyInAnyOrder(
            "sevzero_response_time_seconds_bucket{le=\"60.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"300.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"600.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"900.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"1200.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"1800.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"3600.0\"}",
            "sevzero_response_time_seconds_bucket{le=\"+Inf\"}");
    assertThat(after.get("sevzero_request_ack_seconds_count")).isGreaterThanOrEqualTo(3.0);
    assertThat(
            after.get(
                "sevzero_external_calls_total{method=\"conversations.create\",outcome=\"ok\","
                    + "target=\"slack\"}"))
        .isEqualTo(1.0);
    assertThat(
            after.get(
                "sevzero_external_calls_total{method=\"chat.postMessage\",outcome=\"ok\","
                    + "target=\"slack\"}"))
        .isGreaterThanOrEqualTo(3.0);
    // What the dashboard and alert rules under deploy/ may query (DeployFilesTest) is exported.
    Set<String> names = new TreeSet<>();
    after.keySet().forEach(key -> names.add(key.replaceFirst("\\{.*", "")));
    assertThat(names)
        .containsAll(
            Files.readAllLines(Path.of("deploy/exported-metrics.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList());
    // No label takes a user id, a channel id or an incident number.
    assertThat(String.join("\n", after.keySet()))
        .doesNotContain(ALICE, BOB, channel, "INC-1", "search is down");
  }

  @Test
  void metricNamesFollowPrometheusConventions() throws Exception {
    String exposition = scrape("Bearer " + TOKEN).body();
    Matcher type = Pattern.compile("(?m)^# TYPE (sevzero_\\w+) (\\w+)$").matcher(exposition);
    int ours = 0;
    while (type.find()) {
      ours++;
      String name = type.group(1);
      assertThat(name).as("lower snake case").matches("sevzero(_[a-z0-9]+)+");
      // Base units only: seconds and bytes, never milliseconds or a unit-less duration.
      assertThat(name).doesNotContainPattern("_(ms|millis|milliseconds|minutes|duration)(_|$)");
      switch (type.group(2)) {
        case "counter" -> assertThat(name).endsWith("_total");
        case "histogram" -> assertThat(name).endsWith("_seconds");
        default -> assertThat(name).doesNotEndWith("_total");
      }
    }
    assertThat(ours).as("sevzero_ metrics typed in the scrape").isGreaterThanOrEqualTo(12);
  }

  @Test
  void aPromptSentLateShowsInSlaMonthAndInTheSchedulerLag() throws Exception {
    assertThat(sla().toString()).contains("every update prompt and handoff ran on time");
    workspace.command(ALICE, workspace.general, "declare search is down");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));

    // The bot was stalled: the prompt due at 30 minutes goes out at 32.
    workspace.clock.advance(Duration.ofMinutes(32));
    workspace.bot().runDue();
    workspace.awaitMessage(channel, m -> m.text().contains("time for a stakeholder update"));

    assertThat(samples()).containsEntry("sevzero_scheduler_lag_seconds", 120.0);
    assertThat(sla().toString())
        .contains(
            "Sevzero itself ran late:* 1 update prompt sent more than a minute after due"
                + " (worst 2m 00s late).");
  }

  @Test
  void aPromptNeverSentBecauseTheBotWasDownShowsInSlaMonth() throws Exception {
    workspace.command(ALICE, workspace.general, "declare search is down");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));

    // Down for a whole interval: the update due at 30 minutes is never prompted, the next one
    // (due at 60) is prompted at start-up, 10 minutes late.
    workspace.bot().close();
    workspace.clock.advance(Duration.ofMinutes(70));
    workspace.start();
    workspace.bot().runDue();

    await()
        .atMost(TestWorkspace.WAIT)
        .untilAsserted(
            () ->
                assertThat(sla().toString())
                    .contains(
                        "Sevzero itself ran late:* 1 update prompt sent more than a minute after"
                            + " due (worst 10m 00s late); 1 update prompt never sent (Sevzero was"
                            + " down when it was due)."));
  }

  private com.google.gson.JsonObject sla() {
    return workspace.slack.slashCommand(ALICE, workspace.general, "/sla", "month").ackPayload();
  }

  private Map<String, Double> samples() throws Exception {
    return MetricsScrape.samples(workspace.bot(), "Bearer " + TOKEN);
  }

  private HttpResponse<String> scrape(String authorization) throws Exception {
    return MetricsScrape.get(workspace.bot(), authorization);
  }
}
