package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A Web API call's arguments, with the conversions Slack applies to them. */
record Params(Map<String, String> map) {

  private static final int MAX_HEADER_TEXT = 150;

  /** Slack refuses a message of more blocks than this. */
  private static final int MAX_BLOCKS = 50;

  String get(String name) {
    String v = map.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  String required(String name) {
    String v = get(name);
    if (v == null) {
      throw new ApiError("invalid_arguments");
    }
    return v;
  }

  /** A comma-separated list such as conversations.invite's {@code users}. */
  List<String> list(String name) {
    String v = get(name);
    return v == null
        ? List.of()
        : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  int intOr(String name, int fallback) {
    String v = get(name);
    return v == null ? fallback : Integer.parseInt(v);
  }

  boolean bool(String name) {
    return "true".equals(get(name)) || "1".equals(get(name));
  }

  /** Blocks arrive as a JSON string; Slack rejects malformed ones with invalid_blocks. */
  JsonArray blocks() {
    JsonElement e = parsed("blocks", "invalid_blocks");
    if (e != null && !e.isJsonArray()) {
      throw new ApiError("invalid_blocks");
    }
    return e == null ? null : validBlocks(e.getAsJsonArray());
  }

  /**
   * The blocks of a message an app answers with (an ack, a response_url reply), held to the same
   * limits as the Web API's; null when it has none.
   */
  static JsonArray blocksOf(JsonObject message) {
    JsonElement e = message.get("blocks");
    return e != null && e.isJsonArray() ? validBlocks(e.getAsJsonArray()) : null;
  }

  private static JsonArray validBlocks(JsonArray blocks) {
    if (blocks.size() > MAX_BLOCKS) {
      throw new ApiError("invalid_blocks");
    }
    blocks.forEach(Params::requireValidBlock);
    return blocks;
  }

  /** Slack's limits that the bot can run into: a header's text is at most 150 characters. */
  private static void requireValidBlock(JsonElement block) {
    if (!block.isJsonObject()) {
      throw new ApiError("invalid_blocks");
    }
    JsonObject object = block.getAsJsonObject();
    if ("header".equals(Json.str(object, "type"))) {
      JsonObject text = object.getAsJsonObject("text");
      String content = text == null ? null : Json.str(text, "text");
      if (content == null || content.isEmpty() || content.length() > MAX_HEADER_TEXT) {
        throw new ApiError("invalid_blocks");
      }
    }
  }

  JsonObject object(String name) {
    JsonElement e = parsed(name, "invalid_arguments");
    if (e != null && !e.isJsonObject()) {
      throw new ApiError("invalid_arguments");
    }
    return e == null ? null : e.getAsJsonObject();
  }

  JsonArray array(String name) {
    JsonElement e = parsed(name, "invalid_arguments");
    if (e != null && !e.isJsonArray()) {
      throw new ApiError("invalid_arguments");
    }
    return e == null ? null : e.getAsJsonArray();
  }

  private JsonElement parsed(String name, String error) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      return Json.parse(v);
    } catch (JsonParseException e) {
      throw new ApiError(error);
    }
  }
}
