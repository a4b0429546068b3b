package dev.sevzero.bench;

import static dev.sevzero.bench.BenchSupport.f1;
import static dev.sevzero.bench.BenchSupport.f2;
import static dev.sevzero.bench.BenchSupport.median;

import dev.sevzero.app.Sevzero;
import dev.sevzero.fakeslack.ApiCall;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The declare critical path: with {@code LATENCY} added to every Web API call, the time from
 * sending {@code /incident declare …} to the fake recording {@code pins.add} on the new channel's
 * header (the fake records a call when it answers it, i.e. after the added latency), as a multiple
 * of that latency. create → post → pin is a chain of three, so 3.0 is the floor; target ≤ 3.1.
 * Usage: {@code bench/run Declare [runs=7] [latencyMs=100]}.
 */
public final class DeclareBench {

  private static final Duration WAIT = Duration.ofSeconds(20);

  public static void main(String[] args) throws Exception {
    int runs = BenchSupport.intArg(args, 0, 7);
    Duration latency = Duration.ofMillis(BenchSupport.intArg(args, 1, 100));
    System.setProperty("SEVZERO_LOG_LEVEL", "warn");
    Path dir = BenchSupport.tempDir("sevzero-declare-bench");
    try (BenchSupport.Workspace ws = new BenchSupport.Workspace()) {
      try (Sevzero bot = ws.startHttpBot(dir);
          SlashCommands commands = new SlashCommands(bot.port())) {
        System.out.println(
            "DeclareBench: "
                + latency.toMillis()
                + " ms added to every Web API call, "
                + BenchSupport.load());
        // Warm-up without latency (class loading, JIT, connection pools), not counted.
        for (int i = 0; i < 20; i++) {
          declare(ws, commands, "warm up " + i);
        }
        ws.slack.setLatency(latency);
        declare(ws, commands, "warm up with latency");
        List<Double> multiples = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> headerGaps = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          Result r = declare(ws, commands, "bench declare " + run);
          double multiple = r.pinnedMs / latency.toMillis();
          multiples.add(multiple);
          // The fake records a call when it answers, after the added latency: the pins.add
          // request reached it one latency before its record.
          double gap = r.pinnedMs - latency.toMillis() - r.postedMs;
          double headerGap = r.postedMs - latency.toMillis() - r.createdMs;
          gaps.add(gap);
          headerGaps.add(headerGap);
          System.out.printf(
              "  run %d: ack %5s ms; channel created %6s, header posted %6s, pinned %6s ms"
                  + " = %s x RTT; our time between calls: create's answer -> header request %5s,"
                  + " header's answer -> pins.add request %5s ms"
                  + " (calls before the pin: %s)%n",
              run,
              f1(r.ackMs),
              f1(r.createdMs),
              f1(r.postedMs),
              f1(r.pinnedMs),
              f2(multiple),
              f1(headerGap),
              f1(gap),
              r.callsBeforePin);
          Thread.sleep(300); // let the parallel invites/announcement/topic of this run finish
        }
        System.out.println(
            "DeclareBench median over "
                + runs
                + " runs: header pinned after "
                + f2(median(multiples))
                + " x the "
                + latency.toMillis()
                + " ms round trip (floor 3.0, target <= 3.1); our time between the calls: create's"
                + " answer -> header request "
                + f1(median(headerGaps))
                + " ms, header's answer"
                + " -> pins.add request "
                + f1(median(gaps))
                + " ms; "
                + BenchSupport.load());
      }
    } finally {
      BenchSupport.deleteTree(dir);
    }
  }

  private record Result(
      double ackMs,
      double createdMs,
      double postedMs,
      double pinnedMs,
      List<String> callsBeforePin) {}

  private static Result declare(BenchSupport.Workspace ws, SlashCommands commands, String title)
      throws Exception {
    String slug = title.replace(' ', '-');
    byte[] request = commands.request(BenchSupport.DECLARER, ws.general, "declare sev1 " + title);
    int before = ws.slack.calls().size();
    Instant sent = Instant.now();
    long start = System.nanoTime();
    commands.send(request);
    double ackMs = (System.nanoTime() - start) / 1e6;
    ApiCall create =
        ws.slack.awaitCall(
            "conversations.create", c -> c.ok() && c.param("name").endsWith("-" + slug), WAIT);
    String channel = create.response().getAsJsonObject("channel").get("id").getAsString();
    ApiCall pin = ws.slack.awaitCall("pins.add", c -> channel.equals(c.param("channel")), WAIT);
    ApiCall header =
        ws.slack.awaitCall("chat.postMessage", c -> channel.equals(c.param("channel")), WAIT);
    List<String> callsBeforePin = new ArrayList<>();
    List<ApiCall> all = ws.slack.calls();
    for (ApiCall c : all.subList(before, all.size())) {
      if (c == pin) {
        break;
      }
      callsBeforePin.add(c.method());
    }
    return new Result(
        ackMs, ms(sent, create.at()), ms(sent, header.at()), ms(sent, pin.at()), callsBeforePin);
  }

  private static double ms(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
