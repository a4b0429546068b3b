package dev.sevzero.fakeslack;

import static dev.sevzero.fakeslack.WebApi.Tokens.BOT;

import com.google.gson.JsonObject;

/** conversations.*: channel lifecycle, membership, topic and history. */
final class ConversationsMethods {
  private ConversationsMethods() {}

  static void register(WebApi api, Workspace ws) {
    api.register("conversations.create", BOT, p -> Json.obj("channel", ws.create(p.get("name"))));
    api.register(
        "conversations.invite",
        BOT,
        p -> Json.obj("channel", ws.invite(channel(p), p.list("users"))));
    api.register(
        "conversations.join",
        BOT,
        p -> {
          String id = channel(p);
          boolean already = ws.join(id);
          return Json.obj(
              "channel", ws.channelJson(id),
              "warning", already ? "already_in_channel" : null,
              "response_metadata",
                  already ? Json.obj("warnings", new String[] {"already_in_channel"}) : null);
        });
    api.register(
        "conversations.setTopic",
        BOT,
        p -> Json.obj("channel", ws.setTopic(channel(p), p.get("topic"))));
    api.register(
        "conversations.list",
        BOT,
        p ->
            Json.obj(
                "channels", ws.publicChannels(),
                "response_metadata", Json.obj("next_cursor", "")));
    api.register("conversations.info", BOT, p -> Json.obj("channel", ws.channelJson(channel(p))));
    api.register(
        "conversations.members",
        BOT,
        p ->
            Json.obj(
                "members", ws.members(channel(p)),
                "response_metadata", Json.obj("next_cursor", "")));
    api.register(
        "conversations.history",
        BOT,
        p ->
            Json.obj(
                "messages",
                    ws.history(
                        channel(p),
                        p.get("oldest"),
                        p.get("latest"),
                        p.intOr("limit", 100),
                        p.bool("include_all_metadata")),
                "has_more", false,
                "response_metadata", Json.obj("next_cursor", "")));
    api.register(
        "conversations.open",
        BOT,
        p -> {
          var users = p.list("users");
          if (users.size() != 1) {
            // Group DMs are not modelled.
            throw new ApiError(users.isEmpty() ? "users_list_not_supplied" : "not_supported");
          }
          if (ws.user(users.get(0)).deleted()) {
            throw new ApiError("user_disabled");
          }
          JsonObject channel = ws.channelJson(ws.dmChannel(users.get(0)));
          return Json.obj("channel", channel);
        });
  }

  private static String channel(Params p) {
    String id = p.get("channel");
    if (id == null) {
      throw new ApiError("channel_not_found");
    }
    return id;
  }
}
