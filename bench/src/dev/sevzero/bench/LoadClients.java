package dev.sevzero.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two outside load generators of {@code bench/run Peer}, run as child processes so that they
 * load every bot the same way: {@code bench/clients/burst.py} (a plain threaded Python client, one
 * fresh connection per thread) and wrk with {@code bench/clients/slash.lua} (kept-alive
 * connections, closed loop).
 */
final class LoadClients {

  static final Path BURST = Path.of("bench/clients/burst.py");
  static final Path WRK_SCRIPT = Path.of("bench/clients/slash.lua");
  private static final Pattern WRK_RESULT =
      Pattern.compile(
          "WRK-RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p90_us=(\\d+)"
              + " p99_us=(\\d+) max_us=(\\d+) errors=(\\d+) non2xx=(\\d+)");

  /** One burst's acks in ms, in no particular order. */
  record Burst(List<Double> ms, double wallMs) {}

  /** One wrk run: throughput and latency percentiles of the closed loop. */
  record Wrk(
      double perSecond,
      double seconds,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double maxMs,
      long errors) {}

  private LoadClients() {}

  /**
   * {@code count} threads, each on a fresh connection, send {@code /incident <text>} at once (a
   * declare's text gets " i"). Throws unless every one got a 200.
   */
  static Burst pythonBurst(int port, String channel, String text, int count) throws Exception {
    String out =
        run(
            List.of(
                "python3",
                BURST.toString(),
                "--port",
                Integer.toString(port),
                "--secret",
                BenchSupport.SECRET,
                "--channel",
                channel,
                "--user",
                BenchSupport.DECLARER,
                "--text",
                text,
                "--count",
                Integer.toString(count)),
            Map.of(),
            120);
    String raw = System.getProperty("bench.raw");
    if (raw != null) {
      // Diagnostics: every burst's JSON, with each request's start on the monotonic clock.
      java.nio.file.Files.writeString(
          Path.of(raw),
          port + " " + out.strip() + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    JsonObject result = JsonParser.parseString(out.strip()).getAsJsonObject();
    int ok =
        result.getAsJsonObject("statuses").has("200")
            ? result.getAsJsonObject("statuses").get("200").getAsInt()
            : 0;
    if (ok != count) {
      throw new IllegalStateException(
          "burst.py: " + ok + " of " + count + " acks were 200: " + out);
    }
    List<Double> ms = new ArrayList<>();
    for (JsonElement e : result.getAsJsonArray("ms")) {
      ms.add(e.getAsDouble());
    }
    return new Burst(ms, result.get("wall_ms").getAsDouble());
  }

  static boolean wrkInstalled() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor()
          >= 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** wrk, {@code connections} kept-alive connections on 2 threads, for {@code seconds}. */
  static Wrk wrk(int port, String channel, String text, int connections, int seconds)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("BENCH_SECRET", BenchSupport.SECRET);
    env.put("BENCH_TEXT", text);
    env.put("BENCH_CHANNEL", channel);
    env.put("BENCH_USER", BenchSupport.DECLARER);
    String out =
        run(
            List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                WRK_SCRIPT.toString(),
                "http://127.0.0.1:" + port + "/slack/events"),
            env,
            seconds + 60);
    Matcher m = WRK_RESULT.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no result:\n" + out);
    }
    long requests = Long.parseLong(m.group(1));
    long errors = Long.parseLong(m.group(7)) + Long.parseLong(m.group(8));
    if (errors >= requests) {
      throw new IllegalStateException("wrk: no request succeeded:\n" + out);
    }
    double duration = Long.parseLong(m.group(2)) / 1e6;
    return new Wrk(
        requests / duration,
        duration,
        Long.parseLong(m.group(3)) / 1e3,
        Long.parseLong(m.group(4)) / 1e3,
        Long.parseLong(m.group(5)) / 1e3,
        Long.parseLong(m.group(6)) / 1e3,
        errors);
  }

  private static String run(List<String> command, Map<String, String> env, int timeoutSeconds)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          command.get(0) + " exited " + process.exitValue() + ":\n" + text);
    }
    return text;
  }
}
