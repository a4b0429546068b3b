package dev.sevzero.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.Reply;
import dev.sevzero.playground.PlaygroundClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The real bot connected through {@code SLACK_API_URL} to a fake Slack on loopback, with a few
 * people and channels, a SQLite file of its own and a clock the test can move.
 */
final class TestWorkspace implements AutoCloseable {

  static final String ALICE = "UALICE";
  static final String BOB = "UBOB";
  static final String CAROL = "UCAROL";
  static final String RESPONDER = "URESP";
  static final Duration WAIT = Duration.ofSeconds(10);

  static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  final PlaygroundClock clock;
  final FakeSlack slack;
  final String incidentsChannel;
  final String general;
  private final Path database;
  private final Map<String, String> extraEnvironment = new HashMap<>();
  private Sevzero bot;

  TestWorkspace(Path directory) {
    this(directory, Clock.systemUTC());
  }

  /**
   * @param base what the clock ticks with from {@link #START}; a fixed clock stops it, so that time
   *     passes only by {@code clock.advance} and measured durations are exact
   */
  TestWorkspace(Path directory, Clock base) {
    this.clock = PlaygroundClock.startingAt(START, base);
    this.slack = FakeSlack.start(clock);
    this.database = directory.resolve("sevzero.db");
    slack.addUser(ALICE, "alice");
    slack.addUser(BOB, "bob");
    slack.addUser(CAROL, "carol");
    slack.addUser(RESPONDER, "responder");
    incidentsChannel = slack.addChannel("incidents", FakeSlack.BOT_USER_ID, ALICE, BOB);
    general = slack.addChannel("general", ALICE, BOB, CAROL);
  }

  TestWorkspace with(String variable, String value) {
    extraEnvironment.put(variable, value);
    return this;
  }

  Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    environment.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
    environment.put("SLACK_API_URL", slack.apiUrl());
    environment.put("DATABASE_URL", "jdbc:sqlite:" + database);
    environment.put("PORT", Integer.toString(freePort()));
    environment.put("INCIDENTS_CHANNEL", incidentsChannel);
    environment.put("INCIDENT_RESPONDERS", RESPONDER);
    environment.putAll(extraEnvironment);
    return environment;
  }

  TestWorkspace start() throws Exception {
    bot = Sevzero.start(Config.fromEnvironment(environment()), clock);
    await().atMost(WAIT).until(slack::socketModeConnected);
    return this;
  }

  /** Starts the bot in HTTP mode: Slack's requests come to its {@code /slack/events}. */
  TestWorkspace startOverHttp() throws Exception {
    bot = Sevzero.start(Config.fromEnvironment(environment()), clock);
    return this;
  }

  void restart() throws Exception {
    bot.close();
    start();
  }

  Sevzero bot() {
    return bot;
  }

  Reply command(String user, String channel, String text) {
    return slack.slashCommand(user, channel, "/incident", text);
  }

  /** Waits until a message matching {@code match} is in {@code channel}. */
  FakeMessage awaitMessage(String channel, Predicate<FakeMessage> match) {
    return await()
        .atMost(WAIT)
        .until(
            () -> slack.messages(channel).stream().filter(match).findFirst().orElse(null),
            message -> message != null);
  }

  /** The channel of incident {@code id}, once the bot has created it. */
  String awaitIncidentChannel(long id) {
    return await()
        .atMost(WAIT)
        .until(
            () -> bot.incidents().find(id).flatMap(incident -> incident.channelId()).orElse(null),
            channel -> channel != null);
  }

  /** The file named {@code filename}, once the bot has uploaded it. */
  FakeUpload awaitUpload(String filename) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                slack.uploads().stream()
                    .filter(upload -> upload.filename().equals(filename))
                    .findFirst()
                    .orElse(null),
            upload -> upload != null);
  }

  /** The pinned header of incident {@code id}, as it is now. */
  FakeMessage header(String channel) {
    List<String> pins = slack.channel(channel).orElseThrow().pinnedTs();
    assertThat(pins).hasSize(1);
    return slack.messages(channel).stream()
        .filter(message -> message.ts().equals(pins.get(0)))
        .findFirst()
        .orElseThrow();
  }

  /** Waits until the pinned header satisfies {@code match}. */
  FakeMessage awaitHeader(String channel, Predicate<String> match) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                slack.channel(channel).orElseThrow().pinnedTs().isEmpty() ? null : header(channel),
            header -> header != null && match.test(header.blocks().toString()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (bot != null) {
      bot.close();
    }
    slack.close();
  }
}
