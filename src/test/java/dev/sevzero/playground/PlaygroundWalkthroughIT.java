package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void badArgumentsShowTheUsage() {
    assertThat(playground("--scrip", "x")).isEqualTo(2);
    assertThat(output()).contains("usage: sevzero playground [--script FILE]");
  }
}
