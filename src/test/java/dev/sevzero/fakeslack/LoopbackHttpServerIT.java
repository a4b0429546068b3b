package dev.sevzero.fakeslack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake's HTTP server, spoken to byte by byte as clients speak HTTP/1.1 to it. */
class LoopbackHttpServerIT {

  private final LoopbackHttpServer server = new LoopbackHttpServer();
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void start() {
    server.route(
        "/echo/",
        (request, response) -> {
          synchronized (seen) {
            seen.add(request.method() + " " + request.path() + " ?" + request.rawQuery());
          }
          response.header("X-Seen", request.header("x-test"));
          response.body(request.body());
        });
    server.route(
        "/echo/broken",
        (request, response) -> {
          throw new IllegalStateException("a bug in the fake");
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersRequestAfterRequestOnOneConnection() throws IOException {
    try (Socket socket = connect()) {
      assertThat(exchange(socket, post("/echo/one?a=1", "first", ""))).endsWith("\r\n\r\nfirst");
      assertThat(exchange(socket, post("/echo/two", "second", ""))).endsWith("\r\n\r\nsecond");
    }
    assertThat(seen).containsExactly("POST /echo/one ?a=1", "POST /echo/two ?null");
  }

  @Test
  void answersWithStatusHeadersAndLengthInOneAnswer() throws IOException {
    try (Socket socket = connect()) {
      send(socket, post("/echo/x", "body", "X-Test: hello\r\n"));
      String answer = readAnswer(socket.getInputStream());
      assertThat(answer)
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("X-Seen: hello\r\n")
          .contains("Content-Length: 4\r\n");
    }
  }

  @Test
  void readsAChunkedBodyWhole() throws IOException {
    try (Socket socket = connect()) {
      send(
          socket,
          "POST /echo/chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n");
      assertThat(readAnswer(socket.getInputStream())).endsWith("\r\n\r\nhello world");
    }
  }

  @Test
  void saysContinueToAClientThatWaitsForIt() throws IOException {
    try (Socket socket = connect()) {
      send(socket, post("/echo/expect", "later", "Expect: 100-continue\r\n"));
      InputStream in = socket.getInputStream();
      assertThat(readHead(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(readAnswer(in)).endsWith("\r\n\r\nlater");
    }
  }

  /** HTTP/1.1 with {@code Connection: close}, and HTTP/1.0 without {@code keep-alive}. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST /echo/last HTTP/1.1\r\nConnection: close\r\nContent-Length: 3\r\n\r\nbye",
        "GET /echo/old HTTP/1.0\r\nContent-Length: 0\r\n\r\n"
      })
  void closesTheConnectionAfterAnsweringAClientThatDoesNotKeepIt(String request)
      throws IOException {
    try (Socket socket = connect()) {
      send(socket, request);
      InputStream in = socket.getInputStream();
      assertThat(readAnswer(in)).startsWith("HTTP/1.1 200 ").contains("Connection: close\r\n");
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void keepsAnHttp10ConnectionThatAsksForIt() throws IOException {
    String request =
        "GET /echo/old HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n";
    try (Socket socket = connect()) {
      assertThat(exchange(socket, request)).doesNotContain("Connection: close");
      assertThat(exchange(socket, request)).startsWith("HTTP/1.1 200 ");
    }
  }

  @Test
  void answersAnUnknownPathWith404AndAFailingHandlerWith500() throws IOException {
    try (Socket socket = connect()) {
      assertThat(exchange(socket, post("/nowhere", "", ""))).startsWith("HTTP/1.1 404 ");
      assertThat(exchange(socket, post("/echo/broken", "", "")))
          .startsWith("HTTP/1.1 500 ")
          .endsWith("a bug in the fake");
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String post(String target, String body, String extraHeaders) {
    return "POST "
        + target
        + " HTTP/1.1\r\nHost: x\r\n"
        + extraHeaders
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /** Sends {@code request} and reads its answer. */
  private static String exchange(Socket socket, String request) throws IOException {
    send(socket, request);
    return readAnswer(socket.getInputStream());
  }

  private static void send(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** One answer: its head, then as many body bytes as its Content-Length says. */
  private static String readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.startsWith("Content-Length: ")) {
        length = Integer.parseInt(line.substring("Content-Length: ".length()));
      }
    }
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** An interim answer's status line, and the empty line after it. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (!line.toString().endsWith("\r\n\r\n")) {
      line.append((char) in.read());
    }
    return line.toString().trim();
  }
}
