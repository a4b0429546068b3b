package dev.sevzero.fakeslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode endpoint. apps.connections.open hands out one-time tickets; envelopes go to
 * the most recently opened live connection and acks are accepted from any, as Slack does while an
 * app rotates connections. Java-WebSocket answers ping frames with a pong echoing the payload,
 * which is what the SDK's session monitor checks.
 */
final class SocketModeHub implements Delivery {
  private final Server server;
  private final Set<String> tickets = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<JsonObject>> pendingAcks = new ConcurrentHashMap<>();
  private final Deque<WebSocket> connections = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong();

  SocketModeHub() {
    server = new Server();
    server.setReuseAddr(true);
    server.setDaemon(true);
    server.start();
    try {
      if (!server.started.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Socket Mode server did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What apps.connections.open returns: a URL good for one connection. */
  String newConnectionUrl() {
    String ticket = "t" + ids.incrementAndGet();
    tickets.add(ticket);
    return "ws://127.0.0.1:" + server.getPort() + "/link?ticket=" + ticket;
  }

  /** Sends an envelope and waits for its ack; empty if nobody is connected or nobody acks. */
  @Override
  public Ack deliver(String type, JsonObject payload, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String envelopeId = "env-" + ids.incrementAndGet();
    CompletableFuture<JsonObject> ack = new CompletableFuture<>();
    pendingAcks.put(envelopeId, ack);
    try {
      WebSocket target = awaitConnection(deadline);
      if (target == null) {
        return Ack.NONE;
      }
      JsonObject envelope =
          Json.obj(
              "envelope_id", envelopeId,
              "type", type,
              "accepts_response_payload", true,
              "payload", payload);
      target.send(envelope.toString());
      JsonObject answer = ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      JsonElement body = answer.get("payload");
      return new Ack(true, body != null && body.isJsonObject() ? body.getAsJsonObject() : null);
    } catch (TimeoutException e) {
      return Ack.NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Ack.NONE;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pendingAcks.remove(envelopeId);
    }
  }

  // The app may still be connecting (playground start-up); waiting is bounded by the deadline.
  private synchronized WebSocket awaitConnection(long deadline) throws InterruptedException {
    while (true) {
      connections.removeIf(c -> !c.isOpen());
      if (!connections.isEmpty()) {
        return connections.peekLast();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private synchronized void opened(WebSocket conn) {
    connections.addLast(conn);
    notifyAll();
  }

  private synchronized void closed(WebSocket conn) {
    connections.remove(conn);
  }

  synchronized boolean connected() {
    return connections.stream().anyMatch(WebSocket::isOpen);
  }

  void close() {
    try {
      server.stop(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress("127.0.0.1", 0));
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      String resource = handshake.getResourceDescriptor();
      int at = resource.indexOf("ticket=");
      if (at < 0 || !tickets.remove(resource.substring(at + "ticket=".length()))) {
        conn.close(1008, "invalid ticket");
        return;
      }
      opened(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      closed(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      JsonObject ack = Json.parse(message).getAsJsonObject();
      String envelopeId = Json.str(ack, "envelope_id");
      CompletableFuture<JsonObject> pending =
          envelopeId == null ? null : pendingAcks.get(envelopeId);
      if (pending != null) {
        pending.complete(ack);
      }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      if (conn == null) {
        started.countDown(); // startup failed; the constructor then finds no port
      }
    }
  }
}
