package dev.sevzero;

import dev.sevzero.app.Launcher;
import dev.sevzero.playground.PlaygroundCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar sevzero.jar} runs the bot; {@code … playground} runs it against a local Slack.
 */
public final class Main {

  static final String USAGE =
      """
      usage: sevzero                          run the bot (configured by environment variables)
             sevzero playground [--script F]  try it against a pretend Slack on this machine
             sevzero --help                   this text
      The bot needs SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET
      (HTTP mode); every setting is in the README's Configuration table.""";

  private static final Set<String> HELP = Set.of("--help", "-h", "help");

  public static void main(String[] args) {
    int exitCode = run(List.of(args), System.getenv(), System.out, System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** What the command line asks for; returns the process exit code. */
  static int run(
      List<String> words, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (words.isEmpty()) {
      return Launcher.run(environment);
    }
    if (words.get(0).equals("playground")) {
      return PlaygroundCommand.runInTerminal(words.subList(1, words.size()));
    }
    if (HELP.contains(words.get(0))) {
      out.println(USAGE);
      return 0;
    }
    err.println("sevzero: unknown argument `" + words.get(0) + "`\n" + USAGE);
    return 2;
  }
}
