package dev.sevzero.bench;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * What the benchmarks share: a seeded fake Slack, the bot's environment, signed commands, stats.
 */
final class BenchSupport {

  static final String SECRET = "bench-signing-secret";
  static final String DECLARER = "UALICE";
  static final String RESPONDER = "URESP";

  private BenchSupport() {}

  /** A fake Slack on loopback with the declarer, a responder and an #incidents channel. */
  static final class Workspace implements AutoCloseable {
    final FakeSlack slack = FakeSlack.start(Clock.systemUTC());
    final String incidentsChannel;
    final String general;

    Workspace() {
      slack.addUser(DECLARER, "alice");
      slack.addUser(RESPONDER, "responder");
      incidentsChannel = slack.addChannel("incidents", FakeSlack.BOT_USER_ID, DECLARER);
      general = slack.addChannel("general", DECLARER, RESPONDER);
    }

    /** The bot's environment in HTTP mode (no SLACK_APP_TOKEN) against this fake. */
    Map<String, String> httpModeEnvironment(Path database, int port) {
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
      env.put("SLACK_SIGNING_SECRET", SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("DATABASE_URL", "jdbc:sqlite:" + database);
      env.put("PORT", Integer.toString(port));
      env.put("INCIDENTS_CHANNEL", incidentsChannel);
      env.put("INCIDENT_RESPONDERS", RESPONDER);
      return env;
    }

    /**
     * Starts the real bot in-process, in HTTP mode against this fake, on a SQLite file in {@code
     * dir}.
     */
    Sevzero startHttpBot(Path dir) throws Exception {
      Config config =
          Config.fromEnvironment(httpModeEnvironment(dir.resolve("sevzero.db"), freePort()));
      return Sevzero.start(config, Clock.systemUTC());
    }

    @Override
    public void close() {
      slack.close();
    }
  }

  /**
   * One burst of {@code n} commands, {@code text + " " + i}, sent at once; returns each one's time
   * from send to ack, in ms. Throws unless every ack is a 200 containing {@code expect}.
   */
  static List<Double> burst(
      SlashCommands commands, String channel, int n, String text, String expect)
      throws IOException {
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(commands.request(DECLARER, channel, text + " " + i));
    }
    List<Double> ms = new ArrayList<>();
    for (SlashCommands.Ack ack : commands.burst(requests)) {
      if (ack.status() != 200 || !ack.body().contains(expect)) {
        throw new IllegalStateException("unexpected ack: HTTP " + ack.status() + " " + ack.body());
      }
      ms.add(ack.ms());
    }
    return ms;
  }

  /**
   * Waits (bounded) until the fake has seen {@code count} pins.add calls: the Slack work is done.
   */
  static void awaitPins(FakeSlack slack, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (slack.calls("pins.add").size() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + slack.calls("pins.add").size() + " of " + count + " headers pinned");
      }
      Thread.sleep(20);
    }
  }

  /**
   * CPU time (ms) of this process's live threads, by thread-name group ("http-3" → "http"); read
   * from /proc/self/task, so JVM-internal threads (JIT, GC) show too. The scheduler's own count
   * (schedstat, in ns) rather than stat's 10 ms ticks: a burst lasts a few ticks.
   */
  static Map<String, Double> cpuByThreadGroup() {
    return cpuByThreadGroup(Path.of("/proc/self/task"));
  }

  /** The same for the threads listed in {@code taskDir} (/proc/PID/task of another process). */
  static Map<String, Double> cpuByThreadGroup(Path taskDir) {
    Map<String, Double> cpu = new java.util.TreeMap<>();
    try (Stream<Path> tasks = Files.list(taskDir)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String schedstat = Files.readString(task.resolve("schedstat"));
          double ms = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1e6;
          String group = name.replaceAll("[-#: ]*[0-9]+.*$", "").replaceAll("[-_ ]+$", "");
          cpu.merge(group.isEmpty() ? name : group, ms, Double::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return cpu;
    }
    return cpu;
  }

  /** after − before, per group (at least 0: a group loses the CPU time of its threads that end). */
  static Map<String, Double> cpuDelta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> delta = new java.util.TreeMap<>();
    after.forEach((k, v) -> delta.put(k, Math.max(0, v - before.getOrDefault(k, 0.0))));
    return delta;
  }

  /** Collections so far and their total time in ms, over this JVM's collectors. */
  static long[] gcCountAndMillis() {
    long count = 0;
    long millis = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /** CPU per group, largest first, as "total 80 ms: name 12 ms, …" (groups under 1 ms left out). */
  static String describeCpu(Map<String, Double> cpu) {
    List<Map.Entry<String, Double>> groups = new ArrayList<>(cpu.entrySet());
    groups.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    double total = groups.stream().mapToDouble(Map.Entry::getValue).sum();
    StringJoiner out = new StringJoiner(", ", "total " + Math.round(total) + " ms: ", "");
    for (var e : groups) {
      if (e.getValue() >= 1) {
        out.add(e.getKey() + " " + Math.round(e.getValue()));
      }
    }
    return out.toString();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }

  /** Nearest-rank percentile (p in 0..100) of the values. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String load() {
    try {
      String[] avg = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load average "
          + avg[0]
          + " "
          + avg[1]
          + " "
          + avg[2]
          + ", "
          + Runtime.getRuntime().availableProcessors()
          + " CPUs";
    } catch (IOException e) {
      return Runtime.getRuntime().availableProcessors() + " CPUs";
    }
  }

  static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
