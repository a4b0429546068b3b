package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.Views;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.FakeView;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.incident.Incident;
import dev.sevzero.slack.OutOfDate;
import dev.sevzero.slack.UnexpectedFailures;
import dev.sevzero.slack.transport.SlackClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    assertThat(
            workspace.slack.calls().subList(callsBefore, workspace.slack.calls().size()).stream()
                .filter(call -> !call.method().equals("users.info")))
        .as("no Slack calls but reads for bad input")
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

  @Test
  void reopeningAnOpenIncidentSaysSoWithoutExceptionText() {
    assertThat(privately(ALICE, channel, "reopen"))
        .isEqualTo("INC-1 is still open; there is nothing to reopen.");
  }

  @Test
  void onlySev0ToSev3IsASeverityAndAnyOtherFirstWordStartsTheTitle() {
    assertThat(privately(ALICE, workspace.general, "declare sev4 db down"))
        .contains("`sev4` is not a severity");
    assertThat(
            workspace
                .command(ALICE, workspace.general, "declare severe latency on checkout")
                .ackText())
        .contains("INC-2 (SEV0) severe latency on checkout");
    assertThat(workspace.command(ALICE, workspace.general, "declare SEV2 disk filling").ackText())
        .contains("INC-3 (SEV2) disk filling");
    assertThat(workspace.bot().incidents().find(2).orElseThrow().title())
        .isEqualTo("severe latency on checkout");
    assertThat(workspace.bot().incidents().find(4)).isEmpty();
  }

  @Test
  void titlesAndNotesOfZeroWidthCharactersAloneAreEmpty() {
    assertThat(privately(ALICE, workspace.general, "declare \u200B\u200D\uFEFF"))
        .contains("The incident needs a title.");
    assertThat(privately(ALICE, workspace.general, "declare sev1 \u2060"))
        .contains("The incident needs a title.");
    assertThat(privately(ALICE, channel, "note \u200B")).contains("Say what to note.");
    assertThat(privately(ALICE, channel, "update \u200B\u200B")).contains("Write the update.");
    assertThat(workspace.bot().incidents().find(2)).isEmpty();
    assertThat(workspace.bot().incidents().updates(1)).isEmpty();
  }

  @Test
  void aDrillReadsItsSeverityAndScenarioByTheSameRulesAsADeclaration() {
    assertThat(privately(ALICE, workspace.general, "drill sev4 db down"))
        .contains("`sev4` is not a severity");
    assertThat(privately(ALICE, workspace.general, "drill sev1 \u200B\u2060"))
        .contains("Name the scenario to rehearse");
    assertThat(privately(ALICE, workspace.general, "drill " + "x".repeat(151)))
        .contains("That title is 151 characters; keep it to 150.");
    assertThat(workspace.bot().incidents().find(2)).isEmpty();

    assertThat(workspace.command(ALICE, workspace.general, "drill severe latency").ackText())
        .contains("DRILL-2 (SEV0) severe latency");
  }

  @Test
  void aTitleOfTheMaximumLengthIsAcceptedAndOneMoreIsRefused() {
    String longest = "x".repeat(Incident.MAX_TITLE_LENGTH);
    assertThat(privately(ALICE, workspace.general, "declare " + longest + "y"))
        .contains("That title is 151 characters; keep it to 150.");
    assertThat(workspace.command(ALICE, workspace.general, "declare " + longest).ackText())
        .contains("INC-2");
  }

  @Test
  void peopleWhoLeftBotsAndUnknownIdsAreNeverGivenARoleOrThePager() {
    workspace.slack.addUser("UGONE", "gone");
    workspace.slack.deactivateUser("UGONE");
    workspace.slack.addBotUser("UJIRA", "jira");
    assertThat(privately(ALICE, channel, "commander <@UGONE|gone>"))
        .contains("<@UGONE> has been deactivated")
        .contains("Usage: `/incident commander [@user]`");
    assertThat(privately(ALICE, channel, "scribe <@" + FakeSlack.BOT_USER_ID + "|sevzero>"))
        .contains("is a bot, not a person");
    assertThat(privately(ALICE, channel, "engineer <@" + BOB + "|bob> <@UJIRA|jira>"))
        .contains("<@UJIRA> is a bot");
    assertThat(privately(ALICE, channel, "engineer <@UNOBODY>"))
        .contains("I can't find <@UNOBODY> in this workspace");
    Incident incident = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(incident.commander()).isEmpty();
    assertThat(incident.scribe()).isEmpty();
    assertThat(incident.engineers()).isEmpty();

    assertThat(oncallPrivately(ALICE, "add <@UGONE|gone>")).contains("has been deactivated");
    assertThat(oncallPrivately(ALICE, "add <@UNOBODY>")).contains("I can't find <@UNOBODY>");
    assertThat(oncallPrivately(ALICE, "override <@UJIRA|jira> 4h")).contains("is a bot");
    assertThat(workspace.bot().oncall().onCallNow()).isEmpty();
    assertThat(workspace.bot().oncall().schedule(1).roster().members()).isEmpty();
  }

  private String oncallPrivately(String user, String text) {
    Reply reply = workspace.slack.slashCommand(user, workspace.general, "/oncall", text);
    assertThat(reply.acked()).isTrue();
    assertThat(reply.ackPayload().get("response_type").getAsString()).isEqualTo("ephemeral");
    return reply.ackText();
  }

  @Test
  void aButtonThisVersionDoesNotKnowIsAcknowledgedAndSaysItIsOutOfDate() throws Exception {
    String ts =
        postFromAnOlderSevzero(
            button("incident_escalate_v0", "1"),
            button("incident_acknowledge", "{\"incident\":1}"));
    for (String actionId : List.of("incident_escalate_v0", "incident_acknowledge")) {
      Reply reply = workspace.slack.pressButton(BOB, channel, ts, actionId);
      assertThat(reply.acked()).as(actionId).isTrue();
      assertThat(reply.awaitResponse(Duration.ofSeconds(10)).get("text").getAsString())
          .isEqualTo(OutOfDate.TEXT);
    }
    assertThat(workspace.bot().incidents().find(1).orElseThrow().acknowledgement()).isEmpty();
  }

  @Test
  void aFailureNoHandlerExpectedIsStillAcknowledgedAndThePresserTold() throws Exception {
    FakeMessage header = workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    // A row no version of Sevzero writes: reading the incident now fails inside the handler.
    try (Connection connection =
            DriverManager.getConnection(workspace.environment().get("DATABASE_URL"));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE incident SET severity = 'sev9' WHERE id = 1");
    }

    Reply reply = workspace.slack.pressButton(BOB, channel, header.ts(), "incident_acknowledge");

    assertThat(reply.acked()).isTrue();
    assertThat(reply.awaitResponse(Duration.ofSeconds(10)).get("text").getAsString())
        .isEqualTo(UnexpectedFailures.TEXT);
  }

  @Test
  void drillButtonsWithValuesOfAnotherShapeAreAcknowledgedAndStartOrTickNothing() throws Exception {
    String ts =
        postFromAnOlderSevzero(
            button("exercise_start_drill", null), button("drill_tick_step_2", "DRILL-1"));

    Reply start = workspace.slack.pressButton(BOB, channel, ts, "exercise_start_drill");
    assertThat(start.acked()).isTrue();
    assertThat(start.awaitResponse(Duration.ofSeconds(10)).get("text").getAsString())
        .contains("That scenario is no longer in the library");
    Reply tick = workspace.slack.pressButton(BOB, channel, ts, "drill_tick_step_2");
    assertThat(tick.acked()).isTrue();
    assertThat(tick.awaitResponse(Duration.ofSeconds(10)).get("text").getAsString())
        .isEqualTo(OutOfDate.TEXT);
    assertThat(workspace.bot().incidents().find(2)).isEmpty();
  }

  @Test
  void aFormThisVersionDoesNotKnowOrWithMalformedMetadataSaysItIsOutOfDate() throws Exception {
    for (String[] form :
        List.of(
            new String[] {"incident_form_v0", "1"},
            new String[] {"incident_update", "not-a-number"},
            new String[] {"incident_resolve", "{\"id\":1}"},
            new String[] {"incident_declare", "{broken"},
            new String[] {"exercise_results", "DRILL-1"},
            // A drill form from before the drill kit: not declared as a real incident that pages.
            new String[] {"incident_declare", "{\"channel\":\"C1\",\"drill\":true}"})) {
      assertThat(workspace.command(ALICE, channel, "update").acked()).isTrue();
      FakeView open =
          org.awaitility.Awaitility.await()
              .until(
                  () ->
                      workspace.slack.openViews(ALICE).stream()
                          .filter(v -> "1".equals(v.privateMetadata()))
                          .findFirst(),
                  view -> view.isPresent())
              .orElseThrow();
      bot()
          .viewsUpdate(
              r ->
                  r.viewId(open.id())
                      .view(
                          Views.view(
                              v ->
                                  v.type("modal")
                                      .callbackId(form[0])
                                      .privateMetadata(form[1])
                                      .title(Views.viewTitle(t -> t.type("plain_text").text("Old")))
                                      .blocks(List.of()))));
      Reply reply = workspace.slack.submitView(ALICE, open.id(), Map.of());
      assertThat(reply.acked()).as(form[0]).isTrue();
      JsonObject ack = reply.ackPayload();
      assertThat(ack.get("response_action").getAsString()).isEqualTo("update");
      assertThat(ack.toString()).contains("out of date");
    }
    assertThat(workspace.bot().incidents().updates(1)).isEmpty();
    assertThat(workspace.bot().incidents().find(1).orElseThrow().resolution()).isEmpty();
    assertThat(workspace.bot().incidents().find(2)).isEmpty();
  }

  private static ButtonElement button(String actionId, String value) {
    return BlockElements.button(
        b -> b.actionId(actionId).value(value).text(BlockCompositions.plainText(actionId)));
  }

  /** A message with these buttons, as a Sevzero of another version may have posted it. */
  private String postFromAnOlderSevzero(ButtonElement... buttons) throws Exception {
    return bot()
        .chatPostMessage(
            r ->
                r.channel(channel)
                    .text("from an older Sevzero")
                    .blocks(
                        List.of(Blocks.actions(a -> a.elements(List.<BlockElement>of(buttons))))))
        .getTs();
  }

  private MethodsClient bot() {
    return SlackClients.methods(SlackClients.create(workspace.slack.apiUrl()), FakeSlack.BOT_TOKEN);
  }
}
