package dev.sevzero.slack.transport;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP endpoint, on the JDK's own server (no servlet container to keep patched).
 *
 * <ul>
 *   <li>{@code POST /slack/events} (HTTP mode only): Slack's slash commands, interactions and
 *       events. A request runs the Bolt app only after its signature and timestamp pass {@link
 *       SlackSignature}; otherwise it gets 401.
 *   <li>{@code GET /healthz} (both modes): 200 {@code ok}, or 503 with the reason.
 * </ul>
 */
public final class HttpModeServer {

  static final String EVENTS_PATH = "/slack/events";
  static final String HEALTH_PATH = "/healthz";
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final int THREADS = 16;
  private static final int QUEUE = 256;
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  /**
   * Connections the kernel may hold before we accept them (capped by net.core.somaxconn). With 0
   * the JDK asks for 50, and a burst of more new connections than that (a busy workspace, a retry
   * storm) has the extra SYNs dropped: their clients retry after a second, past our ack budget.
   */
  private static final int BACKLOG = 1024;

  private static final Logger log = LoggerFactory.getLogger(HttpModeServer.class);

  static {
    // The JDK's server sends a response's headers and body as separate writes, and leaves Nagle's
    // algorithm on unless told otherwise: the body then waits for the client's delayed ACK, 40 ms
    // on Linux, in a good share of responses on a kept-alive connection. Read once per JVM, when
    // the first HttpServer is created.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  private final App app;
  private final SlackSignature signature;
  private final SlackRequestParser parser;
  private final int requestedPort;
  private final Supplier<Health> health;
  private HttpServer server;
  private ThreadPoolExecutor executor;

  /** HTTP mode: serves Slack's requests for {@code app} and the health check on {@code port}. */
  public HttpModeServer(
      App app, String signingSecret, Clock clock, int port, Supplier<Health> health) {
    this.app = app;
    this.signature = new SlackSignature(signingSecret, clock);
    this.parser = new SlackRequestParser(app.config());
    this.requestedPort = port;
    this.health = health;
  }

  private HttpModeServer(int port, Supplier<Health> health) {
    this.app = null;
    this.signature = null;
    this.parser = null;
    this.requestedPort = port;
    this.health = health;
  }

  /** Socket Mode: Slack's traffic comes over the socket, so only {@code /healthz} is served. */
  public static HttpModeServer healthOnly(int port, Supplier<Health> health) {
    return new HttpModeServer(port, health);
  }

  /** Binds the port (0: any free one, see {@link #port()}) and starts the app, if any. */
  public synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    if (app != null) {
      // First, so that a failure (Bolt calls auth.test here) leaves no port bound.
      app.start();
    }
    HttpServer bound = HttpServer.create(new InetSocketAddress(requestedPort), BACKLOG);
    executor = newExecutor();
    bound.setExecutor(executor);
    bound.createContext(HEALTH_PATH, this::health);
    if (app != null) {
      bound.createContext(EVENTS_PATH, this::events);
    }
    bound.start();
    server = bound;
    log.info("Listening on port {} ({})", port(), app != null ? "HTTP mode" : "health only");
  }

  /** Lets requests in flight finish (five seconds at most), then closes the port and the app. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    // Drain our own pool first: on Java 17 HttpServer.stop(delay) always waits the whole delay,
    // even with nothing in flight. Requests arriving meanwhile are dropped with the connection.
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    if (app != null) {
      app.stop();
    }
    server = null;
  }

  /** The bound port; differs from the requested one when that was 0. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  private void health(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exactPath(exchange, HEALTH_PATH) || !method(exchange, "GET")) {
        return;
      }
      Health status = health.get();
      if (status.healthy()) {
        send(exchange, 200, "text/plain; charset=utf-8", "ok");
      } else {
        send(exchange, 503, "text/plain; charset=utf-8", "unhealthy: " + status.reason());
      }
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exactPath(exchange, EVENTS_PATH) || !method(exchange, "POST")) {
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        send(exchange, 413, "text/plain; charset=utf-8", "request body too large");
        return;
      }
      var headers = exchange.getRequestHeaders();
      if (!signature.verify(
          headers.getFirst("X-Slack-Request-Timestamp"),
          headers.getFirst("X-Slack-Signature"),
          body)) {
        // Says nothing about which check failed: that would help whoever is probing.
        log.warn("Rejected a request to {} with a bad signature or stale timestamp", EVENTS_PATH);
        send(exchange, 401, "text/plain; charset=utf-8", "invalid request signature");
        return;
      }
      Request<?> request = parse(exchange, headers, new String(body, StandardCharsets.UTF_8));
      if (request == null) {
        send(exchange, 400, "text/plain; charset=utf-8", "unsupported request");
        return;
      }
      write(exchange, run(request));
    }
  }

  private Request<?> parse(HttpExchange exchange, Map<String, List<String>> headers, String body) {
    return parser.parse(
        SlackRequestParser.HttpRequest.builder()
            .requestUri(exchange.getRequestURI().getPath())
            .queryString(QueryStringParser.toMap(exchange.getRequestURI().getRawQuery()))
            .headers(new RequestHeaders(headers))
            .requestBody(body)
            .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
            .build());
  }

  private Response run(Request<?> request) {
    try {
      return app.run(request);
    } catch (Exception e) {
      // Bolt turns handler exceptions into responses itself; this is a failure around them.
      log.error("Bolt app failed on a {} request", request.getRequestType(), e);
      return Response.builder().statusCode(500).body("").build();
    }
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    }
    send(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
  }

  private static boolean exactPath(HttpExchange exchange, String path) throws IOException {
    // A context matches every path under its prefix; only the exact path is ours.
    if (exchange.getRequestURI().getPath().equals(path)) {
      return true;
    }
    send(exchange, 404, "text/plain; charset=utf-8", "not found");
    return false;
  }

  private static boolean method(HttpExchange exchange, String method) throws IOException {
    if (exchange.getRequestMethod().equalsIgnoreCase(method)) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
    return false;
  }

  /**
   * The body, or null when it exceeds {@link #MAX_BODY_BYTES}: Slack's payloads are far smaller.
   */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    // -1 means "no body"; 0 would mean "chunked, length unknown".
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * A fixed pool: Java 17 has no virtual threads, and Bolt handlers block on Web API calls. When
   * the pool and its queue are full the accepting thread runs the request itself, which slows
   * accepting down instead of dropping Slack's requests.
   */
  private static ThreadPoolExecutor newExecutor() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        THREADS,
        THREADS,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        runnable -> {
          Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
  }
}
