package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Acting as a workspace user: builds the payloads Slack sends for slash commands, button presses
 * and modal submissions, delivers them, and applies the ack the way Slack's client would.
 */
final class Interactions {
  /** Slack gives an app 3 s to ack; the fake waits longer so a slow CI box is not a failure. */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

  private final Workspace ws;
  private final ResponseUrls responseUrls;
  private volatile Delivery delivery;

  Interactions(Workspace ws, ResponseUrls responseUrls, Delivery delivery) {
    this.ws = ws;
    this.responseUrls = responseUrls;
    this.delivery = delivery;
  }

  void deliverVia(Delivery delivery) {
    this.delivery = delivery;
  }

  Reply slashCommand(String userId, String channelId, String command, String text) {
    FakeUser user = knownUser(userId);
    FakeChannel channel = knownChannel(channelId);
    String responseUrl = responseUrls.issue(userId, channelId, null);
    JsonObject payload =
        Json.obj(
            "token",
            "fake-verification-token",
            "team_id",
            FakeSlack.TEAM_ID,
            "team_domain",
            "sevzero-fake",
            "channel_id",
            channelId,
            "channel_name",
            channel.isIm() ? "directmessage" : channel.name(),
            "user_id",
            userId,
            "user_name",
            user.name(),
            "command",
            command,
            "text",
            text == null ? "" : text,
            "api_app_id",
            FakeSlack.APP_ID,
            "is_enterprise_install",
            "false",
            "response_url",
            responseUrl,
            "trigger_id",
            ws.modals().issueTrigger(userId));
    Delivery.Ack ack = delivery.deliver("slash_commands", payload, ACK_TIMEOUT);
    JsonObject body = ack.payload();
    // An ack carrying a message is shown to the caller, like a response_url reply; for one that
    // breaks Slack's limits on blocks, the caller sees Slack's error instead.
    if (body != null && (body.has("text") || body.has("blocks"))) {
      try {
        JsonArray blocks = Params.blocksOf(body);
        if ("in_channel".equals(Json.str(body, "response_type"))) {
          ws.messages()
              .storeVisible(channelId, FakeSlack.BOT_USER_ID, Json.str(body, "text"), blocks);
        } else {
          ws.messages().storeEphemeral(channelId, userId, Json.str(body, "text"), blocks);
        }
      } catch (ApiError refused) {
        ws.messages()
            .storeEphemeral(
                channelId,
                userId,
                command + " failed with the error \"" + refused.code + "\"",
                null);
      }
    }
    return new Reply(ack.acked(), body, responseUrls, ResponseUrls.idOf(responseUrl));
  }

