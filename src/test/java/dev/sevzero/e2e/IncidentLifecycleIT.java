package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static dev.sevzero.e2e.TestWorkspace.RESPONDER;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.ResponseKind;
import dev.sevzero.incident.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declare → channel, header, roles, ack, resolve, through the real bot and a fake Slack. */
class IncidentLifecycleIT {

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
  void declaringCreatesTheChannelInvitesPinsTheHeaderAndAnnounces() {
    Reply reply = workspace.command(ALICE, workspace.general, "declare database primary down");

    assertThat(reply.ackText()).contains("INC-1 (SEV0) database primary down").contains("declared");
    String channel = workspace.awaitIncidentChannel(1);
    assertThat(workspace.slack.channel(channel).orElseThrow().name())
        .isEqualTo("inc-1-database-primary-down");
    FakeMessage header = workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    assertThat(header.blocks().toString())
        .contains("INC-1 (SEV0) database primary down")
        .contains("I'm IC")
        .contains("I'm scribe")
        .contains("Join as engineer")
        .contains("Post update")
        .contains("Resolve");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(workspace.slack.channel(channel).orElseThrow().members())
                  .contains(ALICE, RESPONDER);
              assertThat(workspace.slack.channel(channel).orElseThrow().topic())
                  .isEqualTo("SEV0 · Open · IC: unassigned · Scribe: unassigned");
            });
    FakeMessage announcement =
        workspace.awaitMessage(workspace.incidentsChannel, m -> m.text().contains("INC-1"));
    assertThat(announcement.blocks().toString()).contains("<#" + channel + ">");
    assertThat(workspace.bot().incidents().timeline(1))
        .extracting(entry -> entry.kind().code())
        .containsExactly("declared");
  }

  @Test
  void severityAndDrillAreHonoured() {
    workspace.command(ALICE, workspace.general, "drill sev2 load balancer failure");
    String channel = workspace.awaitIncidentChannel(1);
    assertThat(workspace.slack.channel(channel).orElseThrow().name())
        .isEqualTo("drill-1-load-balancer-failure");
    Incident drill = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(drill.isDrill()).isTrue();
    assertThat(drill.severity().code()).isEqualTo("sev2");
  }

  @Test
  void aTakenChannelNameGetsASuffix() {
    workspace.slack.addChannel("inc-1-db-down", BOB);
    workspace.command(ALICE, workspace.general, "declare db down");
    String channel = workspace.awaitIncidentChannel(1);
    assertThat(workspace.slack.channel(channel).orElseThrow().name()).isEqualTo("inc-1-db-down-2");
    assertThat(workspace.slack.calls("conversations.create"))
        .extracting(call -> call.param("name"))
        .containsExactly("inc-1-db-down", "inc-1-db-down-2");
  }

  @Test
  void rolesByCommandAndByButtonEditTheHeaderInPlaceAndInvite() {
    workspace.command(ALICE, workspace.general, "declare api errors");
    String channel = workspace.awaitIncidentChannel(1);
    FakeMessage header = workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));

    Reply reply = workspace.command(ALICE, channel, "commander <@UBOB|bob>");
    assertThat(reply.ackText()).contains("<@UBOB> is now Incident Commander on INC-1");
    workspace.awaitHeader(channel, blocks -> blocks.contains("Incident Commander*\\n<@UBOB>"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(workspace.slack.channel(channel).orElseThrow().members()).contains(BOB);
              assertThat(workspace.slack.channel(channel).orElseThrow().topic())
                  .contains("IC: <@UBOB>");
            });

    workspace.slack.pressButton(CAROL, channel, header.ts(), "incident_take_scribe");
    workspace.awaitHeader(channel, blocks -> blocks.contains("Scribe / comms*\\n<@UCAROL>"));
    assertThat(workspace.slack.channel(channel).orElseThrow().members()).contains(CAROL);
    assertThat(workspace.slack.calls("chat.update"))
        .allSatisfy(call -> assertThat(call.param("ts")).isEqualTo(header.ts()));
    assertThat(workspace.header(channel).ts()).isEqualTo(header.ts());

    workspace.command(ALICE, channel, "engineer <@UALICE|alice> <@UCAROL|carol>");
    workspace.awaitHeader(channel, blocks -> blocks.contains("<@UALICE>, <@UCAROL>"));
  }

  @Test
  void theFirstResponseIsStoredAndASecondAckSaysWhoWasFirst() {
    workspace.command(ALICE, workspace.general, "declare checkout failing");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.clock.advance(Duration.ofMinutes(4).plusSeconds(12));

    Reply first = workspace.command(BOB, channel, "ack");
    assertThat(first.ackText()).contains("You acknowledged *INC-1*: response time 4m 12s");
    workspace.awaitHeader(channel, blocks -> blocks.contains("by <@UBOB> after 4m 12s"));

    workspace.clock.advance(Duration.ofMinutes(3));
    Reply second = workspace.command(CAROL, channel, "ack");
    assertThat(second.ackText()).contains("already acknowledged by <@UBOB> after 4m 12s");

    Incident stored = workspace.bot().incidents().find(1).orElseThrow();
    Incident.Response response = stored.response().orElseThrow();
    assertThat(response.by()).isEqualTo(BOB);
    assertThat(response.kind()).isEqualTo(ResponseKind.ACK);
    assertThat(response.time()).isBetween(Duration.ofSeconds(252), Duration.ofSeconds(254));
  }

  @Test
  void theAcknowledgeButtonInTheHeaderAcknowledges() {
    workspace.command(ALICE, workspace.general, "declare queue backlog");
    String channel = workspace.awaitIncidentChannel(1);
    FakeMessage header = workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.slack.pressButton(BOB, channel, header.ts(), "incident_acknowledge");
    workspace.awaitHeader(channel, blocks -> blocks.contains("by <@UBOB> after"));
    assertThat(workspace.bot().incidents().find(1).orElseThrow().response().orElseThrow().by())
        .isEqualTo(BOB);
  }

  @Test
  void rateLimitedCallsAreRetriedAfterRetryAfterAndNothingIsLost() {
    workspace.slack.failNext("conversations.create", Failure.rateLimited(Duration.ofSeconds(1)));
    workspace.slack.failNext("chat.postMessage", Failure.serverError(503));
    workspace.command(ALICE, workspace.general, "declare disk full");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    assertThat(workspace.slack.calls("conversations.create")).hasSize(2);
    ApiCall limited = workspace.slack.calls("conversations.create").get(0);
    ApiCall retried = workspace.slack.calls("conversations.create").get(1);
    assertThat(Duration.between(limited.at(), retried.at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void resolvingPostsTheSummaryInTheChannelAndTheIncidentsChannel() {
    workspace.command(ALICE, workspace.general, "declare payments down");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.clock.advance(Duration.ofMinutes(2));
    workspace.command(BOB, channel, "ack");
    workspace.clock.advance(Duration.ofMinutes(40));

    Reply reply = workspace.command(BOB, channel, "resolve rolled back the deploy");
    assertThat(reply.ackText()).contains("Resolved *INC-1* after 42m");

    FakeMessage summary = workspace.awaitMessage(channel, m -> m.text().contains("resolved"));
    assertThat(summary.blocks().toString())
        .contains("rolled back the deploy")
        .contains("Duration*\\n42m")
        // The clock ticks: a loaded machine may take a second or two to show the header.
        .containsPattern("Time to acknowledge\\*\\\\n2m 0\\ds");
    workspace.awaitMessage(
        workspace.incidentsChannel, m -> m.text().contains("INC-1 (SEV0) payments down resolved"));
    workspace.awaitHeader(
        channel, blocks -> !blocks.contains("\"Acknowledge\"") && blocks.contains("Resolved"));
    FakeUpload postMortem = workspace.awaitUpload("inc-1-post-mortem.md");
    assertThat(postMortem.channel()).isEqualTo(channel);
    assertThat(new String(postMortem.bytes(), StandardCharsets.UTF_8))
        .contains("# Post-mortem: INC-1 (SEV0) payments down")
        .containsPattern("\\| Time to acknowledge \\| 2m 0\\ds \\|")
        .contains("rolled back the deploy")
        .contains("## Timeline")
        .contains("Acknowledged (@UBOB)")
        .contains("## Follow-ups");

    Reply afterwards = workspace.command(BOB, channel, "commander");
    assertThat(afterwards.ackText()).contains("INC-1 is resolved").contains("reopen");
    Reply reopened = workspace.command(BOB, channel, "reopen");
    assertThat(reopened.ackText()).contains("Reopened *INC-1*");
  }

  @Test
  void theListShowsWhatFitsInOneSlackMessageAndStaysCurrent() {
    IncidentService incidents = workspace.bot().incidents();
    for (int i = 1; i <= 60; i++) {
      incidents.declare("outage " + i, null, Severity.SEV2, false, ALICE);
    }

    Reply list = workspace.command(BOB, workspace.general, "list");

    JsonArray blocks = list.ackPayload().getAsJsonArray("blocks");
    assertThat(blocks).hasSize(50);
    assertThat(blocks.toString())
        .contains("Open incidents (60)")
        .contains("INC-1 (SEV2) outage 1*")
        .contains("INC-48 (SEV2) outage 48*")
        .doesNotContain("outage 49*")
        .contains("…and 12 more, not shown.");
    workspace.awaitMessage(
        workspace.general, m -> m.ephemeral() && m.text().equals("60 open incidents"));

    incidents.resolve(1, BOB, "fixed");
    incidents.acknowledge(2, BOB);
    String after = workspace.command(BOB, workspace.general, "list").ackPayload().toString();
    assertThat(after)
        .contains("Open incidents (59)")
        .doesNotContain("outage 1*")
        .contains("INC-2 (SEV2) outage 2* · ")
        .contains("…and 11 more, not shown.");
    assertThat(after.substring(after.indexOf("outage 2*"), after.indexOf("outage 3*")))
        .contains("· acknowledged")
        .doesNotContain("not acknowledged");
  }

  @Test
  void theDeclareModalDeclaresWhatWasTyped() {
    Reply reply = workspace.command(ALICE, workspace.general, "declare");
    assertThat(reply.ackText()).isNullOrEmpty();
    String view =
        await()
            .atMost(WAIT)
            .until(() -> workspace.slack.openViews(ALICE), views -> !views.isEmpty())
            .get(0)
            .id();
    workspace.slack.submitView(
        ALICE,
        view,
        Map.of("title", "search is slow", "severity", "sev1", "description", "p99 12s"));
    String channel = workspace.awaitIncidentChannel(1);
    Incident incident = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(incident.title()).isEqualTo("search is slow");
    assertThat(incident.severity().code()).isEqualTo("sev1");
    assertThat(incident.description()).contains("p99 12s");
    assertThat(workspace.slack.channel(channel).orElseThrow().name())
        .isEqualTo("inc-1-search-is-slow");
  }

  @Test
  void incidentsSurviveARestartOnTheSameDatabase() throws Exception {
    workspace.command(ALICE, workspace.general, "declare cache stampede");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.command(BOB, channel, "ack");

    workspace.restart();

    Reply status = workspace.command(BOB, channel, "status");
    assertThat(status.ackPayload().toString())
        .contains("INC-1 (SEV0) cache stampede")
        .contains("<@UBOB>");
    workspace.command(ALICE, workspace.general, "declare second fire");
    assertThat(workspace.awaitIncidentChannel(2)).isNotEqualTo(channel);
    assertThat(workspace.bot().incidents().open()).extracting(Incident::id).containsExactly(1L, 2L);
  }
}
