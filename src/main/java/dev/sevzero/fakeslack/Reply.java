package dev.sevzero.fakeslack;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;

/** What the app answered to one user action: its ack, and what it later posts to response_url. */
public final class Reply {
  private final boolean acked;
  private final JsonObject ackPayload;
  private final ResponseUrls responseUrls;
  private final String responseId;

  Reply(boolean acked, JsonObject ackPayload, ResponseUrls responseUrls, String responseId) {
    this.acked = acked;
    this.ackPayload = ackPayload;
    this.responseUrls = responseUrls;
    this.responseId = responseId;
  }

  /** Whether the app acknowledged within the bounded wait (Slack shows an error otherwise). */
  public boolean acked() {
    return acked;
  }

  /** The JSON the app acked with, or null for an empty ack. */
  public JsonObject ackPayload() {
    return ackPayload == null ? null : ackPayload.deepCopy();
  }

  /** The ack's "text", or null. */
  public String ackText() {
    return Json.str(ackPayload, "text");
  }

  /** JSON posted to this action's response_url so far (re-read on every call). */
  public List<JsonObject> responses() {
    return responseId == null ? List.of() : responseUrls.responses(responseId);
  }

  /** The first JSON posted to the response_url, waiting up to timeout; AssertionError if none. */
  public JsonObject awaitResponse(Duration timeout) {
    if (responseId == null) {
      throw new AssertionError("this action had no response_url");
    }
    return responseUrls.awaitFirst(responseId, timeout);
  }

  @Override
  public String toString() {
    return "Reply[acked=" + acked + ", ackPayload=" + ackPayload + "]";
  }
}
