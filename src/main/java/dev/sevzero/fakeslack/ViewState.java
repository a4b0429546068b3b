package dev.sevzero.fakeslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** What a modal's inputs hold when a user submits it, as Slack reports it in the payload. */
final class ViewState {

  private ViewState() {}

  /** state.values[block_id][action_id] for every input block, filled from values by action_id. */
  static JsonObject values(JsonObject view, Map<String, String> values) {
    Map<String, String> unused = new HashMap<>(values);
    JsonObject state = new JsonObject();
    for (JsonElement b : view.getAsJsonArray("blocks")) {
      JsonObject block = b.getAsJsonObject();
      if (!"input".equals(Json.str(block, "type"))) {
        continue;
      }
      JsonObject element = block.getAsJsonObject("element");
      String actionId = Json.str(element, "action_id");
      String type = Json.str(element, "type");
      String value = unused.remove(actionId);
      JsonObject entry = Json.obj("type", type);
      if ("static_select".equals(type)) {
        entry.add("selected_option", value == null ? null : option(element, value));
      } else {
        entry.addProperty("value", value);
      }
      JsonObject forBlock = new JsonObject();
      forBlock.add(actionId, entry);
      state.add(Json.str(block, "block_id"), forBlock);
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("no input with action_id " + unused.keySet());
    }
    return state;
  }

  private static JsonObject option(JsonObject select, String value) {
    for (JsonElement o : select.getAsJsonArray("options")) {
      if (value.equals(Json.str(o.getAsJsonObject(), "value"))) {
        return o.getAsJsonObject().deepCopy();
      }
    }
    throw new IllegalArgumentException("no option " + value + " in " + select);
  }
}
