package dev.sevzero.bench;

import static dev.sevzero.bench.BenchSupport.f1;
import static dev.sevzero.bench.BenchSupport.percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sevzero side by side with a minimal Bolt-JS bot (bench/peer), each a child process in HTTP mode
 * against its own fake Slack, loaded by the same outside clients (see {@link LoadClients}): bursts
 * of 100 simultaneous signed {@code /incident list} and {@code /incident declare}, each on a fresh
 * connection from a threaded Python client; and wrk's closed loop on 50 kept-alive connections.
 * Rounds alternate which bot goes first; it prints each round and the medians, the bots' CPU per
 * burst and their peak RSS. Usage: {@code bench/run Peer [runs=7] [burst=100] [wrkSeconds=10]}.
 * Targets (issue 10): burst ack p99 below the peer's for both clients, throughput ≥ 1.5 × the
 * peer's, peak RSS ≤ the peer's.
 */
public final class PeerBench {

  private static final Path PEER = Path.of("bench/peer/app.js");
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final int SEEDED = 5;

  /** One bot under test, its fake Slack and what was measured of it. */
  private static final class Contender implements AutoCloseable {
    final String name;
    final BenchSupport.Workspace ws = new BenchSupport.Workspace();
    ChildBot bot;
    int declared;
    final Map<String, List<Double>> figures = new LinkedHashMap<>();
    final Map<String, Double> cpuPerBurst = new TreeMap<>();
    int cpuBursts;

    Contender(String name) {
      this.name = name;
    }

    void add(String figure, double value) {
      figures.computeIfAbsent(figure, k -> new ArrayList<>()).add(value);
    }

    double median(String figure) {
      List<Double> values = figures.get(figure);
      return values == null || values.isEmpty() ? Double.NaN : BenchSupport.median(values);
    }

