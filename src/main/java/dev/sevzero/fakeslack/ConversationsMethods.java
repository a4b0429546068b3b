package dev.sevzero.fakeslack;

import static dev.sevzero.fakeslack.WebApi.Tokens.BOT;

import com.google.gson.JsonObject;

/** conversations.*: channel lifecycle, membership, topic and history. */
final class ConversationsMethods {
  private ConversationsMethods() {}

  static void register(WebApi api, Workspace ws) {
    api.register(
        "conversations.create", BOT, p -> Json.obj("channel", ws.channels().create(p.get("name"))));
    api.register(
        "conversations.invite",
        BOT,
        p -> Json.obj("channel", ws.channels().invite(channel(p), p.list("users"))));
    api.register(
        "conversations.join",
        BOT,
        p -> {
          String id = channel(p);
          boolean already = ws.channels().join(id);
          return Json.obj(
              "channel", ws.channels().channelJson(id),
              "warning", already ? "already_in_channel" : null,
              "response_metadata",
                  already ? Json.obj("warnings", new String[] {"already_in_channel"}) : null);
        });
    api.register(
        "conversations.setTopic",
        BOT,
        p -> Json.obj("channel", ws.channels().setTopic(channel(p), p.get("topic"))));
    api.register(
        "conversations.list",
        BOT,
        p ->
            Json.obj(
                "channels", ws.channels().publicChannels(),
                "response_metadata", Json.obj("next_cursor", "")));
    api.register(
        "conversations.info", BOT, p -> Json.obj("channel", ws.channels().channelJson(channel(p))));
    api.register(
        "conversations.members",
        BOT,
        p ->
            Json.obj(
                "members", ws.channels().members(channel(p)),
                "response_metadata", Json.obj("next_cursor", "")));
    api.register(
        "conversations.history",
        BOT,
        p ->
            Json.obj(
                "messages",
                    ws.messages()
                        .history(
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
          if (ws.people().user(users.get(0)).deleted()) {
            throw new ApiError("user_disabled");
          }
          JsonObject channel = ws.channels().channelJson(ws.channels().dmChannel(users.get(0)));
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
