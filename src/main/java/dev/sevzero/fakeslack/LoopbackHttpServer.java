package dev.sevzero.fakeslack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fake's HTTP/1.1 server on a loopback port: one thread per connection, which reads each
 * request as it arrives and writes each answer, status line, headers and body, in one write.
 *
 * <p>Not the JDK's {@code HttpServer}: it hands every request from its selector thread to a worker
 * and writes an answer's headers and body separately. On the two cores the fake shares with the bot
 * in the benches, those hand-offs and writes waited behind the bot's own threads, 0.4–1.2 ms each,
 * and the declare bench counted that time as the bot's (bench/README, "Eighth session").
 */
final class LoopbackHttpServer implements AutoCloseable {

  /**
   * A request, read whole; header names in lower case. {@code keepAlive}: the client keeps the
   * connection for its next request (HTTP/1.1 unless it says {@code close}; HTTP/1.0 only if it
   * says {@code keep-alive}).
   */
  record Request(
      String method,
      String path,
      String rawQuery,
      Map<String, String> headers,
      byte[] body,
      boolean keepAlive) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What a handler answers; {@code 200} with no body unless it says otherwise. */
  static final class Response {
    private int status = 200;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    void status(int code) {
      status = code;
    }

    void header(String name, String value) {
      headers.put(name, value);
    }

    void body(byte[] bytes) {
      body = bytes;
    }
  }

  interface Handler {
    void handle(Request request, Response response) throws IOException;
  }

  private final ServerSocket listening;
  private final ExecutorService threads;
  private final TreeMap<String, Handler> byPrefix = new TreeMap<>();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  LoopbackHttpServer() {
    try {
      listening = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fakeslack-api");
              t.setDaemon(true);
              return t;
            });
  }

  int port() {
    return listening.getLocalPort();
  }

  /** Requests whose path starts with {@code prefix} go to {@code handler}; the longest wins. */
  synchronized void route(String prefix, Handler handler) {
    byPrefix.put(prefix, handler);
  }

  void start() {
    threads.execute(this::accept);
  }

  private void accept() {
    while (!closed) {
      Socket connection;
      try {
        connection = listening.accept();
        // Each answer leaves in one write: nothing for Nagle's algorithm to hold back.
        connection.setTcpNoDelay(true);
      } catch (IOException e) {
        return; // closed
      }
      connections.add(connection);
      threads.execute(() -> serve(connection));
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (!closed) {
        Request request = HttpRequests.read(in, out);
        if (request == null) {
          return; // the client closed the connection between requests
        }
        Response response = new Response();
        Handler handler = handlerFor(request.path());
        if (handler == null) {
          response.status(404);
        } else {
          try {
            handler.handle(request, response);
          } catch (RuntimeException e) {
            response = new Response();
            response.status(500);
            response.body(e.toString().getBytes(StandardCharsets.UTF_8));
          }
        }
        out.write(encode(response, request.keepAlive()));
        out.flush();
        if (!request.keepAlive()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away mid-request, or the server is closing: nothing to answer.
    } finally {
      connections.remove(connection);
    }
  }

  private synchronized Handler handlerFor(String path) {
    for (Map.Entry<String, Handler> route : byPrefix.descendingMap().entrySet()) {
      if (path.startsWith(route.getKey())) {
        return route.getValue();
      }
    }
    return null;
  }

  private static byte[] encode(Response response, boolean keepAlive) {
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ")
            .append(response.status)
            .append(' ')
            .append(reason(response.status))
            .append("\r\n");
    response.headers.forEach(
        (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(response.body.length).append("\r\n");
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] whole = new byte[headBytes.length + response.body.length];
    System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
    System.arraycopy(response.body, 0, whole, headBytes.length, response.body.length);
    return whole;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      listening.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket connection : connections) {
      try {
        connection.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