    @Override
    public void close() throws Exception {
      try {
        if (bot != null) {
          bot.close();
        }
      } finally {
        ws.close();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = BenchSupport.intArg(args, 0, 7);
    int burst = BenchSupport.intArg(args, 1, 100);
    int wrkSeconds = BenchSupport.intArg(args, 2, 10);
    int warmUps = Integer.getInteger("bench.warmups", 5);
    int connections = Integer.getInteger("bench.connections", 50);
    boolean showCpu = Boolean.getBoolean("bench.cpu");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (!Files.isDirectory(Path.of("bench/peer/node_modules/@slack/bolt"))) {
      throw new IllegalStateException("bench/peer is not installed: run bench/peer/setup");
    }
    List<String> phases =
        List.of(System.getProperty("bench.phases", "list,wrk,declare").split(","));
    boolean wrk = phases.contains("wrk") && LoadClients.wrkInstalled();
    List<String> ourFlags = new ArrayList<>(StartupBench.TUNED);
    // Extra JVM flags for Sevzero's child (after the shipped ones, so they win), e.g. a profiler.
    String extraFlags = System.getenv().getOrDefault("BENCH_OURS_FLAGS", "").strip();
    if (!extraFlags.isEmpty()) {
      ourFlags.addAll(List.of(extraFlags.split("\\s+")));
    }
    Path dir = BenchSupport.tempDir("sevzero-peer-bench");
    List<Contender> contenders = new ArrayList<>();
    try {
      Contender ours = new Contender("Sevzero");
      contenders.add(ours);
      ours.bot = ChildBot.start(ours.ws, dir, ourFlags, StartupBench.environmentFor(ourFlags));
      Contender peer = new Contender("Bolt-JS");
      contenders.add(peer);
      peer.bot =
          ChildBot.launch(peer.ws, dir, List.of("node", PEER.toString()), Map.of(), "peer.log");
      String baselineJar = System.getProperty("bench.baseline");
      if (baselineJar != null) {
        Contender baseline = new Contender("baseline");
        contenders.add(baseline);
        baseline.bot =
            ChildBot.start(
                baseline.ws,
                dir,
                Path.of(baselineJar),
                baselineFlags(),
                StartupBench.environmentFor(baselineFlags()));
      }
      System.out.println(
          "PeerBench: "
              + String.join(" vs ", contenders.stream().map(c -> c.name).toList())
              + "; bursts of "
              + burst
              + " (Python, a fresh connection each), wrk -c"
              + connections
              + " "
              + wrkSeconds
              + " s"
              + (wrk || !phases.contains("wrk") ? "" : " (wrk missing: skipped)")
              + "; "
              + BenchSupport.load());
      for (Contender c : contenders) {
        seed(c);
      }

      for (int run = 1 - warmUps; phases.contains("list") && run <= runs; run++) {
        for (Contender c : inTurn(contenders, run)) {
          Map<String, Double> cpuBefore = c.bot.cpuByThreadGroup();
          LoadClients.Burst b = LoadClients.pythonBurst(c.bot.port, c.ws.general, "list", burst);
          Map<String, Double> cpu = BenchSupport.cpuDelta(cpuBefore, c.bot.cpuByThreadGroup());
          report(c, run, "list burst", b, cpu, showCpu);
          Thread.sleep(300);
        }
      }
      if (wrk) {
        for (Contender c : contenders) {
          LoadClients.wrk(c.bot.port, c.ws.general, "list", connections, Math.min(5, wrkSeconds));
        }
        for (int run = 1; run <= runs; run++) {
          for (Contender c : inTurn(contenders, run)) {
            double cpuBefore = c.bot.cpuMsPrecise();
            LoadClients.Wrk w =
                LoadClients.wrk(c.bot.port, c.ws.general, "list", connections, wrkSeconds);
            double cpuPerRequestUs =
                (c.bot.cpuMsPrecise() - cpuBefore) * 1000 / (w.perSecond() * w.seconds());
            c.add("wrk req/s", w.perSecond());
            c.add("wrk bot CPU us/req", cpuPerRequestUs);
            c.add("wrk p50", w.p50Ms());
            c.add("wrk p99", w.p99Ms());
            System.out.printf(
                "  run %d   %-8s wrk list      %5.0f req/s  p50 %6s  p90 %6s  p99 %6s  max %6s ms"
                    + "  (bot CPU %4.0f us a request)%s%n",
                run,
                c.name,
                w.perSecond(),
                f1(w.p50Ms()),
                f1(w.p90Ms()),
                f1(w.p99Ms()),
                f1(w.maxMs()),
                cpuPerRequestUs,
                w.errors() == 0 ? "" : "  (" + w.errors() + " errors or timeouts)");
          }
        }
      }
      for (int run = 1 - Math.min(warmUps, 3); phases.contains("declare") && run <= runs; run++) {
        for (Contender c : inTurn(contenders, run)) {
          Map<String, Double> cpuBefore = c.bot.cpuByThreadGroup();
          LoadClients.Burst b =
              LoadClients.pythonBurst(
                  c.bot.port, c.ws.general, "declare sev1 peer bench " + run, burst);
          Map<String, Double> cpu = BenchSupport.cpuDelta(cpuBefore, c.bot.cpuByThreadGroup());
          c.declared += burst;
          report(c, run, "declare burst", b, cpu, showCpu);
          BenchSupport.awaitPins(c.ws.slack, c.declared, SETTLE);
          Thread.sleep(300);
        }
      }
      for (Contender c : contenders) {
        c.add("peak RSS", c.bot.peakRssMiB());
      }
      summary(contenders, runs, showCpu);
    } finally {
      for (Contender c : contenders) {
        c.close();
      }
      keepLogs(dir);
      BenchSupport.deleteTree(dir);
    }
  }

  /** The shipped flags plus {@code BENCH_BASELINE_FLAGS}: an A/B of one jar with two settings. */
  private static List<String> baselineFlags() {
    List<String> flags = new ArrayList<>(StartupBench.TUNED);
    String extra = System.getenv().getOrDefault("BENCH_BASELINE_FLAGS", "").strip();
    if (!extra.isEmpty()) {
      flags.addAll(List.of(extra.split("\\s+")));
    }
    return flags;
  }

  /** With {@code -Dbench.logs=DIR}, the bots' logs are copied there before the temp dir goes. */
  private static void keepLogs(Path dir) throws java.io.IOException {
    String target = System.getProperty("bench.logs");
    if (target == null) {
      return;
    }
    Files.createDirectories(Path.of(target));
    try (var logs = Files.list(dir)) {
      for (Path log : (Iterable<Path>) logs.filter(p -> p.toString().endsWith(".log"))::iterator) {
        Files.copy(
            log,
            Path.of(target, log.getFileName().toString()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Declares a few incidents one at a time, so that {@code /incident list} has lines to show. */
  private static void seed(Contender c) throws Exception {
    for (int i = 1; i <= SEEDED; i++) {
      LoadClients.pythonBurst(c.bot.port, c.ws.general, "declare sev2 seed " + i, 1);
    }
    c.declared = SEEDED;
    BenchSupport.awaitPins(c.ws.slack, SEEDED, SETTLE);
  }

  /** Who goes first changes every round, so that neither bot always follows the other's load. */
  private static List<Contender> inTurn(List<Contender> contenders, int run) {
    List<Contender> order = new ArrayList<>(contenders);
    java.util.Collections.rotate(order, Math.floorMod(run, contenders.size()));
    return order;
  }

  private static void report(
      Contender c,
      int run,
      String what,
      LoadClients.Burst b,
      Map<String, Double> cpu,
      boolean showCpu) {
    double p50 = percentile(b.ms(), 50);
    double p99 = percentile(b.ms(), 99);
    double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
    System.out.printf(
        "  %-7s %-8s %-13s p50 %6s  p99 %6s  max %6s ms  (bot CPU %4.0f ms)%n",
        run <= 0 ? "warm-up" : "run " + run,
        c.name,
        what,
        f1(p50),
        f1(p99),
        f1(percentile(b.ms(), 100)),
        total);
    if (showCpu) {
      System.out.println("            " + BenchSupport.describeCpu(cpu));
    }
    if (run > 0) {
      c.add(what + " p50", p50);
      c.add(what + " p99", p99);
      c.add(what + " CPU", total);
      if (what.startsWith("list")) {
        cpu.forEach((group, used) -> c.cpuPerBurst.merge(group, used, Double::sum));
        c.cpuBursts++;
      }
    }
  }

  private static void summary(List<Contender> contenders, int runs, boolean showCpu) {
    System.out.println("PeerBench medians over " + runs + " runs; " + BenchSupport.load());
    StringBuilder head = new StringBuilder(String.format("  %-24s", ""));
    contenders.forEach(c -> head.append(String.format("%12s", c.name)));
    System.out.println(head);
    for (String figure : contenders.get(0).figures.keySet()) {
      StringBuilder line = new StringBuilder(String.format("  %-24s", figure));
      contenders.forEach(c -> line.append(String.format("%12s", f1(c.median(figure)))));
      System.out.println(line);
    }
    if (showCpu) {
      for (Contender c : contenders) {
        Map<String, Double> mean = new TreeMap<>();
        c.cpuPerBurst.forEach((g, v) -> mean.put(g, v / Math.max(1, c.cpuBursts)));
        System.out.println(
            "  " + c.name + " CPU per list burst, mean: " + BenchSupport.describeCpu(mean));
      }
    }
    Contender ours = contenders.get(0);
    Contender peer = contenders.get(1);
    Function<String, String> below =
        figure ->
            verdict(
                ours.median(figure) < peer.median(figure),
                ours.median(figure),
                peer.median(figure));
    System.out.println("  targets (Sevzero against Bolt-JS):");
    if (ours.figures.containsKey("list burst p99")) {
      System.out.println(
          "    list burst p99 below the peer's:    " + below.apply("list burst p99"));
    }
    if (ours.figures.containsKey("declare burst p99")) {
      System.out.println(
          "    declare burst p99 below the peer's: " + below.apply("declare burst p99"));
    }
    if (ours.figures.containsKey("wrk p99")) {
      System.out.println("    wrk p99 below the peer's:           " + below.apply("wrk p99"));
      double ratio = ours.median("wrk req/s") / peer.median("wrk req/s");
      System.out.println(
          "    wrk throughput >= 1.5 x the peer's: "
              + (ratio >= 1.5 ? "yes" : "NO")
              + " ("
              + BenchSupport.f2(ratio)
              + " x)");
    }
    System.out.println(
        "    peak RSS <= the peer's:             "
            + verdict(
                ours.median("peak RSS") <= peer.median("peak RSS"),
                ours.median("peak RSS"),
                peer.median("peak RSS")));
  }

  private static String verdict(boolean met, double ours, double peer) {
    return (met ? "yes" : "NO") + " (" + f1(ours) + " against " + f1(peer) + ")";
  }
}
