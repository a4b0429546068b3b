package dev.sevzero.playground;

/** A line the shell cannot run: shown to the user; in a script, it stops the script. */
final class ShellError extends RuntimeException {
  ShellError(String message) {
    super(message);
  }
}
