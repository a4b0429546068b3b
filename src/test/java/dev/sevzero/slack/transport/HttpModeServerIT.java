package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.sun.net.httpserver.HttpServer;
import dev.sevzero.http.Health;
import dev.sevzero.http.Probes;
import dev.sevzero.http.Router;
import dev.sevzero.http.WebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpModeServerIT {

  private static final String SECRET = "test-signing-secret";

  // Bolt's own signature check reads the system clock, so the fixed clock sits at the real now.
  private final Clock clock =
      Clock.fixed(Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  private final SlackSignature signer = new SlackSignature(SECRET, clock);
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger handled = new AtomicInteger();
  private final AtomicReference<Health> health = new AtomicReference<>(Health.ok());
  private HttpServer webApi;
  private WebServer server;
  private App app;

  @BeforeEach
  void start() throws Exception {
    webApi = authTestOnlyWebApi();
    AppConfig config =
        AppConfig.builder()
            .singleTeamBotToken("xoxb-test")
            .signingSecret(SECRET)
            .slack(
                SlackClients.create("http://127.0.0.1:" + webApi.getAddress().getPort() + "/api/"))
            .build();
    app = new App(config);
    app.command(
        "/incident",
        (request, context) -> {
          handled.incrementAndGet();
          return context.ack("Declaring: " + request.getPayload().getText());
        });
    app.start();
    Router router = new Probes(Map.of("database", health::get)).routes(new Router());
    router.post(SlackEvents.PATH, new SlackEvents(app, SECRET, clock));
    server = new WebServer(router, 0);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
    app.stop();
    webApi.stop(0);
  }

  /**
   * Bolt calls {@code auth.test} for a single-team bot token when the app starts, and refuses to
   * start if it fails; nothing else may reach the Web API in these tests.
   */
  private static HttpServer authTestOnlyWebApi() throws IOException {
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/api/",
        exchange -> {
          boolean authTest = exchange.getRequestURI().getPath().equals("/api/auth.test");
          byte[] body =
              (authTest
                      ? "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}"
                      : "{\"ok\":false,\"error\":\"unexpected_call\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(authTest ? 200 : 500, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    api.start();
    return api;
  }

  @Test
  void validSignedSlashCommandRunsTheHandler() throws Exception {
    HttpResponse<String> response = post(command("declare db down"), now(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Declaring: declare db down");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(handled).hasValue(1);
  }

  @Test
  void badSignatureIsRejectedBeforeTheApp() throws Exception {
    String body = command("declare db down");
    String forged = signer.sign(now(), (body + "x").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = post(body, now(), forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(handled).hasValue(0);
  }

  @Test
  void missingSignatureIsRejected() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(command("declare x")))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(handled).hasValue(0);
  }

  @Test
  void timestampSixMinutesOldIsRejected() throws Exception {
    String timestamp = Long.toString(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());

    HttpResponse<String> response = post(command("declare x"), timestamp, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(handled).hasValue(0);
  }

  @Test
  void timestampSixMinutesInTheFutureIsRejected() throws Exception {
    String timestamp = Long.toString(clock.instant().plus(Duration.ofMinutes(6)).getEpochSecond());

    HttpResponse<String> response = post(command("declare x"), timestamp, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(handled).hasValue(0);
  }

  @Test
  void timestampFourMinutesOffIsAccepted() throws Exception {
    String timestamp = Long.toString(clock.instant().minus(Duration.ofMinutes(4)).getEpochSecond());

    assertThat(post(command("declare x"), timestamp, null).statusCode()).isEqualTo(200);
  }

  @Test
  void healthz() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").body()).isEqualTo("ok");

    health.set(Health.unhealthy("database unreachable"));
    HttpResponse<String> unhealthy = get("/healthz");

    assertThat(unhealthy.statusCode()).isEqualTo(503);
    assertThat(unhealthy.body()).contains("database unreachable");
  }

  @Test
  void onlyTheExactPathsAndMethodsAreServed() throws Exception {
    assertThat(get("/slack/events").statusCode()).isEqualTo(405);
    assertThat(get("/healthzz").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
  }

  @Test
  void livezAnswersEvenWhenNotReady() throws Exception {
    health.set(Health.unhealthy("database unreachable"));

    assertThat(get("/livez").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
    assertThat(get("/readyz").body()).contains("database unreachable");
    assertThat(get("/readyz?exclude=database").statusCode()).isEqualTo(200);
    HttpResponse<String> typo = get("/readyz?exclude=databse");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).isEqualTo("unknown check databse; the checks are database");
  }

  @Test
  void aServerWithoutTheEventsRouteAnswers404ThereAndServesProbes() throws Exception {
    WebServer probesOnly =
        new WebServer(new Probes(Map.of("database", Health::ok)).routes(new Router()), 0);
    probesOnly.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + probesOnly.port());
      HttpResponse<String> healthz =
          http.send(
              HttpRequest.newBuilder(base.resolve("/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> events =
          http.send(
              HttpRequest.newBuilder(base.resolve("/slack/events"))
                  .POST(HttpRequest.BodyPublishers.ofString(command("x")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(healthz.statusCode()).isEqualTo(200);
      assertThat(events.statusCode()).isEqualTo(404);
    } finally {
      probesOnly.stop();
    }
  }

  private String now() {
    return Long.toString(clock.instant().getEpochSecond());
  }

  private static String command(String text) {
    return "token=legacy&team_id=T1&team_domain=acme&channel_id=C1&channel_name=general"
        + "&user_id=U1&user_name=alice&command=%2Fincident&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse&trigger_id=1.2.3&api_app_id=A1";
  }

  /** Posts {@code body} signed for {@code timestamp}, or with {@code signature} when given. */
  private HttpResponse<String> post(String body, String timestamp, String signature)
      throws Exception {
    String signed =
        signature != null
            ? signature
            : signer.sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(uri("/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", signed)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
