package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.testing.FakeNotion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning from incidents (SPEC §12) through the real bot, the fake Slack and a fake Notion:
 * messages captured with the shortcut, follow-ups to done, the post-mortem as Markdown and as one
 * Notion page, and the weekly reminder.
 */
class LearningIT {

  @TempDir Path directory;
  TestWorkspace workspace;
  FakeNotion notion;
  String channel;

  @BeforeEach
  void start() throws Exception {
    notion = FakeNotion.start();
    workspace =
        new TestWorkspace(directory, Clock.fixed(TestWorkspace.START, ZoneOffset.UTC))
            .with("NOTION_TOKEN", FakeNotion.TOKEN)
            .with("NOTION_PARENT_PAGE_ID", FakeNotion.PARENT_PAGE_ID)
            .with("NOTION_API_URL", notion.apiUrl())
            .start();
    workspace.command(ALICE, workspace.general, "declare replication lag on db-2");
    channel = workspace.awaitIncidentChannel(1);
    workspace.awaitHeader(channel, blocks -> blocks.contains("Acknowledge"));
    workspace.slack.slashCommand(BOB, workspace.general, "/incident", "engineer 1");
    await()
        .atMost(WAIT)
        .until(() -> workspace.slack.channel(channel).orElseThrow().members().contains(BOB));
  }

  @AfterEach
  void stop() {
    workspace.close();
    notion.close();
  }

  @Test
  void theShortcutPutsAMessageOnTheTimelineAtTheTimeItWasPosted() {
    workspace.clock.advance(Duration.ofMinutes(1));
    FakeMessage said = workspace.slack.userSays(BOB, channel, "lag is 40s & rising <fast>");
    workspace.clock.advance(Duration.ofMinutes(2));
    workspace.command(ALICE, channel, "note failing over to db-3");
    workspace.clock.advance(Duration.ofMinutes(2));

    Reply captured = workspace.slack.messageShortcut(CAROL, channel, said.ts(), "add_to_timeline");

    assertThat(captured.acked()).isTrue();
    assertThat(captured.awaitResponse(WAIT).get("text").getAsString())
        .contains("Added to *INC-1*'s timeline");
    List<TimelineEntry> timeline = workspace.bot().incidents().timeline(1);
    assertThat(timeline)
        .extracting(entry -> entry.kind().code())
        .containsExactly("declared", "role", "message", "note");
    TimelineEntry message = timeline.get(2);
    assertThat(message.actor()).isEqualTo(BOB);
    assertThat(message.text()).isEqualTo("lag is 40s & rising <fast>");
    assertThat(message.at()).isEqualTo(TestWorkspace.START.plus(Duration.ofMinutes(1)));
    Reply status = workspace.command(CAROL, channel, "status");
    assertThat(status.ackPayload().toString())
        .containsSubsequence(
            "<@UBOB> took Engineer",
            "💬 <@UBOB>: lag is 40s &amp; rising &lt;fast&gt;",
            "failing over to db-3");

    Reply again = workspace.slack.messageShortcut(CAROL, channel, said.ts(), "add_to_timeline");
    assertThat(again.awaitResponse(WAIT).get("text").getAsString()).contains("already on");
    assertThat(workspace.bot().incidents().timeline(1)).hasSize(4);

    FakeMessage elsewhere = workspace.slack.userSays(ALICE, workspace.general, "lunch?");
    Reply outside =
        workspace.slack.messageShortcut(
            ALICE, workspace.general, elsewhere.ts(), "add_to_timeline");
    assertThat(outside.awaitResponse(WAIT).get("text").getAsString())
        .contains("isn't an incident channel");
  }

