package dev.sevzero.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.app.Sevzero;
import dev.sevzero.config.Config;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes of a Socket Mode bot: served on PORT, and before the socket connects. */
class ProbesIT {

  @TempDir Path directory;
  TestWorkspace workspace;

  @AfterEach
  void stop() {
    workspace.close();
  }

  @Test
  void theHttpPortListensBeforeTheSocketConnects() throws Exception {
    workspace = new TestWorkspace(directory);
    Map<String, String> environment = workspace.environment();
    int port = Integer.parseInt(environment.get("PORT"));
    CompletableFuture<Sevzero> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Sevzero.start(Config.fromEnvironment(environment), workspace.clock);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    await()
        .atMost(TestWorkspace.WAIT)
        .pollInterval(1, TimeUnit.MILLISECONDS)
        .until(workspace.slack::socketModeConnected);
    boolean listening = accepts(port);
    try (Sevzero bot = starting.get(TestWorkspace.WAIT.toSeconds(), TimeUnit.SECONDS)) {
      assertThat(listening).as("port %d open when the socket connected", port).isTrue();
      assertThat(get(bot, "/livez").statusCode()).isEqualTo(200);
      assertThat(get(bot, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(bot, "/healthz").body()).isEqualTo("ok");
    }
  }

  @Test
  void readyzSaysSoWhenTheSocketIsDown() throws Exception {
    workspace = new TestWorkspace(directory).start();

    workspace.slack.close();

    await()
        .atMost(TestWorkspace.WAIT)
        .untilAsserted(
            () -> {
              HttpResponse<String> readyz = get(workspace.bot(), "/readyz");
              assertThat(readyz.statusCode()).isEqualTo(503);
              assertThat(readyz.body()).contains("Socket Mode");
            });
    assertThat(get(workspace.bot(), "/livez").statusCode()).isEqualTo(200);
  }

  @Test
  void aProbeMayLeaveTheDeliveriesCheckOutButNotMisnameIt() throws Exception {
    workspace = new TestWorkspace(directory).start();

    assertThat(get(workspace.bot(), "/readyz?exclude=deliveries").statusCode()).isEqualTo(200);
    HttpResponse<String> typo = get(workspace.bot(), "/readyz?exclude=delivery");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body())
        .isEqualTo("unknown check delivery; the checks are database, socket, deliveries");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static HttpResponse<String> get(Sevzero bot, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
