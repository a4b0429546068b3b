package dev.sevzero.bench;

import static dev.sevzero.bench.BenchSupport.f1;
import static dev.sevzero.bench.BenchSupport.median;
import static dev.sevzero.bench.BenchSupport.percentile;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import dev.sevzero.fakealerts.FakeAlertmanager;
import dev.sevzero.fakepagerduty.FakePagerDuty;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An alert storm (issue 11): 50 alert groups × 10 Alertmanager notifications each (the first firing
 * one, HA duplicates, group-interval repeats, a second alert joining the group), shuffled and sent
 * by 4 concurrent senders to the real bot (HTTP mode, SQLite) with a fake PagerDuty. Checks exactly
 * 50 incidents and 50 PagerDuty triggers; reports the webhook answer time. Target: p99 under 100 ms
 * on 2 cores. Usage: bench/run AlertStorm [runs, default 3].
 */
public final class AlertStormBench {

  private static final int GROUPS = 50;
  private static final int PER_GROUP = 10;
  private static final int SENDERS = 4;
  private static final String TOKEN = "bench-alerts-token";

  public static void main(String[] args) throws Exception {
    int runs = BenchSupport.intArg(args, 0, 3);
    List<Double> p50s = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      List<Double> ms = storm(run);
      p50s.add(percentile(ms, 50));
      p99s.add(percentile(ms, 99));
      System.out.printf(
          "run %d: %d notifications, answer p50 %s ms, p99 %s ms, max %s ms (%s)%n",
          run,
          ms.size(),
          f1(percentile(ms, 50)),
          f1(percentile(ms, 99)),
          f1(percentile(ms, 100)),
          BenchSupport.load());
    }
    System.out.printf(
        "alert storm over %d runs: median p50 %s ms, median p99 %s ms (target p99 < 100 ms)%n",
        runs, f1(median(p50s)), f1(median(p99s)));
  }

  /** One storm against a fresh bot; returns each notification's answer time in ms. */
  private static List<Double> storm(int run) throws Exception {
    Path dir = BenchSupport.tempDir("sevzero-alert-storm");
    try (BenchSupport.Workspace workspace = new BenchSupport.Workspace();
        FakePagerDuty pagerDuty = FakePagerDuty.start()) {
      int port = BenchSupport.freePort();
      Map<String, String> env = workspace.httpModeEnvironment(dir.resolve("sevzero.db"), port);
      env.put("ALERTS_TOKEN", TOKEN);
      env.put("PAGERDUTY_ROUTING_KEY", "bench0routing0key000000000000000");
      env.put("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl());
      Sevzero bot = Sevzero.start(Config.fromEnvironment(env), Clock.systemUTC());
      try {
        String url = "http://127.0.0.1:" + bot.port() + "/alerts/alertmanager";
        List<String> notifications = notifications(url);
        Collections.shuffle(notifications, new Random(run));
        List<Double> ms = send(url, notifications);
        BenchSupport.awaitPins(workspace.slack, GROUPS, java.time.Duration.ofSeconds(60));
        awaitTriggers(pagerDuty, GROUPS);
        int incidents = bot.incidents().open().size();
        long triggers =
            pagerDuty.events().stream().filter(event -> event.action().equals("trigger")).count();
        if (incidents != GROUPS || triggers != GROUPS) {
          throw new IllegalStateException(
              incidents + " incidents and " + triggers + " triggers, expected " + GROUPS);
        }
        System.out.printf("run %d: %d incidents, %d triggers%n", run, incidents, triggers);
        return ms;
      } finally {
        bot.close();
      }
    } finally {
      BenchSupport.deleteTree(dir);
    }
  }

  /**
   * Per group: the first notification twice (an HA pair), three repeats, a second alert joining
   * twice, three repeats of that.
   */
  private static List<String> notifications(String url) {
    FakeAlertmanager alertmanager = new FakeAlertmanager(url, TOKEN, Clock.systemUTC());
    List<String> all = new ArrayList<>();
    for (int group = 0; group < GROUPS; group++) {
      String name = "Storm" + group;
      String first = alertmanager.firing(name, "critical", "checkout");
      for (int i = 0; i < PER_GROUP / 2; i++) {
        all.add(first);
      }
      String second = alertmanager.firing(name, "critical", "payments");
      for (int i = 0; i < PER_GROUP - PER_GROUP / 2; i++) {
        all.add(second);
      }
    }
    return all;
  }

  private static List<Double> send(String url, List<String> notifications) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Callable<List<Double>>> work = new ArrayList<>();
      for (int sender = 0; sender < SENDERS; sender++) {
        int first = sender;
        work.add(
            () -> {
              FakeAlertmanager client = new FakeAlertmanager(url, TOKEN, Clock.systemUTC());
              List<Double> ms = new ArrayList<>();
              for (int i = first; i < notifications.size(); i += SENDERS) {
                long start = System.nanoTime();
                FakeAlertmanager.Answer answer = client.post(notifications.get(i));
                ms.add((System.nanoTime() - start) / 1e6);
                if (answer.status() != 200) {
                  throw new IllegalStateException("HTTP " + answer.status() + " " + answer.body());
                }
              }
              return ms;
            });
      }
      List<Double> all = new ArrayList<>();
      for (Future<List<Double>> result : senders.invokeAll(work)) {
        all.addAll(result.get());
      }
      return all;
    } finally {
      senders.shutdownNow();
    }
  }

  private static void awaitTriggers(FakePagerDuty pagerDuty, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (pagerDuty.events().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
