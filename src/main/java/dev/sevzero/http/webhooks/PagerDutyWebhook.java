package dev.sevzero.http.webhooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.sevzero.http.WebHandler;
import dev.sevzero.http.WebReply;
import dev.sevzero.http.WebRequest;
import dev.sevzero.pagerduty.PagerDutyInbound;
import dev.sevzero.pagerduty.PagerDutyNotice;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /pagerduty/webhook}: PagerDuty Webhooks v3 (SPEC §10). The signature header holds one
 * or more {@code v1=<hex HMAC-SHA256 of the body>} (several while a secret is rotated): one match
 * passes, otherwise 401. Event types and incidents we do not handle get 2xx, since PagerDuty
 * disables a subscription after repeated 4xx.
 */
public final class PagerDutyWebhook implements WebHandler {

  public static final String PATH = "/pagerduty/webhook";
  public static final String SIGNATURE = "X-PagerDuty-Signature";
  public static final String WEBHOOK_ID = "X-Webhook-Id";
  private static final Logger log = LoggerFactory.getLogger(PagerDutyWebhook.class);

  private final String secret;
  private final PagerDutyInbound inbound;

  public PagerDutyWebhook(String secret, PagerDutyInbound inbound) {
    this.secret = secret;
    this.inbound = inbound;
  }

  /** The header value PagerDuty sends for {@code body} signed with {@code secret}. */
  public static String signature(String secret, byte[] body) {
    return "v1=" + Hmac.sha256Hex(secret, body);
  }

  @Override
  public WebReply handle(WebRequest request) {
    if (!signed(request)) {
      return Replies.error(401, "missing or wrong " + SIGNATURE);
    }
    PagerDutyNotice notice;
    try {
      notice = notice(request);
    } catch (IllegalArgumentException e) {
      return Replies.error(400, e.getMessage());
    }
    PagerDutyInbound.Result result;
    try {
      result = inbound.receive(notice);
    } catch (RuntimeException e) {
      log.warn("PagerDuty webhook {} could not be stored; answering 503", notice.webhookId(), e);
      return Replies.error(503, "could not store the event now; send it again");
    }
    return Replies.ok(Map.of("outcome", result.code()));
  }

  private boolean signed(WebRequest request) {
    String header = request.header(SIGNATURE);
    if (header == null) {
      return false;
    }
    String expected = signature(secret, request.body());
    boolean match = false;
    // Every candidate is compared, so the time taken does not tell which one matched.
    for (String candidate : header.split(",")) {
      match |= Hmac.same(expected, candidate.strip().toLowerCase(Locale.ROOT));
    }
    return match;
  }

  private static PagerDutyNotice notice(WebRequest request) {
    JsonObject event;
    try {
      JsonElement root = JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8));
      if (!root.isJsonObject()
          || !root.getAsJsonObject().has("event")
          || !root.getAsJsonObject().get("event").isJsonObject()) {
        throw new IllegalArgumentException("event: missing, or not an object");
      }
      event = root.getAsJsonObject().getAsJsonObject("event");
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    String eventType =
        text(event, "event_type")
            .orElseThrow(() -> new IllegalArgumentException("event.event_type: missing"));
    String webhookId =
        Optional.ofNullable(request.header(WEBHOOK_ID))
            .or(() -> text(event, "id"))
            .orElseThrow(() -> new IllegalArgumentException(WEBHOOK_ID + ": missing"));
    JsonObject agent = object(event, "agent");
    JsonObject data = object(event, "data");
    return new PagerDutyNotice(
        webhookId,
        eventType,
        text(data, "incident_key"),
        text(agent, "id"),
        text(agent, "email"),
        text(agent, "summary").or(() -> text(agent, "name")));
  }

  private static JsonObject object(JsonObject parent, String field) {
    JsonElement value = parent.get(field);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  private static Optional<String> text(JsonObject parent, String field) {
    JsonElement value = parent.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? Optional.of(value.getAsString()).filter(s -> !s.isBlank())
        : Optional.empty();
  }
}
