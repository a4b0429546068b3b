package dev.sevzero.fakeslack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Terse JSON building, so handlers read like the Slack responses they produce. */
final class Json {
  static final Gson GSON = new Gson();

  private Json() {}

  /** {@code obj("ok", true, "ts", ts)}; null values are left out, as Slack omits them. */
  static JsonObject obj(Object... keysAndValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null) {
        o.add(
            (String) keysAndValues[i],
            value instanceof JsonElement e ? e.deepCopy() : GSON.toJsonTree(value));
      }
    }
    return o;
  }

  static JsonElement parse(String text) {
    return JsonParser.parseString(text);
  }

  static String str(JsonObject o, String key) {
    JsonElement e = o == null ? null : o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
