package dev.sevzero.bench;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.slack.transport.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the benchmarks share: a seeded fake Slack, the bot's environment, signed commands, stats. */
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

    /** Starts the real bot in-process, in HTTP mode against this fake, on a SQLite file in {@code dir}. */
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

  /** Sends slash commands to an HTTP-mode bot the way Slack does: a signed form POST. */
  static final class SlashCommands {
    private final URI endpoint;
    private final SlackSignature signature = new SlackSignature(SECRET, Clock.systemUTC());
    private final HttpClient http;

    SlashCommands(int port) {
      endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }

    HttpRequest request(String user, String channel, String text) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("token", "bench-verification-token");
      form.put("team_id", FakeSlack.TEAM_ID);
      form.put("team_domain", "sevzero-bench");
      form.put("channel_id", channel);
      form.put("channel_name", "general");
      form.put("user_id", user);
      form.put("user_name", "alice");
      form.put("command", "/incident");
      form.put("text", text);
      form.put("api_app_id", FakeSlack.APP_ID);
      form.put("is_enterprise_install", "false");
      form.put("response_url", "http://127.0.0.1:9/unused-response-url");
      form.put("trigger_id", "bench.trigger." + System.nanoTime());
      StringJoiner body = new StringJoiner("&");
      form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      String timestamp = Long.toString(System.currentTimeMillis() / 1000);
      return HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Slack-Request-Timestamp", timestamp)
          .header("X-Slack-Signature", signature.sign(timestamp, bytes))
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
    }

    /** Sends and waits for the ack; throws unless it is a 200. */
    String send(HttpRequest request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "ack was HTTP " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }

  /**
   * One burst of {@code n} commands: every client thread waits at a gate, then sends one {@code
   * text + " " + i}; returns each request's time from send to ack, in ms.
   */
  static List<Double> burst(
      SlashCommands commands, ExecutorService clients, String channel, int n, String text,
      String expect) throws Exception {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Double>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HttpRequest request = commands.request(DECLARER, channel, text + " " + i);
      futures.add(
          clients.submit(
              () -> {
                ready.countDown();
                gate.await();
                long start = System.nanoTime();
                String ack = commands.send(request);
                double ms = (System.nanoTime() - start) / 1e6;
                if (!ack.contains(expect)) {
                  throw new IllegalStateException("unexpected ack: " + ack);
                }
                return ms;
              }));
    }
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("client threads did not start");
    }
    gate.countDown();
    List<Double> ms = new ArrayList<>();
    for (Future<Double> f : futures) {
      ms.add(f.get(60, TimeUnit.SECONDS));
    }
    return ms;
  }

  /** Waits (bounded) until the fake has seen {@code count} pins.add calls: the Slack work is done. */
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
   * from /proc/self/task, so JVM-internal threads (JIT, GC) show too.
   */
  static Map<String, Double> cpuByThreadGroup() {
    Map<String, Double> cpu = new java.util.TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
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

  /** after − before per group, largest first, as "name 12 ms, …" (groups under 10 ms left out). */
  static String cpuDelta(Map<String, Double> before, Map<String, Double> after) {
    List<Map.Entry<String, Double>> delta = new ArrayList<>();
    after.forEach((k, v) -> delta.add(Map.entry(k, v - before.getOrDefault(k, 0.0))));
    delta.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    double total = delta.stream().mapToDouble(Map.Entry::getValue).sum();
    StringJoiner out = new StringJoiner(", ", "total " + Math.round(total) + " ms: ", "");
    for (var e : delta) {
      if (e.getValue() >= 10) {
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
      return "load average " + avg[0] + " " + avg[1] + " " + avg[2] + ", "
          + Runtime.getRuntime().availableProcessors() + " CPUs";
    } catch (IOException e) {
      return Runtime.getRuntime().availableProcessors() + " CPUs";
    }
  }

  static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
