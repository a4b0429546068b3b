package dev.sevzero.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP endpoint, on the JDK's own server (no servlet container to keep patched). It
 * reads each request whole and hands it to the {@link Router}; it runs in both Slack modes, so
 * probes, metrics and webhooks are served on the same port either way.
 */
public final class WebServer {

  /** Every body we accept is far smaller: Slack's payloads, alert webhooks. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final int THREADS = 16;
  private static final int QUEUE = 256;
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  /**
   * Connections the kernel may hold before we accept them (capped by net.core.somaxconn). With 0
   * the JDK asks for 50, and a burst of more new connections than that (a busy workspace, a retry
   * storm) has the extra SYNs dropped: their clients retry after a second, past our ack budget.
   */
  private static final int BACKLOG = 1024;

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  static {
    // The JDK's server sends a response's headers and body as separate writes, and leaves Nagle's
    // algorithm on unless told otherwise: the body then waits for the client's delayed ACK, 40 ms
    // on Linux, in a good share of responses on a kept-alive connection. Read once per JVM, when
    // the first HttpServer is created.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  private final Router router;
  private final int requestedPort;
  private HttpServer server;
  private ThreadPoolExecutor executor;

  public WebServer(Router router, int port) {
    this.router = router;
    this.requestedPort = port;
  }

  /** Binds the port (0: any free one, see {@link #port()}) and starts serving. */
  public synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    HttpServer bound = HttpServer.create(new InetSocketAddress(requestedPort), BACKLOG);
    executor = newExecutor();
    bound.setExecutor(executor);
    bound.createContext("/", this::serve);
    bound.start();
    server = bound;
    log.info("Listening on port {}", port());
  }

  /** Lets requests in flight finish (five seconds at most), then closes the port. */
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
    server = null;
  }

  /** The bound port; differs from the requested one when that was 0. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        send(exchange, WebReply.text(413, "request body too large"));
        return;
      }
      WebRequest request =
          new WebRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              body,
              exchange.getRemoteAddress().getAddress().getHostAddress());
      WebReply reply;
      try {
        reply = router.dispatch(request);
      } catch (Exception e) {
        log.error("{} {} failed", request.method(), request.path(), e);
        reply = WebReply.text(500, "internal error");
      }
      send(exchange, reply);
    }
  }

  private static void send(HttpExchange exchange, WebReply reply) throws IOException {
    reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    byte[] bytes = reply.body() == null ? new byte[0] : reply.body();
    // -1 means "no body"; 0 would mean "chunked, length unknown".
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
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
