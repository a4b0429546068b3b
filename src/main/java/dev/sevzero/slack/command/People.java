package dev.sevzero.slack.command;

/**
 * The people a command may name. A mention can point at someone who has left the workspace, at a
 * bot (Sevzero itself included), or at an ID Slack does not know; putting any of them on the roster
 * or in a role would page or prompt nobody, so commands refuse them before changing anything.
 */
@FunctionalInterface
public interface People {

  /** Everyone counts as a person: for tests of the command layer alone. */
  People ANYONE = userId -> {};

  /**
   * @throws UsageException saying why {@code userId} cannot be given a role or the pager
   */
  void requirePerson(String userId);

  /** The user ID {@code word} mentions, once checked to be an active person. */
  default String mentioned(String word) {
    String userId = Mentions.user(word);
    requirePerson(userId);
    return userId;
  }
}
