package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Every channel's messages, ephemeral ones included, as they are posted, edited, deleted and
 * pinned; listeners hear of each new or edited message.
 */
final class Messages {
  private final Ids ids;
  private final People people;
  private final Channels channels;
  private final Map<String, Map<String, Message>> messages = new HashMap<>();
  private final List<Consumer<FakeMessage>> listeners = new CopyOnWriteArrayList<>();
  // Listeners run outside the lock and in order, so a slow printer never blocks the API.
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fakeslack-listeners");
            t.setDaemon(true);
            return t;
          });

  Messages(Ids ids, People people, Channels channels) {
    this.ids = ids;
    this.people = people;
    this.channels = channels;
  }

  /** chat.postMessage; {@code metadata} ({@code event_type}, {@code event_payload}) is kept. */
  synchronized FakeMessage post(
      String channelRef,
      String user,
      String text,
      JsonArray blocks,
      String threadTs,
      JsonObject metadata) {
    String channelId = channels.resolveChannel(channelRef);
    channels.requireBotMember(channelId);
    requireContent(text, blocks);
    Message message = new Message(ids.newTs(), channelId, user, text, blocks, null, threadTs);
    message.metadata = metadata;
    return store(channelId, message);
  }

  synchronized FakeMessage postEphemeral(
      String channelRef, String userId, String text, JsonArray blocks) {
    String channelId = channels.resolveChannel(channelRef);
    channels.requireBotMember(channelId);
    people.user(userId);
    if (!channels.members(channelId).contains(userId)) {
      throw new ApiError("user_not_in_channel");
    }
    requireContent(text, blocks);
    return storeEphemeral(channelId, userId, text, blocks);
  }

  /** An ephemeral message shown by Slack itself (slash command acks, response_url replies). */
  synchronized FakeMessage storeEphemeral(
      String channelId, String userId, String text, JsonArray blocks) {
    Message m =
        new Message(ids.newTs(), channelId, FakeSlack.BOT_USER_ID, text, blocks, userId, null);
    return store(channelId, m);
  }

  /** A person writing in a channel they are a member of. */
  synchronized FakeMessage userPost(String channelId, String userId, String text) {
    List<String> members = channels.members(channelId);
    people.user(userId);
    if (!members.contains(userId)) {
      throw new IllegalArgumentException(userId + " is not in " + channelId);
    }
    requireContent(text, null);
    return store(channelId, new Message(ids.newTs(), channelId, userId, text, null, null, null));
  }

  /** A message visible to everyone in the channel, bypassing membership (Slack's own posts). */
  synchronized FakeMessage storeVisible(String channelId, String user, String text, JsonArray b) {
    return store(channelId, new Message(ids.newTs(), channelId, user, text, b, null, null));
  }

  /** The bot's message sharing an uploaded file, as files.completeUploadExternal posts it. */
  synchronized void shareFile(String channelId, String comment, String threadTs, JsonObject file) {
    Message m =
        new Message(
            ids.newTs(),
            channelId,
            FakeSlack.BOT_USER_ID,
            comment == null ? "" : comment,
            null,
            null,
            threadTs);
    m.subtype = "file_share";
    m.files.add(file);
    store(channelId, m);
  }

  private static void requireContent(String text, JsonArray blocks) {
    if ((text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())) {
      throw new ApiError("no_text");
    }
  }

  private FakeMessage store(String channelId, Message m) {
    messages.computeIfAbsent(channelId, k -> new LinkedHashMap<>()).put(m.ts, m);
    return announce(m.snapshot());
  }

  private FakeMessage announce(FakeMessage m) {
    listeners.forEach(l -> notifier.execute(() -> l.accept(m)));
    return m;
  }

  synchronized FakeMessage update(String channelId, String ts, String text, JsonArray blocks) {
    channels.requireExists(channelId);
    Message m = message(channelId, ts);
    if (!FakeSlack.BOT_USER_ID.equals(m.user) || m.visibleTo != null) {
      throw new ApiError("cant_update_message");
    }
    return edit(m, text, blocks);
  }

  /**
   * What {@code replace_original} through a response URL does on Slack: the new message takes the
   * original's place entirely, so text alone leaves no blocks (and no buttons) behind.
   */
  synchronized FakeMessage replaceEntirely(
      String channelId, String ts, String text, JsonArray blocks) {
    Message m = message(channelId, ts);
    m.text = text == null ? "" : text;
    m.blocks = blocks;
    m.edited = true;
    return announce(m.snapshot());
  }

  private FakeMessage edit(Message m, String text, JsonArray blocks) {
    if (text != null) {
      m.text = text;
    }
    if (blocks != null) {
      m.blocks = blocks;
    }
    m.edited = true;
    return announce(m.snapshot());
  }

  synchronized void delete(String channelId, String ts) {
    Map<String, Message> inChannel = messages.get(channelId);
    if (inChannel == null || inChannel.remove(ts) == null) {
      throw new ApiError("message_not_found");
    }
    channels.unpin(channelId, ts);
  }

  synchronized FakeMessage snapshot(String channelId, String ts) {
    return message(channelId, ts).snapshot();
  }

  private Message message(String channelId, String ts) {
    Message m = messages.getOrDefault(channelId, Map.of()).get(ts);
    if (m == null) {
      throw new ApiError("message_not_found");
    }
    return m;
  }

  synchronized List<FakeMessage> inChannel(String channelId) {
    return messages.getOrDefault(channelId, Map.of()).values().stream()
        .map(Message::snapshot)
        .toList();
  }

  /** conversations.history: newest first, no ephemeral messages, bounded by oldest/latest. */
  synchronized List<JsonObject> history(
      String channelId, String oldest, String latest, int limit, boolean withMetadata) {
    channels.requireBotMember(channelId);
    List<JsonObject> out = new ArrayList<>();
    for (Message m : messages.getOrDefault(channelId, Map.of()).values()) {
      if (m.visibleTo == null
          && (oldest == null || compareTs(m.ts, oldest) > 0)
          && (latest == null || compareTs(m.ts, latest) < 0)) {
        JsonObject json = m.json();
        if (withMetadata && m.metadata != null) {
          json.add("metadata", m.metadata.deepCopy());
        }
        out.add(0, json);
      }
    }
    return out.subList(0, Math.min(limit, out.size()));
  }

  private static int compareTs(String a, String b) {
    return new BigDecimal(a).compareTo(new BigDecimal(b));
  }

  synchronized void pin(String channelId, String ts) {
    channels.requireBotMember(channelId);
    channels.pin(channelId, message(channelId, ts).ts);
  }

  synchronized List<JsonObject> pins(String channelId) {
    return channels.pinned(channelId).stream()
        .map(ts -> messages.get(channelId).get(ts))
        .map(
            m ->
                Json.obj(
                    "type",
                    "message",
                    "channel",
                    channelId,
                    "created",
                    Long.parseLong(m.ts.substring(0, m.ts.indexOf('.'))),
                    "created_by",
                    FakeSlack.BOT_USER_ID,
                    "message",
                    m.json()))
        .toList();
  }

  void onMessage(Consumer<FakeMessage> listener) {
    listeners.add(listener);
  }

  void close() {
    notifier.shutdownNow();
  }

  // Mutable, only touched under this object's lock.
  private static final class Message {
    final String ts;
    final String channel;
    final String user;
    final String visibleTo;
    final String threadTs;
    final List<JsonObject> files = new ArrayList<>();
    String text;
    JsonArray blocks;
    boolean edited;
    String subtype;
    JsonObject metadata;

    Message(
        String ts,
        String channel,
        String user,
        String text,
        JsonArray blocks,
        String visibleTo,
        String threadTs) {
      this.ts = ts;
      this.channel = channel;
      this.user = user;
      this.text = text == null ? "" : text;
      this.blocks = blocks;
      this.visibleTo = visibleTo;
      this.threadTs = threadTs;
    }

    JsonObject json() {
      boolean fromBot = FakeSlack.BOT_USER_ID.equals(user);
      return Json.obj(
          "type",
          "message",
          "subtype",
          subtype,
          "user",
          user,
          "bot_id",
          fromBot ? FakeSlack.BOT_ID : null,
          "app_id",
          fromBot ? FakeSlack.APP_ID : null,
          "team",
          FakeSlack.TEAM_ID,
          "text",
          text,
          "ts",
          ts,
          "thread_ts",
          threadTs,
          "blocks",
          blocks,
          "files",
          files.isEmpty() ? null : files,
          "edited",
          edited ? Json.obj("user", user, "ts", ts) : null);
    }

    FakeMessage snapshot() {
      return new FakeMessage(
          ts,
          channel,
          user,
          text,
          blocks == null ? null : blocks.deepCopy(),
          visibleTo,
          threadTs,
          edited,
          json());
    }
  }
}
