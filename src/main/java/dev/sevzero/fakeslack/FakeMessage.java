package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Immutable snapshot of a message with its current content.
 *
 * @param visibleTo the only user who sees it (ephemeral messages), or null
 * @param raw the message as Slack's API returns it (conversations.history shape)
 */
public record FakeMessage(
    String ts,
    String channel,
    String user,
    String text,
    JsonArray blocks,
    String visibleTo,
    String threadTs,
    boolean edited,
    JsonObject raw) {

  public boolean ephemeral() {
    return visibleTo != null;
  }
}
