package dev.sevzero.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.slack.transport.SlackGateway;
import java.util.List;

/**
 * The Web API calls every part of the bot makes, with Slack's known traps handled once: posting to
 * a public channel the bot has not joined yet ({@code not_in_channel}: join, then post again) and
 * inviting someone who is already there ({@code already_in_channel}: fine).
 */
public final class SlackMessenger {

  private final SlackGateway slack;

  public SlackMessenger(SlackGateway slack) {
    this.slack = slack;
  }

  public SlackGateway gateway() {
    return slack;
  }

  /** Posts a message; returns its {@code ts}. */
  public String post(String channel, String text, List<LayoutBlock> blocks) {
    ChatPostMessageResponse response =
        slack.call(
            "chat.postMessage",
            c -> c.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)));
    if ("not_in_channel".equals(response.getError())) {
      slack.callOk("conversations.join", c -> c.conversationsJoin(r -> r.channel(channel)));
      response =
          slack.call(
              "chat.postMessage",
              c -> c.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)));
    }
    return SlackGateway.requireOk("chat.postMessage", response).getTs();
  }

  /** Posts plain mrkdwn text. */
  public String post(String channel, String text) {
    return post(channel, text, null);
  }

  /** Sends a direct message from the bot to {@code user}. */
  public String directMessage(String user, String text, List<LayoutBlock> blocks) {
    String dm =
        slack
            .callOk("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(user))))
            .getChannel()
            .getId();
    return post(dm, text, blocks);
  }

  public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    slack.callOk(
        "chat.update", c -> c.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** Invites {@code user}; someone already in the channel (or the bot itself) is not an error. */
  public void invite(String channel, String user) {
    slack.callOk(
        "conversations.invite",
        c -> c.conversationsInvite(r -> r.channel(channel).users(List.of(user))),
        "already_in_channel",
        "cant_invite_self");
  }

  public void setTopic(String channel, String topic) {
    slack.callOk(
        "conversations.setTopic",
        c -> c.conversationsSetTopic(r -> r.channel(channel).topic(topic)));
  }

  public void pin(String channel, String ts) {
    slack.callOk(
        "pins.add", c -> c.pinsAdd(r -> r.channel(channel).timestamp(ts)), "already_pinned");
  }
}
