package dev.sevzero.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The terminal's output, written from the shell and from the bot's threads alike, and remembered
 * since the last {@code expect} so a script can check what was shown.
 */
final class ShellOutput {

  private static final Duration EXPECT_PATIENCE = Duration.ofSeconds(5);

  private final PrintStream out;
  private final boolean scripted;
  private final Supplier<String> prompt;
  private final StringBuilder sinceExpect = new StringBuilder();
  // Guarded by out: the interactive prompt is showing and waits for a line.
  private boolean atPrompt;

  /**
   * @param scripted a script gives the bot a little longer to show what it expects, and stops at
   *     the first expect not seen
   */
  ShellOutput(PrintStream out, boolean scripted, Supplier<String> prompt) {
    this.out = out;
    this.scripted = scripted;
    this.prompt = prompt;
  }

  /** Shows the prompt and reads the next line; null at the end of input. */
  String readLine(BufferedReader in) throws IOException {
    synchronized (out) {
      out.print(prompt.get());
      out.flush();
      atPrompt = true;
    }
    String line = in.readLine();
    synchronized (out) {
      atPrompt = false;
    }
    return line;
  }

  void say(String text) {
    synchronized (out) {
      if (atPrompt) {
        // Output that arrived on its own while the prompt waits: on a line of its own, then the
        // prompt again, so it is clear that input is still expected.
        out.println();
      }
      out.println(text);
      if (atPrompt) {
        out.print(prompt.get());
      }
      out.flush();
    }
    synchronized (sinceExpect) {
      sinceExpect.append(text).append('\n');
    }
  }

  /** Script lines are echoed but are not output an {@code expect} can match. */
  void echo(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  void expect(String text) {
    if (seen(text)) {
      say("ok: seen \"" + text + "\"");
    } else if (scripted) {
      throw new ShellError(
          "expected \"" + text + "\", but it was not printed since the last expect");
    } else {
      say("not seen: \"" + text + "\"");
    }
    synchronized (sinceExpect) {
      sinceExpect.setLength(0);
    }
  }

  /**
   * Whether the text was printed since the last expect. A script gives the bot a little longer, so
   * a slow machine does not fail it; a person at the terminal gets the answer at once.
   */
  private boolean seen(String text) {
    long deadline = System.nanoTime() + (scripted ? EXPECT_PATIENCE.toNanos() : 0);
    while (true) {
      synchronized (sinceExpect) {
        if (sinceExpect.indexOf(text) >= 0) {
          return true;
        }
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
