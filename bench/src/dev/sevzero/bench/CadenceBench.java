package dev.sevzero.bench;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stakeholder update cadence (issue 3) with 1,000 open sev0 incidents: the real bot in this JVM
 * against the fake Slack in Socket Mode, on the real clock, with a short interval. The incidents
 * are declared through the service (not 1,000 slash commands) and their channels set up before the
 * first one falls due; then one full cycle happens: every incident is prompted at declared +
 * interval and escalated as missed at due + grace.
 *
 * <p>Lateness of a message = the fake's clock when the bot's {@code chat.postMessage} arrived in
 * the incident channel, minus when it was due. Heap = used heap after a full GC once the cycle is
 * over, with the bot and the fake (which keeps every call and message) both alive, then with the
 * bot closed, so that the bot's share is the difference. Targets: lateness median and max under 1
 * s, heap under 256 MB. Three rounds in fresh temp directories; medians over the rounds.
 *
 * <p>Usage: {@code bench/run Cadence [rounds] [incidents] [interval] [grace] [latency]}, e.g.
 * {@code bench/run Cadence 3 1000 PT60S PT15S PT0S}; latency is added by the fake to every Web API
 * call (real Slack answers in tens to hundreds of milliseconds).
 */
public final class CadenceBench {

  private static final String PROMPT = "time for a stakeholder update";
  private static final String MISSED = "was missed";
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final double MB = 1024 * 1024;

