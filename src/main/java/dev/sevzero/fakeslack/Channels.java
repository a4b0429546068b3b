package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Channels and the bot's DMs: who is in them, their topics and which messages are pinned. */
final class Channels {
  private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9_-]+");

  private final Clock clock;
  private final Ids ids;
  private final People people;
  private final Map<String, Channel> channels = new LinkedHashMap<>();

  Channels(Clock clock, Ids ids, People people) {
    this.clock = clock;
    this.ids = ids;
    this.people = people;
  }

  synchronized String addChannel(String name, String creator, String... memberIds) {
    validateChannelName(name);
    Channel c = new Channel(ids.newId('C'), name, false, creator, clock.instant());
    c.members.addAll(List.of(memberIds));
    channels.put(c.id, c);
    return c.id;
  }

  private void validateChannelName(String name) {
    if (name == null || name.isEmpty()) {
      throw new ApiError("invalid_name_required");
    }
    if (name.length() > 80) {
      throw new ApiError("invalid_name_maxlength");
    }
    if (!CHANNEL_NAME.matcher(name).matches()) {
      throw new ApiError("invalid_name_specials");
    }
    if (channels.values().stream().anyMatch(c -> name.equals(c.name))) {
      throw new ApiError("name_taken");
    }
  }

  /** The bot's DM with a user, created on first use as Slack does for conversations.open. */
  synchronized String dmChannel(String userId) {
    people.user(userId);
    for (Channel c : channels.values()) {
      if (c.isIm && c.members.contains(userId)) {
        return c.id;
      }
    }
    Channel dm = new Channel(ids.newId('D'), null, true, FakeSlack.BOT_USER_ID, clock.instant());
    dm.members.add(FakeSlack.BOT_USER_ID);
    dm.members.add(userId);
    channels.put(dm.id, dm);
    return dm.id;
  }

  synchronized Optional<FakeChannel> channel(String id) {
    return Optional.ofNullable(channels.get(id)).map(Channel::snapshot);
  }

  synchronized Optional<FakeChannel> channelByName(String name) {
    return channels.values().stream()
        .filter(c -> name.equals(c.name))
        .findFirst()
        .map(Channel::snapshot);
  }

  synchronized List<FakeChannel> all() {
    return channels.values().stream().map(Channel::snapshot).toList();
  }

  /** Resolves what chat.postMessage accepts as channel: an id, "#name", or a user id (DM). */
  synchronized String resolveChannel(String ref) {
    if (ref == null || ref.isEmpty()) {
      throw new ApiError("channel_not_found");
    }
    if (channels.containsKey(ref)) {
      return ref;
    }
    if (people.exists(ref) && !ref.equals(FakeSlack.BOT_USER_ID)) {
      return dmChannel(ref);
    }
    String name = ref.startsWith("#") ? ref.substring(1) : ref;
    return channels.values().stream()
        .filter(c -> name.equals(c.name))
        .map(c -> c.id)
        .findFirst()
        .orElseThrow(() -> new ApiError("channel_not_found"));
  }

  /** Fails as Slack does unless the channel exists. */
  synchronized void requireExists(String id) {
    existing(id);
  }

  /** Fails as Slack does unless the bot may act in the channel; public channels need membership. */
  synchronized void requireBotMember(String id) {
    botMemberOf(id);
  }

  private Channel existing(String id) {
    Channel c = channels.get(id);
    if (c == null) {
      throw new ApiError("channel_not_found");
    }
    return c;
  }

  private Channel botMemberOf(String id) {
    Channel c = existing(id);
    if (!c.members.contains(FakeSlack.BOT_USER_ID)) {
      throw new ApiError("not_in_channel");
    }
    return c;
  }

  synchronized JsonObject channelJson(String id) {
    return existing(id).json();
  }

  /** conversations.list: the public channels, as Slack lists them to a bot. */
  synchronized List<JsonObject> publicChannels() {
    return channels.values().stream().filter(c -> !c.isIm).map(Channel::json).toList();
  }

  synchronized JsonObject create(String name) {
    return channels.get(addChannel(name, FakeSlack.BOT_USER_ID, FakeSlack.BOT_USER_ID)).json();
  }

  synchronized JsonObject invite(String channelId, List<String> userIds) {
    Channel c = botMemberOf(channelId);
    if (userIds.isEmpty()) {
      throw new ApiError("no_user");
    }
    // Like Slack without force=true: any bad user fails the whole call, listed in "errors".
    JsonArray errors = new JsonArray();
    for (String u : userIds) {
      String error =
          u.equals(FakeSlack.BOT_USER_ID)
              ? "cant_invite_self"
              : !people.exists(u)
                  ? "user_not_found"
                  : c.members.contains(u) ? "already_in_channel" : null;
      if (error != null) {
        errors.add(Json.obj("user", u, "ok", false, "error", error));
      }
    }
    if (!errors.isEmpty()) {
      String first = errors.get(0).getAsJsonObject().get("error").getAsString();
      throw new ApiError(first, Json.obj("errors", errors));
    }
    c.members.addAll(userIds);
    return c.json();
  }

  /** Joins the bot; returns whether it already was a member (Slack then warns, not fails). */
  synchronized boolean join(String channelId) {
    Channel c = existing(channelId);
    if (c.isIm) {
      throw new ApiError("method_not_supported_for_channel_type");
    }
    return !c.members.add(FakeSlack.BOT_USER_ID);
  }

  synchronized JsonObject setTopic(String channelId, String topic) {
    Channel c = botMemberOf(channelId);
    if (topic != null && topic.length() > 250) {
      throw new ApiError("too_long");
    }
    c.topic = topic == null ? "" : topic;
    c.topicSetAt = clock.instant();
    return c.json();
  }

  synchronized List<String> members(String channelId) {
    return List.copyOf(existing(channelId).members);
  }

  // ---- pins; the messages themselves are kept by Messages

  /** Pins a message the caller found in the channel; the bot must be a member. */
  synchronized void pin(String channelId, String ts) {
    Channel c = botMemberOf(channelId);
    if (c.pinned.contains(ts)) {
      throw new ApiError("already_pinned");
    }
    c.pinned.add(ts);
  }

  synchronized List<String> pinned(String channelId) {
    return List.copyOf(existing(channelId).pinned);
  }

  synchronized void unpin(String channelId, String ts) {
    channels.get(channelId).pinned.remove(ts);
  }

  // Mutable, only touched under this object's lock.
  private static final class Channel {
    final String id;
    final String name;
    final boolean isIm;
    final String createdBy;
    final Instant created;
    final Set<String> members = new LinkedHashSet<>();
    final List<String> pinned = new ArrayList<>();
    String topic = "";
    Instant topicSetAt;

    Channel(String id, String name, boolean isIm, String createdBy, Instant created) {
      this.id = id;
      this.name = name;
      this.isIm = isIm;
      this.createdBy = createdBy;
      this.created = created;
    }

    FakeChannel snapshot() {
      return new FakeChannel(
          id, name, isIm, topic, Set.copyOf(members), List.copyOf(pinned), createdBy);
    }

    JsonObject json() {
      if (isIm) {
        String other =
            members.stream().filter(m -> !m.equals(FakeSlack.BOT_USER_ID)).findFirst().orElse(null);
        return Json.obj(
            "id",
            id,
            "is_im",
            true,
            "is_channel",
            false,
            "is_private",
            true,
            "user",
            other,
            "created",
            created.getEpochSecond(),
            "is_open",
            true);
      }
      return Json.obj(
          "id",
          id,
          "name",
          name,
          "name_normalized",
          name,
          "is_channel",
          true,
          "is_group",
          false,
          "is_im",
          false,
          "is_mpim",
          false,
          "is_private",
          false,
          "is_archived",
          false,
          "is_general",
          false,
          "created",
          created.getEpochSecond(),
          "creator",
          createdBy,
          "is_member",
          members.contains(FakeSlack.BOT_USER_ID),
          "num_members",
          members.size(),
          "topic",
          Json.obj(
              "value", topic,
              "creator", topicSetAt == null ? "" : FakeSlack.BOT_USER_ID,
              "last_set", topicSetAt == null ? 0 : topicSetAt.getEpochSecond()),
          "purpose",
          Json.obj("value", "", "creator", "", "last_set", 0));
    }
  }
}
