package dev.sevzero.slack.command;

import java.util.List;

/**
 * One slash command as typed: who, where, and the words after the sub-command. Mentions arrive
 * escaped ({@code <@U123|alice>}) because the manifest sets {@code should_escape}.
 */
public record CommandInvocation(
    String command,
    String subCommand,
    String userId,
    String channelId,
    String text,
    String triggerId,
    String responseUrl) {

  /** The words after the command, split on whitespace. */
  public List<String> words() {
    String trimmed = text == null ? "" : text.strip();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
  }
}
