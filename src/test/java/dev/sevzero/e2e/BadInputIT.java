package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.fakeslack.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed command gets a private answer naming the problem and the usage; nothing changes.
 */
class BadInputIT {

  @TempDir Path directory;
  TestWorkspace workspace;
  String channel;

  @BeforeEach
  void start() throws Exception {
    workspace = new TestWorkspace(directory).start();
    workspace.command(ALICE, workspace.general, "declare db down");
    channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    // The declaration's Slack work goes on after the header (topic, invites, announcement): let it
    // finish, so that the calls a test sees are its own.
    workspace.slack.awaitCall(
        "conversations.invite",
        call -> TestWorkspace.RESPONDER.equals(call.params().get("users")),
        TestWorkspace.WAIT);
    workspace.slack.awaitCall("conversations.setTopic", call -> true, TestWorkspace.WAIT);
    workspace.awaitMessage(workspace.incidentsChannel, m -> m.text().contains("INC-1"));
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  private String privately(String user, String where, String text) {
    int callsBefore = workspace.slack.calls().size();
    Reply reply = workspace.command(user, where, text);
    assertThat(reply.acked()).isTrue();
    assertThat(
            reply.ackPayload().has("response_type")
                ? reply.ackPayload().get("response_type").getAsString()
                : "ephemeral")
        .isEqualTo("ephemeral");
    assertThat(workspace.slack.calls().subList(callsBefore, workspace.slack.calls().size()))
        .as("no Slack calls for bad input")
        .isEmpty();
    return reply.ackText();
  }

  @Test
  void anUnknownSubCommandSuggestsTheClosest() {
    assertThat(privately(ALICE, channel, "ackk"))
        .contains("`/incident ackk` is not a command I know")
        .contains("Did you mean `/incident ack [incident]`?");
  }

  @Test
  void aSeverityWithoutATitleIsRefused() {
    assertThat(privately(ALICE, workspace.general, "declare sev1"))
        .contains("The incident needs a title.")
        .contains("Usage: `/incident declare [sev0|sev1|sev2|sev3] <title>`");
    assertThat(workspace.bot().incidents().open()).hasSize(1);
  }

  @Test
  void anUnknownSeverityIsRefused() {
    assertThat(privately(ALICE, channel, "sev sev9"))
        .contains("`sev9` is not a severity")
        .contains("Usage: `/incident sev <sev0|sev1|sev2|sev3>`");
    assertThat(workspace.bot().incidents().find(1).orElseThrow().severity().code())
        .isEqualTo("sev0");
  }

  @Test
  void incidentCommandsOutsideAnIncidentChannelNameTheIncidentChannels() {
    assertThat(privately(BOB, workspace.general, "ack"))
        .contains("This isn't an incident channel")
        .contains("<#" + channel + "> (INC-1)")
        .contains("`/incident ack 42`");
    assertThat(workspace.bot().incidents().find(1).orElseThrow().acknowledgement()).isEmpty();
  }

  @Test
  void anExplicitIncidentNumberWorksAnywhere() {
    assertThat(workspace.command(BOB, workspace.general, "ack 1").ackText())
        .contains("You acknowledged *INC-1*");
    workspace.awaitMessage(channel, message -> message.text().contains("acknowledged INC-1"));
    assertThat(privately(BOB, workspace.general, "ack 99")).contains("There is no incident 99.");
  }

  @Test
  void aMentionThatIsNotAPersonIsRefused() {
    assertThat(privately(ALICE, channel, "commander <#" + workspace.general + "|general>"))
        .contains("`#general` is a channel, not a person.")
        .contains("Usage: `/incident commander [@user]`");
    assertThat(privately(ALICE, channel, "scribe @bob")).contains("I can't tell who `@bob` is");
    assertThat(workspace.bot().incidents().find(1).orElseThrow().commander()).isEmpty();
  }

  @Test
  void aResolvedIncidentRefusesChanges() {
    workspace.command(ALICE, channel, "resolve");
    workspace.awaitMessage(channel, message -> message.text().contains("resolved"));
    workspace.awaitMessage(
        workspace.incidentsChannel, message -> message.text().contains("resolved"));
    // The resolution's last Slack work, the post-mortem draft: under load it could land in the
    // middle of the next command and be counted as one of its calls.
    workspace.slack.awaitCall("files.completeUploadExternal", call -> true, TestWorkspace.WAIT);
    assertThat(privately(BOB, channel, "ack"))
        .contains("INC-1 is resolved")
        .contains("`/incident reopen`");
    assertThat(privately(BOB, channel, "note too late")).contains("INC-1 is resolved");
  }
}
