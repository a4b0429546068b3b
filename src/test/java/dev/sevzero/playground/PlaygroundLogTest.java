package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaygroundLogTest {

  @TempDir Path folder;

  @Test
  void everyLineGoesToTheFileAndOnlyAWarningToTheTerminalInOneLine() throws IOException {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.start();
    List<String> terminal = new ArrayList<>();
    PlaygroundLog.redirect(context, folder, terminal::add);

    context.getLogger("dev.sevzero.Bot").info("Sevzero is up");
    context
        .getLogger("dev.sevzero.Bot")
        .warn("Slack said no\nat line 2", new IllegalStateException());
    context.stop();

    String file = Files.readString(folder.resolve("sevzero.log"), StandardCharsets.UTF_8);
    assertThat(file).contains("Sevzero is up").contains("Slack said no").contains("IllegalState");
    assertThat(terminal)
        .containsExactly(
            "(⚠ the bot logged a warning: Slack said no — details in "
                + folder.resolve("sevzero.log")
                + ")");
  }
}
