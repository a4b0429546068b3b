package dev.sevzero.bench;

import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Declarations and updates under alternating 429 and 5xx storms, with the shipped jar SIGKILLed at
 * random moments and started again on the same database: counts what was lost and what was doubled
 * (both must be 0) and how long the deliveries took to catch up after the last restart.
 *
 * <p>{@code bench/run StormCrash [rounds=6] [declarations per round=3] [seed=1]}
 */
public final class StormCrashBench {

  private static final Duration BOUND = Duration.ofMinutes(3);

  public static void main(String[] args) throws Exception {
    int rounds = BenchSupport.intArg(args, 0, 6);
    int perRound = BenchSupport.intArg(args, 1, 3);
    Random random = new Random(BenchSupport.intArg(args, 2, 1));
    Path dir = BenchSupport.tempDir("storm-crash");
    FakeSlack slack = FakeSlack.start(Clock.systemUTC());
    slack.setLatency(Duration.ofMillis(20));
    slack.addUser("UALICE", "alice");
    String general = slack.addChannel("general", "UALICE");
    String incidents = slack.addChannel("incidents", FakeSlack.BOT_USER_ID, "UALICE");
    Path database = dir.resolve("sevzero.db");
    List<String> expected = new ArrayList<>();
    int declared = 0;
    int kills = 0;
    Process bot = null;
    try {
      for (int round = 0; round < rounds; round++) {
        bot = start(slack, database, incidents, dir);
        // A storm for a moment, then the work, then a kill at a random moment within it.
        if (round % 2 == 0) {
          slack.failAllFor(Duration.ofMillis(1500), Failure.rateLimited(Duration.ofSeconds(1)));
        } else {
          slack.failAllFor(Duration.ofMillis(1000), Failure.serverError(503));
        }
        for (int n = 0; n < perRound; n++) {
          declared++;
          command(slack, general, "declare storm " + declared);
          expected.add(incidents + "|INC-" + declared + " (SEV0) storm " + declared + " declared");
          if (declared > 1) {
            int target = declared - 1;
            command(slack, general, "update " + target + " round " + round);
            expected.add(
                incidents + "|Update #" + updatesOf(expected, target) + " on INC-" + target + " (");
          }
        }
        Thread.sleep(200 + random.nextInt(1500));
        bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        kills++;
      }
      long restarted = System.nanoTime();
      bot = start(slack, database, incidents, dir);
      Instant lastCall = awaitDelivered(slack, database);
      double lagMs = (System.nanoTime() - restarted) / 1e6;
      int lost = 0;
      int doubled = 0;
      for (String item : expected) {
        String[] parts = item.split("\\|", 2);
        long count = count(slack.messages(parts[0]), parts[1]);
        if (count != 1) {
          System.out.println("  " + (count == 0 ? "lost: " : "doubled: ") + parts[1]);
        }
        lost += count == 0 ? 1 : 0;
        doubled += count > 1 ? 1 : 0;
      }
      for (int n = 1; n <= declared; n++) {
        String prefix = "inc-" + n + "-";
        long channels =
            slack.channels().stream()
                .filter(c -> c.name() != null && c.name().startsWith(prefix))
                .count();
        lost += channels == 0 ? 1 : 0;
        doubled += channels > 1 ? 1 : 0;
        var channel =
            slack.channels().stream()
                .filter(c -> c.name() != null && c.name().startsWith(prefix))
                .findFirst();
        if (channel.isPresent()) {
          long headers = count(slack.messages(channel.get().id()), "— Open");
          lost += headers == 0 ? 1 : 0;
          doubled += headers > 1 ? 1 : 0;
        }
      }
      System.out.printf(
          "StormCrashBench: %d incidents, %d expected messages, %d SIGKILLs under 429/5xx storms;"
              + " lost %d, doubled %d; every delivery done %s ms after the last restart"
              + " (last Web API call %s); %s%n",
          declared,
          expected.size() + 2 * declared,
          kills,
          lost,
          doubled,
          BenchSupport.f1(lagMs),
          lastCall,
          BenchSupport.load());
      System.out.println(lost == 0 && doubled == 0 ? "PASS" : "FAIL");
    } finally {
      if (bot != null) {
        bot.destroy();
        bot.waitFor(20, TimeUnit.SECONDS);
      }
      slack.close();
      if (Boolean.getBoolean("bench.keep")) {
        System.out.println("Kept " + dir + " (the database and the bot's log)");
      } else {
        BenchSupport.deleteTree(dir);
      }
    }
  }

  private static int updatesOf(List<String> expected, int incident) {
    return (int)
            expected.stream().filter(item -> item.endsWith(" on INC-" + incident + " (")).count()
        + 1;
  }

  private static long count(List<FakeMessage> messages, String text) {
    return messages.stream().filter(m -> !m.ephemeral() && m.text().contains(text)).count();
  }

  private static void command(FakeSlack slack, String channel, String text) {
    if (!slack.slashCommand("UALICE", channel, "/incident", text).acked()) {
      throw new IllegalStateException("not acknowledged: " + text);
    }
  }

  private static Process start(FakeSlack slack, Path database, String incidents, Path dir)
      throws Exception {
    int connections = slack.calls("apps.connections.open").size();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            ChildBot.JAR.toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.equals("PORT"));
    builder
        .environment()
        .putAll(
            Map.of(
                "SLACK_BOT_TOKEN",
                FakeSlack.BOT_TOKEN,
                "SLACK_APP_TOKEN",
                FakeSlack.APP_TOKEN,
                "SLACK_API_URL",
                slack.apiUrl(),
                "DATABASE_URL",
                "jdbc:sqlite:" + database,
                "INCIDENTS_CHANNEL",
                incidents,
                "PORT",
                Integer.toString(BenchSupport.freePort())));
    Path log = dir.resolve("bot.log");
    if (!Files.exists(log)) {
      Files.createFile(log);
    }
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!(slack.calls("apps.connections.open").size() > connections
        && slack.socketModeConnected())) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("the bot did not connect; see " + log);
      }
      Thread.sleep(50);
    }
    return process;
  }

  /**
   * Waits until the database holds no pending delivery (at most {@link #BOUND}); returns when the
   * last Web API call came.
   */
  private static Instant awaitDelivered(FakeSlack slack, Path database) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      if (pending(database) == 0) {
        List<ApiCall> calls = slack.calls();
        return calls.isEmpty() ? Instant.EPOCH : calls.get(calls.size() - 1).at();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("deliveries did not catch up within " + BOUND);
  }

  private static long pending(Path database) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery("SELECT COUNT(*) FROM delivery WHERE state = 'pending'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
