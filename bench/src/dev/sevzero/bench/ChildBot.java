package dev.sevzero.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped jar ({@code java [flags] -jar target/sevzero.jar}) as a child process in HTTP mode
 * against the workspace's fake Slack, on a fresh SQLite file in {@code dir}. Started when {@code
 * /healthz} answers 200; closing it sends SIGTERM (the bot's shutdown hook runs) and deletes the
 * database.
 */
final class ChildBot implements AutoCloseable {

  static final Path JAR = Path.of("target/sevzero.jar");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  final Process process;
  final int port;
  final Path log;

  /** Launch → first {@code /healthz} 200, in ms. */
  final double readyMs;

  private final Path database;

  private ChildBot(Process process, int port, Path log, Path database, double readyMs) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.database = database;
    this.readyMs = readyMs;
  }

  /** Launches the jar with {@code flags} and the workspace's environment plus {@code extraEnv}. */
  static ChildBot start(
      BenchSupport.Workspace ws, Path dir, List<String> flags, Map<String, String> extraEnv)
      throws Exception {
    return start(ws, dir, JAR, flags, extraEnv);
  }

  /**
   * Launches {@code jar} (the shipped one, or an older build to compare with) with {@code flags}.
   */
  static ChildBot start(
      BenchSupport.Workspace ws,
      Path dir,
      Path jar,
      List<String> flags,
      Map<String, String> extraEnv)
      throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn package (bench/run does)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-jar");
    command.add(jar.toString());
    return launch(ws, dir, command, extraEnv, "child.log");
  }

  /**
   * Launches {@code command} (any HTTP-mode bot that reads Sevzero's variables and answers {@code
   * GET /healthz}, such as the Bolt-JS peer) with the workspace's environment, logging to {@code
   * logName} in {@code dir}.
   */
  static ChildBot launch(
      BenchSupport.Workspace ws,
      Path dir,
      List<String> command,
      Map<String, String> extraEnv,
      String logName)
      throws Exception {
    Path database = Files.createTempFile(dir, "sevzero", ".db");
    Files.delete(database);
    int port = BenchSupport.freePort();
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("SLACK_")
                    || k.startsWith("JAVA_")
                    || k.startsWith("JDK_JAVA_OPTIONS")
                    || k.startsWith("NODE_OPTIONS")
                    || k.equals("DATABASE_URL")
                    || k.equals("PORT"));
    builder.environment().putAll(ws.httpModeEnvironment(database, port));
    builder.environment().putAll(extraEnv);
    Path log = dir.resolve(logName);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      double readyMs = awaitHealthy(process, port, start, log);
      return new ChildBot(process, port, log, database, readyMs);
    } catch (Exception e) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** User + system CPU time of the process so far (less noisy than wall time on a busy box). */
  double cpuMs() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
  }

  /** CPU time (ms) of the child's threads by thread-name group, as for this process. */
  Map<String, Double> cpuByThreadGroup() {
    return BenchSupport.cpuByThreadGroup(Path.of("/proc/" + process.pid() + "/task"));
  }

  /** CPU time (ms) of the child's live threads, by the scheduler's count (ns, not 10 ms ticks). */
  double cpuMsPrecise() {
    return cpuByThreadGroup().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Resident memory now, in MiB. */
  double rssMiB() throws IOException {
    return statusKiB("VmRSS:") / 1024.0;
  }

  /** The most resident memory so far, in MiB. */
  double peakRssMiB() throws IOException {
    return statusKiB("VmHWM:") / 1024.0;
  }

  private long statusKiB(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no " + field + " for " + process.pid());
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: the shutdown hook closes the bot (and writes a CDS archive)
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(database);
    Files.deleteIfExists(Path.of(database + "-wal"));
    Files.deleteIfExists(Path.of(database + "-shm"));
  }

  private static double awaitHealthy(Process child, int port, long start, Path log)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(1))
            .build();
    long deadline = start + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException(
            "the bot exited with " + child.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - start) / 1e6;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException(
        "not ready within " + READY_TIMEOUT + ":\n" + Files.readString(log));
  }
}
