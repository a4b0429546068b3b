package dev.sevzero;

import dev.sevzero.app.Launcher;

/**
 * {@code java -jar sevzero.jar} runs the bot; {@code … playground} runs it against a local Slack.
 */
public final class Main {
  public static void main(String[] args) {
    int exitCode = Launcher.run(args, System.getenv());
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }
}
