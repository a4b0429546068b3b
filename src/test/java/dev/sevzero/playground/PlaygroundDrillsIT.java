package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/drills.play}, on a week whose Tuesday is the first of the month. */
class PlaygroundDrillsIT {

  @TempDir Path uploads;

  /** Monday 30 November 2026, 12:00 Pacific: "wait until tue 10:00" lands on 1 December. */
  private static final Instant MONDAY = Instant.parse("2026-11-30T20:00:00Z");

  @Test
  void theDrillKitDemoPasses() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (Playground playground = Playground.start(Clock.fixed(MONDAY, ZoneOffset.UTC), uploads)) {
      PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
      exit =
          PlaygroundShell.attach(playground, out, true)
              .runScript(Files.readAllLines(Path.of("docs/drills.play")));
    }

    String printed = output.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    assertThat(printed)
        .contains("(you are now in #drill-1-load-balancer-failure)")
        .contains("(you are now in #drill-2-database-primary-failover)")
        .contains("ok: seen \"Recovery objectives met");
  }
}