  private record Round(
      double seedSeconds,
      double setUpSeconds,
      double[] promptLateness,
      double[] escalationLateness,
      double heapAllMb,
      double heapFakeOnlyMb) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Duration interval = args.length > 2 ? Duration.parse(args[2]) : Duration.ofSeconds(60);
    Duration grace = args.length > 3 ? Duration.parse(args[3]) : Duration.ofSeconds(15);
    Duration latency = args.length > 4 ? Duration.parse(args[4]) : Duration.ZERO;
    System.out.printf(
        "cadence bench: %d rounds, %,d sev0 incidents, UPDATE_INTERVAL=%s UPDATE_GRACE=%s,"
            + " Slack latency %s, %d cpus, load average %.2f%n",
        rounds,
        count,
        interval,
        grace,
        latency,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    double baseline = heapUsedMb();
    System.out.printf("heap used before any round: %.1f MB%n", baseline);
    List<Round> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Round r = round(count, interval, grace, latency);
      results.add(r);
      System.out.printf(
          "round %d: seeded in %.2f s, set up by %.2f s; prompts (%d) lateness median %.0f ms,"
              + " p99 %.0f ms, max %.0f ms; escalations (%d) median %.0f ms, p99 %.0f ms, max %.0f"
              + " ms; heap bot+fake %.1f MB, fake only %.1f MB, bot ≈ %.1f MB%n",
          round,
          r.seedSeconds,
          r.setUpSeconds,
          r.promptLateness.length,
          percentile(r.promptLateness, 50),
          percentile(r.promptLateness, 99),
          percentile(r.promptLateness, 100),
          r.escalationLateness.length,
          percentile(r.escalationLateness, 50),
          percentile(r.escalationLateness, 99),
          percentile(r.escalationLateness, 100),
          r.heapAllMb,
          r.heapFakeOnlyMb,
          r.heapAllMb - r.heapFakeOnlyMb);
    }
    System.out.printf(
        "median of %d rounds: prompt lateness median %.0f ms, p99 %.0f ms, max %.0f ms;"
            + " escalation lateness median %.0f ms, p99 %.0f ms, max %.0f ms;"
            + " heap after the cycle %.1f MB with the fake's data (bot ≈ %.1f MB);"
            + " load average now %.2f%n",
        rounds,
        medianOf(results, r -> percentile(r.promptLateness, 50)),
        medianOf(results, r -> percentile(r.promptLateness, 99)),
        medianOf(results, r -> percentile(r.promptLateness, 100)),
        medianOf(results, r -> percentile(r.escalationLateness, 50)),
        medianOf(results, r -> percentile(r.escalationLateness, 99)),
        medianOf(results, r -> percentile(r.escalationLateness, 100)),
        medianOf(results, r -> r.heapAllMb),
        medianOf(results, r -> r.heapAllMb - r.heapFakeOnlyMb),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static Round round(int count, Duration interval, Duration grace, Duration latency)
      throws Exception {
    Path dir = Files.createTempDirectory("sevzero-cadence-bench");
    FakeSlack slack = FakeSlack.start(Clock.systemUTC());
    slack.setLatency(latency);
    Sevzero bot = null;
    try {
      slack.addUser("UALICE", "alice");
      String announcements = slack.addChannel("incidents", FakeSlack.BOT_USER_ID, "UALICE");
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
      env.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sevzero.db"));
      env.put("PORT", Integer.toString(freePort()));
      env.put("INCIDENTS_CHANNEL", announcements);
      env.put("UPDATE_INTERVAL", interval.toString());
      env.put("UPDATE_GRACE", grace.toString());
      bot = Sevzero.start(Config.fromEnvironment(env), Clock.systemUTC());
      waitUntil("Socket Mode connection", Duration.ofSeconds(10), slack::socketModeConnected);

      // Set-up calls wait while declaring, so that declarations do not compete with them: all
      // 1,000 prompts fall due within about a second, the hardest case for the cadence.
      slack.setLatency(Duration.ofSeconds(3));
      long seedStart = System.nanoTime();
      long[] ids = new long[count];
      for (int i = 0; i < count; i++) {
        ids[i] =
            bot.incidents()
                .declare("Checkout down " + (i + 1), "", Severity.SEV0, false, "UALICE")
                .incident()
                .id();
      }
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      slack.setLatency(latency);
      waitUntil(
          "every incident's channel and header",
          interval,
          () -> slack.calls("conversations.setTopic").size() >= count);
      double setUpSeconds = (System.nanoTime() - seedStart) / 1e9;

      Map<String, Incident> byChannel = new HashMap<>();
      Instant firstDue = null;
      Instant lastDue = null;
      for (long id : ids) {
        Incident incident = bot.incidents().find(id).orElseThrow();
        byChannel.put(incident.channelId().orElseThrow(), incident);
        Instant due = incident.startedAt().plus(interval);
        firstDue = firstDue == null || due.isBefore(firstDue) ? due : firstDue;
        lastDue = lastDue == null || due.isAfter(lastDue) ? due : lastDue;
      }
      if (Instant.now().isAfter(firstDue)) {
        System.out.println("WARNING: set-up was still running when the first prompt fell due");
      }
      // The second cycle's first prompt is due at firstDue + interval; everything we measure must
      // be over by then, or the counts would include it.
      Instant secondCycle = firstDue.plus(interval);
      if (!lastDue.plus(grace).plus(Duration.ofSeconds(2)).isBefore(secondCycle)) {
        System.out.println("WARNING: seeding took too long for this interval and grace");
      }
      Duration wait = Duration.between(Instant.now(), lastDue.plus(grace)).plus(SETTLE);
      waitUntil(
          "every prompt and escalation",
          wait,
          () -> posts(slack, byChannel, MISSED).size() >= count);

      List<ApiCall> prompts = posts(slack, byChannel, PROMPT);
      List<ApiCall> escalations = posts(slack, byChannel, MISSED);
      if (Instant.now().isAfter(secondCycle)) {
        System.out.println("WARNING: measured after the second cycle began; counts may include it");
      }
      double[] promptLateness = lateness(prompts, byChannel, interval, "prompt", count);
      breakdown(dir.resolve("sevzero.db"), prompts, byChannel);
      double[] escalationLateness =
          lateness(escalations, byChannel, interval.plus(grace), "escalation", count);

      // Let the slack-work threads finish the last escalations before measuring the heap.
      Thread.sleep(500);
      double heapAll = heapUsedMb();
      bot.close();
      bot = null;
      double heapFakeOnly = heapUsedMb();
      return new Round(
          seedSeconds, setUpSeconds, promptLateness, escalationLateness, heapAll, heapFakeOnly);
    } finally {
      if (bot != null) {
        bot.close();
      }
      slack.close();
      deleteRecursively(dir);
    }
  }

  /**
   * Splits each prompt's lateness at the tick that claimed it: prompted_at (the tick's clock when
   * it started) minus due is the wake-up's lateness; the post minus prompted_at is the time spent
   * in the tick's loop and in SlackWork before the post reached the fake.
   */
  private static void breakdown(
      Path database, List<ApiCall> prompts, Map<String, Incident> byChannel) throws SQLException {
    Map<Long, long[]> claims = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT incident_id, due_at, prompted_at FROM update_due"
                    + " WHERE prompted_at IS NOT NULL")) {
      while (rows.next()) {
        claims.putIfAbsent(rows.getLong(1), new long[] {rows.getLong(2), rows.getLong(3)});
      }
    }
    double[] wakeUp = new double[prompts.size()];
    double[] after = new double[prompts.size()];
    Map<Long, Integer> ticks = new HashMap<>();
    for (int i = 0; i < prompts.size(); i++) {
      ApiCall call = prompts.get(i);
      long[] claim = claims.get(byChannel.get(call.param("channel")).id());
      wakeUp[i] = claim[1] - claim[0];
      after[i] = call.at().toEpochMilli() - claim[1];
      ticks.merge(claim[1], 1, Integer::sum);
    }
    Arrays.sort(wakeUp);
    Arrays.sort(after);
    System.out.printf(
        "  prompts claimed in %d ticks (largest %d); tick start after due: median %.0f ms, max %.0f"
            + " ms; post after tick start: median %.0f ms, max %.0f ms%n",
        ticks.size(),
        ticks.values().stream().mapToInt(Integer::intValue).max().orElse(0),
        percentile(wakeUp, 50),
        percentile(wakeUp, 100),
        percentile(after, 50),
        percentile(after, 100));
  }

  /** The bot's chat.postMessage calls in the incident channels whose text contains marker. */
  private static List<ApiCall> posts(
      FakeSlack slack, Map<String, Incident> byChannel, String marker) {
    return slack.calls("chat.postMessage").stream()
        .filter(call -> byChannel.containsKey(call.param("channel")))
        .filter(call -> call.param("text") != null && call.param("text").contains(marker))
        .toList();
  }

  /** Lateness in ms of each call after startedAt + offset; checks exactly one per incident. */
  private static double[] lateness(
      List<ApiCall> calls,
      Map<String, Incident> byChannel,
      Duration offset,
      String what,
      int expected) {
    Map<String, Integer> perChannel = new HashMap<>();
    double[] millis = new double[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      ApiCall call = calls.get(i);
      String channel = call.param("channel");
      perChannel.merge(channel, 1, Integer::sum);
      Instant due = byChannel.get(channel).startedAt().plus(offset);
      millis[i] = Duration.between(due, call.at()).toNanos() / 1e6;
    }
    long twice = perChannel.values().stream().filter(n -> n > 1).count();
    if (calls.size() != expected || perChannel.size() != expected || twice > 0) {
      throw new IllegalStateException(
          String.format(
              "%s: %d messages in %d channels (%d twice), expected exactly %d",
              what, calls.size(), perChannel.size(), twice, expected));
    }
    Arrays.sort(millis);
    return millis;
  }

  private static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double medianOf(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
    double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static double heapUsedMb() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
  }

  private static void waitUntil(
      String what, Duration timeout, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(1_000);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
