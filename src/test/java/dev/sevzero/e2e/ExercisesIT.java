package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static dev.sevzero.e2e.TestWorkspace.START;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.FakeView;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercise reminders, drills, their checklists and recovery objectives through a fake Slack. */
class ExercisesIT {

  /** The first Tuesday of December 2026, 10:00 Pacific: the monthly tabletop falls due. */
  private static final Instant FIRST_TUESDAY = Instant.parse("2026-12-01T18:00:00Z");

  private static final String REMINDER = "Tabletop exercise due";

  @TempDir Path directory;
  TestWorkspace workspace;
  String oncallChannel;

  @BeforeEach
  void seed() {
    workspace =
        new TestWorkspace(directory, java.time.Clock.fixed(START, java.time.ZoneOffset.UTC));
    oncallChannel = workspace.slack.addChannel("oncall", ALICE, BOB, CAROL);
    workspace.with("ONCALL_CHANNEL", oncallChannel);
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  private void advanceTo(Instant when) {
    workspace.clock.advance(Duration.between(workspace.clock.instant(), when));
  }

  private List<FakeMessage> reminders() {
    return workspace.slack.messages(oncallChannel).stream()
        .filter(message -> message.text().contains(REMINDER))
        .toList();
  }

  /** Exactly one reminder, and it stays one. */
  private FakeMessage awaitTheOneReminder() {
    await().atMost(WAIT).until(() -> reminders().size() == 1);
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> reminders().size() == 1);
    return reminders().get(0);
  }

  @Test
  void theTabletopReminderIsPostedOnceAtItsTimeNamingTheNextScenario() throws Exception {
    workspace.start();
    advanceTo(FIRST_TUESDAY.minusSeconds(1));
    workspace.bot().runDue();
    assertThat(reminders()).isEmpty();

    advanceTo(FIRST_TUESDAY);
    workspace.bot().runDue();
    workspace.bot().runDue();

    FakeMessage reminder = awaitTheOneReminder();
    assertThat(reminder.text()).contains("next scenario *Load balancer failure*");
    assertThat(reminder.blocks().toString())
        .contains("`lb-failure`, never rehearsed")
        .contains("Start drill")
        .contains("tabletop:lb-failure");
  }

  @Test
  void aTickMissedWhileTheBotWasDownIsRemindedOnceAtStartUp() throws Exception {
    workspace.start();
    workspace.bot().close();
    advanceTo(FIRST_TUESDAY.plus(Duration.ofHours(3)));

    workspace.start();
    awaitTheOneReminder();
    workspace.bot().runDue();
    workspace.restart();

    awaitTheOneReminder();
  }

