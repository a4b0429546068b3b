package dev.sevzero.notion;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.sevzero.metrics.Metrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few Notion API calls a post-mortem needs, over the JDK's HTTP client: every request carries
 * the bearer token and the {@code Notion-Version} it was written against.
 */
final class NotionApi {

  static final String VERSION = "2022-06-28";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final Metrics metrics;

  /**
   * @param base {@code NOTION_API_URL}, ending with {@code /} (e.g. {@code
   *     https://api.notion.com/v1/})
   */
  NotionApi(String base, String token, Metrics metrics) {
    this.base = URI.create(base);
    this.token = token;
    this.metrics = metrics;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Creates a page under {@code parentPageId}; returns Notion's page object. */
  JsonObject createPage(String parentPageId, JsonObject properties, List<JsonObject> children)
      throws NotionRefusal {
    JsonObject parent = new JsonObject();
    parent.addProperty("page_id", parentPageId);
    JsonObject body = new JsonObject();
    body.add("parent", parent);
    body.add("properties", properties);
    body.add("children", array(children));
    return send("POST", "pages", body);
  }

  void updatePage(String pageId, JsonObject properties) throws NotionRefusal {
    JsonObject body = new JsonObject();
    body.add("properties", properties);
    send("PATCH", "pages/" + pageId, body);
  }

  /** The ids of a block's children (a page's content), every page of the list. */
  List<String> childIds(String blockId) throws NotionRefusal {
    return children(blockId).stream().map(child -> child.get("id").getAsString()).toList();
  }

  /** The pages directly under {@code pageId}: their ids and titles. */
  Map<String, String> childPages(String pageId) throws NotionRefusal {
    Map<String, String> titles = new LinkedHashMap<>();
    for (JsonObject child : children(pageId)) {
      if (child.has("child_page")) {
        titles.put(
            child.get("id").getAsString(),
            child.getAsJsonObject("child_page").get("title").getAsString());
      }
    }
    return titles;
  }

  /** A block's children, every page of the list. */
  private List<JsonObject> children(String blockId) throws NotionRefusal {
    List<JsonObject> children = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      String query =
          "?page_size=100"
              + cursor
                  .map(c -> "&start_cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                  .orElse("");
      JsonObject page = send("GET", "blocks/" + blockId + "/children" + query, null);
      for (JsonElement result : page.getAsJsonArray("results")) {
        children.add(result.getAsJsonObject());
      }
      boolean more = page.has("has_more") && page.get("has_more").getAsBoolean();
      cursor = more ? Optional.of(page.get("next_cursor").getAsString()) : Optional.empty();
    } while (cursor.isPresent());
    return children;
  }

  void deleteBlock(String blockId) throws NotionRefusal {
    send("DELETE", "blocks/" + blockId, null);
  }

  /** Appends at most 100 blocks at the end of {@code blockId}'s children. */
  void appendChildren(String blockId, List<JsonObject> children) throws NotionRefusal {
    JsonObject body = new JsonObject();
    body.add("children", array(children));
    send("PATCH", "blocks/" + blockId + "/children", body);
  }

  private JsonObject send(String method, String path, JsonObject body) throws NotionRefusal {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Notion-Version", VERSION)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      metrics.externalCall(Metrics.Target.NOTION, method, "io_error");
      throw new NotionRefusal(
          0,
          Optional.empty(),
          "Notion could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotionRefusal(0, Optional.empty(), "interrupted while calling Notion");
    }
    int status = response.statusCode();
    metrics.externalCall(Metrics.Target.NOTION, method, outcome(status));
    if (status / 100 == 2) {
      return parse(response.body()).orElseGet(JsonObject::new);
    }
    throw new NotionRefusal(
        status, retryAfter(response), refusal(method, path, status, response.body()));
  }

  private static String outcome(int status) {
    if (status / 100 == 2) {
      return "ok";
    }
    if (status == 429) {
      return "rate_limited";
    }
    return status >= 500 ? "server_error" : "client_error";
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            seconds -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(seconds.strip())));
              } catch (NumberFormatException notSeconds) {
                return Optional.empty();
              }
            });
  }

  /** {@code Notion answered 400 (validation_error: …) to POST pages}: what people need to act. */
  private static String refusal(String method, String path, int status, String body) {
    String what =
        parse(body)
            .filter(error -> error.has("code") && error.has("message"))
            .map(
                error ->
                    error.get("code").getAsString() + ": " + error.get("message").getAsString())
            .orElse("no explanation");
    String endpoint = path.replaceAll("[0-9a-fA-F-]{32,36}", "…").replaceAll("\\?.*", "");
    return "Notion answered " + status + " (" + what + ") to " + method + " " + endpoint;
  }

  private static Optional<JsonObject> parse(String body) {
    try {
      JsonElement parsed = JsonParser.parseString(body);
      return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject()) : Optional.empty();
    } catch (JsonSyntaxException e) {
      return Optional.empty();
    }
  }

  private static JsonArray array(List<JsonObject> blocks) {
    JsonArray array = new JsonArray();
    blocks.forEach(array::add);
    return array;
  }
}
