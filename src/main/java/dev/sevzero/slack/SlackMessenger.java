package dev.sevzero.slack;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.slack.transport.SlackGateway;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls every part of the bot makes, with Slack's known traps handled once: posting to
 * a public channel the bot has not joined yet ({@code not_in_channel}: join, then post again) and
 * inviting someone who is already there ({@code already_in_channel}: fine), and uploading where the
 * bot may not post (the file goes by DM instead).
 */
public final class SlackMessenger {

  private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
  private static final String[] CANNOT_POST_THERE = {"not_in_channel", "channel_not_found"};

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
    return post(directMessageChannel(user), text, blocks);
  }

  /** The ID of the bot's DM with {@code user}, opened if need be. */
  public String directMessageChannel(String user) {
    return slack
        .callOk("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(user))))
        .getChannel()
        .getId();
  }

  /**
   * Uploads a file to {@code channel}; where the bot cannot post (a channel it is not in, a DM
   * between people) it goes to {@code user}'s DM with the bot instead, so it is never lost.
   */
  public void upload(String channel, String user, String filename, String title, byte[] bytes) {
    FilesUploadV2Response here =
        slack.callOk(
            "files.uploadV2",
            c -> uploadAnswer(c, file(channel, filename, title, bytes)),
            CANNOT_POST_THERE);
    if (!here.isOk()) {
      log.info("Cannot post {} in {} ({}); sending it by DM", filename, channel, here.getError());
      String dm = directMessageChannel(user);
      slack.callOk("files.uploadV2", c -> uploadAnswer(c, file(dm, filename, title, bytes)));
    }
  }

  /**
   * The SDK's filesUploadV2 throws where every other method answers {@code ok:false}; this turns
   * the refusal back into an answer, so the gateway's accepted errors work for it too.
   */
  private static FilesUploadV2Response uploadAnswer(
      MethodsClient client,
      RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file)
      throws IOException, SlackApiException {
    try {
      return client.filesUploadV2(file);
    } catch (SlackFilesUploadV2Exception refused) {
      FilesUploadV2Response answer = new FilesUploadV2Response();
      answer.setOk(false);
      answer.setError(uploadError(refused));
      return answer;
    }
  }

  /** The channel is only checked in the last step, completeUploadExternal. */
  private static String uploadError(SlackFilesUploadV2Exception refused) {
    if (refused.getCompleteResponse() != null) {
      return refused.getCompleteResponse().getError();
    }
    return refused.getGetURLResponses().stream()
        .filter(response -> !response.isOk())
        .map(FilesGetUploadURLExternalResponse::getError)
        .findFirst()
        .orElse("upload_failed");
  }

  private static RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file(
      String channel, String filename, String title, byte[] bytes) {
    return r -> r.channel(channel).filename(filename).title(title).fileData(bytes);
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
