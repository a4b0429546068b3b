package dev.sevzero.bench;

import static dev.sevzero.bench.BenchSupport.f1;
import static dev.sevzero.bench.BenchSupport.median;
import static dev.sevzero.bench.BenchSupport.percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up and memory of the real jar: launches {@code java [flags] -jar target/sevzero.jar} as a
 * child process in HTTP mode against a fake Slack in this process, times launch → {@code /healthz}
 * 200, sends a burst of 100 concurrent signed declares, waits for their Slack work to finish and
 * reads the child's peak RSS (VmHWM in /proc/PID/status). Each flag set runs {@code runs} times.
 * Usage: {@code bench/run Startup [runs=5] [burst=100]}. Targets: ready ≤ 1 s, peak RSS ≤ 110 MiB.
 */
public final class StartupBench {

  /** The flags shipped in the Dockerfile and bin/sevzero (keep the three in step). */
  static final List<String> TUNED =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xss256k",
          "-Xms16m",
          "-Xmx64m",
          "-XX:MaxMetaspaceSize=64m",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:MaxDirectMemorySize=16m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30");

  /** The environment bin/sevzero sets for the JVM with those flags. */
  static final Map<String, String> SHIPPED_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  /** {@link #SHIPPED_ENVIRONMENT} for a run with the shipped flags, nothing for the others. */
  static Map<String, String> environmentFor(List<String> flags) {
    return flags.containsAll(TUNED) ? SHIPPED_ENVIRONMENT : Map.of();
  }

  private static final Path JAR = ChildBot.JAR;

  public static void main(String[] args) throws Exception {
    int runs = BenchSupport.intArg(args, 0, 5);
    int burst = BenchSupport.intArg(args, 1, 100);
    System.setProperty("SEVZERO_LOG_LEVEL", "warn");
    Path dir = BenchSupport.tempDir("sevzero-startup-bench");
    try (BenchSupport.Workspace ws = new BenchSupport.Workspace()) {
      System.out.println(
          "StartupBench: java -jar "
              + JAR
              + ", HTTP mode, "
              + burst
              + "-command burst, "
              + BenchSupport.load());
      if (System.getProperty("bench.trace") != null) {
        // Diagnostics: one run with the given extra flags, then the child's log with timestamps.
        List<String> flags = new ArrayList<>(TUNED);
        flags.addAll(List.of(System.getProperty("bench.trace").split(" ")));
        Sample s = runOnce(ws, dir, flags, burst, "trace");
        System.out.println(
            "ready "
                + f1(s.readyMs)
                + " ms (CPU "
                + f1(s.cpuMs)
                + " ms), ack p99 "
                + f1(s.ackP99Ms)
                + " ms, peak RSS "
                + f1(s.peakRssMiB)
                + " MiB");
        System.out.println(Files.readString(dir.resolve("child.log")));
        return;
      }
      Path jsa = dir.resolve("sevzero.jsa");
      Path imageJsa = dir.resolve("sevzero-image.jsa");
      // Cumulative, so that each line shows what one more group of flags adds.
      Map<String, List<String>> variants = new LinkedHashMap<>();
      variants.put("default JVM flags", List.of());
      variants.put("+ SerialGC", TUNED.subList(0, 1));
      variants.put(
          "+ heap/metaspace caps",
          List.of(
              "-XX:+UseSerialGC",
              "-Xms16m",
              "-Xmx64m",
              "-XX:MaxMetaspaceSize=64m",
              "-XX:MaxDirectMemorySize=16m"));
      variants.put(
          "+ C1 only, small code cache",
          List.of(
              "-XX:+UseSerialGC",
              "-Xms16m",
              "-Xmx64m",
              "-XX:MaxMetaspaceSize=64m",
              "-XX:MaxDirectMemorySize=16m",
              "-XX:TieredStopAtLevel=1",
              "-XX:ReservedCodeCacheSize=32m"));
      variants.put("+ Xss256k", TUNED.subList(0, 8));
      variants.put("+ heap free ratios, MALLOC_ARENA_MAX=2 (= tuned)", TUNED);
      List<String> cds = new ArrayList<>(TUNED);
      cds.add("-XX:SharedArchiveFile=" + jsa);
      variants.put("tuned + AppCDS (full)", cds);
      List<String> imageCds = new ArrayList<>(TUNED);
      imageCds.add("-XX:SharedArchiveFile=" + imageJsa);
      variants.put("tuned + AppCDS (image)", imageCds);

      // The AppCDS archive: classes loaded by one start-up and burst, written when the JVM exits.
      List<String> training = new ArrayList<>(TUNED);
      training.add("-XX:ArchiveClassesAtExit=" + jsa);
      Sample trained = runOnce(ws, dir, training, burst, "training");
      System.out.println(
          "  AppCDS archive (full): written by a start-up, burst and stop ("
              + f1(trained.readyMs)
              + " ms to ready): "
              + Files.size(jsa) / 1024
              + " KiB");
      // What the Dockerfile does at image build time, with no Slack to talk to: a start-up that
      // stops at Bolt's auth.test (connection refused) still loads most classes.
      trainLikeTheImage(dir, imageJsa);
      System.out.println(
          "  AppCDS archive (image): written by a start-up that fails at auth.test,"
              + " as the Dockerfile does: "
              + Files.size(imageJsa) / 1024
              + " KiB");

      Map<String, double[]> summary = new LinkedHashMap<>();
      for (var variant : variants.entrySet()) {
        System.out.println("  " + variant.getKey() + ": " + String.join(" ", variant.getValue()));
        List<Double> ready = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        runOnce(ws, dir, variant.getValue(), burst, "warm-up"); // page cache, not counted
        for (int run = 1; run <= runs; run++) {
          Sample s = runOnce(ws, dir, variant.getValue(), burst, "run " + run);
          System.out.printf(
              "    run %d: ready %6s ms (CPU %6s ms), peak RSS %6s MiB, burst ack p99 %6s ms%n",
              run, f1(s.readyMs), f1(s.cpuMs), f1(s.peakRssMiB), f1(s.ackP99Ms));
          ready.add(s.readyMs);
          cpu.add(s.cpuMs);
          rss.add(s.peakRssMiB);
          p99.add(s.ackP99Ms);
        }
        summary.put(
            variant.getKey(), new double[] {median(ready), median(cpu), median(rss), median(p99)});
      }
      System.out.println(
          "StartupBench medians over "
              + runs
              + " runs (targets: ready <= 1000 ms,"
              + " peak RSS <= 110 MiB); "
              + BenchSupport.load());
      summary.forEach(
          (name, m) ->
              System.out.printf(
                  "  %-50s ready %6s ms (CPU %6s ms)  peak RSS %6s MiB  cold-burst ack p99 %6s ms%n",
                  name, f1(m[0]), f1(m[1]), f1(m[2]), f1(m[3])));
    } finally {
      BenchSupport.deleteTree(dir);
    }
  }

