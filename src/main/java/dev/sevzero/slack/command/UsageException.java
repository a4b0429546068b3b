package dev.sevzero.slack.command;

/** The command was typed wrongly; the message says what was wrong (the registry adds the usage). */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
