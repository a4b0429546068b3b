package dev.sevzero.fakeslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Slack's Web API over HTTP on a loopback port: routing, token checks, recording, fault and latency
 * injection. What each method does lives in the *Methods classes.
 */
final class WebApi implements AutoCloseable {

  /** Which token a method accepts; Slack answers not_allowed_token_type for the other one. */
  enum Tokens {
    BOT,
    APP,
    ANY
  }

  /** A method's behaviour: arguments in, the fields of a successful answer out. */
  interface Method {
    JsonObject call(Params params);
  }

  private record Route(Tokens tokens, Method method) {}

  private final LoopbackHttpServer server = new LoopbackHttpServer();
  private final Workspace workspace;
  private final CallLog log;
  private final Map<String, Route> routes = new HashMap<>();
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final Map<String, Deque<Stall>> stalls = new HashMap<>();
  private Failure storm;
  private long stormUntilNanos;
  private volatile Duration latency = Duration.ZERO;

  WebApi(Workspace workspace, CallLog log) {
    this.workspace = workspace;
    this.log = log;
    server.route("/api/", this::serveMethod);
  }

  void start() {
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  void register(String name, Tokens tokens, Method method) {
    routes.put(name, new Route(tokens, method));
  }

  /** Serves a non-API path (upload and response URLs): handler gets path rest and body. */
  void serveRaw(String prefix, BiFunction<String, byte[], Integer> handler) {
    server.route(
        prefix,
        (request, response) -> {
          int status = handler.apply(request.path().substring(prefix.length()), request.body());
          response.status(status);
          response.body((status == 200 ? "ok" : "invalid").getBytes(StandardCharsets.UTF_8));
        });
  }

  /** Until {@code untilNanos} (System.nanoTime), every call is answered with {@code failure}. */
  synchronized void failAll(Failure failure, long untilNanos) {
    storm = failure;
    stormUntilNanos = untilNanos;
  }

  /**
   * The next call of {@code method} is carried out, and its answer then held back until the stall
   * is released: a client that dies meanwhile has reached Slack without hearing so.
   */
  synchronized Stall stallAfter(String method, Predicate<Map<String, String>> match) {
    Stall stall = new Stall(method, match);
    stalls.computeIfAbsent(method, k -> new ArrayDeque<>()).add(stall);
    return stall;
  }

  /** The first stall waiting for this call, taken. */
  private synchronized Stall nextStall(String method, Map<String, String> params) {
    Deque<Stall> queue = stalls.get(method);
    if (queue == null) {
      return null;
    }
    for (Stall stall : queue) {
      if (stall.matches(params)) {
        queue.remove(stall);
        return stall;
      }
    }
    return null;
  }

  synchronized void failNext(String method, Failure failure) {
    failures.computeIfAbsent(method, k -> new ArrayDeque<>()).add(failure);
  }

  private synchronized Failure nextFailure(String method) {
    if (storm != null && System.nanoTime() - stormUntilNanos < 0) {
      return storm;
    }
    Deque<Failure> queue = failures.get(method);
    return queue == null ? null : queue.poll();
  }

  void setLatency(Duration perCall) {
    latency = perCall;
  }

  private void serveMethod(LoopbackHttpServer.Request request, LoopbackHttpServer.Response reply) {
    // Like Slack, the fake answers a call the added latency after the call reached it, its own work
    // included: that work runs on the machine's cores beside the bot's, and on top of the latency
    // it would count as the bot's time between calls in the benches.
    long answerAt = System.nanoTime() + latency.toNanos();
    String method = request.path().substring("/api/".length());
    Map<String, String> params = new LinkedHashMap<>();
    boolean readable = readParams(request, params);
    Failure failure = nextFailure(method);
    JsonObject response;
    if (!readable) {
      response = Json.obj("ok", false, "error", "invalid_json");
    } else if (failure != null) {
      reply.status(failure.status());
      response = Json.obj("ok", false, "error", failure.error());
      if (failure.retryAfter() != null) {
        reply.header("Retry-After", String.valueOf(failure.retryAfter().toSeconds()));
      }
    } else {
      response = answer(method, bearer(request, params), params);
    }
    Map<String, String> recordedParams = Map.copyOf(params);
    JsonObject recordedResponse = response.deepCopy();
    byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
    sleepUntil(answerAt);
    log.add(new ApiCall(method, recordedParams, recordedResponse, workspace.now()));
    Stall stall = failure == null ? nextStall(method, params) : null;
    if (stall != null) {
      stall.holdAnswer();
    }
    reply.header("Content-Type", "application/json; charset=utf-8");
    reply.body(body);
  }

  private JsonObject answer(String method, String token, Map<String, String> params) {
    Route route = routes.get(method);
    try {
      if (route == null) {
        return Json.obj("ok", false, "error", "unknown_method", "req_method", method);
      }
      checkToken(route.tokens(), token);
      JsonObject fields = route.method().call(new Params(params));
      JsonObject response = Json.obj("ok", true);
      fields.entrySet().forEach(e -> response.add(e.getKey(), e.getValue()));
      return response;
    } catch (ApiError e) {
      JsonObject response = Json.obj("ok", false, "error", e.code);
      e.extra.entrySet().forEach(x -> response.add(x.getKey(), x.getValue()));
      return response;
    } catch (RuntimeException e) {
      // A bug in the fake or a malformed argument the fake does not model: say so, like Slack.
      return Json.obj("ok", false, "error", "invalid_arguments", "detail", e.toString());
    }
  }

  private static void checkToken(Tokens allowed, String token) {
    if (token == null || token.isEmpty()) {
      throw new ApiError("not_authed");
    }
    boolean bot = FakeSlack.BOT_TOKEN.equals(token);
    boolean app = FakeSlack.APP_TOKEN.equals(token);
    if (!bot && !app) {
      throw new ApiError("invalid_auth");
    }
    if ((allowed == Tokens.BOT && !bot) || (allowed == Tokens.APP && !app)) {
      throw new ApiError("not_allowed_token_type");
    }
  }

  private static String bearer(LoopbackHttpServer.Request request, Map<String, String> params) {
    String header = request.header("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return header.substring("Bearer ".length()).trim();
    }
    return params.get("token");
  }

  /** Form fields, or a JSON body's top-level fields as strings (objects as their JSON text). */
  private static boolean readParams(
      LoopbackHttpServer.Request request, Map<String, String> params) {
    String query = request.rawQuery();
    if (query != null) {
      parseForm(query, params);
    }
    String body = new String(request.body(), StandardCharsets.UTF_8);
    String type = request.header("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      if (body.isBlank()) {
        return true;
      }
      JsonElement json;
      try {
        json = Json.parse(body);
      } catch (JsonParseException e) {
        return false;
      }
      if (!json.isJsonObject()) {
        return false;
      }
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        JsonElement v = e.getValue();
        params.put(
            e.getKey(), v.isJsonNull() ? "" : v.isJsonPrimitive() ? v.getAsString() : v.toString());
      }
    } else {
      parseForm(body, params);
    }
    return true;
  }

  private static void parseForm(String form, Map<String, String> into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  /**
   * Parks until {@code deadline} ({@link System#nanoTime}). Not {@code Thread.sleep(ms, ns)}: on
   * Java 17 it rounds up to the next whole millisecond.
   */
  private static void sleepUntil(long deadline) {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