  @Test
  void followUpsAreRecordedListedAndDone() {
    Reply first =
        workspace.command(
            ALICE, channel, "followup Alert on replication lag <@UBOB|bob> by 2026-12-01");
    assertThat(first.ackText()).isEqualTo("Follow-up #1 recorded on INC-1.");
    workspace.awaitMessage(
        channel,
        m ->
            m.text()
                .contains(
                    "recorded follow-up *#1* on INC-1: Alert on replication lag — owner <@UBOB>, due 2026-12-01"));
    workspace.command(ALICE, channel, "followup Write the failover runbook");

    Reply past = workspace.command(ALICE, channel, "followup Too late by 2026-11-01");
    assertThat(past.ackText())
        .contains("2026-11-01 is in the past")
        .contains("Usage: `/incident followup <text> [@owner] [by YYYY-MM-DD]`");
    Reply malformed = workspace.command(ALICE, channel, "followup Soon by 2026-13-01");
    assertThat(malformed.ackText()).contains("`2026-13-01` is not a date");

    Reply list = workspace.command(CAROL, channel, "followups");
    String shown = list.ackPayload().toString();
    assertThat(shown)
        .contains("Follow-ups of INC-1 (2)")
        .contains("Alert on replication lag · INC-1 · owner <@UBOB> · due 2026-12-01")
        .contains("Write the failover runbook · INC-1 · owner _nobody yet_")
        .doesNotContain("Too late")
        .doesNotContain("Soon");
    FakeMessage listed =
        workspace.awaitMessage(channel, m -> m.ephemeral() && m.text().startsWith("Follow-ups of"));

    workspace.slack.pressButton(CAROL, channel, listed.ts(), "followup_done");

    workspace.awaitMessage(channel, m -> m.text().contains("<@UCAROL> marked follow-up *#1* done"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(workspace.slack.messages(channel))
                    .filteredOn(m -> m.ts().equals(listed.ts()))
                    .singleElement()
                    .satisfies(
                        m ->
                            assertThat(m.blocks().toString())
                                .contains("✅ ~*#1* Alert on replication lag~")
                                .contains("done by <@UCAROL>")));

    Reply open = workspace.command(BOB, workspace.general, "followups");
    assertThat(open.ackPayload().toString())
        .contains("Open follow-ups (1)")
        .contains("Write the failover runbook")
        .doesNotContain("Alert on replication lag");

    Reply sla = workspace.slack.slashCommand(BOB, workspace.general, "/sla", "month");
    assertThat(sla.ackPayload().toString())
        .contains("*Follow-ups* opened this month: 2 · done: 1 · overdue now: 0");
  }

  @Test
  void resolvingPostsTheMarkdownAndPublishesOneNotionPageThatPostmortemUpdates() {
    FakeMessage said = workspace.slack.userSays(BOB, channel, "db-3 | promoted");
    workspace.slack.messageShortcut(BOB, channel, said.ts(), "add_to_timeline").awaitResponse(WAIT);
    workspace.command(ALICE, channel, "followup Alert on replication lag <@UBOB|bob>");
    workspace.clock.advance(Duration.ofMinutes(20));

    workspace.command(ALICE, channel, "resolve failed over to db-3");

    String markdown = awaitDraft(1);
    assertThat(markdown)
        .contains("💬 @UBOB: db-3 | promoted")
        .contains("## Follow-ups")
        .contains("- [ ] #1 Alert on replication lag — owner @UBOB");
    FakeMessage link = workspace.awaitMessage(channel, m -> m.text().contains("📘 Post-mortem"));
    assertThat(notion.pages()).hasSize(1);
    FakeNotion.Page page = notion.pages().get(0);
    assertThat(link.text()).contains("published in Notion: <" + page.url() + "|open the page>");
    assertThat(page.title()).isEqualTo("Post-mortem: INC-1 (SEV0) replication lag on db-2");
    assertThat(notion.text(page.id()))
        .contains("💬 @UBOB: db-3 | promoted")
        .contains("#1 Alert on replication lag — owner @UBOB")
        .contains("Summary\nfailed over to db-3\n");

    workspace.command(BOB, channel, "followup Write the failover runbook");
    Reply again = workspace.command(ALICE, channel, "postmortem");
    assertThat(again.ackText()).contains("Posting INC-1's post-mortem draft again");

    assertThat(awaitDraft(2)).contains("#2 Write the failover runbook");
    workspace.awaitMessage(channel, m -> m.text().contains("📘 Post-mortem updated in Notion"));
    assertThat(notion.pages()).hasSize(1);
    String text = notion.text(page.id());
    assertThat(text).contains("#2 Write the failover runbook");
    assertThat(text.split("\nTimeline\n", -1)).hasSize(2);
  }

  @Test
  void aRateLimitedPublicationIsRetriedAndPublishedOnce() throws Exception {
    notion.rateLimitNext("POST /v1/pages", Duration.ofSeconds(1));

    workspace.command(ALICE, channel, "resolve");

    workspace.awaitMessage(channel, m -> m.text().contains("📘 Post-mortem published in Notion"));
    assertThat(notion.pages()).hasSize(1);
    assertThat(notion.requests())
        .filteredOn(request -> request.path().equals("/v1/pages"))
        .hasSize(2);
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + workspace.bot().port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains(
            "sevzero_external_calls_total{method=\"POST\",outcome=\"rate_limited\",target=\"notion\"} 1.0")
        .contains(
            "sevzero_external_calls_total{method=\"POST\",outcome=\"ok\",target=\"notion\"} 1.0");
  }

  @Test
  void aRefusedPublicationIsToldInTheChannelAndTheMarkdownIsStillThere() {
    notion.failNext(
        "POST /v1/pages",
        400,
        "validation_error",
        "body failed validation: body.parent is invalid.");

    workspace.command(ALICE, channel, "resolve");

    FakeMessage told =
        workspace.awaitMessage(channel, m -> m.text().contains("could not be published to Notion"));
    assertThat(told.text())
        .contains("Notion answered 400 (validation_error: body failed validation")
        .contains("The Markdown draft above has all of it");
    assertThat(awaitDraft(1)).contains("# Post-mortem: INC-1 (SEV0) replication lag on db-2");
    assertThat(notion.pages()).isEmpty();
    assertThat(notion.requests())
        .extracting(request -> request.method() + " " + request.path())
        .containsExactly(
            "GET /v1/blocks/" + FakeNotion.PARENT_PAGE_ID + "/children", "POST /v1/pages");
  }

  @Test
  void ownersOfOverdueFollowUpsAreRemindedOnceAWeek() throws Exception {
    workspace.command(
        ALICE, channel, "followup Alert on replication lag <@UBOB|bob> by 2026-11-24");
    workspace.command(ALICE, channel, "followup Not yet due <@UBOB|bob> by 2026-12-24");
    String dm = workspace.slack.dmChannel(BOB);

    // Wednesday 09:00 Pacific: the follow-up due Tuesday is overdue.
    workspace.clock.advance(
        Duration.between(TestWorkspace.START, Instant.parse("2026-11-25T17:00:00Z")));
    workspace.bot().runDue();
    FakeMessage reminder = workspace.awaitMessage(dm, m -> m.text().contains("overdue"));
    assertThat(reminder.text()).contains("You own 1 follow-up that is overdue");
    assertThat(reminder.blocks().toString()).contains("Alert on replication lag").contains("Done");

    workspace.clock.advance(Duration.ofHours(2));
    workspace.bot().runDue();
    workspace.restart();
    workspace.bot().runDue();
    assertThat(reminders(dm)).hasSize(1);

    // The next week starts Monday 09:00 Pacific.
    workspace.clock.advance(Duration.ofDays(5));
    workspace.bot().runDue();
    await().atMost(WAIT).untilAsserted(() -> assertThat(reminders(dm)).hasSize(2));
  }

  private List<FakeMessage> reminders(String dm) {
    return workspace.slack.messages(dm).stream().filter(m -> m.text().contains("overdue")).toList();
  }

  /** The {@code n}th post-mortem draft uploaded, as text. */
  private String awaitDraft(int n) {
    List<FakeUpload> drafts =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    workspace.slack.uploads().stream()
                        .filter(upload -> upload.filename().equals("inc-1-post-mortem.md"))
                        .toList(),
                uploads -> uploads.size() >= n);
    return new String(drafts.get(n - 1).bytes(), StandardCharsets.UTF_8);
  }
}
