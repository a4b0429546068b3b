package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.playground.PlaygroundClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL, each with its own clock, both reach the end of an {@code /oncall}
 * override: the channel and the two people concerned are told once, by whichever replica claims the
 * end first (V11's {@code end_told_at}).
 */
class OverrideEndReplicasIT {

  private static final Predicate<FakeMessage> OVERRIDE_OVER =
      m -> m.text().startsWith("🔀 The override is over");
  private static final Predicate<FakeMessage> COVER_ENDED =
      m -> m.text().startsWith("📟 Your cover ended");
  private static final Predicate<FakeMessage> PAGER_BACK =
      m -> m.text().startsWith("📟 <@UCAROL>'s cover ended");

  @TempDir Path directory;
  EmbeddedPostgres postgres;
  TestWorkspace workspace;
  String oncallChannel;
  PlaygroundClock secondClock;
  Sevzero second;

  @BeforeEach
  void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    workspace = new TestWorkspace(directory);
    oncallChannel = workspace.slack.addChannel("oncall", ALICE);
    workspace
        .with("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"))
        .with("ONCALL_CHANNEL", oncallChannel)
        .with("ADMINS", ALICE)
        .start();
    int connections = workspace.slack.calls("apps.connections.open").size();
    secondClock = PlaygroundClock.startingAt(workspace.clock.instant(), Clock.systemUTC());
    second = Sevzero.start(Config.fromEnvironment(workspace.environment()), secondClock);
    await()
        .atMost(WAIT)
        .until(
            () ->
                workspace.slack.calls("apps.connections.open").size() > connections
                    && workspace.slack.socketModeConnected());
  }

  @AfterEach
  void stop() throws Exception {
    if (second != null) {
      second.close();
    }
    workspace.close();
    postgres.close();
  }

  @Test
  void theEndOfAnOverrideBothReplicasReachIsToldOnce() throws Exception {
    oncall(ALICE, "add <@UBOB|bob>");
    assertThat(oncall(BOB, "override <@UCAROL|carol> 4h").ackText())
        .startsWith("<@UCAROL> is on call from now until ");
    String carolDm = workspace.slack.dmChannel(CAROL);
    String bobDm = workspace.slack.dmChannel(BOB);
    await()
        .atMost(WAIT)
        .until(
            () ->
                workspace.slack.messages(carolDm).stream()
                    .anyMatch(m -> m.text().startsWith("📟 <@UBOB> asked you to cover")));

    for (int minute = 0; minute < 3; minute++) {
      bothReplicasAt(Duration.ofHours(4).plusMinutes(minute));
    }

    assertThat(workspace.slack.messages(oncallChannel)).filteredOn(OVERRIDE_OVER).hasSize(1);
    assertThat(workspace.slack.messages(carolDm)).filteredOn(COVER_ENDED).hasSize(1);
    assertThat(workspace.slack.messages(bobDm)).filteredOn(PAGER_BACK).hasSize(1);
  }

  /**
   * Moves both replicas' clocks to {@code sinceStart} after the test began, runs what is due on
   * both at the same moment, and waits until what they stored has been delivered.
   */
  private void bothReplicasAt(Duration sinceStart) throws Exception {
    for (PlaygroundClock clock : List.of(workspace.clock, secondClock)) {
      Duration behind = Duration.between(clock.instant(), TestWorkspace.START.plus(sinceStart));
      if (behind.compareTo(Duration.ZERO) > 0) {
        clock.advance(behind);
      }
    }
    CompletableFuture.allOf(
            CompletableFuture.runAsync(workspace.bot()::runDue),
            CompletableFuture.runAsync(second::runDue))
        .get(1, TimeUnit.MINUTES);
    await()
        .atMost(WAIT)
        .until(
            () ->
                workspace.bot().deliveries().pending() == 0 && second.deliveries().pending() == 0);
  }

  private Reply oncall(String user, String text) {
    return workspace.slack.slashCommand(user, workspace.general, "/oncall", text);
  }
}
