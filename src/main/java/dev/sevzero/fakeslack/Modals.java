package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The modals open for each user, and the short-lived trigger ids that let the app open them. */
final class Modals {
  /** Slack lets a trigger_id open a modal for 3 seconds. */
  private static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

  private final Clock clock;
  private final Ids ids;
  private final Map<String, Trigger> triggers = new HashMap<>();
  private final Map<String, FakeView> views = new LinkedHashMap<>();

  Modals(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
  }

  synchronized String issueTrigger(String userId) {
    Instant now = clock.instant();
    String id = ids.next() + "." + now.toEpochMilli() + "." + FakeSlack.TEAM_ID;
    triggers.put(id, new Trigger(userId, now));
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
    if (Duration.between(t.issuedAt, clock.instant()).compareTo(TRIGGER_LIFETIME) > 0) {
      throw new ApiError("expired_trigger_id");
    }
    t.used = true;
    return t.userId;
  }

  synchronized FakeView openView(String userId, JsonObject view) {
    return putView(ids.newId('V'), userId, view);
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
    v.addProperty("hash", ids.newTs());
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

  // Mutable, only touched under this object's lock.
  private static final class Trigger {
    final String userId;
    final Instant issuedAt;
    boolean used;

    Trigger(String userId, Instant issuedAt) {
      this.userId = userId;
      this.issuedAt = issuedAt;
    }
  }

  /** What Slack's client does with a view submission's ack: update, push, clear or close. */
  void applyResponseAction(FakeView submitted, JsonObject ack) {
    String action = Json.str(ack, "response_action");
    if ("errors".equals(action)) {
      return; // the modal stays open showing the errors
    }
    if ("update".equals(action)) {
      updateView(submitted.id(), null, ack.getAsJsonObject("view"));
    } else if ("push".equals(action)) {
      openView(submitted.user(), ack.getAsJsonObject("view"));
    } else if ("clear".equals(action)) {
      openViews(submitted.user()).forEach(v -> closeView(v.id()));
    } else {
      closeView(submitted.id());
    }
  }
}
