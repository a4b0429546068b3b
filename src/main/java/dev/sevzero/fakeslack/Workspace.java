package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The workspace's state and Slack's rules about it. Every method is synchronized: state is small
 * and calls are few, so one lock keeps reads consistent without ceremony. Accessors hand out
 * immutable snapshots.
 */
final class Workspace {
  /** Slack lets a trigger_id open a modal for 3 seconds. */
  static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

  private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9_-]+");

  private final Clock clock;
  private final Map<String, FakeUser> users = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, Map<String, Message>> messages = new HashMap<>();
  private final Map<String, Usergroup> usergroups = new LinkedHashMap<>();
  private final Map<String, Trigger> triggers = new HashMap<>();
  private final Map<String, FakeView> views = new LinkedHashMap<>();
  private final Map<String, PendingUpload> pendingUploads = new HashMap<>();
  private final List<FakeUpload> uploads = new ArrayList<>();
  private final List<Consumer<FakeMessage>> listeners = new CopyOnWriteArrayList<>();
  // Listeners run outside the lock and in order, so a slow printer never blocks the API.
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fakeslack-listeners");
            t.setDaemon(true);
            return t;
          });
  private long lastTsMicros;
  private long nextId = 1;

  Workspace(Clock clock) {
    this.clock = clock;
    users.put(FakeSlack.BOT_USER_ID, new FakeUser(FakeSlack.BOT_USER_ID, "sevzero", true, false));
  }

  Instant now() {
    return clock.instant();
  }

  // ---- ids and timestamps

  private String newId(char prefix) {
    return prefix + String.format("%08d", nextId++);
  }

  /** Slack's "seconds.micros" ts from the clock, strictly increasing even within one instant. */
  synchronized String newTs() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    lastTsMicros = Math.max(micros, lastTsMicros + 1);
    return String.format("%d.%06d", lastTsMicros / 1_000_000, lastTsMicros % 1_000_000);
  }

  // ---- users

  synchronized void addUser(String id, String name) {
    users.put(id, new FakeUser(id, name, false, false));
  }

  /** Another app's bot user (an integration), which can be mentioned like a person. */
  synchronized void addBotUser(String id, String name) {
    users.put(id, new FakeUser(id, name, true, false));
  }

  synchronized void deactivateUser(String id) {
    users.put(id, user(id).deactivated());
  }

  synchronized FakeUser user(String id) {
    FakeUser user = users.get(id);
    if (user == null) {
      throw new ApiError("user_not_found");
    }
    return user;
  }

  synchronized List<FakeUser> users() {
    return List.copyOf(users.values());
  }

  synchronized Optional<FakeUser> userByName(String name) {
    return users.values().stream().filter(u -> u.name().equals(name)).findFirst();
  }

  // ---- channels

  synchronized String addChannel(String name, String creator, String... memberIds) {
    validateChannelName(name);
    Channel c = new Channel(newId('C'), name, false, creator, now());
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
    user(userId);
    for (Channel c : channels.values()) {
      if (c.isIm && c.members.contains(userId)) {
        return c.id;
      }
    }
    Channel dm = new Channel(newId('D'), null, true, FakeSlack.BOT_USER_ID, now());
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

  synchronized List<FakeChannel> channels() {
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
    if (users.containsKey(ref) && !ref.equals(FakeSlack.BOT_USER_ID)) {
      return dmChannel(ref);
    }
    String name = ref.startsWith("#") ? ref.substring(1) : ref;
    return channels.values().stream()
        .filter(c -> name.equals(c.name))
        .map(c -> c.id)
        .findFirst()
        .orElseThrow(() -> new ApiError("channel_not_found"));
  }

  private Channel existing(String id) {
    Channel c = channels.get(id);
    if (c == null) {
      throw new ApiError("channel_not_found");
    }
    return c;
  }

  /** The channel, if the bot may act in it; public channels need membership. */
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
              : !users.containsKey(u)
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
    c.topicSetAt = now();
    return c.json();
  }

  synchronized List<String> members(String channelId) {
    return List.copyOf(existing(channelId).members);
  }

  // ---- messages

  synchronized FakeMessage post(
      String channelRef, String user, String text, JsonArray blocks, String threadTs) {
    return post(channelRef, user, text, blocks, threadTs, null);
  }

  /** chat.postMessage; {@code metadata} ({@code event_type}, {@code event_payload}) is kept. */
  synchronized FakeMessage post(
      String channelRef,
      String user,
      String text,
      JsonArray blocks,
      String threadTs,
      JsonObject metadata) {
    Channel c = botMemberOf(resolveChannel(channelRef));
    requireContent(text, blocks);
    Message message = new Message(newTs(), c.id, user, text, blocks, null, threadTs);
    message.metadata = metadata;
    return store(c.id, message);
  }

  /** conversations.list: the public channels, as Slack lists them to a bot. */
  synchronized List<JsonObject> publicChannels() {
    return channels.values().stream().filter(c -> !c.isIm).map(Channel::json).toList();
  }

  synchronized FakeMessage postEphemeral(
      String channelRef, String userId, String text, JsonArray blocks) {
    Channel c = botMemberOf(resolveChannel(channelRef));
    user(userId);
    if (!c.members.contains(userId)) {
      throw new ApiError("user_not_in_channel");
    }
    requireContent(text, blocks);
    return storeEphemeral(c.id, userId, text, blocks);
  }

  /** An ephemeral message shown by Slack itself (slash command acks, response_url replies). */
  synchronized FakeMessage storeEphemeral(
      String channelId, String userId, String text, JsonArray blocks) {
    Message m = new Message(newTs(), channelId, FakeSlack.BOT_USER_ID, text, blocks, userId, null);
    return store(channelId, m);
  }

  /** A person writing in a channel they are a member of. */
  synchronized FakeMessage userPost(String channelId, String userId, String text) {
    Channel c = existing(channelId);
    user(userId);
    if (!c.members.contains(userId)) {
      throw new IllegalArgumentException(userId + " is not in " + channelId);
    }
    requireContent(text, null);
    return store(c.id, new Message(newTs(), c.id, userId, text, null, null, null));
  }

  /** A message visible to everyone in the channel, bypassing membership (Slack's own posts). */
  synchronized FakeMessage storeVisible(String channelId, String user, String text, JsonArray b) {
    return store(channelId, new Message(newTs(), channelId, user, text, b, null, null));
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
    Message m = message(existing(channelId).id, ts);
    if (!FakeSlack.BOT_USER_ID.equals(m.user) || m.visibleTo != null) {
      throw new ApiError("cant_update_message");
    }
    return edit(m, text, blocks);
  }

  /** response_url's replace_original: Slack also replaces ephemeral originals. */
  synchronized FakeMessage replace(String channelId, String ts, String text, JsonArray blocks) {
    return edit(message(channelId, ts), text, blocks);
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
    channels.get(channelId).pinned.remove(ts);
  }

  synchronized FakeMessage messageSnapshot(String channelId, String ts) {
    return message(channelId, ts).snapshot();
  }

  private Message message(String channelId, String ts) {
    Message m = messages.getOrDefault(channelId, Map.of()).get(ts);
    if (m == null) {
      throw new ApiError("message_not_found");
    }
    return m;
  }

  synchronized List<FakeMessage> messages(String channelId) {
    return messages.getOrDefault(channelId, Map.of()).values().stream()
        .map(Message::snapshot)
        .toList();
  }

  /** conversations.history: newest first, no ephemeral messages, bounded by oldest/latest. */
  synchronized List<JsonObject> history(
      String channelId, String oldest, String latest, int limit, boolean withMetadata) {
    botMemberOf(channelId);
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
    return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
  }

  synchronized void pin(String channelId, String ts) {
    Channel c = botMemberOf(channelId);
    Message m = message(channelId, ts);
    if (c.pinned.contains(m.ts)) {
      throw new ApiError("already_pinned");
    }
    c.pinned.add(m.ts);
  }

  synchronized List<JsonObject> pins(String channelId) {
    Channel c = existing(channelId);
    return c.pinned.stream()
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

  // ---- user groups

  synchronized String addUsergroup(String handle, String... userIds) {
    Usergroup g = new Usergroup(newId('S'), handle);
    g.users.addAll(List.of(userIds));
    usergroups.put(g.id, g);
    return g.id;
  }

  synchronized JsonObject setUsergroupUsers(String id, List<String> userIds) {
    Usergroup g = usergroups.get(id);
    if (g == null) {
      throw new ApiError("no_such_subteam");
    }
    if (userIds.isEmpty() || !users.keySet().containsAll(userIds)) {
      throw new ApiError("invalid_users");
    }
    g.users.clear();
    g.users.addAll(userIds);
    return g.json(true);
  }

  synchronized List<String> usergroupUsers(String id) {
    Usergroup g = usergroups.get(id);
    return g == null ? List.of() : List.copyOf(g.users);
  }

  synchronized List<JsonObject> usergroups(boolean includeUsers) {
    return usergroups.values().stream().map(g -> g.json(includeUsers)).toList();
  }

  // ---- triggers and modals

  synchronized String issueTrigger(String userId) {
    String id = nextId++ + "." + now().toEpochMilli() + "." + FakeSlack.TEAM_ID;
    triggers.put(id, new Trigger(userId, now()));
    return id;
  }

  /** Consumes a trigger_id: unknown, older than 3 s, or already used fail as in Slack. */
  synchronized String redeemTrigger(String triggerId) {
    Trigger t = triggerId == null ? null : triggers.get(triggerId);
    if (t == null) {
      throw new ApiError("invalid_trigger_id");
    }
    if (t.used) {
      throw new ApiError("trigger_exchanged");
    }
    if (Duration.between(t.issuedAt, now()).compareTo(TRIGGER_LIFETIME) > 0) {
      throw new ApiError("expired_trigger_id");
    }
    t.used = true;
    return t.userId;
  }

  synchronized FakeView openView(String userId, JsonObject view) {
    return putView(newId('V'), userId, view);
  }

  synchronized FakeView updateView(String viewId, String externalId, JsonObject view) {
    FakeView old =
        views.values().stream()
            .filter(
                v ->
                    v.id().equals(viewId)
                        || (externalId != null
                            && externalId.equals(Json.str(v.view(), "external_id"))))
            .findFirst()
            .orElseThrow(() -> new ApiError("not_found"));
    return putView(old.id(), old.user(), view);
  }

  private FakeView putView(String id, String userId, JsonObject submitted) {
    requireModal(submitted);
    JsonObject v = submitted.deepCopy();
    v.addProperty("id", id);
    v.addProperty("team_id", FakeSlack.TEAM_ID);
    v.addProperty("app_id", FakeSlack.APP_ID);
    v.addProperty("bot_id", FakeSlack.BOT_ID);
    v.addProperty("root_view_id", id);
    v.addProperty("hash", newTs());
    for (String key : List.of("private_metadata", "callback_id", "external_id")) {
      v.addProperty(key, Objects.requireNonNullElse(Json.str(submitted, key), ""));
    }
    v.add("state", Json.obj("values", new JsonObject()));
    // Slack gives every block a block_id; submissions are keyed by it.
    if (v.has("blocks")) {
      int n = 0;
      for (JsonElement b : v.getAsJsonArray("blocks")) {
        JsonObject block = b.getAsJsonObject();
        if (!block.has("block_id")) {
          block.addProperty("block_id", "b" + id + "-" + n);
        }
        n++;
      }
    } else {
      v.add("blocks", new JsonArray());
    }
    FakeView fv =
        new FakeView(id, Json.str(v, "callback_id"), Json.str(v, "private_metadata"), v, userId);
    views.put(id, fv);
    return fv;
  }

  private static void requireModal(JsonObject view) {
    if (view == null || !"modal".equals(Json.str(view, "type")) || !view.has("title")) {
      throw new ApiError("invalid_arguments");
    }
  }

  synchronized Optional<FakeView> view(String id) {
    return Optional.ofNullable(views.get(id));
  }

  synchronized void closeView(String id) {
    views.remove(id);
  }

  synchronized List<FakeView> openViews(String userId) {
    return views.values().stream().filter(v -> v.user().equals(userId)).toList();
  }

  // ---- files

  synchronized String reserveUpload(String filename, int length) {
    if (filename == null || filename.isEmpty() || length < 1) {
      throw new ApiError("invalid_arguments");
    }
    String id = newId('F');
    pendingUploads.put(id, new PendingUpload(filename));
    return id;
  }

  /** The upload URL's POST; false if the file id was never reserved. */
  synchronized boolean receiveUpload(String fileId, byte[] bytes) {
    PendingUpload p = pendingUploads.get(fileId);
    if (p == null) {
      return false;
    }
    p.bytes = bytes;
    return true;
  }

  synchronized JsonObject completeUpload(
      String fileId, String title, String channelId, String comment, String threadTs) {
    PendingUpload p = pendingUploads.get(fileId);
    if (p == null || p.bytes == null) {
      throw new ApiError("file_not_found");
    }
    if (channelId != null) {
      botMemberOf(channelId);
    }
    pendingUploads.remove(fileId);
    String t = title == null ? p.filename : title;
    uploads.add(new FakeUpload(fileId, channelId, p.filename, t, p.bytes, comment));
    JsonObject file =
        Json.obj(
            "id",
            fileId,
            "name",
            p.filename,
            "title",
            t,
            "size",
            p.bytes.length,
            "user",
            FakeSlack.BOT_USER_ID,
            "created",
            now().getEpochSecond(),
            "channels",
            channelId == null ? List.of() : List.of(channelId));
    if (channelId != null) {
      Message m =
          new Message(
              newTs(),
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
    return file;
  }

  synchronized List<FakeUpload> uploads() {
    return List.copyOf(uploads);
  }

  void close() {
    notifier.shutdownNow();
  }

  // ---- mutable state, only touched under the workspace lock

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

  private static final class Usergroup {
    final String id;
    final String handle;
    final List<String> users = new ArrayList<>();

    Usergroup(String id, String handle) {
      this.id = id;
      this.handle = handle;
    }

    JsonObject json(boolean includeUsers) {
      return Json.obj(
          "id",
          id,
          "team_id",
          FakeSlack.TEAM_ID,
          "is_usergroup",
          true,
          "name",
          handle,
          "handle",
          handle,
          "user_count",
          users.size(),
          "users",
          includeUsers ? users : null);
    }
  }

  private static final class Trigger {
    final String userId;
    final Instant issuedAt;
    boolean used;

    Trigger(String userId, Instant issuedAt) {
      this.userId = userId;
      this.issuedAt = issuedAt;
    }
  }

  private static final class PendingUpload {
    final String filename;
    byte[] bytes;

    PendingUpload(String filename) {
      this.filename = filename;
    }
  }
}