  @Test
  void startDrillOpensTheDrillChannelWithTheBriefAndTicksAreShownWithWhoAndWhen() throws Exception {
    workspace.start();
    advanceTo(FIRST_TUESDAY);
    workspace.bot().runDue();
    FakeMessage reminder = awaitTheOneReminder();

    Reply started =
        workspace.slack.pressButton(BOB, oncallChannel, reminder.ts(), "exercise_start_drill");
    assertThat(started.awaitResponse(WAIT).toString())
        .contains("DRILL-1 (SEV0) Load balancer failure* started (tabletop exercise)");
    String channel = workspace.awaitIncidentChannel(1);
    assertThat(workspace.slack.channel(channel).orElseThrow().name())
        .isEqualTo("drill-1-load-balancer-failure");
    FakeMessage checklist =
        workspace.awaitMessage(channel, m -> m.text().contains("Tabletop exercise: Load balancer"));
    assertThat(checklist.blocks().toString())
        .contains("the public load balancer in front of the web tier")
        .contains("*Checklist* — 0 of 6 done")
        .contains("☐ 2. Check the targets directly")
        .contains("Done 6");

    workspace.clock.advance(Duration.ofMinutes(7));
    workspace.slack.pressButton(CAROL, channel, checklist.ts(), "drill_tick_step_2");

    FakeMessage ticked =
        workspace.awaitMessage(
            channel,
            m -> m.ts().equals(checklist.ts()) && m.blocks().toString().contains("1 of 6 done"));
    assertThat(ticked.blocks().toString())
        .contains(
            "✅ 2. Check the targets directly, bypassing the load balancer — <@UCAROL>, <!date^")
        .doesNotContain("Done 2");
    assertThat(workspace.bot().incidents().timeline(1))
        .filteredOn(entry -> entry.kind() == TimelineEntry.Kind.CHECKLIST)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.actor()).isEqualTo(CAROL);
              assertThat(entry.at()).isEqualTo(FIRST_TUESDAY.plus(Duration.ofMinutes(7)));
              assertThat(entry.text()).startsWith("Checklist step 2 done: Check the targets");
            });
    assertThat(workspace.command(BOB, channel, "status").ackPayload().toString())
        .contains("1 of 6 done")
        .contains("✅ 2. Check the targets directly");

    Reply scenarios = workspace.command(ALICE, workspace.general, "scenarios");
    assertThat(scenarios.ackPayload().toString())
        .contains("*Load balancer failure* `lb-failure` — tabletop or DR, 6 steps — last rehearsed")
        .contains("*Expired TLS certificate* `expired-cert` — tabletop, 6 steps — never rehearsed");
  }

  @Test
  void startDrillPressedByTwoPeopleAtOnceOrAgainStartsOneDrillAndTheOthersAreToldWhichAndWhere()
      throws Exception {
    workspace.start();
    advanceTo(FIRST_TUESDAY);
    workspace.bot().runDue();
    FakeMessage reminder = awaitTheOneReminder();

    ExecutorService presses = Executors.newFixedThreadPool(2);
    List<String> answers;
    try {
      List<Future<Reply>> pressed =
          presses.invokeAll(
              List.of(
                  () ->
                      workspace.slack.pressButton(
                          BOB, oncallChannel, reminder.ts(), "exercise_start_drill"),
                  () ->
                      workspace.slack.pressButton(
                          CAROL, oncallChannel, reminder.ts(), "exercise_start_drill")));
      answers = new ArrayList<>();
      for (Future<Reply> press : pressed) {
        assertThat(press.get().acked()).isTrue();
        answers.add(press.get().awaitResponse(WAIT).toString());
      }
    } finally {
      presses.shutdownNow();
    }
    assertThat(answers)
        .filteredOn(answer -> answer.contains("DRILL-1 (SEV0) Load balancer failure* started"))
        .hasSize(1);
    assertThat(answers)
        .filteredOn(
            answer ->
                answer.contains(
                    "This reminder's drill is already running: *DRILL-1 (SEV0) Load balancer"
                        + " failure*"))
        .hasSize(1);
    String channel = workspace.awaitIncidentChannel(1);
    String starter = workspace.bot().incidents().find(1).orElseThrow().declared().by();

    // Slack retrying the press, or someone pressing it later: told where the drill runs.
    Reply again =
        workspace.slack.pressButton(ALICE, oncallChannel, reminder.ts(), "exercise_start_drill");
    assertThat(again.awaitResponse(WAIT).toString())
        .contains(
            "This reminder's drill is already running: *DRILL-1 (SEV0) Load balancer failure* in <#"
                + channel
                + ">, started by <@"
                + starter
                + ">.");
    assertThat(workspace.bot().incidents().find(2)).isEmpty();
    assertThat(workspace.slack.channels())
        .filteredOn(c -> c.name().startsWith("drill-"))
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("drill-1-load-balancer-failure"));
  }

  @Test
  void resolvingADrDrillAsksForItsRecoveryObjectivesAndShowsThemAgainstTheTargets()
      throws Exception {
    workspace.start();
    Reply started = workspace.command(ALICE, workspace.general, "drill dr sev1 db-failover");
    assertThat(started.ackText()).contains("DRILL-1 (SEV1) Database primary failover* started");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.awaitMessage(
        channel, m -> m.blocks() != null && m.blocks().toString().contains("Targets: *RTO 1h 00m"));
    assertThat(slaMonth())
        .contains("Tabletop exercises in November: ⚠️ 0 held of 1 due — *overdue*")
        .contains("DR drills in Q4 2026: ✅ 1 held of 1 due")
        .contains("DRILL-1 Database primary failover — RTO/RPO not recorded");

    workspace.clock.advance(Duration.ofMinutes(50));
    Reply resolve = workspace.command(ALICE, channel, "resolve replica promoted");
    assertThat(resolve.ackText()).isNullOrEmpty();
    FakeView form = awaitView(ALICE, "exercise_results");
    Reply refused =
        workspace.slack.submitView(ALICE, form.id(), Map.of("rto", "45m", "rpo", "twenty minutes"));
    assertThat(refused.ackPayload().getAsJsonObject("errors").get("rpo").getAsString())
        .isEqualTo("\"twenty minutes\" is not a duration: e.g. 15m, 1h30m.");
    assertThat(workspace.bot().incidents().find(1).orElseThrow().isOpen()).isTrue();

    workspace.slack.submitView(
        ALICE, form.id(), Map.of("rto", "45m", "rpo", "20m", "summary", "replica promoted"));

    FakeMessage results =
        workspace.awaitMessage(channel, m -> m.text().contains("Recovery objectives missed"));
    assertThat(results.text())
        .contains("RTO 45m 00s (target 1h 00m): met; RPO 20m 00s (target 15m 00s): missed");
    Incident resolved = workspace.bot().incidents().find(1).orElseThrow();
    assertThat(resolved.isOpen()).isFalse();
    assertThat(resolved.resolution().orElseThrow().summary()).isEqualTo("replica promoted");
    workspace.awaitMessage(
        workspace.incidentsChannel, m -> m.text().contains("Recovery objectives missed"));
    FakeUpload postMortem = workspace.awaitUpload("drill-1-post-mortem.md");
    assertThat(new String(postMortem.bytes(), StandardCharsets.UTF_8))
        .contains(
            "Recovery objectives: RTO 45m 00s (target 1h 00m): met; RPO 20m 00s (target 15m 00s):"
                + " missed (@UALICE)");
    assertThat(slaMonth())
        .contains(
            "DRILL-1 Database primary failover — ✅ RTO 45m 00s (target 1h 00m) met · ❌ RPO 20m"
                + " 00s (target 15m 00s) missed")
        .doesNotContain("Breached");
  }

  @Test
  void theResolveButtonOfADrDrillOpensTheResultsForm() throws Exception {
    workspace.start();
    workspace.command(ALICE, workspace.general, "drill dr region-outage");
    String channel = workspace.awaitIncidentChannel(1);
    FakeMessage header = workspace.awaitHeader(channel, blocks -> blocks.contains("Resolve"));

    workspace.slack.pressButton(BOB, channel, header.ts(), "incident_resolve");

    assertThat(awaitView(BOB, "exercise_results").view().toString())
        .contains("DRILL-1 (SEV0) Region outage")
        .contains("Targets: RTO 1h 00m, RPO 15m 00s");
  }

  @Test
  void aScenariosFileReplacesTheBuiltInLibrary() throws Exception {
    Path file =
        Files.writeString(
            directory.resolve("scenarios.yaml"),
            """
            scenarios:
              - id: kafka-lag
                title: Kafka consumer lag
                kind: tabletop
                brief: Orders stop reaching the warehouse; the consumers are two hours behind.
                checklist: [Find the stuck partition, Read the consumer logs, Scale out, Watch the lag]
            """);
    workspace.with("EXERCISE_SCENARIOS_FILE", file.toString()).start();

    String listed =
        workspace.command(ALICE, workspace.general, "scenarios").ackPayload().toString();
    assertThat(listed)
        .contains("*Kafka consumer lag* `kafka-lag` — tabletop, 4 steps — never rehearsed")
        .doesNotContain("Load balancer");

    workspace.command(ALICE, workspace.general, "drill kafka-lag");
    String channel = workspace.awaitIncidentChannel(1);
    FakeMessage brief =
        workspace.awaitMessage(channel, m -> m.text().contains("Tabletop exercise: Kafka"));
    assertThat(brief.blocks().toString()).contains("two hours behind").contains("Done 4");
    assertThat(workspace.command(ALICE, workspace.general, "drill lb-failure").ackText())
        .contains("not in the library");
  }

  private String slaMonth() {
    return workspace
        .slack
        .slashCommand(ALICE, workspace.general, "/sla", "month")
        .ackPayload()
        .toString();
  }

  private FakeView awaitView(String user, String callbackId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                workspace.slack.openViews(user).stream()
                    .filter(view -> view.callbackId().equals(callbackId))
                    .findFirst()
                    .orElse(null),
            view -> view != null);
  }
}
