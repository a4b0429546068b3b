package dev.sevzero.bench;

import static dev.sevzero.bench.BenchSupport.f1;
import static dev.sevzero.bench.BenchSupport.percentile;

import dev.sevzero.fakeslack.ApiCall;
import dev.sevzero.fakeslack.FakeChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory over time of the shipped jar with the shipped flags ({@code -Xmx64m} …): for {@code
 * minutes}, a steady stream of commands keeps {@code open} incidents open (declare, ack, note,
 * update, resolve the oldest and declare another) while their update prompts and escalations come
 * due every 30 seconds. Each minute it samples the child's RSS and the heap left after its
 * collections (its GC log). Usage: {@code bench/run Soak [minutes=10] [open=200] [perSecond=5]}.
 * Passes when the child logs no error and no OutOfMemoryError and memory levels off: the heap left
 * after GC in the last minute within 25% of the second minute's, and RSS growing at most 1 MiB a
 * minute over the second half, and no update prompt or escalation went out twice and every INC
 * number was handed out once. {@code -Dbench.replicas=2} runs two bots on one embedded PostgreSQL,
 * each second's commands going to the next replica; {@code -Dbench.killAfter=N} kills the last
 * replica (SIGKILL) after minute N, and the rest carry on. {@code -Dbench.nmt=true} adds the JVM's
 * native memory tracking and prints what grew after minute 1; {@code -Dbench.childEnv=K=V,…} sets
 * more environment.
 */
public final class SoakBench {

  private static final Pattern HEAP_AFTER_GC = Pattern.compile("->(\\d+)M\\(\\d+M\\)");
  private static final Pattern INCIDENT_CHANNEL = Pattern.compile("inc-(\\d+)-.*");
  private static final Pattern DECLARED = Pattern.compile("INC-(\\d+)[^*]*\\* declared");

  /** What to run: the arguments and the {@code -Dbench.*} options of the class comment. */
  private record Plan(
      int minutes, int open, int perSecond, int replicas, int killAfter, boolean nmt) {

    static Plan of(String[] args) {
      return new Plan(
          BenchSupport.intArg(args, 0, 10),
          BenchSupport.intArg(args, 1, 200),
          BenchSupport.intArg(args, 2, 5),
          Integer.getInteger("bench.replicas", 1),
          Integer.getInteger("bench.killAfter", 0),
          Boolean.getBoolean("bench.nmt"));
    }
  }