  Reply pressButton(String userId, String channelId, String messageTs, String actionId) {
    FakeUser user = knownUser(userId);
    FakeChannel channel = knownChannel(channelId);
    FakeMessage message = knownMessage(channelId, messageTs);
    if (message.ephemeral() && !message.visibleTo().equals(userId)) {
      throw new IllegalArgumentException(userId + " cannot see ephemeral message " + messageTs);
    }
    JsonObject action =
        findButton(message.blocks(), actionId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no button " + actionId + " in message " + messageTs));
    action.addProperty("action_ts", ws.newTs());
    String responseUrl = responseUrls.issue(userId, channelId, messageTs);
    JsonObject payload =
        Json.obj(
            "type",
            "block_actions",
            "user",
            userJson(user),
            "api_app_id",
            FakeSlack.APP_ID,
            "token",
            "fake-verification-token",
            "container",
            Json.obj(
                "type",
                "message",
                "message_ts",
                messageTs,
                "channel_id",
                channelId,
                "is_ephemeral",
                message.ephemeral()),
            "trigger_id",
            ws.modals().issueTrigger(userId),
            "team",
            Json.obj("id", FakeSlack.TEAM_ID, "domain", "sevzero-fake"),
            "is_enterprise_install",
            false,
            "channel",
            Json.obj("id", channelId, "name", channel.isIm() ? "directmessage" : channel.name()),
            // Slack leaves the message out for ephemeral ones.
            "message",
            message.ephemeral() ? null : message.raw(),
            "response_url",
            responseUrl,
            "actions",
            new JsonArray());
    payload.getAsJsonArray("actions").add(action);
    Delivery.Ack ack = delivery.deliver("interactive", payload, ACK_TIMEOUT);
    return new Reply(ack.acked(), ack.payload(), responseUrls, ResponseUrls.idOf(responseUrl));
  }

  /** A message shortcut on a message: Slack's message_action payload, with the message in it. */
  Reply messageShortcut(String userId, String channelId, String messageTs, String callbackId) {
    FakeUser user = knownUser(userId);
    FakeChannel channel = knownChannel(channelId);
    FakeMessage message = knownMessage(channelId, messageTs);
    if (message.ephemeral()) {
      throw new IllegalArgumentException("Slack offers no shortcuts on ephemeral messages");
    }
    String responseUrl = responseUrls.issue(userId, channelId, null);
    JsonObject payload =
        Json.obj(
            "type",
            "message_action",
            "token",
            "fake-verification-token",
            "action_ts",
            ws.newTs(),
            "team",
            Json.obj("id", FakeSlack.TEAM_ID, "domain", "sevzero-fake"),
            "user",
            userJson(user),
            "channel",
            Json.obj("id", channelId, "name", channel.isIm() ? "directmessage" : channel.name()),
            "is_enterprise_install",
            false,
            "callback_id",
            callbackId,
            "trigger_id",
            ws.modals().issueTrigger(userId),
            "response_url",
            responseUrl,
            "message_ts",
            messageTs,
            "message",
            message.raw());
    Delivery.Ack ack = delivery.deliver("interactive", payload, ACK_TIMEOUT);
    return new Reply(ack.acked(), ack.payload(), responseUrls, ResponseUrls.idOf(responseUrl));
  }

  /** The button as Slack reports it in "actions": its ids, value and text. */
  private static Optional<JsonObject> findButton(JsonArray blocks, String actionId) {
    if (blocks == null) {
      return Optional.empty();
    }
    for (JsonElement b : blocks) {
      JsonObject block = b.getAsJsonObject();
      JsonArray candidates = new JsonArray();
      if (block.has("elements")) {
        candidates.addAll(block.getAsJsonArray("elements"));
      }
      if (block.has("accessory")) {
        candidates.add(block.get("accessory"));
      }
      for (JsonElement e : candidates) {
        JsonObject element = e.getAsJsonObject();
        if ("button".equals(Json.str(element, "type"))
            && actionId.equals(Json.str(element, "action_id"))) {
          return Optional.of(
              Json.obj(
                  "action_id", actionId,
                  "block_id", Json.str(block, "block_id"),
                  "type", "button",
                  "text", element.get("text"),
                  "value", Json.str(element, "value"),
                  "style", Json.str(element, "style")));
        }
      }
    }
    return Optional.empty();
  }

  Reply submitView(String userId, String viewId, Map<String, String> values) {
    FakeUser user = knownUser(userId);
    FakeView open =
        ws.modals()
            .view(viewId)
            .filter(v -> v.user().equals(userId))
            .orElseThrow(
                () -> new IllegalArgumentException("no view " + viewId + " open for " + userId));
    JsonObject view = open.view().deepCopy();
    view.add("state", Json.obj("values", ViewState.values(view, values)));
    JsonObject payload =
        Json.obj(
            "type",
            "view_submission",
            "team",
            Json.obj("id", FakeSlack.TEAM_ID, "domain", "sevzero-fake"),
            "user",
            userJson(user),
            "api_app_id",
            FakeSlack.APP_ID,
            "token",
            "fake-verification-token",
            "trigger_id",
            ws.modals().issueTrigger(userId),
            "view",
            view,
            "response_urls",
            new JsonArray(),
            "is_enterprise_install",
            false);
    Delivery.Ack ack = delivery.deliver("interactive", payload, ACK_TIMEOUT);
    if (ack.acked()) {
      ws.modals().applyResponseAction(open, ack.payload());
    }
    return new Reply(ack.acked(), ack.payload(), responseUrls, null);
  }

  private static JsonObject userJson(FakeUser user) {
    return Json.obj(
        "id",
        user.id(),
        "username",
        user.name(),
        "name",
        user.name(),
        "team_id",
        FakeSlack.TEAM_ID);
  }

  private FakeUser knownUser(String userId) {
    try {
      return ws.people().user(userId);
    } catch (ApiError e) {
      throw new IllegalArgumentException("unknown user " + userId);
    }
  }

  private FakeMessage knownMessage(String channelId, String messageTs) {
    try {
      return ws.messages().snapshot(channelId, messageTs);
    } catch (ApiError e) {
      throw new IllegalArgumentException("no message " + messageTs + " in " + channelId);
    }
  }

  private FakeChannel knownChannel(String channelId) {
    return ws.channels()
        .channel(channelId)
        .orElseThrow(() -> new IllegalArgumentException("unknown channel " + channelId));
  }
}
