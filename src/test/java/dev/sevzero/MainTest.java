package dev.sevzero;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... words) {
    return Main.run(
        List.of(words),
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageInsteadOfTheMissingTokenError() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("usage: sevzero")
        .contains("sevzero playground")
        .doesNotContain("SLACK_BOT_TOKEN is required");
    assertThat(run("-h")).isZero();
  }

  @Test
  void anUnknownArgumentIsRefusedWithTheUsage() {
    assertThat(run("--verbose")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown argument `--verbose`")
        .contains("usage: sevzero");
  }
}
