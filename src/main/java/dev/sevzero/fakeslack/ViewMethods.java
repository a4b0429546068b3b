package dev.sevzero.fakeslack;

import static dev.sevzero.fakeslack.WebApi.Tokens.BOT;

/** views.open / update / push: modals, gated by Slack's 3-second trigger_id. */
final class ViewMethods {
  private ViewMethods() {}

  static void register(WebApi api, Workspace ws) {
    WebApi.Method open =
        p -> {
          String user = ws.modals().redeemTrigger(p.get("trigger_id"));
          return Json.obj("view", ws.modals().openView(user, p.object("view")).view());
        };
    api.register("views.open", BOT, open);
    // The fake keeps no view stack: a pushed view is simply another open view.
    api.register("views.push", BOT, open);
    api.register(
        "views.update",
        BOT,
        p -> {
          String viewId = p.get("view_id");
          String externalId = p.get("external_id");
          if (viewId == null && externalId == null) {
            throw new ApiError("invalid_arguments");
          }
          return Json.obj(
              "view", ws.modals().updateView(viewId, externalId, p.object("view")).view());
        });
  }
}
