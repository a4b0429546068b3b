package dev.sevzero.slack.delivery;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.sevzero.deliveries.Delivery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a delivery's message once. Every post carries Slack message metadata naming its delivery; a
 * resumed delivery (an earlier attempt may have reached Slack) first reads the channel's history
 * since the delivery was stored and adopts the message it finds instead of posting it again.
 */
public final class Poster {

  static final String EVENT_TYPE = "sevzero_delivery";
  private static final String DELIVERY_ID = "delivery_id";
  private static final int HISTORY_PAGE = 200;

  private final Attempt attempt;

  public Poster(Attempt attempt) {
    this.attempt = attempt;
  }

  /**
   * Posts to {@code channel} (joining a public channel the bot is not in yet) unless the delivery
   * already did; returns the message's {@code ts}.
   */
  public String post(Delivery delivery, String channel, String text, String blocksJson) {
    if (delivery.resumed()) {
      Optional<String> already = alreadyPosted(delivery, channel);
      if (already.isPresent()) {
        return already.get();
      }
    }
    Message.Metadata metadata =
        new Message.Metadata(EVENT_TYPE, Map.of(DELIVERY_ID, Long.toString(delivery.id())));
    ChatPostMessageResponse answer =
        attempt.call(
            "chat.postMessage",
            c ->
                c.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .text(text)
                            .blocksAsString(blocksJson)
                            .metadata(metadata)),
            "not_in_channel");
    if ("not_in_channel".equals(answer.getError())) {
      attempt.call("conversations.join", c -> c.conversationsJoin(r -> r.channel(channel)));
      answer =
          attempt.call(
              "chat.postMessage",
              c ->
                  c.chatPostMessage(
                      r ->
                          r.channel(channel)
                              .text(text)
                              .blocksAsString(blocksJson)
                              .metadata(metadata)));
    }
    return answer.getTs();
  }

  /** The DM channel with {@code user}, opened if need be. */
  public String directMessageChannel(String user) {
    return attempt
        .call("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(user))))
        .getChannel()
        .getId();
  }

  /**
   * Where a resumed upload may already have reached Slack, the file shared in {@code channel} since
   * the delivery was stored under the same name and title, if any. Uploads carry no metadata, so
   * two uploads of the same file name and title to the same place within that window count as one:
   * the person asked for the same file twice while the first was being delivered.
   */
  public Optional<String> alreadyUploaded(
      Delivery delivery, String channel, String filename, String title) {
    return historySince(delivery, channel).stream()
        .filter(message -> message.getFiles() != null)
        .flatMap(message -> message.getFiles().stream())
        .filter(file -> filename.equals(file.getName()) && title.equals(file.getTitle()))
        .map(file -> file.getId())
        .findFirst();
  }

  private Optional<String> alreadyPosted(Delivery delivery, String channel) {
    String id = Long.toString(delivery.id());
    return historySince(delivery, channel).stream()
        .filter(message -> message.getMetadata() != null)
        .filter(message -> EVENT_TYPE.equals(message.getMetadata().getEventType()))
        .filter(
            message ->
                message.getMetadata().getEventPayload() != null
                    && id.equals(
                        String.valueOf(message.getMetadata().getEventPayload().get(DELIVERY_ID))))
        .map(Message::getTs)
        .findFirst();
  }

  /** The channel's messages since the delivery was stored; none if the bot cannot read it. */
  private List<Message> historySince(Delivery delivery, String channel) {
    // A second before it was stored: Slack's ts and our clock need not agree to the millisecond.
    String oldest =
        BigDecimal.valueOf(delivery.createdAt().toEpochMilli() - 1_000, 3).toPlainString();
    ConversationsHistoryResponse history =
        attempt.call(
            "conversations.history",
            c ->
                c.conversationsHistory(
                    r ->
                        r.channel(channel)
                            .oldest(oldest)
                            .limit(HISTORY_PAGE)
                            .includeAllMetadata(true)),
            "not_in_channel",
            "channel_not_found");
    if (!history.isOk() || history.getMessages() == null) {
      return List.of();
    }
    return history.getMessages();
  }
}
