package dev.sevzero.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Notion API on loopback that checks requests the way Notion does: the bearer token, the {@code
 * Notion-Version} header, the parent page, 2,000 characters per text object and 100 items per
 * array. It keeps pages and their blocks, and answers 429 or any error on demand.
 */
public final class FakeNotion implements AutoCloseable {

  public static final String TOKEN = "ntn_fake_token";
  public static final String PARENT_PAGE_ID = "0123456789abcdef0123456789abcdef";

  private static final Pattern PAGE = Pattern.compile("/v1/pages/([^/]+)");
  private static final Pattern CHILDREN = Pattern.compile("/v1/blocks/([^/]+)/children");
  private static final Pattern BLOCK = Pattern.compile("/v1/blocks/([^/]+)");

  /** One request as received: method, path (without query) and body. */
  public record Request(String method, String path, JsonObject body) {}

  /** A page: its parent, title and the ids of its blocks in order (archived ones included). */
  public record Page(String id, String parentId, String title, String url) {}

  /** An error to answer to the next request whose "METHOD /path" starts with {@code request}. */
  /** What a request is answered with. */
  private record Answer(int status, JsonObject json) {}

  private record Failure(
      String request, int status, Optional<Duration> retryAfter, String code, String message) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Page> pages = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new LinkedHashMap<>();
  private final Map<String, JsonObject> blocks = new LinkedHashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private final List<String> lostAnswers = new ArrayList<>();
  private long nextId = 1;

  private FakeNotion() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeNotion start() {
    return new FakeNotion();
  }

  /** {@code NOTION_API_URL} for the app. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  /** Answers the next request with 429 and this {@code Retry-After}. */
  public synchronized void rateLimitNext(Duration retryAfter) {
    rateLimitNext("", retryAfter);
  }

  /** Answers the next request starting with {@code request} ("PATCH /v1/blocks") with 429. */
  public synchronized void rateLimitNext(String request, Duration retryAfter) {
    failures.add(
        new Failure(
            request, 429, Optional.of(retryAfter), "rate_limited", "You have been rate limited."));
  }

  /** Answers the next request with this error, as Notion words them. */
  public synchronized void failNext(int status, String code, String message) {
    failNext("", status, code, message);
  }

  /** Answers the next request starting with {@code request} with this error. */
  public synchronized void failNext(String request, int status, String code, String message) {
    failures.add(new Failure(request, status, Optional.empty(), code, message));
  }