  private record Sample(double readyMs, double cpuMs, double peakRssMiB, double ackP99Ms) {}

  private static void trainLikeTheImage(Path dir, Path jsa) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(TUNED);
    command.add("-XX:ArchiveClassesAtExit=" + jsa);
    command.add("-jar");
    command.add(JAR.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("SLACK_BOT_TOKEN", "xoxb-cds-training");
    builder.environment().put("SLACK_SIGNING_SECRET", "cds-training");
    builder.environment().put("SLACK_API_URL", "http://127.0.0.1:9/api/");
    builder.environment().put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("training.db"));
    builder.environment().putAll(SHIPPED_ENVIRONMENT);
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile());
    Process training = builder.start();
    if (!training.waitFor(60, TimeUnit.SECONDS)) {
      training.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException("CDS training did not stop");
    }
    if (!Files.isRegularFile(jsa)) {
      throw new IllegalStateException(
          "CDS training wrote no archive:\n" + Files.readString(dir.resolve("training.log")));
    }
  }

  private static Sample runOnce(
      BenchSupport.Workspace ws, Path dir, List<String> flags, int burst, String label)
      throws Exception {
    int pinsBefore = ws.slack.calls("pins.add").size();
    try (ChildBot child = ChildBot.start(ws, dir, flags, environmentFor(flags))) {
      double cpuMs = child.cpuMs();
      List<Double> acks;
      try (SlashCommands commands = new SlashCommands(child.port)) {
        acks =
            BenchSupport.burst(
                commands, ws.general, burst, "declare sev2 startup " + label, "declared");
      }
      BenchSupport.awaitPins(ws.slack, pinsBefore + burst, Duration.ofSeconds(60));
      Thread.sleep(300); // the topic, invites and announcement after the last pin
      return new Sample(child.readyMs, cpuMs, child.peakRssMiB(), percentile(acks, 99));
    }
  }
}
