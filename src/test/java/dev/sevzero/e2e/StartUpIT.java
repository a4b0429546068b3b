package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.fakeslack.Failure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting (or restarting, after a crash or a deploy) while Slack is not at its best. */
class StartUpIT {

  @TempDir Path directory;
  TestWorkspace workspace;

  @BeforeEach
  void create() {
    workspace = new TestWorkspace(directory);
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  @Test
  void aStartDuringARateLimitStormWaitsItOutInsteadOfCallingTheTokenInvalid() throws Exception {
    workspace.slack.failAllFor(Duration.ofSeconds(2), Failure.rateLimited(Duration.ofSeconds(1)));

    workspace.start();

    assertThat(workspace.slack.calls("auth.test")).anyMatch(call -> !call.ok());
    assertThat(workspace.command(ALICE, workspace.general, "list").acked()).isTrue();
  }

  @Test
  void aTokenSlackRefusesStopsTheStartSayingSo() {
    workspace.with("SLACK_BOT_TOKEN", "xoxb-revoked");

    assertThatThrownBy(workspace::start)
        .hasMessage("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)");
    assertThat(workspace.slack.calls("auth.test")).allMatch(call -> !call.ok()).hasSize(1);
  }
}