  public static void main(String[] args) throws Exception {
    Plan plan = Plan.of(args);
    System.setProperty("SEVZERO_LOG_LEVEL", "warn");
    Path dir = BenchSupport.tempDir("sevzero-soak-bench");
    Map<String, String> env = new java.util.HashMap<>(StartupBench.SHIPPED_ENVIRONMENT);
    env.put("UPDATE_INTERVAL", "PT30S");
    env.put("UPDATE_GRACE", "PT10S");
    for (String pair : System.getProperty("bench.childEnv", "").split(",")) {
      if (pair.contains("=")) {
        env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    List<ChildBot> bots = new ArrayList<>();
    List<SlashCommands> clients = new ArrayList<>();
    try (BenchSupport.Workspace ws = new BenchSupport.Workspace();
        SharedDatabase shared = plan.replicas() > 1 ? SharedDatabase.start() : null) {
      if (shared != null) {
        env.put("DATABASE_URL", shared.url());
      }
      try {
        soak(plan, ws, bots, clients, dir, env);
      } finally {
        stop(clients, bots);
      }
    } finally {
      BenchSupport.deleteTree(dir);
    }
  }

  private static void soak(
      Plan plan,
      BenchSupport.Workspace ws,
      List<ChildBot> bots,
      List<SlashCommands> clients,
      Path dir,
      Map<String, String> env)
      throws Exception {
    int minutes = plan.minutes();
    int open = plan.open();
    int perSecond = plan.perSecond();
    int replicas = plan.replicas();
    boolean nmt = plan.nmt();
    Path gcLog = dir.resolve("replica-1").resolve("gc.log");
    List<String> flags = new ArrayList<>();
    for (int r = 1; r <= replicas; r++) {
      Path replicaDir = Files.createDirectories(dir.resolve("replica-" + r));
      flags = new ArrayList<>(StartupBench.TUNED);
      flags.add("-Xlog:gc:file=" + replicaDir.resolve("gc.log"));
      if (nmt) {
        flags.add("-XX:NativeMemoryTracking=summary");
      }
      ChildBot replica = ChildBot.start(ws, replicaDir, flags, env);
      bots.add(replica);
      clients.add(new SlashCommands(replica.port));
    }
    ChildBot bot = bots.get(0);
    System.out.println(
        "SoakBench: "
            + minutes
            + " min, "
            + open
            + " open incidents, "
            + perSecond
            + " commands/s, prompts every 30 s; "
            + (replicas > 1 ? replicas + " replicas on one PostgreSQL; " : "")
            + "flags "
            + String.join(" ", flags)
            + (env.size() > 2 ? "; environment " + env : "")
            + "; "
            + BenchSupport.load());
    List<Integer> declaredNumbers = new ArrayList<>();
    List<Double> acks = new ArrayList<>();
    List<Double> heapByMinute = new ArrayList<>();
    List<Double> rssByMinute = new ArrayList<>();
    int declared = 0;
    int resolved = 0;
    int step = 0;
    long start = System.nanoTime();
    int killAfter = plan.killAfter();
    int live = replicas;
    long promptsBefore = 0;
    for (int minute = 1; minute <= minutes; minute++) {
      if (minute == killAfter + 1 && replicas > 1) {
        // The last replica dies without a goodbye (SIGKILL): the others must take its prompts over.
        bots.get(replicas - 1).process.destroyForcibly().waitFor();
        live = replicas - 1;
        System.out.println("  replica " + replicas + " killed (SIGKILL)");
      }
      int gcLinesBefore = lines(gcLog).size();
      long minuteEnd = start + Duration.ofMinutes(minute).toNanos();
      while (System.nanoTime() < minuteEnd) {
        long secondEnd = System.nanoTime() + 1_000_000_000L;
        List<String[]> batch = new ArrayList<>(); // {channel, text}
        List<FakeChannel> incidents = openIncidentChannels(ws, resolved);
        for (int i = 0; i < perSecond; i++, step++) {
          if (declared - resolved < open || incidents.isEmpty()) {
            batch.add(new String[] {ws.general, "declare sev1 soak " + ++declared});
            continue;
          }
          FakeChannel target = incidents.get(step % incidents.size());
          switch (step % 5) {
            case 0 -> batch.add(new String[] {target.id(), "ack"});
            case 1 -> batch.add(new String[] {target.id(), "note checked the replicas"});
            case 2 -> batch.add(new String[] {target.id(), "update failing over, next in 30m"});
            case 3 -> {
              batch.add(new String[] {incidents.get(0).id(), "resolve failed over"});
              incidents.remove(0);
              resolved++;
            }
            default -> batch.add(new String[] {ws.general, "declare sev0 soak " + ++declared});
          }
        }
        // Each second's commands go to one replica, the next second's to the next.
        SlashCommands commands = clients.get((int) (acks.size() / perSecond % live));
        List<byte[]> requests = new ArrayList<>();
        for (String[] command : batch) {
          requests.add(commands.request(BenchSupport.DECLARER, command[0], command[1]));
        }
        for (SlashCommands.Ack ack : commands.burst(requests)) {
          if (ack.status() != 200 || ack.body().contains("Usage:")) {
            throw new IllegalStateException("HTTP " + ack.status() + ": " + ack.body());
          }
          Matcher declaredAs = DECLARED.matcher(ack.body());
          if (declaredAs.find()) {
            declaredNumbers.add(Integer.parseInt(declaredAs.group(1)));
          }
          acks.add(ack.ms());
        }
        long rest = secondEnd - System.nanoTime();
        if (rest > 0) {
          Thread.sleep(rest / 1_000_000);
        }
      }
      List<Integer> after = heapAfterGc(lines(gcLog).subList(gcLinesBefore, lines(gcLog).size()));
      double heap = after.isEmpty() ? Double.NaN : after.stream().mapToInt(i -> i).min().orElse(0);
      heapByMinute.add(heap);
      rssByMinute.add(bot.rssMiB());
      long prompts = sent(ws, "⏰") + sent(ws, "⚠️ The update");
      System.out.printf(
          "  minute %2d: RSS %6s MiB (peak %6s), heap after GC %4s MiB (min of %d GCs),"
              + " %d open, %d declared, %d prompts and escalations, %d Slack calls so far%n",
          minute,
          f1(bot.rssMiB()),
          f1(bot.peakRssMiB()),
          f1(heap),
          after.size(),
          declared - resolved,
          declared,
          prompts - promptsBefore,
          ws.slack.calls().size());
      promptsBefore = prompts;
      if (nmt && minute == 1) {
        jcmd(bot, "baseline");
      }
    }
    if (nmt) {
      System.out.println("  native memory since minute 1 (NMT, committed):");
      jcmd(bot, "summary.diff")
          .lines()
          .filter(l -> l.contains("committed=") && l.contains("KB"))
          .filter(l -> l.strip().startsWith("-") || l.contains("Total"))
          .forEach(l -> System.out.println("    " + l.strip()));
    }
    StringBuilder logs = new StringBuilder();
    for (ChildBot replica : bots.subList(0, live)) {
      logs.append(Files.readString(replica.log));
    }
    String log = logs.toString();
    long errors = log.lines().filter(l -> l.contains("ERROR") || l.contains("Exception")).count();
    boolean outOfMemory = log.contains("OutOfMemoryError");
    Thread.sleep(2000); // the Slack work of the last second's commands
    long duplicates = duplicatePrompts(ws);
    boolean numbered = isOneToN(declaredNumbers);
    System.out.println(
        "  update prompts sent: "
            + sent(ws, "⏰")
            + ", escalations: "
            + sent(ws, "⚠️ The update")
            + "; sent twice: "
            + duplicates
            + "; INC numbers "
            + (numbered
                ? "1.." + declaredNumbers.size() + ", each once"
                : "NOT 1..n: gaps or repeats"));
    double second = heapByMinute.get(Math.min(1, heapByMinute.size() - 1));
    double last = heapByMinute.get(heapByMinute.size() - 1);
    double peak = bot.peakRssMiB();
    int half = rssByMinute.size() / 2;
    double rssGrowth =
        (rssByMinute.get(rssByMinute.size() - 1) - rssByMinute.get(half))
            / Math.max(1, rssByMinute.size() - 1 - half);
    System.out.println(
        "SoakBench: RSS grew "
            + f1(rssGrowth)
            + " MiB/min over the second half (peak "
            + f1(peak)
            + " MiB; a burst's target is 110), heap after GC "
            + f1(second)
            + " MiB in minute 2 and "
            + f1(last)
            + " MiB in minute "
            + minutes
            + ", ack p50 "
            + f1(percentile(acks, 50))
            + " ms p99 "
            + f1(percentile(acks, 99))
            + " ms over "
            + acks.size()
            + " commands; child log: "
            + errors
            + " error lines, OutOfMemoryError "
            + (outOfMemory ? "YES" : "no")
            + "; "
            + BenchSupport.load());
    boolean levelled = last <= second * 1.25 && rssGrowth <= 1.0;
    System.out.println(
        "  verdict: "
            + (errors == 0 && !outOfMemory && levelled && duplicates == 0 && numbered
                ? "PASS"
                : "FAIL"));
    if (errors > 0) {
      log.lines().filter(l -> l.contains("ERROR")).limit(10).forEach(System.out::println);
    }
  }

  /** Stops the bots before the fake Slack and the database they talk to. */
  private static void stop(List<SlashCommands> clients, List<ChildBot> bots) throws Exception {
    clients.forEach(SlashCommands::close);
    for (ChildBot bot : bots) {
      bot.close();
    }
  }

  /**
   * Update prompts (same text in the same channel within 10 s: legitimate ones are an interval
   * apart) and escalations (same text, which names the due time) that went out more than once.
   */
  private static long duplicatePrompts(BenchSupport.Workspace ws) {
    Map<String, List<ApiCall>> byChannel = new java.util.HashMap<>();
    for (ApiCall post : ws.slack.calls("chat.postMessage")) {
      String text = post.param("text");
      if (text != null && (text.startsWith("⏰") || text.startsWith("⚠️ The update"))) {
        byChannel.computeIfAbsent(post.param("channel"), c -> new ArrayList<>()).add(post);
      }
    }
    long duplicates = 0;
    for (List<ApiCall> posts : byChannel.values()) {
      for (int i = 0; i < posts.size(); i++) {
        for (int j = i + 1; j < posts.size(); j++) {
          ApiCall a = posts.get(i);
          ApiCall b = posts.get(j);
          boolean sameText = a.param("text").equals(b.param("text"));
          boolean close =
              Duration.between(a.at(), b.at()).abs().compareTo(Duration.ofSeconds(10)) < 0;
          if (sameText && (close || a.param("text").startsWith("⚠️"))) {
            duplicates++;
          }
        }
      }
    }
    return duplicates;
  }

  private static long sent(BenchSupport.Workspace ws, String prefix) {
    return ws.slack.calls("chat.postMessage").stream()
        .filter(post -> post.param("text") != null && post.param("text").startsWith(prefix))
        .count();
  }

  private static boolean isOneToN(List<Integer> numbers) {
    List<Integer> sorted = new ArrayList<>(numbers);
    java.util.Collections.sort(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i) != i + 1) {
        return false;
      }
    }
    return true;
  }

