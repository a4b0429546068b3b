package dev.sevzero.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.FakeChannel;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.Stall;
import dev.sevzero.testing.ChildBot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot killed at the worst moment: Slack has carried out a call but the bot dies before it hears
 * the answer (SIGKILL), or is stopped for a deploy (SIGTERM). A new bot on the same database
 * finishes what was promised, once: no second channel, no lost or doubled post (SPEC §14).
 */
class CrashRecoveryIT {

  static final String ALICE = "UALICE";
  static final String BOB = "UBOB";
  static final String CAROL = "UCAROL";
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path directory;

  FakeSlack slack;
  String general;
  String incidents;
  String oncall;
  ChildBot bot;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlack.start(Clock.systemUTC());
    slack.addUser(ALICE, "alice");
    slack.addUser(BOB, "bob");
    slack.addUser(CAROL, "carol");
    general = slack.addChannel("general", ALICE, BOB, CAROL);
    incidents = slack.addChannel("incidents", FakeSlack.BOT_USER_ID, ALICE);
    oncall = slack.addChannel("oncall", FakeSlack.BOT_USER_ID, ALICE);
    startBot();
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    slack.close();
  }

  @Test
  void aChannelCreatedJustBeforeTheCrashIsAdoptedNotMadeTwice() throws Exception {
    onCall(BOB);
    Stall created = slack.stallAfter("conversations.create", params -> true);

    command(ALICE, general, "declare checkout down");
    killWhenReached(created);
    startBot();

    FakeChannel channel = awaitPinnedIncidentChannel();
    assertThat(channel.name()).isEqualTo("inc-1-checkout-down");
    assertThat(slack.channels())
        .filteredOn(c -> c.name() != null && c.name().startsWith("inc-1"))
        .hasSize(1);
    awaitQuiet();
    assertThat(posts(channel.id(), text -> text.contains("INC-1 (SEV0) checkout down — Open")))
        .hasSize(1);
    assertThat(posts(incidents, text -> text.contains("INC-1"))).hasSize(1);
    assertThat(posts(slack.dmChannel(BOB), text -> text.contains("You're on call"))).hasSize(1);
    assertThat(channel.members()).contains(ALICE, BOB);
  }

  @Test
  void aHeaderPostedJustBeforeTheCrashIsFoundNotPostedTwice() throws Exception {
    Stall header = slack.stallAfter("chat.postMessage", params -> has(params, "— Open"));

    command(ALICE, general, "declare checkout down");
    killWhenReached(header);
    startBot();

    FakeChannel channel = awaitPinnedIncidentChannel();
    awaitQuiet();
    assertThat(posts(channel.id(), text -> text.contains("— Open"))).hasSize(1);
    assertThat(channel.pinnedTs()).hasSize(1);
  }

  @Test
  void aPinMadeJustBeforeTheCrashIsNotMadeAgainNorTheHeaderPostedTwice() throws Exception {
    Stall pinned = slack.stallAfter("pins.add", params -> true);

    command(ALICE, general, "declare checkout down");
    killWhenReached(pinned);
    startBot();

    FakeChannel channel = awaitPinnedIncidentChannel();
    awaitQuiet();
    assertThat(posts(channel.id(), text -> text.contains("— Open"))).hasSize(1);
    assertThat(channel.pinnedTs()).hasSize(1);
    assertThat(slack.calls("conversations.setTopic")).hasSize(1);
  }

  @Test
  void aPinStoredByTheVersionBeforeIsStillMade() throws Exception {
    String channel = declared();
    assertThat(bot.terminate(WAIT)).isTrue();
    // Versions before the header and its pin became one delivery stored the pin on its own.
    long legacyPin;
    try (Connection db = DriverManager.getConnection(databaseUrl())) {
      db.createStatement()
          .executeUpdate(
              "UPDATE counter SET last_issued = last_issued + 1 WHERE name = 'delivery'");
      ResultSet next =
          db.createStatement()
              .executeQuery("SELECT last_issued FROM counter WHERE name = 'delivery'");
      next.next();
      legacyPin = next.getLong(1);
      db.createStatement()
          .executeUpdate(
              "INSERT INTO delivery (id, kind, sequence_key, incident_id, payload, state,"
                  + " created_at, not_before, attempts, uncertain) VALUES ("
                  + legacyPin
                  + ", 'slack.pin', 'incident-1', 1, '{\"incident\":1}', 'pending', 0, 0, 0,"
                  + " false)");
    }
    startBot();

    await().atMost(WAIT).until(() -> deliveryState(legacyPin).equals("delivered"));
    assertThat(slack.channel(channel).orElseThrow().pinnedTs()).hasSize(1);
    assertThat(posts(channel, text -> text.contains("— Open"))).hasSize(1);
  }

  private String deliveryState(long id) throws Exception {
    try (Connection db = DriverManager.getConnection(databaseUrl())) {
      ResultSet state =
          db.createStatement().executeQuery("SELECT state FROM delivery WHERE id = " + id);
      state.next();
      return state.getString(1);
    }
  }

  @Test
  void aRoleChangeCutShortIsShownOnce() throws Exception {
    String channel = declared();
    Stall post = slack.stallAfter("chat.postMessage", params -> has(params, "is now Incident"));

    command(ALICE, channel, "commander <@UCAROL|carol>");
    killWhenReached(post);
    startBot();

    awaitQuiet();
    assertThat(posts(channel, text -> text.contains("<@UCAROL> is now Incident Commander")))
        .hasSize(1);
    assertThat(slack.channel(channel).orElseThrow().members()).contains(CAROL);
  }

  @Test
  void anUpdateCutShortReachesTheChannelAndStakeholdersOnce() throws Exception {
    String channel = declared();
    Stall post = slack.stallAfter("chat.postMessage", params -> has(params, "Update #1"));

    command(ALICE, channel, "update failing over to the replica");
    killWhenReached(post);
    startBot();

    awaitQuiet();
    assertThat(posts(channel, text -> text.contains("Update #1"))).hasSize(1);
    assertThat(posts(incidents, text -> text.contains("Update #1"))).hasSize(1);
  }

  @Test
  void aResolutionCutShortIsSummedUpOnce() throws Exception {
    String channel = declared();
    Stall post = slack.stallAfter("chat.postMessage", params -> has(params, "resolved"));

    command(ALICE, channel, "resolve the replica took over");
    killWhenReached(post);
    startBot();

    awaitQuiet();
    await().atMost(WAIT).until(() -> !slack.uploads().isEmpty());
    assertThat(posts(channel, text -> text.endsWith("resolved"))).hasSize(1);
    assertThat(posts(incidents, text -> text.endsWith("resolved"))).hasSize(1);
    assertThat(slack.uploads()).hasSize(1);
  }

  @Test
  void aFileSharedJustBeforeTheCrashIsNotUploadedTwice() throws Exception {
    String channel = declared();
    Stall shared = slack.stallAfter("files.completeUploadExternal", params -> true);

    command(ALICE, channel, "resolve the replica took over");
    killWhenReached(shared);
    startBot();

    awaitQuiet();
    assertThat(slack.uploads()).hasSize(1);
    assertThat(slack.uploads().get(0).channel()).isEqualTo(channel);
  }

  @Test
  void aHandoffCutShortIsAnnouncedOnce() throws Exception {
    slack.slashCommand(ALICE, general, "/oncall", "add <@UALICE|alice>");
    slack.slashCommand(ALICE, general, "/oncall", "add <@UBOB|bob>");
    awaitQuiet();
    Stall post = slack.stallAfter("chat.postMessage", params -> has(params, "<@UALICE> → <@UBOB>"));

    slack.slashCommand(ALICE, general, "/oncall", "handoff");
    killWhenReached(post);
    startBot();

    awaitQuiet();
    assertThat(posts(oncall, text -> text.contains("<@UALICE> → <@UBOB>"))).hasSize(1);
    assertThat(posts(slack.dmChannel(BOB), text -> text.contains("pager"))).hasSize(1);
  }

  @Test
  void aDeployStoppingTheBotMidDeliveryDropsNothing() throws Exception {
    onCall(BOB);
    Stall created = slack.stallAfter("conversations.create", params -> true);

    command(ALICE, general, "declare checkout down");
    assertThat(created.awaitReached(WAIT)).isTrue();
    assertThat(bot.terminate(WAIT)).as("SIGTERM stops the bot within its grace").isTrue();
    created.release();
    startBot();

    FakeChannel channel = awaitPinnedIncidentChannel();
    awaitQuiet();
    assertThat(slack.channels())
        .filteredOn(c -> c.name() != null && c.name().startsWith("inc-1"))
        .hasSize(1);
    assertThat(posts(incidents, text -> text.contains("INC-1"))).hasSize(1);
    assertThat(posts(slack.dmChannel(BOB), text -> text.contains("You're on call"))).hasSize(1);
    assertThat(channel.members()).contains(ALICE, BOB);
  }

  private void startBot() throws Exception {
    int connections = slack.calls("apps.connections.open").size();
    Map<String, String> environment = new HashMap<>();
    environment.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    environment.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
    environment.put("SLACK_API_URL", slack.apiUrl());
    environment.put("DATABASE_URL", databaseUrl());
    environment.put("INCIDENTS_CHANNEL", incidents);
    environment.put("ONCALL_CHANNEL", oncall);
    environment.put("SHUTDOWN_GRACE", "PT2S");
    bot = ChildBot.start(environment, directory.resolve("bot.log"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                slack.calls("apps.connections.open").size() > connections
                    && slack.socketModeConnected());
  }

  private String databaseUrl() {
    return "jdbc:sqlite:" + directory.resolve("sevzero.db");
  }

  private void killWhenReached(Stall stall) throws Exception {
    assertThat(stall.awaitReached(WAIT)).as("the bot reached %s", stall).isTrue();
    bot.kill();
    stall.release();
  }

  private void command(String user, String channel, String text) {
    assertThat(slack.slashCommand(user, channel, "/incident", text).acked()).isTrue();
  }

  private void onCall(String user) {
    slack.slashCommand(ALICE, general, "/oncall", "add <@" + user + "|someone>");
    awaitQuiet();
  }

  /** Declares INC-1 and waits until its channel is set up and everything about it delivered. */
  private String declared() {
    command(ALICE, general, "declare checkout down");
    String channel = awaitPinnedIncidentChannel().id();
    awaitQuiet();
    return channel;
  }

  private FakeChannel awaitPinnedIncidentChannel() {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                slack.channels().stream()
                    .filter(c -> c.name() != null && c.name().startsWith("inc-1"))
                    .filter(c -> !c.pinnedTs().isEmpty())
                    .findFirst()
                    .orElse(null),
            channel -> channel != null);
  }

  /** No Web API call for a second and a half: what was stored has been delivered. */
  private void awaitQuiet() {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              List<ApiCall> calls = slack.calls();
              return calls.isEmpty()
                  || calls
                      .get(calls.size() - 1)
                      .at()
                      .isBefore(Instant.now().minus(Duration.ofMillis(1500)));
            });
  }

  private List<FakeMessage> posts(String channel, Predicate<String> text) {
    return slack.messages(channel).stream()
        .filter(m -> !m.ephemeral() && text.test(m.text()))
        .toList();
  }

  private static boolean has(Map<String, String> params, String text) {
    String value = params.get("text");
    return value != null && value.contains(text);
  }
}
