package dev.sevzero.slack;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.sevzero.slack.command.People;
import dev.sevzero.slack.command.UsageException;
import dev.sevzero.slack.transport.SlackCallFailed;
import dev.sevzero.slack.transport.SlackGateway;

/**
 * Checks a mentioned person with {@code users.info} (scope {@code users:read}) while the command is
 * being answered: one call per person named, on commands that change the roster or roles.
 */
public final class SlackPeople implements People {

  /** Slack's own bot answers {@code is_bot: false}, but it pages nobody either. */
  private static final String SLACKBOT = "USLACKBOT";

  private final SlackGateway slack;

  public SlackPeople(SlackGateway slack) {
    this.slack = slack;
  }

  @Override
  public void requirePerson(String userId) {
    String who = "<@" + userId + ">";
    UsersInfoResponse answer;
    try {
      answer = slack.call("users.info", c -> c.usersInfo(r -> r.user(userId)));
    } catch (SlackCallFailed e) {
      throw new UsageException(
          "I could not check " + who + " with Slack just now (" + e.error() + "); try again.");
    }
    if (!answer.isOk()) {
      throw new UsageException(
          "user_not_found".equals(answer.getError())
              ? "I can't find " + who + " in this workspace: mention someone who is in it."
              : "Slack would not tell me who " + who + " is (" + answer.getError() + ").");
    }
    User user = answer.getUser();
    if (user.isDeleted()) {
      throw new UsageException(
          who + " has been deactivated in this workspace: pick someone who is still here.");
    }
    if (user.isBot() || SLACKBOT.equals(userId)) {
      throw new UsageException(who + " is a bot, not a person: mention a person.");
    }
  }
}
