package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minute of HTTP 429 on every Web API method while incidents are declared, acknowledged, updated
 * and resolved: when it passes, everything shows up once, and no call came back before the
 * Retry-After Slack asked for (SPEC §9, §14).
 */
class RateLimitStormIT {

  static final Duration STORM = Duration.ofSeconds(60);
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  @TempDir Path directory;
  TestWorkspace workspace;

  @BeforeEach
  void start() throws Exception {
    workspace = new TestWorkspace(directory).start();
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  @Test
  void aMinuteOf429LosesAndDoublesNothing() {
    workspace.slack.slashCommand(ALICE, workspace.general, "/oncall", "add <@UBOB|bob>");
    await().atMost(TestWorkspace.WAIT).until(() -> workspace.bot().deliveries().pending() == 0);
    Instant stormStarts = workspace.clock.instant();
    workspace.slack.failAllFor(STORM, Failure.rateLimited(RETRY_AFTER));

    for (int n = 1; n <= 3; n++) {
      assertThat(workspace.command(ALICE, workspace.general, "declare storm " + n).acked())
          .isTrue();
    }
    workspace.command(BOB, workspace.general, "ack 1");
    workspace.command(ALICE, workspace.general, "update 2 failing over");
    workspace.command(ALICE, workspace.general, "resolve 3 it passed");
    assertThat(workspace.bot().deliveries().pending()).isPositive();

    Duration patience = STORM.plus(Duration.ofSeconds(60));
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> workspace.bot().deliveries().pending() == 0);

    for (int n = 1; n <= 3; n++) {
      String channel = workspace.awaitIncidentChannel(n);
      assertThat(workspace.slack.channel(channel).orElseThrow().name())
          .isEqualTo("inc-" + n + "-storm-" + n);
      assertThat(workspace.slack.channel(channel).orElseThrow().pinnedTs()).hasSize(1);
      assertThat(once(channel, "INC-" + n + " (SEV0) storm " + n + " — ")).isTrue();
      assertThat(once(workspace.incidentsChannel, "INC-" + n + " (SEV0) storm " + n + " declared"))
          .isTrue();
      assertThat(once(workspace.slack.dmChannel(BOB), "INC-" + n + " (SEV0) storm " + n)).isTrue();
    }
    assertThat(once(workspace.awaitIncidentChannel(1), "acknowledged INC-1")).isTrue();
    assertThat(once(workspace.awaitIncidentChannel(2), "Update #1 on INC-2")).isTrue();
    assertThat(once(workspace.incidentsChannel, "Update #1 on INC-2")).isTrue();
    assertThat(once(workspace.awaitIncidentChannel(3), "INC-3 (SEV0) storm 3 resolved")).isTrue();
    assertThat(workspace.slack.channels())
        .filteredOn(c -> c.name() != null && c.name().startsWith("inc-"))
        .hasSize(3);
    assertThat(workspace.slack.uploads()).hasSize(1);
    assertRetryAfterHonoured(stormStarts);
  }

  /** Only messages everyone sees, whose text contains {@code text}: exactly one. */
  private boolean once(String channel, String text) {
    List<FakeMessage> found =
        workspace.slack.messages(channel).stream()
            .filter(m -> !m.ephemeral() && m.text().contains(text))
            .toList();
    assertThat(found).as("messages with “%s”", text).hasSize(1);
    return true;
  }

  /** The same call (method and arguments) never came back sooner than Slack asked. */
  private void assertRetryAfterHonoured(Instant from) {
    Map<String, List<Instant>> attempts = new HashMap<>();
    for (ApiCall call : workspace.slack.calls()) {
      if (!call.at().isBefore(from) && call.response().has("error")) {
        String key = call.method() + " " + call.params();
        attempts.computeIfAbsent(key, k -> new ArrayList<>()).add(call.at());
      }
    }
    assertThat(attempts).isNotEmpty();
    Duration shortest = Duration.ofDays(1);
    for (List<Instant> times : attempts.values()) {
      for (int i = 1; i < times.size(); i++) {
        Duration gap = Duration.between(times.get(i - 1), times.get(i));
        shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
      }
    }
    // Slack counts whole seconds; a little less is the two clocks' rounding, not impatience.
    assertThat(shortest).isGreaterThan(RETRY_AFTER.minusMillis(100));
  }
}
