package dev.sevzero.playground;

import ch.qos.logback.classic.LoggerContext;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** {@code sevzero playground [--script FILE]}: the interactive terminal, or a script run. */
public final class PlaygroundCommand {

  private static final String USAGE = "usage: sevzero playground [--script FILE]";

  private static final String BANNER =
      """
      Sevzero playground: the real bot, running against a pretend Slack workspace on this machine.
      Nothing reaches a real Slack or database; it is all gone when you quit.
      You are alice in #general. People: alice bob carol dave erin. Channels: #general #incidents #oncall.
      All five are on the on-call roster; alice holds the pager this week (/oncall list).
        /incident declare db primary down   declare an incident (as you, in the current channel)
        as @bob                             act as someone else (in #incidents: type elsewhere)
        press Acknowledge                   press a button on the latest message that has it
        wait 30m                            make time pass; the bot's due work runs
        history #incidents                  read a channel (also: channels, pins, dms)
      Type help for all commands, quit to leave.""";

  private PlaygroundCommand() {}

  /** From the command line: the terminal's input and output, and the log in a file. */
  public static int runInTerminal(List<String> args) {
    // Emoji and dashes whatever the platform's charset: without a UTF-8 locale they became "?".
    PrintStream terminal =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    return run(args, System.in, terminal, true);
  }

  /** Runs until quit (or the script's end); returns the process exit code. */
  public static int run(List<String> args, InputStream in, PrintStream out) {
    return run(args, in, out, false);
  }

  /**
   * @param ownLog whether the process is ours, so that its log may go to the playground's folder
   *     (tests share their JVM's log)
   */
  private static int run(List<String> args, InputStream in, PrintStream out, boolean ownLog) {
    Optional<List<String>> script;
    try {
      script = script(args);
    } catch (IllegalArgumentException e) {
      out.println("sevzero playground: " + e.getMessage());
      return 2;
    }
    Playground playground;
    Path folder;
    try {
      folder = Files.createTempDirectory("sevzero-playground-");
      if (ownLog && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
        PlaygroundLog.redirect(context, folder, out::println);
      }
      playground = Playground.start(Clock.systemUTC(), folder);
    } catch (Exception e) {
      out.println("sevzero playground: cannot start: " + e.getMessage());
      return 1;
    }
    // Ctrl-C skips the finally below; the hook still stops the bot and deletes the database.
    Thread cleanup = new Thread(playground::close, "playground-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      PlaygroundShell shell = PlaygroundShell.attach(playground, out, script.isPresent());
      if (script.isPresent()) {
        out.println("(files the bot uploads are saved in " + folder + ")");
        return shell.runScript(script.get());
      }
      out.println(BANNER);
      out.println(
          "Files the bot uploads, and its log, are saved in " + folder + " (kept after you quit).");
      shell.interactive(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      return 0;
    } catch (IOException e) {
      out.println("sevzero playground: reading input: " + e.getMessage());
      return 1;
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
      playground.close();
    }
  }

  /** The script's lines, or empty for the interactive terminal. */
  private static Optional<List<String>> script(List<String> args) {
    if (args.isEmpty()) {
      return Optional.empty();
    }
    if (args.size() != 2 || !args.get(0).equals("--script")) {
      throw new IllegalArgumentException(USAGE);
    }
    try {
      return Optional.of(Files.readAllLines(Path.of(args.get(1)), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + args.get(1) + ": " + e.getMessage());
    }
  }
}
