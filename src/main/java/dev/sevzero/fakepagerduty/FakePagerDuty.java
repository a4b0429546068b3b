package dev.sevzero.fakepagerduty;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A PagerDuty Events API v2 endpoint on loopback, for the tests and the playground: it validates
 * each event as PagerDuty documents it (400 with the errors otherwise), records the accepted ones,
 * and answers 429 or 5xx on demand.
 */
public final class FakePagerDuty implements AutoCloseable {

  public static final String PATH = "/v2/enqueue";

  /** An event PagerDuty accepted. */
  public record Event(
      String routingKey,
      String action,
      String dedupKey,
      Optional<String> summary,
      Optional<String> severity,
      Optional<String> link) {}

  private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  private final HttpServer server;
  private final List<Event> events = new ArrayList<>();
  private final Deque<Integer> failures = new ArrayDeque<>();
  private final List<Consumer<Event>> watchers = new ArrayList<>();
  private int attempts;

  private FakePagerDuty(HttpServer server) {
    this.server = server;
  }

  public static FakePagerDuty start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakePagerDuty fake = new FakePagerDuty(server);
      server.createContext(PATH, fake::serve);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake PagerDuty", e);
    }
  }

  /** What {@code PAGERDUTY_EVENTS_URL} should be. */
  public String eventsUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** The next {@code times} events are answered {@code status} (429, 500…) and not recorded. */
  public synchronized void fail(int status, int times) {
    for (int i = 0; i < times; i++) {
      failures.add(status);
    }
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Every request, refused or not. */
  public synchronized int attempts() {
    return attempts;
  }

  /** Called with each accepted event (the playground prints them). */
  public synchronized void onEvent(Consumer<Event> watcher) {
    watchers.add(watcher);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{\"status\":\"method not allowed\"}");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Integer failure;
      synchronized (this) {
        attempts++;
        failure = failures.poll();
      }
      if (failure != null) {
        answer(exchange, failure, "{\"status\":\"throttled\",\"message\":\"try again later\"}");
        return;
      }
      Event event;
      try {
        event = validate(body);
      } catch (IllegalArgumentException e) {
        answer(
            exchange,
            400,
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\""
                + e.getMessage().replace("\"", "'")
                + "\"]}");
        return;
      }
      List<Consumer<Event>> toTell;
      synchronized (this) {
        events.add(event);
        toTell = List.copyOf(watchers);
      }
      toTell.forEach(watcher -> watcher.accept(event));
      answer(
          exchange,
          202,
          "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
              + event.dedupKey()
              + "\"}");
    }
  }

  private static Event validate(String body) {
    JsonObject root;
    try {
      root = JsonParser.parseString(body).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("body is not a JSON object");
    }
    String routingKey = required(root, "routing_key");
    String action = required(root, "event_action");
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException("event_action '" + action + "' is invalid");
    }
    String dedupKey = required(root, "dedup_key");
    if (dedupKey.length() > 255) {
      throw new IllegalArgumentException("dedup_key is longer than 255 characters");
    }
    Optional<String> summary = Optional.empty();
    Optional<String> severity = Optional.empty();
    if (action.equals("trigger")) {
      if (!root.has("payload") || !root.get("payload").isJsonObject()) {
        throw new IllegalArgumentException("payload is missing");
      }
      JsonObject payload = root.getAsJsonObject("payload");
      String text = required(payload, "summary");
      if (text.length() > 1024) {
        throw new IllegalArgumentException("payload.summary is longer than 1024 characters");
      }
      required(payload, "source");
      String level = required(payload, "severity");
      if (!SEVERITIES.contains(level)) {
        throw new IllegalArgumentException("payload.severity '" + level + "' is invalid");
      }
      summary = Optional.of(text);
      severity = Optional.of(level);
    }
    Optional<String> link = Optional.empty();
    if (root.has("links")
        && root.get("links").isJsonArray()
        && !root.getAsJsonArray("links").isEmpty()) {
      JsonElement first = root.getAsJsonArray("links").get(0);
      link = Optional.of(required(first.getAsJsonObject(), "href"));
    }
    return new Event(routingKey, action, dedupKey, summary, severity, link);
  }

  private static String required(JsonObject object, String field) {
    JsonElement value = object.get(field);
    if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value.getAsString();
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
