package dev.sevzero.fakeslack;

import com.google.gson.JsonObject;
import java.time.Duration;

/** How a user's action reaches the app: over Socket Mode or as a signed HTTP request. */
interface Delivery {

  /** The app's acknowledgement; payload is the JSON it answered with, or null. */
  record Ack(boolean acked, JsonObject payload) {
    static final Ack NONE = new Ack(false, null);
  }

  /**
   * @param type "slash_commands" or "interactive"
   */
  Ack deliver(String type, JsonObject payload, Duration timeout);
}