  /**
   * Carries out the next request starting with {@code request} but answers 504, as when Notion's
   * answer is lost on the way back.
   */
  public synchronized void loseNextAnswer(String request) {
    lostAnswers.add(request);
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Page> pages() {
    return List.copyOf(pages.values());
  }

  /** The page's blocks as they stand, archived ones left out. */
  public synchronized List<JsonObject> content(String pageId) {
    return live(pageId).stream().map(id -> blocks.get(id).deepCopy()).toList();
  }

  /** Every text object's content on the page, one block per line. */
  public synchronized String text(String pageId) {
    StringBuilder text = new StringBuilder();
    for (JsonObject block : content(pageId)) {
      JsonObject body = block.getAsJsonObject(block.get("type").getAsString());
      for (JsonElement piece : body.getAsJsonArray("rich_text")) {
        text.append(piece.getAsJsonObject().getAsJsonObject("text").get("content").getAsString());
      }
      text.append('\n');
    }
    return text.toString();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonObject body;
      try {
        body = raw.isEmpty() ? new JsonObject() : JsonParser.parseString(raw).getAsJsonObject();
      } catch (JsonSyntaxException | IllegalStateException e) {
        respond(exchange, error(400, "invalid_json", "Error parsing JSON body."));
        return;
      }
      requests.add(new Request(method, path, body));
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + TOKEN).equals(auth)) {
        respond(exchange, error(401, "unauthorized", "API token is invalid."));
        return;
      }
      if (exchange.getRequestHeaders().getFirst("Notion-Version") == null) {
        respond(
            exchange, error(400, "missing_version", "Notion-Version header failed validation."));
        return;
      }
      Failure failure =
          failures.stream()
              .filter(f -> (method + " " + path).startsWith(f.request()))
              .findFirst()
              .orElse(null);
      if (failure != null) {
        failures.remove(failure);
        failure
            .retryAfter()
            .ifPresent(
                after ->
                    exchange
                        .getResponseHeaders()
                        .add("Retry-After", Long.toString(after.toSeconds())));
        respond(exchange, error(failure.status(), failure.code(), failure.message()));
        return;
      }
      Optional<String> invalid = limits("body", body);
      if (invalid.isPresent()) {
        respond(exchange, error(400, "validation_error", invalid.get()));
        return;
      }
      String lost =
          lostAnswers.stream()
              .filter(request -> (method + " " + path).startsWith(request))
              .findFirst()
              .orElse(null);
      if (lost != null) {
        lostAnswers.remove(lost);
        route(method, path, body, exchange.getRequestURI().getQuery());
        respond(exchange, error(504, "gateway_timeout", "The request timed out."));
        return;
      }
      respond(exchange, route(method, path, body, exchange.getRequestURI().getQuery()));
    }
  }

  private Answer route(String method, String path, JsonObject body, String query) {
    Matcher children = CHILDREN.matcher(path);
    Matcher page = PAGE.matcher(path);
    Matcher block = BLOCK.matcher(path);
    if (method.equals("POST") && path.equals("/v1/pages")) {
      return createPage(body);
    } else if (method.equals("PATCH") && page.matches()) {
      return updatePage(normalize(page.group(1)), body);
    } else if (children.matches() && method.equals("GET")) {
      return listChildren(normalize(children.group(1)), query);
    } else if (children.matches() && method.equals("PATCH")) {
      return append(normalize(children.group(1)), body);
    } else if (block.matches() && method.equals("DELETE")) {
      return delete(normalize(block.group(1)));
    }
    return error(400, "invalid_request_url", "Invalid request URL.");
  }

  private Answer createPage(JsonObject body) {
    String parent =
        body.has("parent") && body.getAsJsonObject("parent").has("page_id")
            ? normalize(body.getAsJsonObject("parent").get("page_id").getAsString())
            : "";
    if (!parent.equals(PARENT_PAGE_ID)) {
      return error(
          404,
          "object_not_found",
          "Could not find page with ID: " + parent + ". Make sure the page exists and is shared.");
    }
    Optional<String> title = title(body);
    if (title.isEmpty()) {
      return error(400, "validation_error", "body.properties.title should be defined.");
    }
    String id = newId();
    Page created =
        new Page(
            id, parent, title.get(), "https://www.notion.so/Post-mortem-" + id.replace("-", ""));
    pages.put(id, created);
    // The new page is also a child_page block of its parent, as Notion lists it there.
    JsonObject childPage = new JsonObject();
    childPage.addProperty("title", created.title());
    JsonObject asBlock = new JsonObject();
    asBlock.addProperty("object", "block");
    asBlock.addProperty("type", "child_page");
    asBlock.add("child_page", childPage);
    asBlock.addProperty("id", id);
    asBlock.addProperty("archived", false);
    blocks.put(id, asBlock);
    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
    children.put(id, new ArrayList<>());
    addChildren(id, body.has("children") ? body.getAsJsonArray("children") : new JsonArray());
    return new Answer(200, pageJson(created));
  }

  private Answer updatePage(String id, JsonObject body) {
    Page page = pages.get(id);
    if (page == null) {
      return error(404, "object_not_found", "Could not find page with ID: " + id + ".");
    }
    Page updated = new Page(id, page.parentId(), title(body).orElse(page.title()), page.url());
    pages.put(id, updated);
    blocks.get(id).getAsJsonObject("child_page").addProperty("title", updated.title());
    return new Answer(200, pageJson(updated));
  }

  private Answer listChildren(String id, String query) {
    if (!children.containsKey(id) && !id.equals(PARENT_PAGE_ID)) {
      return error(404, "object_not_found", "Could not find block with ID: " + id + ".");
    }
    int size = Integer.parseInt(parameter(query, "page_size").orElse("100"));
    if (size > 100) {
      return error(400, "validation_error", "page_size should be ≤ 100.");
    }
    int start = Integer.parseInt(parameter(query, "start_cursor").orElse("0"));
    List<String> live = live(id);
    int end = Math.min(live.size(), start + size);
    JsonArray results = new JsonArray();
    live.subList(start, end).forEach(child -> results.add(blocks.get(child)));
    JsonObject list = new JsonObject();
    list.addProperty("object", "list");
    list.add("results", results);
    list.addProperty("has_more", end < live.size());
    list.addProperty("next_cursor", end < live.size() ? Integer.toString(end) : null);
    return new Answer(200, list);
  }

  private Answer append(String id, JsonObject body) {
    if (!children.containsKey(id)) {
      return error(404, "object_not_found", "Could not find block with ID: " + id + ".");
    }
    if (!body.has("children")) {
      return error(400, "validation_error", "body.children should be defined.");
    }
    addChildren(id, body.getAsJsonArray("children"));
    JsonObject list = new JsonObject();
    list.addProperty("object", "list");
    list.add("results", new JsonArray());
    return new Answer(200, list);
  }

  private Answer delete(String id) {
    JsonObject block = blocks.get(id);
    if (block == null) {
      return error(404, "object_not_found", "Could not find block with ID: " + id + ".");
    }
    if (block.get("archived").getAsBoolean()) {
      return error(400, "validation_error", "Can't edit block that is archived.");
    }
    block.addProperty("archived", true);
    return new Answer(200, block);
  }

  private void addChildren(String parent, JsonArray added) {
    for (JsonElement element : added) {
      JsonObject block = element.getAsJsonObject().deepCopy();
      String id = newId();
      block.addProperty("id", id);
      block.addProperty("archived", false);
      blocks.put(id, block);
      children.get(parent).add(id);
    }
  }

  private List<String> live(String parent) {
    return children.getOrDefault(parent, List.of()).stream()
        .filter(id -> !blocks.get(id).get("archived").getAsBoolean())
        .toList();
  }

  /** Notion's per-request limits, checked anywhere in the body. */
  private static Optional<String> limits(String where, JsonElement element) {
    if (element.isJsonArray()) {
      JsonArray array = element.getAsJsonArray();
      if (array.size() > 100) {
        return Optional.of(
            where + ".length should be ≤ `100`, instead was `" + array.size() + "`.");
      }
      for (int i = 0; i < array.size(); i++) {
        Optional<String> inner = limits(where + "[" + i + "]", array.get(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
    } else if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
        JsonElement value = field.getValue();
        if (field.getKey().equals("content")
            && value.isJsonPrimitive()
            && value.getAsString().length() > 2000) {
          return Optional.of(
              where
                  + ".content.length should be ≤ `2000`, instead was `"
                  + value.getAsString().length()
                  + "`.");
        }
        Optional<String> inner = limits(where + "." + field.getKey(), value);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> title(JsonObject body) {
    if (!body.has("properties") || !body.getAsJsonObject("properties").has("title")) {
      return Optional.empty();
    }
    StringBuilder title = new StringBuilder();
    for (JsonElement piece :
        body.getAsJsonObject("properties").getAsJsonObject("title").getAsJsonArray("title")) {
      title.append(piece.getAsJsonObject().getAsJsonObject("text").get("content").getAsString());
    }
    return Optional.of(title.toString());
  }

  private static JsonObject pageJson(Page page) {
    JsonObject json = new JsonObject();
    json.addProperty("object", "page");
    json.addProperty("id", page.id());
    json.addProperty("url", page.url());
    return json;
  }

  private static Optional<String> parameter(String query, String name) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      if (parts[0].equals(name) && parts.length == 2) {
        return Optional.of(parts[1]);
      }
    }
    return Optional.empty();
  }

  private String newId() {
    String hex = String.format("%032x", nextId++);
    return normalize(hex);
  }

  /** Notion takes ids with or without dashes; stored here without. */
  private static String normalize(String id) {
    return id.replace("-", "");
  }

  private static Answer error(int status, String code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("object", "error");
    error.addProperty("status", status);
    error.addProperty("code", code);
    error.addProperty("message", message);
    return new Answer(status, error);
  }

  private static void respond(HttpExchange exchange, Answer answer) throws IOException {
    respond(exchange, answer.status(), answer.json());
  }

  private static void respond(HttpExchange exchange, int status, JsonObject json)
      throws IOException {
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
