package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.rotation.OnCallStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /oncall}, handoffs and paging through the real bot and a fake Slack. */
class OncallIT {

  private static final String EVERY_TWO_SECONDS = "*/2 * * * * ?";
  private static final String CONFIRM_BUTTON = "oncall_confirm_handoff";

  @TempDir Path directory;
  TestWorkspace workspace;
  String oncallChannel;
  String usergroup;

  /** Alice is the only admin; the bot is not yet in the on-call channel (it joins to post). */
  @BeforeEach
  void seed() {
    workspace = new TestWorkspace(directory);
    oncallChannel = workspace.slack.addChannel("oncall", ALICE);
    usergroup = workspace.slack.addUsergroup("oncall", CAROL);
    workspace
        .with("ONCALL_CHANNEL", oncallChannel)
        .with("ONCALL_USERGROUP", usergroup)
        .with("ADMINS", ALICE);
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  @Test
  void aScheduledHandoffPostsInTheChannelThenDmsBothThenUpdatesTheUserGroup() throws Exception {
    workspace.with("ROTATION_CRON", EVERY_TWO_SECONDS).start();
    oncall(ALICE, "add <@UALICE|alice>");
    oncall(ALICE, "add <@UBOB|bob>");

    FakeMessage announcement =
        awaitMessage(oncallChannel, m -> m.text().contains("On-call handoff: <@UALICE> → <@UBOB>"));
    assertThat(announcement.text())
        .contains(", until ")
        .contains("• Open incidents: none")
        .contains("• Incidents last week: 0")
        .contains("• SLA November 2026 so far: no incidents yet");
    // A group sync reads who is on call when it runs, so one stored just before the handoff may
    // already make bob the group: the group ends right, whichever sync gets there.
    ApiCall groupUpdate =
        workspace.slack.awaitCall(
            "usergroups.users.update", call -> "UBOB".equals(call.param("users")), WAIT);
    workspace.slack.awaitCall(
        "chat.postMessage",
        call -> workspace.slack.dmChannel(BOB).equals(call.param("channel")),
        WAIT);

    List<ApiCall> calls = workspace.slack.calls();
    int announced = indexOf(calls, 0, posted(oncallChannel, announcement.text()));
    int toAlice = indexOf(calls, announced, postedIn(workspace.slack.dmChannel(ALICE)));
    int toBob = indexOf(calls, announced, postedIn(workspace.slack.dmChannel(BOB)));
    assertThat(announced).isNotNegative().isLessThan(toAlice);
    assertThat(toAlice).isLessThan(toBob);
    assertThat(calls.get(toBob).param("blocks")).contains(CONFIRM_BUTTON);
    assertThat(groupUpdate.param("usergroup")).isEqualTo(usergroup);
  }

  @Test
  void aHandoffDueWhileTheBotWasDownIsPerformedOnceAtStartUp() throws Exception {
    workspace.start();
    oncall(ALICE, "add <@UALICE|alice>");
    oncall(ALICE, "add <@UBOB|bob>");
    assertThat(handoffReasons()).containsExactly("first-member");

    workspace.bot().close();
    // Two Mondays at noon pass while the bot is down: one handoff, not one per missed week.
    workspace.clock.advance(Duration.ofDays(14));
    workspace.start();

    assertThat(handoffReasons()).containsExactly("first-member", "startup-catch-up");
    // Monday 12:00 Pacific, 14 hours before the bot came back: the watcher says so.
    FakeMessage announcement =
        awaitMessage(oncallChannel, m -> m.text().contains("<@UALICE> → <@UBOB>"));
    assertThat(announcement.text())
        .contains("Sevzero itself ran late:* 1 handoff done late (worst 14h 00m late)");
    assertThat(MetricsScrape.samples(workspace.bot(), null).get("sevzero_scheduler_lag_seconds"))
        .isBetween(14 * 3600.0, 14 * 3600.0 + 60);
    assertThat(
            workspace
                .slack
                .slashCommand(ALICE, oncallChannel, "/sla", "month")
                .ackPayload()
                .toString())
        .contains("1 handoff done late (worst 14h 00m late)");
    workspace.restart();
    workspace.bot().runDue();
    assertThat(handoffReasons()).containsExactly("first-member", "startup-catch-up");
    assertThat(workspace.slack.messages(oncallChannel))
        .filteredOn(m -> m.text().contains("Sevzero was down"))
        .hasSize(1);
  }

  @Test
  void oncallRepliesShowTheStoredStateAndThePagerButtonConfirms() throws Exception {
    workspace.start();
    assertThat(oncall(BOB, "").ackText()).contains("the on-call roster is empty");
    oncall(ALICE, "add <@UALICE|alice>");
    oncall(ALICE, "add <@UBOB|bob>");
    assertThat(oncall(ALICE, "add <@UCAROL|carol> 2").ackText())
        .isEqualTo("<@UCAROL> is number 2 of 3 on the on-call roster.");

    OnCallStatus.OnCall stored = (OnCallStatus.OnCall) workspace.bot().oncall().current();
    assertThat(oncall(BOB, "").ackText())
        .startsWith("📟 <@" + stored.user() + "> is on call since ")
        .contains("Next handoff: Mon 30 Nov 12:00 PST (<!date^")
        .endsWith("→ <@" + stored.nextUser().orElseThrow() + ">.");
    assertThat(stored.user()).isEqualTo(ALICE);
    assertThat(stored.nextUser()).contains(CAROL);

    assertThat(oncall(ALICE, "handoff").ackText())
        .isEqualTo("Handed the pager from <@UALICE> to <@UCAROL>.");
    assertThat(oncall(BOB, "now").ackText())
        .startsWith("📟 <@UCAROL> is on call since ")
        .contains("<@UALICE> stays backup until <@UCAROL> confirms the handoff.")
        .endsWith("→ <@UBOB>.");

    String dm = workspace.slack.dmChannel(CAROL);
    FakeMessage page =
        awaitMessage(dm, m -> m.blocks() != null && m.blocks().toString().contains(CONFIRM_BUTTON));
    workspace.slack.pressButton(CAROL, dm, page.ts(), CONFIRM_BUTTON);
    await()
        .atMost(WAIT)
        .until(
            () ->
                ((OnCallStatus.OnCall) workspace.bot().oncall().current())
                    .unconfirmedHandoff()
                    .isEmpty());
    // The DM's text and button give way to the answer, so it cannot look as if nothing happened.
    awaitMessage(
        dm,
        m ->
            m.ts().equals(page.ts())
                && m.text().startsWith("✅ You have the on-call pager: confirmed")
                && m.blocks() == null);
    assertThat(oncall(BOB, "").ackText()).doesNotContain("backup");

    String list = oncall(BOB, "list").ackText();
    assertThat(list).contains("1. <@UALICE>\n2. <@UCAROL>\n3. <@UBOB>");
    assertThat(list.lines().filter(line -> line.startsWith("• ")))
        .hasSize(6)
        .first()
        .asString()
        .startsWith("• Mon 30 Nov 12:00 PST")
        .endsWith("→ <@UBOB>");
  }

  @Test
  void declaringPagesWhoeverIsOnCallAtThatInstantOverrideIncluded() throws Exception {
    workspace.start();
    oncall(ALICE, "add <@UBOB|bob>");

    workspace.command(ALICE, workspace.general, "declare api down");
    assertPaged(1, BOB);

    // Bob is not an admin but holds the pager, so he may hand it to Carol for a while.
    Reply override = oncall(BOB, "override <@UCAROL|carol> 4h");
    assertThat(override.ackText()).startsWith("<@UCAROL> is on call from now until ");
    awaitMessage(oncallChannel, m -> m.text().startsWith("🔀 <@UCAROL> is on call from now"));
    awaitMessage(
        workspace.slack.dmChannel(CAROL),
        m -> m.text().startsWith("📟 <@UBOB> asked you to cover: you are on call from now until "));

    workspace.command(ALICE, workspace.general, "declare queue stuck");
    assertPaged(2, CAROL);
    assertThat(workspace.slack.channel(workspace.awaitIncidentChannel(2)).orElseThrow().members())
        .doesNotContain(BOB);
    await()
        .atMost(WAIT)
        .until(
            () -> workspace.slack.usergroupMembers(usergroup),
            members -> members.equals(List.of(CAROL)));

    // When the override runs out the pager, and the user group, go back to Bob.
    workspace.clock.advance(Duration.ofHours(4).plusMinutes(1));
    workspace.bot().runDue();
    await()
        .atMost(WAIT)
        .until(
            () -> workspace.slack.usergroupMembers(usergroup),
            members -> members.equals(List.of(BOB)));
  }

  @Test
  void theEndOfAnOverrideIsToldOnceInTheChannelAndToBothPeopleAcrossARestart() throws Exception {
    workspace.start();
    oncall(ALICE, "add <@UBOB|bob>");
    oncall(BOB, "override <@UCAROL|carol> 4h");
    String carolDm = workspace.slack.dmChannel(CAROL);
    String bobDm = workspace.slack.dmChannel(BOB);
    awaitMessage(carolDm, m -> m.text().startsWith("📟 <@UBOB> asked you to cover"));

    workspace.clock.advance(Duration.ofHours(4).minusMinutes(2));
    workspace.bot().runDue();
    await().atMost(WAIT).until(() -> workspace.bot().deliveries().pending() == 0);
    assertThat(workspace.slack.messages(oncallChannel))
        .noneMatch(m -> m.text().startsWith("🔀 The override is over"));
    workspace.clock.advance(Duration.ofMinutes(3));
    workspace.bot().runDue();

    FakeMessage ended =
        awaitMessage(oncallChannel, m -> m.text().startsWith("🔀 The override is over: <@UCAROL>"));
    assertThat(ended.text())
        .contains(" covered until ")
        .endsWith("<@UBOB> is on call now, as the schedule says.");
    awaitMessage(
        carolDm,
        m ->
            m.text().startsWith("📟 Your cover ended at ")
                && m.text().endsWith("<@UBOB> is on call again, and new incidents page them."));
    awaitMessage(
        bobDm,
        m ->
            m.text().startsWith("📟 <@UCAROL>'s cover ended at ")
                && m.text().endsWith("you are on call again, and new incidents page you."));

    // A restart (another replica would do the same) checks again: the news is claimed, not resent.
    workspace.restart();
    workspace.clock.advance(Duration.ofMinutes(1));
    workspace.bot().runDue();
    await().atMost(WAIT).until(() -> workspace.bot().deliveries().pending() == 0);
    assertThat(workspace.slack.messages(oncallChannel))
        .filteredOn(m -> m.text().startsWith("🔀 The override is over"))
        .hasSize(1);
    assertThat(workspace.slack.messages(carolDm))
        .filteredOn(m -> m.text().startsWith("📟 Your cover ended"))
        .hasSize(1);
    assertThat(workspace.slack.messages(bobDm))
        .filteredOn(m -> m.text().contains("'s cover ended"))
        .hasSize(1);
  }

  @Test
  void aHandoffDmSlackRefusesIsToldInTheOncallChannel() throws Exception {
    workspace.start();
    oncall(ALICE, "add <@UALICE|alice>");
    oncall(ALICE, "add <@UBOB|bob>");
    await().atMost(WAIT).until(() -> workspace.bot().deliveries().pending() == 0);
    workspace.slack.deactivateUser(BOB);

    oncall(ALICE, "handoff");

    FakeMessage notice =
        awaitMessage(oncallChannel, m -> m.text().contains("Could not DM <@UBOB>"));
    assertThat(notice.text()).contains("user_disabled").contains("tell them by hand");
  }

  @Test
  void refusalsAndUsageErrorsChangeNothing() throws Exception {
    workspace.start();

    Reply refused = oncall(BOB, "add <@UCAROL|carol>");
    assertThat(refused.ackText())
        .isEqualTo("Only Sevzero admins can run `/oncall add`. Nothing was changed.");
    assertThat(workspace.bot().oncall().schedule(1).roster().isEmpty()).isTrue();

    assertThat(oncall(ALICE, "override <@UBOB|bob> 3x").ackText())
        .contains("`3x` is not a duration")
        .contains("Usage: `/oncall override @user <30m|4h|2d>`");
    assertThat(oncall(ALICE, "add <#C123|general>").ackText())
        .contains("`#general` is a channel, not a person.")
        .contains("Usage: `/oncall add @user [position]`");
    assertThat(oncall(ALICE, "add <@UBOB|bob> first").ackText())
        .contains("`first` is not a position");
    assertThat(oncall(ALICE, "remove <@UBOB|bob>").ackText())
        .isEqualTo("That person is not on the on-call roster. Nothing was changed.");
    assertThat(oncall(ALICE, "handoff").ackText()).contains("roster is empty");
    assertThat(handoffReasons()).isEmpty();
    assertThat(workspace.bot().oncall().schedule(1).roster().isEmpty()).isTrue();
  }

  private Reply oncall(String user, String text) {
    return workspace.slack.slashCommand(user, workspace.general, "/oncall", text);
  }

  private FakeMessage awaitMessage(String channel, Predicate<FakeMessage> match) {
    return workspace.awaitMessage(channel, match);
  }

  /** Paged: a DM with Acknowledge for this incident, and invited to its channel. */
  private void assertPaged(long incident, String user) {
    String channel = workspace.awaitIncidentChannel(incident);
    FakeMessage page =
        awaitMessage(
            workspace.slack.dmChannel(user),
            m ->
                m.text().contains("INC-" + incident)
                    && m.blocks().toString().contains("Acknowledge"));
    assertThat(page.text()).startsWith("You're on call");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(workspace.slack.channel(channel).orElseThrow().members())
                    .contains(user));
  }

  private List<String> handoffReasons() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(workspace.environment().get("DATABASE_URL"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT reason FROM handoff ORDER BY id")) {
      List<String> reasons = new ArrayList<>();
      while (rows.next()) {
        reasons.add(rows.getString(1));
      }
      return reasons;
    }
  }

  private static Predicate<ApiCall> postedIn(String channel) {
    return call ->
        call.method().equals("chat.postMessage") && channel.equals(call.param("channel"));
  }

  private static Predicate<ApiCall> posted(String channel, String text) {
    return postedIn(channel).and(call -> text.equals(call.param("text")) && call.ok());
  }

  private static int indexOf(List<ApiCall> calls, int from, Predicate<ApiCall> match) {
    return IntStream.range(from, calls.size())
        .filter(index -> match.test(calls.get(index)))
        .findFirst()
        .orElse(-1);
  }
}
