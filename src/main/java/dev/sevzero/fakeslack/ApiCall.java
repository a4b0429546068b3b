package dev.sevzero.fakeslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * One recorded Web API call.
 *
 * @param params form fields, or the JSON body's top-level fields flattened to strings
 * @param response the JSON body the fake answered (also for injected failures)
 * @param at the fake's clock when the call arrived
 */
public record ApiCall(String method, Map<String, String> params, JsonObject response, Instant at) {

  public String param(String name) {
    return params.get(name);
  }

  public boolean ok() {
    JsonElement ok = response.get("ok");
    return ok != null && ok.getAsBoolean();
  }
}
