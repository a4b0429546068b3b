package dev.sevzero.bench;

import static dev.sevzero.bench.BenchSupport.f1;
import static dev.sevzero.bench.BenchSupport.median;
import static dev.sevzero.bench.BenchSupport.percentile;

import dev.sevzero.app.Sevzero;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ack latency in HTTP mode: bursts of concurrent signed {@code /incident declare …} commands sent
 * straight to {@code /slack/events}; each request is timed from send to HTTP response (the ack).
 * Usage: {@code bench/run Ack [runs=5] [concurrency=100]}. Target: p99 ≤ 50 ms on 2 cores.
 */
public final class AckBench {

  private static final Duration SETTLE = Duration.ofSeconds(60);

  public static void main(String[] args) throws Exception {
    int runs = BenchSupport.intArg(args, 0, 5);
    int concurrency = BenchSupport.intArg(args, 1, 100);
    int slackLatencyMs = BenchSupport.intArg(args, 2, 0);
    int warmUps = Integer.getInteger("bench.warmups", 10);
    boolean showCpu = Boolean.getBoolean("bench.cpu");
    System.setProperty("SEVZERO_LOG_LEVEL", "warn");
    Path dir = BenchSupport.tempDir("sevzero-ack-bench");
    try (BenchSupport.Workspace ws = new BenchSupport.Workspace();
        Sevzero bot = ws.startHttpBot(dir);
        SlashCommands commands = new SlashCommands(bot.port())) {
      ws.slack.setLatency(Duration.ofMillis(slackLatencyMs));
      int authTestsAtStart = ws.slack.calls("auth.test").size();
      System.out.println(
          "AckBench: "
              + concurrency
              + " concurrent signed /incident declare, HTTP mode, "
              + BenchSupport.load());
      int declared = 0;
      List<Double> p50s = new ArrayList<>();
      List<Double> p99s = new ArrayList<>();
      Map<String, Double> meanCpu = new TreeMap<>();
      for (int run = 1 - warmUps; run <= runs; run++) {
        Map<String, Double> cpuBefore = BenchSupport.cpuByThreadGroup();
        long[] gcBefore = BenchSupport.gcCountAndMillis();
        List<Double> ms =
            BenchSupport.burst(
                commands,
                ws.general,
                concurrency,
                System.getProperty("bench.text", "declare sev1 bench run") + " " + (run + warmUps),
                System.getProperty("bench.expect", "declared"));
        Map<String, Double> cpu = BenchSupport.cpuDelta(cpuBefore, BenchSupport.cpuByThreadGroup());
        long[] gcAfter = BenchSupport.gcCountAndMillis();
        declared += concurrency;
        if (Boolean.parseBoolean(System.getProperty("bench.settle", "true"))) {
          awaitSettled(ws, declared);
        }
        double p50 = percentile(ms, 50);
        double p99 = percentile(ms, 99);
        System.out.printf(
            "  %-7s p50 %6s ms  p99 %6s ms  max %6s ms  (GC pauses during the burst: %d, %d ms)%n",
            run <= 0 ? "warm-up" : "run " + run,
            f1(p50),
            f1(p99),
            f1(percentile(ms, 100)),
            gcAfter[0] - gcBefore[0],
            gcAfter[1] - gcBefore[1]);
        if (Boolean.getBoolean("bench.hist")) {
          StringBuilder deciles = new StringBuilder("          p10..p100:");
          for (int p = 10; p <= 100; p += 10) {
            deciles.append(' ').append(f1(percentile(ms, p)));
          }
          System.out.println(deciles);
        }
        if (showCpu) {
          System.out.println(
              "          CPU of this process during the burst, " + BenchSupport.describeCpu(cpu));
        }
        if (run > 0) {
          cpu.forEach((group, used) -> meanCpu.merge(group, used / runs, Double::sum));
          p50s.add(p50);
          p99s.add(p99);
        }
      }
      System.out.println(
          "AckBench median over "
              + runs
              + " runs: p50 "
              + f1(median(p50s))
              + " ms, p99 "
              + f1(median(p99s))
              + " ms (target p99 <= 50 ms); "
              + BenchSupport.load());
      if (showCpu) {
        System.out.println(
            "  CPU of this process per burst, mean: " + BenchSupport.describeCpu(meanCpu));
      }
      System.out.println(
          "  auth.test calls while serving commands (each one holds acks back by a Slack round"
              + " trip): "
              + (ws.slack.calls("auth.test").size() - authTestsAtStart));
    } finally {
      BenchSupport.deleteTree(dir);
    }
  }

  /**
   * Waits until the bot has pinned every header, so one run's Slack work does not skew the next.
   */
  private static void awaitSettled(BenchSupport.Workspace ws, int declared) throws Exception {
    BenchSupport.awaitPins(ws.slack, declared, SETTLE);
    Thread.sleep(500);
  }
}
