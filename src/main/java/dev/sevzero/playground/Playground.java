package dev.sevzero.playground;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeChannel;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.FakeUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The real bot, started exactly as in production but pointed at an embedded fake Slack on loopback
 * with a demo workspace, a SQLite file in a temporary directory and a clock that can be moved
 * forward. Only {@code SLACK_API_URL} and the tokens differ from a real deployment.
 */
public final class Playground implements AutoCloseable {

  /** The demo team's handles; each has the id {@link #userId}. */
  static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave", "erin");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(300);

  private final PlaygroundClock clock;
  private final FakeSlack slack;
  private final Path directory;
  private final Path folder;
  private final Sevzero bot;
  private final PlaygroundAlerts alerts;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Playground(
      PlaygroundClock clock,
      FakeSlack slack,
      Path directory,
      Path folder,
      Sevzero bot,
      PlaygroundAlerts alerts) {
    this.clock = clock;
    this.slack = slack;
    this.directory = directory;
    this.folder = folder;
    this.bot = bot;
    this.alerts = alerts;
  }

  /**
   * Starts everything; on failure, whatever had started is stopped again.
   *
   * @param folder where the files the bot uploads are saved; kept after the playground stops
   */
  public static Playground start(Clock base, Path folder) throws Exception {
    // Time passes only through wait, so that what is shown ("after 4m 00s") is what was asked for,
    // however long someone takes to type.
    PlaygroundClock clock = PlaygroundClock.pausedAt(base.instant());
    FakeSlack slack = FakeSlack.start(clock);
    Map<String, String> channels = seed(slack);
    Path directory;
    Sevzero bot;
    try {
      directory = Files.createTempDirectory("sevzero-playground-");
    } catch (IOException e) {
      slack.close();
      throw e;
    }
    PlaygroundAlerts alerts = new PlaygroundAlerts();
    try {
      Map<String, String> environment = environment(slack, directory, channels);
      alerts.configure(environment, userId("erin"));
      bot = Sevzero.start(Config.fromEnvironment(environment), clock);
    } catch (Exception e) {
      alerts.close();
      slack.close();
      deleteRecursively(directory);
      throw e;
    }
    alerts.connect(bot.port(), clock);
    Playground playground = new Playground(clock, slack, directory, folder, bot, alerts);
    if (!connected(slack)) {
      playground.close();
      throw new IllegalStateException("the bot did not connect to the local Slack");
    }
    seedRoster(bot);
    awaitQuiet(slack, bot);
    return playground;
  }

  private static Map<String, String> seed(FakeSlack slack) {
    String[] everyone = new String[PEOPLE.size()];
    for (int i = 0; i < PEOPLE.size(); i++) {
      everyone[i] = userId(PEOPLE.get(i));
      slack.addUser(everyone[i], PEOPLE.get(i));
    }
    String[] botAndEveryone =
        Stream.concat(Stream.of(FakeSlack.BOT_USER_ID), Stream.of(everyone)).toArray(String[]::new);
    Map<String, String> channels = new HashMap<>();
    channels.put("general", slack.addChannel("general", everyone));
    channels.put("incidents", slack.addChannel("incidents", botAndEveryone));
    channels.put("oncall", slack.addChannel("oncall", botAndEveryone));
    return channels;
  }

  /**
   * The whole team on the on-call roster, in order: alice holds the pager first, and has confirmed
   * it, so that the first {@code wait} is not about her reminders.
   */
  private static void seedRoster(Sevzero bot) {
    String alice = userId(PEOPLE.get(0));
    for (String person : PEOPLE) {
      bot.oncall()
          .add(alice, userId(person), OptionalInt.empty())
          .handoff()
          .ifPresent(handoff -> bot.oncall().confirm(handoff.to(), handoff.id()));
    }
  }

  /**
   * Waits (in real time, bounded) until the bot has told Slack about the seeded roster, so that
   * those messages come before the first prompt rather than in the middle of the first command.
   */
  private static void awaitQuiet(FakeSlack slack, Sevzero bot) throws InterruptedException {
    long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
    int calls = -1;
    while (System.nanoTime() < deadline
        && (bot.deliveries().pending() > 0 || slack.calls().size() != calls)) {
      calls = slack.calls().size();
      Thread.sleep(QUIET.toMillis());
    }
  }

  /** alice → UALICE: ids that read well in logs and API calls. */
  static String userId(String handle) {
    return "U" + handle.toUpperCase(Locale.ROOT);
  }

  /**
   * Built from scratch, never from the caller's environment: the playground must not reach a real
   * Slack or a real database whatever is exported in the shell.
   */
  private static Map<String, String> environment(
      FakeSlack slack, Path directory, Map<String, String> channels) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    environment.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
    environment.put("SLACK_API_URL", slack.apiUrl());
    environment.put("DATABASE_URL", "jdbc:sqlite:" + directory.resolve("sevzero.db"));
    environment.put("PORT", Integer.toString(freePort()));
    environment.put("INCIDENTS_CHANNEL", channels.get("incidents"));
    environment.put("ONCALL_CHANNEL", channels.get("oncall"));
    return environment;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Real time: the bot's Socket Mode client connects on its own threads.
  private static boolean connected(FakeSlack slack) throws InterruptedException {
    long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
    while (!slack.socketModeConnected()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  public PlaygroundClock clock() {
    return clock;
  }

  /** Where uploads are saved (and the bot's log is written); kept after quit. */
  public Path folder() {
    return folder;
  }

  public FakeSlack slack() {
    return slack;
  }

  public Sevzero bot() {
    return bot;
  }

  /** The local Alertmanager and PagerDuty. */
  PlaygroundAlerts alerts() {
    return alerts;
  }

  /** A user's handle ("alice") by id. */
  public Optional<String> userName(String userId) {
    return slack.users().stream()
        .filter(user -> user.id().equals(userId))
        .map(FakeUser::name)
        .findFirst();
  }

  /** How a channel is shown: its name, or for the bot's DM with a user "dm-alice". */
  public Optional<String> channelName(String channelId) {
    return slack.channel(channelId).map(this::label);
  }

  String label(FakeChannel channel) {
    if (!channel.isIm()) {
      return channel.name();
    }
    return "dm-"
        + channel.members().stream()
            .filter(member -> !member.equals(FakeSlack.BOT_USER_ID))
            .findFirst()
            .flatMap(this::userName)
            .orElse("?");
  }

  /** Stops the bot and the fake Slack and deletes the database; later calls do nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      bot.close();
    } finally {
      alerts.close();
      slack.close();
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover file in the system's temp directory is harmless; say so and move on.
      System.err.println("playground: could not delete " + directory + ": " + e.getMessage());
    }
  }
}