  /** {@code jcmd <child> VM.native_memory <what>}; its output. */
  private static String jcmd(ChildBot bot, String what) throws Exception {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(bot.process.pid()),
                "VM.native_memory",
                what)
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor();
    return out;
  }

  /** The channels of incidents not yet resolved, oldest first (resolution goes oldest first). */
  private static List<FakeChannel> openIncidentChannels(BenchSupport.Workspace ws, int resolved) {
    List<FakeChannel> channels = new ArrayList<>();
    for (FakeChannel channel : ws.slack.channels()) {
      Matcher m = INCIDENT_CHANNEL.matcher(channel.name());
      if (m.matches() && Integer.parseInt(m.group(1)) > resolved) {
        channels.add(channel);
      }
    }
    channels.sort((a, b) -> Integer.compare(number(a), number(b)));
    return channels;
  }

  private static int number(FakeChannel channel) {
    Matcher m = INCIDENT_CHANNEL.matcher(channel.name());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static List<Integer> heapAfterGc(List<String> gcLines) {
    List<Integer> after = new ArrayList<>();
    for (String line : gcLines) {
      Matcher m = HEAP_AFTER_GC.matcher(line);
      if (m.find()) {
        after.add(Integer.parseInt(m.group(1)));
      }
    }
    return after;
  }

  private static List<String> lines(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
