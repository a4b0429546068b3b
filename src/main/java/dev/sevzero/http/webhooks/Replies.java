package dev.sevzero.http.webhooks;

import com.google.gson.JsonObject;
import dev.sevzero.http.WebReply;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON answers of the webhook endpoints: {@code {"ok":…, …}}, or an error naming the problem.
 */
final class Replies {

  private static final String JSON = "application/json";

  private Replies() {}

  static WebReply ok(Map<String, String> fields) {
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    fields.forEach(body::addProperty);
    return json(200, body);
  }

  static WebReply error(int status, String problem) {
    JsonObject body = new JsonObject();
    body.addProperty("ok", false);
    body.addProperty("error", problem);
    return json(status, body);
  }

  private static WebReply json(int status, JsonObject body) {
    return new WebReply(status, JSON, Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
