package dev.sevzero.bench;

import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.slack.transport.SlackSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Sends slash commands to an HTTP-mode bot the way Slack does: signed form POSTs, over kept-alive
 * HTTP/1.1 connections.
 *
 * <p>One thread writes every request of a burst, each on its own connection, then reads the acks.
 * The load generator shares the bot's two cores, where Slack's senders never are, so it is kept as
 * cheap as it can be: requests are built and signed before the clock starts, and there is no thread
 * per request. (A pool of 100 threads on {@code java.net.http.HttpClient} cost about 40 ms of CPU
 * per burst of 100, half as much as the bot's own request handling.)
 */
final class SlashCommands implements AutoCloseable {

  /**
   * One ack: its HTTP status, its body, and the time from writing the request to reading it all.
   */
  record Ack(int status, String body, double ms) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final InetSocketAddress bot;
  private final SlackSignature signature =
      new SlackSignature(BenchSupport.SECRET, Clock.systemUTC());
  private final Deque<SocketChannel> idle = new ArrayDeque<>();

  SlashCommands(int port) {
    bot = new InetSocketAddress("127.0.0.1", port);
  }

  /** A signed {@code POST /slack/events} carrying {@code /incident <text>}, ready to write. */
  byte[] request(String user, String channel, String text) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "bench-verification-token");
    form.put("team_id", FakeSlack.TEAM_ID);
    form.put("team_domain", "sevzero-bench");
    form.put("channel_id", channel);
    form.put("channel_name", "general");
    form.put("user_id", user);
    form.put("user_name", "alice");
    form.put("command", "/incident");
    form.put("text", text);
    form.put("api_app_id", FakeSlack.APP_ID);
    form.put("is_enterprise_install", "false");
    form.put("response_url", "http://127.0.0.1:9/unused-response-url");
    form.put("trigger_id", "bench.trigger." + System.nanoTime());
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    String head =
        "POST /slack/events HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + bot.getPort()
            + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: "
            + bytes.length
            + "\r\n"
            + "X-Slack-Request-Timestamp: "
            + timestamp
            + "\r\n"
            + "X-Slack-Signature: "
            + signature.sign(timestamp, bytes)
            + "\r\n"
            + "\r\n";
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(bytes);
    return request.toByteArray();
  }

  /** Sends one command and waits for its ack; throws unless it is a 200. */
  String send(byte[] request) throws IOException {
    Ack ack = burst(List.of(request)).get(0);
    if (ack.status() != 200) {
      throw new IllegalStateException("ack was HTTP " + ack.status() + ": " + ack.body());
    }
    return ack.body();
  }

  /**
   * Writes every request at once, each on its own connection, and returns their acks in order; each
   * is timed from just before its request is written to the last byte of its response.
   */
  List<Ack> burst(List<byte[]> requests) throws IOException {
    int n = requests.size();
    List<SocketChannel> connections = new ArrayList<>(n);
    while (connections.size() < n) {
      connections.add(idle.isEmpty() ? connect() : idle.pop());
    }
    long[] started = new long[n];
    Ack[] acks = new Ack[n];
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < n; i++) {
        connections.get(i).register(selector, SelectionKey.OP_READ, new Reading(i));
      }
      for (int i = 0; i < n; i++) {
        started[i] = System.nanoTime();
        ByteBuffer out = ByteBuffer.wrap(requests.get(i));
        while (out.hasRemaining()) {
          connections.get(i).write(out);
        }
      }
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      int done = 0;
      ByteBuffer in = ByteBuffer.allocate(64 * 1024);
      while (done < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException((n - done) + " of " + n + " acks not received within " + TIMEOUT);
        }
        selector.select(Math.max(1, left / 1_000_000));
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          Reading reading = (Reading) key.attachment();
          in.clear();
          int read = ((SocketChannel) key.channel()).read(in);
          if (read < 0) {
            throw new IOException("the bot closed a connection before its ack was complete");
          }
          reading.received.write(in.array(), 0, read);
          Ack ack = reading.complete((now - started[reading.index]) / 1e6);
          if (ack != null) {
            acks[reading.index] = ack;
            key.cancel();
            done++;
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      connections.forEach(SlashCommands::closeQuietly);
      throw e;
    }
    // Closing the selector has deregistered them: they can join the next burst's.
    connections.forEach(idle::push);
    return List.of(acks);
  }

  private SocketChannel connect() throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.connect(bot);
    channel.configureBlocking(false);
    return channel;
  }

  @Override
  public void close() {
    idle.forEach(SlashCommands::closeQuietly);
    idle.clear();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One response being read: complete once its headers and Content-Length bytes are in. */
  private static final class Reading {
    final int index;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();

    Reading(int index) {
      this.index = index;
    }

    Ack complete(double ms) {
      String text = received.toString(StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        return null;
      }
      String[] lines = text.substring(0, headEnd).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      int length = 0;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
        } else if (lower.startsWith("transfer-encoding:")) {
          throw new IllegalStateException("chunked responses are not read here: " + line);
        }
      }
      byte[] all = received.toByteArray();
      int bodyStart = headEnd + 4;
      if (all.length < bodyStart + length) {
        return null;
      }
      return new Ack(status, new String(all, bodyStart, length, StandardCharsets.UTF_8), ms);
    }
  }
}
