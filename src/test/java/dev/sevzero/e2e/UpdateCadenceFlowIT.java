package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeView;
import dev.sevzero.fakeslack.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5 through real Quartz, the real bot and the fake Slack, with a 2-second cadence. */
class UpdateCadenceFlowIT {

  @TempDir Path directory;
  TestWorkspace workspace;

  @AfterEach
  void stop() {
    workspace.close();
  }

  private String declareWithScribe(String interval, String grace) throws Exception {
    workspace =
        new TestWorkspace(directory)
            .with("UPDATE_INTERVAL", interval)
            .with("UPDATE_GRACE", grace)
            .start();
    workspace.command(ALICE, workspace.general, "declare search is down");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.command(ALICE, channel, "commander");
    workspace.command(CAROL, channel, "scribe");
    workspace.awaitHeader(channel, blocks -> blocks.contains("<@UCAROL>"));
    return channel;
  }

  private List<FakeMessage> prompts(String channel) {
    return workspace.slack.messages(channel).stream()
        .filter(message -> message.text().contains("time for a stakeholder update"))
        .toList();
  }

  @Test
  void theScribeIsPromptedInTheChannelAndByDirectMessage() throws Exception {
    String channel = declareWithScribe("PT2S", "PT1S");
    FakeMessage prompt =
        workspace.awaitMessage(channel, m -> m.text().contains("time for a stakeholder update"));
    assertThat(prompt.text()).contains("<@UCAROL>").contains("INC-1 (SEV0) search is down");
    assertThat(prompt.blocks().toString()).contains("Post update");
    FakeMessage dm =
        workspace.awaitMessage(
            workspace.slack.dmChannel(CAROL), m -> m.text().contains("stakeholder update"));
    assertThat(dm.blocks().toString()).contains("incident_post_update");
  }

  @Test
  void updatesByCommandAndByModalArePublishedInBothChannelsAndMoveTheNextDueTime()
      throws Exception {
    String channel = declareWithScribe("PT3S", "PT1S");
    Reply posted = workspace.command(CAROL, channel, "update failing over to the replica");
    assertThat(posted.ackText()).contains("Update #1 on INC-1 posted");
    workspace.awaitMessage(
        channel,
        m -> m.text().contains("Update #1 on INC-1 (SEV0) — *Investigating* — failing over"));
    FakeMessage announced =
        workspace.awaitMessage(
            workspace.incidentsChannel, m -> m.text().contains("Update #1 on INC-1"));
    assertThat(announced.text()).contains("by <@UCAROL>").contains("<#" + channel + ">");

    FakeMessage header = workspace.header(channel);
    workspace.slack.pressButton(CAROL, channel, header.ts(), "incident_post_update");
    FakeView modal =
        await()
            .atMost(TestWorkspace.WAIT)
            .until(() -> workspace.slack.openViews(CAROL), views -> !views.isEmpty())
            .get(0);
    workspace.slack.submitView(
        CAROL, modal.id(), Map.of("status", "identified", "text", "replica promoted"));
    workspace.awaitMessage(
        workspace.incidentsChannel,
        m -> m.text().contains("Update #2 on INC-1 (SEV0) — *Identified* — replica promoted"));

    Reply status = workspace.command(BOB, channel, "status");
    assertThat(status.ackPayload().toString())
        .contains("Last update")
        .contains("#2")
        .contains("Next update due");
    assertThat(workspace.bot().incidents().timeline(1))
        .extracting(entry -> entry.kind().code())
        .contains("update");
  }

  @Test
  void aMissedUpdateMentionsTheCommanderAndScribe() throws Exception {
    String channel = declareWithScribe("PT2S", "PT1S");
    FakeMessage escalation = workspace.awaitMessage(channel, m -> m.text().contains("was missed"));
    assertThat(escalation.text())
        .contains("<@UALICE>")
        .contains("<@UCAROL>")
        .containsPattern(
            ", stakeholders have had no update since it was declared \\d+s ago: please post an"
                + " update\\.$");
  }

  @Test
  void resolvingStopsThePrompts() throws Exception {
    String channel = declareWithScribe("PT2S", "PT1S");
    workspace.command(ALICE, channel, "resolve done");
    workspace.awaitMessage(channel, m -> m.text().contains("resolved"));
    int before = prompts(channel).size();
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> prompts(channel).size() == before);
  }

  @Test
  void aPromptDueWhileTheBotWasDownIsSentExactlyOnceAtStartUp() throws Exception {
    String channel = declareWithScribe("PT20S", "PT10S");
    workspace.bot().close();
    workspace.clock.advance(Duration.ofSeconds(75));

    workspace.start();

    await().atMost(TestWorkspace.WAIT).until(() -> prompts(channel).size() == 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> prompts(channel).size() == 1);
    assertThat(workspace.slack.messages(channel))
        .noneMatch(message -> message.text().contains("was missed"));
  }
}
