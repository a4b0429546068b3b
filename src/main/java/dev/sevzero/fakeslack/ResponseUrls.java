package dev.sevzero.fakeslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The response_url of each delivered interaction: a loopback URL that takes JSON and shows it as
 * Slack would (ephemeral to the user unless in_channel; replace_original/delete_original act on the
 * message the interaction came from).
 */
final class ResponseUrls {
  static final String PATH = "/response/";

  private record Origin(String userId, String channelId, String messageTs) {}

  private final Workspace workspace;
  private final String baseUrl;
  private final Map<String, Origin> origins = new HashMap<>();
  private final Map<String, List<JsonObject>> responses = new HashMap<>();
  private long next;

  ResponseUrls(Workspace workspace, WebApi api) {
    this.workspace = workspace;
    this.baseUrl = api.baseUrl() + PATH.substring(1);
    api.serveRaw(PATH, this::receive);
  }

  /** A new URL for an interaction by a user in a channel (messageTs: the clicked message). */
  synchronized String issue(String userId, String channelId, String messageTs) {
    String id = "r" + ++next;
    origins.put(id, new Origin(userId, channelId, messageTs));
    responses.put(id, new ArrayList<>());
    return baseUrl + id;
  }

  static String idOf(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private int receive(String id, byte[] body) {
    JsonObject json;
    Origin origin;
    synchronized (this) {
      origin = origins.get(id);
      if (origin == null) {
        return 404;
      }
      json = Json.parse(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }
    try {
      show(origin, json);
    } catch (ApiError e) {
      return 404; // the original message is gone
    }
    synchronized (this) {
      responses.get(id).add(json);
      notifyAll();
    }
    return 200;
  }

  private void show(Origin origin, JsonObject json) {
    String text = Json.str(json, "text");
    JsonArray blocks = Params.blocksOf(json);
    if (origin.messageTs() != null && "true".equals(Json.str(json, "delete_original"))) {
      workspace.messages().delete(origin.channelId(), origin.messageTs());
    } else if (origin.messageTs() != null && "true".equals(Json.str(json, "replace_original"))) {
      workspace.messages().replaceEntirely(origin.channelId(), origin.messageTs(), text, blocks);
    } else if ("in_channel".equals(Json.str(json, "response_type"))) {
      workspace.messages().storeVisible(origin.channelId(), FakeSlack.BOT_USER_ID, text, blocks);
    } else {
      workspace.messages().storeEphemeral(origin.channelId(), origin.userId(), text, blocks);
    }
  }

  synchronized List<JsonObject> responses(String id) {
    return List.copyOf(responses.getOrDefault(id, List.of()));
  }

  // Real time, not the fake's clock: the app answers on its own threads.
  synchronized JsonObject awaitFirst(String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (responses.getOrDefault(id, List.of()).isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("nothing posted to response_url " + id + " within " + timeout);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return responses.get(id).get(0);
  }
}
