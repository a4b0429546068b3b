package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts through {@code playground --script}'s own code path, in-process for speed. */
class PlaygroundWalkthroughIT {

  @TempDir Path directory;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private int playground(String... args) {
    return playgroundWithInput("", args);
  }

  private int playgroundWithInput(String input, String... args) {
    return PlaygroundCommand.run(
        List.of(args),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  private String script(String... lines) throws IOException {
    Path script = directory.resolve("test.play");
    Files.write(script, List.of(lines));
    return script.toString();
  }

  @Test
  void theReadmeWalkthroughPasses() {
    int exit = playground("--script", "docs/walkthrough.play");

    assertThat(exit).as(output()).isZero();
    assertThat(output())
        .contains("(you are now in #inc-1-db-primary-down)")
        .contains("ok: seen \"response time 4m\"")
        .contains("ok: seen \"resolved by @bob\"");
  }

  @Test
  void waitingTwoHoursShowsEveryPromptAndEscalationAtItsOwnTime() throws IOException {
    String script =
        script(
            "/incident declare sev1 api errors",
            "as @carol",
            "/incident scribe",
            "whoami",
            "wait 2h",
            "wait 2m",
            "/incident status",
            "expect *overdue* by 2m 00s",
            "/incident resolve",
            "expect 0 on time · 0 late · 3 missed");

    assertThat(playground("--script", script)).as(output()).isZero();
    List<String> stops = stopsDuring("wait 2h");
    assertThat(stops)
        .as(output())
        .hasSize(7)
        .satisfies(s -> assertThat(s.get(0)).contains("time for a stakeholder update"))
        .satisfies(
            s ->
                assertThat(s.get(1))
                    .contains("was missed")
                    .contains("since it was declared 35m 00s ago"))
        .satisfies(s -> assertThat(s.get(2)).contains("time for a stakeholder update"))
        .satisfies(s -> assertThat(s.get(3)).contains("was missed"))
        .satisfies(s -> assertThat(s.get(4)).contains("time for a stakeholder update"))
        .satisfies(s -> assertThat(s.get(5)).contains("was missed"))
        .satisfies(s -> assertThat(s.get(6)).contains("time for a stakeholder update"));
    assertThat(minutesBetweenStops("wait 2h")).containsExactly(30, 5, 25, 5, 25, 5, 25);
  }

  @Test
  void theHandoffItsReminderAndItsWarningEachComeAtTheirOwnTime() throws IOException {
    String script = script("wait until mon 12:00", "wait 40m");

    assertThat(playground("--script", script)).as(output()).isZero();
    List<String> stops = stopsDuring("wait 40m");
    assertThat(stops).as(output()).hasSize(2);
    assertThat(stops.get(0)).contains("Reminder");
    assertThat(stops.get(1)).contains("has not confirmed");
    assertThat(minutesBetweenStops("wait 40m")).containsExactly(15, 15);
  }

  private static final java.util.regex.Pattern STOP =
      java.util.regex.Pattern.compile("(?m)^\\((\\d\\d):(\\d\\d) [A-Z]+\\)$");

  /** What was printed under each time stop of the wait on {@code line}. */
  private List<String> stopsDuring(String line) {
    String during = during(line);
    String[] parts = STOP.split(during);
    return List.of(parts).subList(1, parts.length);
  }

  /** Minutes from the wait's start to its first stop, then between stops. */
  private List<Integer> minutesBetweenStops(String line) {
    String output = output();
    String before = output.substring(0, output.indexOf("> " + line));
    java.util.regex.Matcher now =
        java.util.regex.Pattern.compile("it is (?:now )?\\w+ \\d+ \\w+ (\\d\\d):(\\d\\d)")
            .matcher(before);
    java.util.regex.Matcher stop = STOP.matcher(during(line));
    List<Integer> minutes = new java.util.ArrayList<>();
    int previous = -1;
    while (now.find()) {
      previous = Integer.parseInt(now.group(1)) * 60 + Integer.parseInt(now.group(2));
    }
    while (stop.find()) {
      int at = Integer.parseInt(stop.group(1)) * 60 + Integer.parseInt(stop.group(2));
      if (previous >= 0) {
        minutes.add(Math.floorMod(at - previous, 24 * 60));
      }
      previous = at;
    }
    return minutes;
  }

  private String during(String line) {
    String output = output();
    int start = output.indexOf("> " + line);
    int end = output.indexOf("(time passes", start);
    return output.substring(start, end);
  }

  @Test
  void anEditedHeaderShowsOnlyWhatChanged() throws IOException {
    String script =
        script(
            "/incident declare db down",
            "as @bob",
            "press \"I'm IC\"",
            "expect (edited; what changed)");

    assertThat(playground("--script", script)).as(output()).isZero();
    String afterPress = output().substring(output().indexOf("press \"I'm IC\""));
    assertThat(afterPress)
        .contains("(edited; what changed):\n    Incident Commander: @bob")
        .doesNotContain("Status: Open");
  }

  @Test
  void anUnknownSlashCommandIsAnsweredAtOnceWithTheClosest() throws IOException {
    String script = script("/oncal", "expect /oncal is not a command here; did you mean /oncall?");

    assertThat(playground("--script", script)).as(output()).isZero();
    assertThat(output()).doesNotContain("WARN").doesNotContain("Bolt");
  }

  @Test
  void namesAreMatchedWhateverTheirCaseAndABareNameGetsAHint() throws IOException {
    String script =
        script(
            "/incident declare db down",
            "as @Bob",
            "/incident commander @Carol",
            "expect @carol is now Incident Commander",
            "/incident scribe carol",
            "expect (hint: to mention carol, type @carol)",
            "whoami",
            "expect You are @bob");

    assertThat(playground("--script", script)).as(output()).isZero();
  }

  @Test
  void uploadsAreShownWithTheirSizeAndSaved() throws IOException {
    String script =
        script(
            "/incident declare db down",
            "/incident ack",
            "/incident resolve fixed",
            "expect 📎 inc-1-post-mortem.md",
            "/sla month csv",
            "expect .csv (",
            "dms",
            "expect -response-times.png (");

    assertThat(playground("--script", script)).as(output()).isZero();
    java.util.regex.Matcher saved =
        java.util.regex.Pattern.compile("📎 (\\S+) \\((\\d+(?:\\.\\d)? (?:B|KiB))\\) → (\\S+)")
            .matcher(output());
    int files = 0;
    while (saved.find()) {
      files++;
      assertThat(Path.of(saved.group(3))).exists().isNotEmptyFile();
    }
    assertThat(files).as(output()).isGreaterThanOrEqualTo(4);
    assertThat(output()).contains("files the bot uploads are saved in");
  }

  @Test
  void anExpectThatIsNotSeenFailsNamingTheLine() throws IOException {
    String script = script("# a comment", "", "expect a pony");

    assertThat(playground("--script", script)).isEqualTo(1);
    assertThat(output()).contains("FAILED at line 3 (expect a pony)");
  }

  @Test
  void anUnknownCommandFailsTheScript() throws IOException {
    String script = script("whoami", "dance");

    assertThat(playground("--script", script)).isEqualTo(1);
    assertThat(output()).contains("FAILED at line 2 (dance): unknown command \"dance\"");
  }

  @Test
  void theDeclareModalIsFilledFieldByField() throws IOException {
    String script =
        script(
            "as @dave",
            "/incident declare",
            "expect set title <text>",
            "set title search is slow",
            "set severity SEV1",
            "submit",
            "expect #inc-1-search-is-slow",
            "whoami",
            "expect in #inc-1-search-is-slow",
            "members",
            "expect dave",
            "pins",
            "expect INC-1 (SEV1) search is slow");

    assertThat(playground("--script", script)).as(output()).isZero();
  }

  @Test
  void interactivelyItGreetsAndQuits() {
    assertThat(playgroundWithInput("whoami\nexpect nothing\nquit\n")).isZero();
    assertThat(output())
        .contains("Sevzero playground")
        .contains("You are @alice (UALICE) in #general")
        .contains("not seen: \"nothing\"");
  }

  @Test
  void betweenCommandsTheClockStandsStillSoFourMinutesAreExactlyFourMinutes() throws Exception {
    PlaygroundClock typist =
        PlaygroundClock.startingAt(Clock.systemUTC().instant(), Clock.systemUTC());
    try (Playground playground = Playground.start(typist, directory)) {
      PlaygroundShell shell =
          PlaygroundShell.attach(
              playground, new PrintStream(output, true, StandardCharsets.UTF_8), true);
      assertThat(shell.runScript(List.of("/incident declare db down", "wait 4m")))
          .as(output())
          .isZero();
      // The person takes 11 s to type the next lines: only wait makes time pass.
      typist.advance(Duration.ofSeconds(11));
      assertThat(
              shell.runScript(
                  List.of("as @carol", "/incident ack", "expect response time 4m 00s.")))
          .as(output())
          .isZero();
    }
  }

  @Test
  void outputThatArrivesWhileThePromptWaitsIsFollowedByThePromptAgain() throws Exception {
    String prompt = "alice in #general> ";
    try (Playground playground = Playground.start(Clock.systemUTC(), directory)) {
      PlaygroundShell shell =
          PlaygroundShell.attach(
              playground, new PrintStream(output, true, StandardCharsets.UTF_8), false);
      PipedOutputStream typed = new PipedOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new PipedInputStream(typed), StandardCharsets.UTF_8));
      Thread terminal =
          new Thread(
              () -> {
                try {
                  shell.interactive(in);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      terminal.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> output().equals(prompt));

      String general = playground.slack().channelByName("general").orElseThrow().id();
      playground.slack().userSays(Playground.userId("bob"), general, "is the db down?");

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> output().contains("is the db down?") && output().endsWith(prompt));
      assertThat(output()).startsWith(prompt + "\n").doesNotContain(prompt + "[");
      typed.write("quit\n".getBytes(StandardCharsets.UTF_8));
      typed.flush();
      terminal.join(Duration.ofSeconds(10).toMillis());
      assertThat(terminal.isAlive()).isFalse();
    }
  }

  @Test
  void badArgumentsShowTheUsage() {
    assertThat(playground("--scrip", "x")).isEqualTo(2);
    assertThat(output()).contains("usage: sevzero playground [--script FILE]");
  }
}
