package dev.sevzero.fakeslack;

import static dev.sevzero.fakeslack.WebApi.Tokens.ANY;
import static dev.sevzero.fakeslack.WebApi.Tokens.APP;
import static dev.sevzero.fakeslack.WebApi.Tokens.BOT;

import com.google.gson.JsonObject;
import java.util.function.Supplier;

/** auth.test, apps.connections.open, users.* and usergroups.*. */
final class DirectoryMethods {
  private DirectoryMethods() {}

  static void register(WebApi api, Workspace ws, Supplier<String> socketModeUrl) {
    // The SDK calls auth.test with both the bot and the app token while starting.
    api.register(
        "auth.test",
        ANY,
        p ->
            Json.obj(
                "url",
                "https://sevzero-fake.slack.com/",
                "team",
                "Sevzero Fake",
                "user",
                "sevzero",
                "team_id",
                FakeSlack.TEAM_ID,
                "user_id",
                FakeSlack.BOT_USER_ID,
                "bot_id",
                FakeSlack.BOT_ID,
                "is_enterprise_install",
                false));
    api.register("apps.connections.open", APP, p -> Json.obj("url", socketModeUrl.get()));
    api.register(
        "users.info", BOT, p -> Json.obj("user", userJson(ws.people().user(p.required("user")))));
    api.register(
        "users.list",
        BOT,
        p ->
            Json.obj(
                "members", ws.people().users().stream().map(DirectoryMethods::userJson).toList(),
                "response_metadata", Json.obj("next_cursor", "")));
    api.register(
        "usergroups.users.update",
        BOT,
        p ->
            Json.obj(
                "usergroup",
                ws.people().setUsergroupUsers(p.required("usergroup"), p.list("users"))));
    api.register(
        "usergroups.list",
        BOT,
        p -> Json.obj("usergroups", ws.people().usergroups(p.bool("include_users"))));
  }

  static JsonObject userJson(FakeUser u) {
    return Json.obj(
        "id", u.id(),
        "team_id", FakeSlack.TEAM_ID,
        "name", u.name(),
        "real_name", u.name(),
        "deleted", u.deleted(),
        "is_bot", u.isBot(),
        "is_app_user", false,
        "tz", "America/Los_Angeles",
        "profile",
            Json.obj(
                "display_name", u.name(),
                "real_name", u.name(),
                "bot_id", u.isBot() ? FakeSlack.BOT_ID : null));
  }
}
