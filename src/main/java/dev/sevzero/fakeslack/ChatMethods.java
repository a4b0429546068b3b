package dev.sevzero.fakeslack;

import static dev.sevzero.fakeslack.WebApi.Tokens.BOT;

/** chat.* and pins.*: the messages the bot posts, edits and pins. */
final class ChatMethods {
  private ChatMethods() {}

  static void register(WebApi api, Workspace ws) {
    api.register(
        "chat.postMessage",
        BOT,
        p -> {
          FakeMessage m =
              ws.messages()
                  .post(
                      p.get("channel"),
                      FakeSlack.BOT_USER_ID,
                      p.get("text"),
                      p.blocks(),
                      p.get("thread_ts"),
                      p.object("metadata"));
          return Json.obj("channel", m.channel(), "ts", m.ts(), "message", m.raw());
        });
    api.register(
        "chat.postEphemeral",
        BOT,
        p -> {
          FakeMessage m =
              ws.messages()
                  .postEphemeral(p.get("channel"), p.required("user"), p.get("text"), p.blocks());
          return Json.obj("message_ts", m.ts());
        });
    api.register(
        "chat.update",
        BOT,
        p -> {
          String channel = ws.channels().resolveChannel(p.get("channel"));
          FakeMessage m =
              ws.messages().update(channel, p.required("ts"), p.get("text"), p.blocks());
          return Json.obj("channel", channel, "ts", m.ts(), "text", m.text(), "message", m.raw());
        });
    api.register(
        "pins.add",
        BOT,
        p -> {
          ws.messages()
              .pin(ws.channels().resolveChannel(p.get("channel")), p.required("timestamp"));
          return Json.obj();
        });
    api.register(
        "pins.list",
        BOT,
        p -> Json.obj("items", ws.messages().pins(ws.channels().resolveChannel(p.get("channel")))));
  }
}
