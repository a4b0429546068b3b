package dev.sevzero.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/check (promtool, docker-compose, yamllint, shellcheck), run by the build wherever those
 * Debian packages are installed; skipped where none is.
 */
class DeployCheckIT {

  @Test
  void theDeploymentFilesPassEveryInstalledChecker() throws Exception {
    assumeTrue(
        Stream.of("promtool", "docker-compose", "yamllint", "shellcheck")
            .anyMatch(DeployCheckIT::onPath),
        "none of the checkers is installed");
    Process check = new ProcessBuilder("sh", "deploy/check").redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(2, TimeUnit.MINUTES)).as("deploy/check finishes").isTrue();
    assertThat(check.exitValue()).as(output).isZero();
    if (onPath("promtool")) {
      assertThat(output).contains("SUCCESS: 7 rules found").contains("Unit Testing:");
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
  }
}
