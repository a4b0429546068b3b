package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code sevzero playground} as its own process, on a terminal whose charset is not UTF-8. */
class PlaygroundTerminalIT {

  @Test
  void emojiAndDashesReachAnAsciiTerminalAsUtf8() throws IOException, InterruptedException {
    Process playground =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=US-ASCII",
                "-Dstdout.encoding=US-ASCII",
                "-Dsun.stdout.encoding=US-ASCII",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sevzero.Main",
                "playground")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      playground.getOutputStream().write("/oncall\nquit\n".getBytes(StandardCharsets.UTF_8));
      playground.getOutputStream().close();
      String shown = new String(playground.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(playground.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(shown).contains("📟 @alice is on call since ").doesNotContain("?? @alice");
    } finally {
      playground.destroyForcibly();
    }
  }
}
