package dev.sevzero;

import dev.sevzero.app.Launcher;
import dev.sevzero.playground.PlaygroundCommand;
import java.util.List;

/**
 * {@code java -jar sevzero.jar} runs the bot; {@code … playground} runs it against a local Slack.
 */
public final class Main {
  public static void main(String[] args) {
    List<String> words = List.of(args);
    boolean playground = !words.isEmpty() && words.get(0).equals("playground");
    int exitCode =
        playground
            ? PlaygroundCommand.runInTerminal(words.subList(1, words.size()))
            : Launcher.run(System.getenv());
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }
}
